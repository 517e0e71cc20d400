import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as sorting from '../../src/components/table/table-sort.js';
import { collate, collationRanks, ranksOf } from '../../src/components/table/table-collation.js';
import { TablePipeline, type Row, type TableColumn } from '../../src/components/table/table-model.js';

/**
 * Checks ranks against the collator without sorting every text with it (slow past 100,000): in
 * rank order each text compares below the next exactly when its rank is below, ranks dense.
 */
function assertRanksByNeighbours(texts: string[], ranks: Uint32Array, collator: Intl.Collator): void {
  const byRank = Array.from(texts.keys()).sort((a, b) => ranks[a] - ranks[b]);
  assert.equal(ranks[byRank[0]], 0);
  for (let i = 1; i < byRank.length; i++) {
    const [a, b] = [byRank[i - 1], byRank[i]];
    const step = ranks[b] - ranks[a];
    assert.ok(step === 0 || step === 1, `ranks are dense at ${i}`);
    if (step !== Math.sign(collator.compare(texts[a], texts[b])) * -1) {
      assert.fail(`${JSON.stringify(texts[a])} (rank ${ranks[a]}) vs ${JSON.stringify(texts[b])} (rank ${ranks[b]})`);
    }
  }
}

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

/**
 * A randomized corpus from a fixed seed: printable ASCII of both cases, digits, punctuation and
 * spaces; accented letters precomposed and decomposed (stacked accents, accents after the 32nd
 * character); letters with no ASCII base (ß, æ, ø, ł), Spanish ñ, Greek, Cyrillic, CJK, emoji,
 * controls, ignorable characters; empty texts; long shared prefixes; duplicates.
 */
function randomTexts(count: number, seed: number): string[] {
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  const letters = 'aAbBcCeEiInNoOsSuUzZ'.split('');
  const accented = ['é', 'É', 'è', 'ê', 'ë', 'à', 'â', 'ä', 'Ä', 'å', 'ç', 'Ç', 'í', 'ï', 'ó', 'ö', 'Ö', 'ú', 'ü', 'Ü', 'ý', 'ÿ', 'ő', 'ž', 'Ž', 'č', 'ř', 'ș', 'ţ', 'ǎ',
    'e\u0301', 'E\u0301', 'a\u0308', 'o\u0302\u0301', 'u\u0308\u0304', 'c\u0327', 'a\u030a', 'e\u0323\u0302'];
  const other = ['ß', 'æ', 'Æ', 'ø', 'Ø', 'ł', 'đ', 'þ', 'œ', 'ñ', 'Ñ', 'n\u0303', 'Ω', 'ω', 'Я', 'я', '東', '京', '😀', '\u00a0', '\u200b', '\u0000', '\t', '\n', 'ﬁ', '²', '½', '\u0301'];
  const pieces = [...ascii, ...letters, ...letters, ...accented, ...other];
  const prefixes = ['', '', '', 'Smith, ', 'smith, ', 'Müller ', 'x'.repeat(30), 'The same long prefix, 36 characters ', 'Item '];
  const out: string[] = [];
  while (out.length < count) {
    if (out.length > 0 && rand(8) === 0) {
      out.push(out[rand(out.length)]); // a duplicate
      continue;
    }
    let s = prefixes[rand(prefixes.length)];
    for (let i = rand(12); i > 0; i--) {
      const r = rand(10);
      s += r < 6 ? letters[rand(letters.length)] : r < 8 ? ascii[rand(ascii.length)] : r < 9 ? accented[rand(accented.length)] : pieces[rand(pieces.length)];
    }
    out.push(s);
  }
  return out;
}

