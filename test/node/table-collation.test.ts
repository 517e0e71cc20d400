import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as sorting from '../../src/components/table/table-sort.js';
import { collationRanks } from '../../src/components/table/table-collation.js';
import { TablePipeline, type Row, type TableColumn } from '../../src/components/table/table-model.js';

/** The ranks the collator alone gives: sort, then equal neighbours share a rank. */
function collatorRanks(texts: string[], collator: Intl.Collator): number[] {
  const order = texts.map((_, k) => k).sort((a, b) => collator.compare(texts[a], texts[b]));
  const ranks = new Array<number>(texts.length);
  let rank = 0;
  order.forEach((k, i) => {
    if (i > 0 && collator.compare(texts[order[i - 1]], texts[k]) !== 0) rank++;
    ranks[k] = rank;
  });
  return ranks;
}

const TRICKY = [
  '', ' ', '  ', 'a', 'A', 'b', 'B', 'ab', 'aB', 'Ab', 'AB', 'a b', 'a-b', 'a_b', 'a.b', 'a,b', "a'b", 'ab-', '-ab',
  'co-op', 'coop', 'Co-op', 'COOP', 'résumé', 'resume', 'Résumé', 'RESUME', 'rèsume', 'cote', 'côte', 'coté', 'côté',
  'item2', 'item10', 'item 2', 'Item2', 'x1', 'x01', 'x001', '10', '9', '1.5', '1,5', '-1', '+1', '#1', '$5', '€5',
  'zebra', 'Zebra', 'zèbre', 'Ångström', 'angstrom', 'Zürich', 'Zurich', 'straße', 'strasse', 'Strasse', 'æon', 'aeon',
  'São Paulo', 'Sao Paulo', 'naïve', 'naive', 'Ñandú', 'nandu', 'O\'Brien', 'OBrien', 'o brien', 'Müller', 'Mueller',
  'a\u0301', 'á', 'a\u200bb', 'ab\u0000', 'tab\tstop', 'line\nbreak', '~', '`', '^', '|', '{', '}', '[', ']', '@', '!',
  '?', '/', '\\', '<', '=', '>', '(', ')', '*', '&', '%', ';', ':', '"', 'Ωmega', 'omega', 'Истина', '東京', '😀', 'e\u0300',
];

/** Many distinct names, cities and codes, mostly ASCII with some accents, from a fixed seed. */
function manyTexts(count: number): string[] {
  let seed = 1;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const parts = ['Smith', 'smith', 'SMITH', 'Smyth', 'de la Cruz', "O'Neil", 'Núñez', 'Lee', 'Lee-Ann', 'Leeann', 'X', 'x', '1', '-', ' ', 'é', 'e', 'Zoë', 'zoe'];
  const out = new Set<string>();
  while (out.size < count) {
    let s = '';
    for (let i = rand(4); i >= 0; i--) s += parts[rand(parts.length)] + (rand(3) === 0 ? ', ' : '');
    out.add(s);
  }
  return [...out];
}

describe('collationRanks', () => {
  for (const numeric of [false, true]) {
    it(`matches the collator's order on tricky strings (numeric: ${numeric})`, () => {
      const collator = new Intl.Collator(undefined, { numeric });
      assert.deepEqual([...collationRanks(TRICKY, collator)], collatorRanks(TRICKY, collator));
    });

    it(`matches the collator's order on thousands of names (numeric: ${numeric})`, () => {
      const texts = manyTexts(5000);
      const collator = new Intl.Collator(undefined, { numeric });
      assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    });
  }

  it('gives texts the collator calls equal one rank', () => {
    // A zero-width space is ignorable, and NFD "é" equals NFC "é".
    const texts = ['ab', 'a\u200bb', 'ac', 'caf\u00e9', 'cafe\u0301', 'cafe'];
    const ranks = collationRanks(texts, new Intl.Collator());
    assert.equal(ranks[0], ranks[1]);
    assert.equal(ranks[3], ranks[4]);
    assert.deepEqual([...collationRanks(texts, new Intl.Collator())], collatorRanks(texts, new Intl.Collator()));
  });

  for (const locale of ['da', 'cs', 'tr', 'sv', 'de-u-co-phonebk', 'en-u-kf-upper', 'fr-CA']) {
    it(`matches the collator under locale ${locale}`, () => {
      const texts = [...new Set([...TRICKY, 'aa', 'Aa', 'ch', 'cz', 'h', 'i', 'I', 'ı', 'İ', 'v', 'w', 'y', 'ü', 'ue', 'Ch', 'CH', 'dz', 'd'])];
      const collator = new Intl.Collator(locale);
      assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    });
  }

  it('handles long shared prefixes', () => {
    const prefix = 'x'.repeat(200);
    const texts = Array.from({ length: 300 }, (_, i) => prefix + (i % 2 ? 'A' : 'a') + String.fromCharCode(97 + (i % 26)) + i.toString(36));
    const collator = new Intl.Collator();
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
  });
});

describe('text sort through the table pipeline', () => {
  it('orders a text column as the collator does, blanks last', () => {
    const texts = manyTexts(2000);
    const data: Row[] = [...texts.map((name) => ({ name })), { name: null }, { name: '' }, {}];
    const columns: TableColumn[] = [{ id: 'name', name: 'name', type: 'text', source: { id: 'name' } }];
    const p = new TablePipeline();
    const order = [...p.run({ data, columns, filter: null, filterKey: '', sortBy: [{ column_id: 'name', direction: 'asc' }], sorting })];
    const collator = new Intl.Collator();
    const names = order.slice(0, texts.length).map((i) => data[i].name as string);
    for (let i = 1; i < names.length; i++) assert.ok(collator.compare(names[i - 1], names[i]) <= 0, `${names[i - 1]} before ${names[i]}`);
    assert.deepEqual(order.slice(texts.length).sort(), [texts.length, texts.length + 1, texts.length + 2]);
  });
});