describe('collationRanks', () => {
  for (const locale of [undefined, 'en', 'de', 'fr', 'fr-CA', 'es', 'sv', 'da', 'cs']) {
    for (const numeric of [false, true]) {
      it(`matches the collator on a randomized corpus with accents, other scripts and duplicates (${locale ?? 'default locale'}, numeric: ${numeric})`, () => {
        const texts = randomTexts(6000, 7 + (numeric ? 1 : 0));
        const collator = new Intl.Collator(locale, { numeric });
        assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
      });
    }
  }

  it('matches the collator on 60,000 random texts (default locale)', () => {
    const texts = randomTexts(60000, 42);
    const collator = new Intl.Collator();
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
  });

  it('orders texts that differ only by accents or case past the 32nd character', () => {
    const prefix = 'A prefix of exactly thirty-two c';
    assert.equal(prefix.length, 32);
    const tails = ['resume', 'résumé', 'Resume', 'rèsumé', 're\u0301sume\u0301', 'RESUME', 'resumes', 'résume', 'resumé', 'resume ', 'resum'];
    // Past the weight table (28 characters) and at its end.
    const texts = [...tails.map((t) => prefix + t), ...tails.map((t) => prefix.slice(0, 30) + t), ...tails.map((t) => prefix.slice(0, 28) + t), ...tails];
    for (const collator of [new Intl.Collator(), new Intl.Collator('fr-CA'), new Intl.Collator('en', { numeric: true })]) {
      assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    }
  });

  it('keeps Spanish ñ a letter of its own', () => {
    const texts = ['nube', 'ñu', 'n\u0303u', 'nz', 'oso', 'Ñandú', 'nandu', 'Nandu'];
    const collator = new Intl.Collator('es');
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    const ranks = collationRanks(texts, collator);
    assert.ok(ranks[1] > ranks[3] && ranks[1] < ranks[4], 'ñu between nz and oso');
  });

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

  it('gives the texts in order when it ranked them all by their weights: equal texts in the order they came, ranks as collationRanks', () => {
    const collator = new Intl.Collator();
    const names = manyTexts(3000);
    // Repeats, a case variant and an accented one: ties and neighbours that differ only past the primary weights.
    const texts = [...names, ...names.slice(0, 300), 'Résumé', 'resume', 'Resume', 'résumé', 'resume'];
    const collated = collate(texts, collator);
    assert.ok(!(collated instanceof Uint32Array), 'an order');
    const expected = collatorRanks(texts, collator);
    assert.deepEqual([...ranksOf(collated)], expected);
    assert.equal(collated.count, Math.max(...expected) + 1);
    const byRankThenIndex = [...texts.keys()].sort((a, b) => expected[a] - expected[b] || a - b);
    assert.deepEqual([...collated.order], byRankThenIndex);
    assert.deepEqual([...collated.rankStart], byRankThenIndex.map((k, p) => (p === 0 || expected[byRankThenIndex[p - 1]] !== expected[k] ? 1 : 0)));
  });

  it('gives ranks, not an order, once a text is left to the collator', () => {
    const texts = [...manyTexts(500), 'Straße', 'Ωμέγα'];
    const collator = new Intl.Collator();
    const collated = collate(texts, collator);
    assert.ok(collated instanceof Uint32Array);
    assert.deepEqual([...collated], collatorRanks(texts, collator));
    assert.deepEqual(collate([], collator), { order: new Uint32Array(0), rankStart: new Uint8Array(0), count: 0 });
  });

  it('ranks 400,000 names as the collator orders them', () => {
    const texts = benchLikeNames(400000, 17);
    assertRanksByNeighbours(texts, collationRanks(texts, new Intl.Collator()), new Intl.Collator());
  });

  it('ranks 300,000 texts that share their first two characters (one bucket, 16-bit radix digits)', () => {
    let seed = 5;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const words = ['Item', 'item', 'ITEM', 'Ité', 'It-', 'It ', 'It', 'Itz', 'Ita'];
    const texts = Array.from({ length: 300000 }, () => `${words[rand(words.length)]}${String.fromCharCode(0x21 + rand(94), 0x21 + rand(94))}${rand(1000)}`);
    assertRanksByNeighbours(texts, collationRanks(texts, new Intl.Collator()), new Intl.Collator());
  });

  it('places texts whose accents or other characters come after their first two characters in their bucket, or leaves them to the collator', () => {
    // Each bucket ("Sm", "Mo", "e" + accent) holds plain texts, texts with an accent that adds no
    // primary weight (precomposed, decomposed, or only known after NFD), and texts the collator
    // orders alone (ß, 東, Spanish-style ñ under es), in groups past the insertion limit.
    const stems = ['Smith', 'Smi\u0301th', 'Smőth', 'Smíth', 'Smßth', 'Sm東', 'Smith\u0301', 'Smith ß', 'SMITH', 'smith', 'Mo', 'Mő', 'Mo\u030b', 'Mö', 'Mñ',
      'e\u0301', 'é', 'É', 'ő', 'o\u030b', '\u0301e', 'ß', '', 'S', 'Sm', 'M'];
    const texts: string[] = [];
    for (const stem of stems) for (let i = 0; i < 30; i++) texts.push(`${stem}${i % 3 === 0 ? '' : String.fromCharCode(0x61 + (i % 7))}${i % 4}`);
    for (const locale of [undefined, 'es', 'sv']) {
      const collator = new Intl.Collator(locale);
      assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator), `locale ${locale}`);
    }
  });

  it('ranks texts built by concatenation (ropes) as their flat copies', () => {
    const ropes = benchLikeNames(20000, 3);
    const flat = JSON.parse(JSON.stringify(ropes)) as string[];
    const collator = new Intl.Collator();
    const ranks = [...collationRanks(ropes, collator)];
    assert.deepEqual(ranks, [...collationRanks(flat, collator)]);
    assert.deepEqual(ranks, collatorRanks(flat, collator));
  });

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

  it('leaves texts of 1,023 characters or more to the collator, short ones beside them ranked by their weights', () => {
    // Around the limit, accented (precomposed, and decomposed: taken without accents), tied with each other up to their ends.
    const long = (n: number, end: string) => 'Lo' + 'n'.repeat(n - 3) + end;
    const texts = [...manyTexts(300)];
    for (const n of [1021, 1022, 1023, 1024, 5000]) texts.push(long(n, 'g'), long(n, 'G'), long(n, 'é'), long(n - 1, 'e\u0301'), 'Lon', `Lo${'n'.repeat(40)}`);
    const collator = new Intl.Collator();
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    // Without them every text is ranked by its weights: an order, not ranks.
    assert.ok(!(collate(texts.filter((t) => t.length < 1023), collator) instanceof Uint32Array));
  });

  it('handles long shared prefixes', () => {
    const prefix = 'x'.repeat(200);
    const texts = Array.from({ length: 300 }, (_, i) => prefix + (i % 2 ? 'A' : 'a') + String.fromCharCode(97 + (i % 26)) + i.toString(36));
    const collator = new Intl.Collator();
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
  });
});

/**
 * Names like the table bench's ("Last, First A.B. (City)"): ropes built by concatenation, accents
 * precomposed and decomposed, case and accent twins, duplicates, and some past 32 characters that
 * tie on their first 32.
 */
function benchLikeNames(count: number, seed: number): string[] {
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const last = ['Smith', 'smith', 'SMITH', "O'Brien", 'de la Cruz', 'van der Berg', 'Müller', 'Mu\u0308ller', 'Muller', 'Núñez', 'Nunez', 'Ærø', 'Łukasz', 'Øster', 'Strauß', 'Zoë', 'Zoe'];
  const first = ['James', 'JAMES', 'Chloé', 'Chloe', 'Chlo\u00e9', 'Ana', 'Åsa', 'Ivan', 'Ñandú', 'Christopher', 'Ève', 'Eve'];
  const cities = ['Springfield', 'Montréal', 'Montreal', 'São Paulo', 'Sao Paulo', 'Zürich', 'St. Louis', 'Kraków', 'Reykjavík', 'A long city name that runs on and on'];
  const out: string[] = [];
  while (out.length < count) {
    if (out.length > 0 && rand(10) === 0) {
      out.push(out[rand(out.length)]);
      continue;
    }
    out.push(
      `${last[rand(last.length)]}, ${first[rand(first.length)]} ` +
        `${String.fromCharCode(65 + rand(4))}.${String.fromCharCode(65 + rand(3))}. ` +
        `(${cities[rand(cities.length)]})`,
    );
  }
  return out;
}

describe('collationRanks on names, accented letters and group sizes', () => {
  for (const locale of [undefined, 'de', 'fr', 'es', 'sv']) {
    it(`matches the collator on 40,000 bench-like names with twins and duplicates (${locale ?? 'default locale'})`, () => {
      const texts = benchLikeNames(40000, 3);
      const collator = new Intl.Collator(locale);
      assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
    });
  }

  it('weighs every Latin-1 letter as the collator does, precomposed or decomposed, in any case', () => {
    const texts: string[] = [];
    for (let c = 0xa0; c <= 0xff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, ch.normalize('NFD'), `a${ch}`, `${ch}a`, `x${ch}b`, `X${ch.toUpperCase()}B`, `xx${ch}`]) texts.push(t);
    }
    texts.push('a', 'b', 'x', 'xb', 'XB', 'xx', 'ae', 'ss', 'o', 'y', 'd', 'th');
    for (const locale of [undefined, 'en', 'de', 'fr', 'es', 'it', 'sv', 'da']) {
      for (const numeric of [false, true]) {
        const collator = new Intl.Collator(locale, { numeric });
        assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator), `${locale} numeric ${numeric}`);
      }
    }
  });

  it('orders groups of every size around the insertion limit, tied at every depth', () => {
    const texts: string[] = [];
    for (let size = 1; size <= 40; size++) {
      for (const [d, depth] of [0, 3, 4, 5, 31, 32, 33, 45].entries()) {
        // Each (size, depth) its own group from the first pass on, tied up to `depth`.
        const prefix = `${String.fromCharCode(0x21 + size)}${d}${'p'.repeat(depth)}`;
        for (let i = 0; i < size; i++) {
          // Distinct tails, a repeated text, case and accent twins: each group a mix.
          const tail = i % 5 === 0 ? 'same' : i % 5 === 1 ? 'Same' : i % 5 === 2 ? 'sâme' : `t${(size * 7 + i * 13) % 37}`;
          texts.push(`${prefix}${size}:${tail}`);
        }
      }
    }
    const collator = new Intl.Collator();
    assert.deepEqual([...collationRanks(texts, collator)], collatorRanks(texts, collator));
  });
});

describe('text sort keys', () => {
  it('past 65,536 distinct texts, equal texts still share a key in the collator\'s order', () => {
    const texts = Array.from({ length: 70000 }, (_, i) => `${['Smith', 'smith', 'Núñez', 'Lee-Ann', 'Zoë'][i % 5]} ${((i * 7919) % 70000).toString(36)}`);
    const data: Row[] = [...texts, ...texts.slice(0, 5000), 'Zoë', 'zoe', 'Zoe', null, ''].map((name) => ({ name }));
    const { ranks: keys } = sorting.sortKeys(data, { id: 'name', name: 'name', type: 'text', source: { id: 'name' } } as TableColumn, () => {}) as sorting.TextRanks;
    const collator = new Intl.Collator();
    const keyOf = new Map<string, number>();
    data.forEach((row, i) => {
      const name = row.name as string | null;
      if (!name) return assert.equal(keys[i], sorting.BLANK_RANK, 'blank rows have no rank');
      if (keyOf.has(name)) assert.equal(keys[i], keyOf.get(name), `both "${name}" rows share a key`);
      keyOf.set(name, keys[i]);
    });
    const names = [...keyOf.keys()].sort((a, b) => keyOf.get(a)! - keyOf.get(b)!);
    for (let i = 1; i < names.length; i++) {
      const order = Math.sign(collator.compare(names[i - 1], names[i]));
      assert.equal(Math.sign(keyOf.get(names[i])! - keyOf.get(names[i - 1])!), order === 0 ? 0 : 1, `${names[i - 1]} / ${names[i]}`);
    }
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

  for (const direction of ['asc', 'desc'] as const) {
    it(`sorts names ${direction}ending as the collator does, equal texts in row order, blanks last`, () => {
      const names = benchLikeNames(30000, 11);
      const data: Row[] = names.map((name, i) => (i % 997 === 0 ? { name: i % 2 ? null : '' } : { name }));
      const columns: TableColumn[] = [{ id: 'name', name: 'name', type: 'text', source: { id: 'name' } }];
      const order = [...new TablePipeline().run({ data, columns, filter: null, filterKey: '', sortBy: [{ column_id: 'name', direction }], sorting })];
      const collator = new Intl.Collator();
      const sign = direction === 'asc' ? 1 : -1;
      const blank = (i: number) => !data[i].name;
      const expected = data
        .map((_, i) => i)
        .sort((a, b) => Number(blank(a)) - Number(blank(b)) || (blank(a) ? 0 : sign * collator.compare(data[a].name as string, data[b].name as string)) || a - b);
      assert.deepEqual(order, expected);
    });
  }

});
