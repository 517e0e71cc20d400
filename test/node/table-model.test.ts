import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TablePipeline,
  dateKey,
  nextSortBy,
  normalizeColumns,
  normalizeData,
  normalizeSortBy,
  pageOf,
  type Row,
  type TableColumn,
} from '../../src/components/table/table-model.js';
import * as sorting from '../../src/components/table/table-sort.js';

const { radixSortIndices } = sorting;
import { viewportWindow } from '../../src/internal/virtual-window.js';

const cols = (spec: Record<string, TableColumn['type']>): TableColumn[] =>
  Object.entries(spec).map(([id, type]) => ({ id, name: id, type, source: { id } }));

function sorted(data: Row[], columns: TableColumn[], sortBy: { column_id: string; direction: 'asc' | 'desc' }[]) {
  const p = new TablePipeline();
  return [...p.run({ data, columns, filter: null, filterKey: '', sortBy, sorting })];
}

describe('radixSortIndices', () => {
  it('sorts floats, negatives, -0, infinities; blanks last both ways; stable', () => {
    const keys = new Float64Array([3, -1.5, NaN, 0, -0, Infinity, -Infinity, 3, 1e-300, -1e300]);
    const idx = Uint32Array.from(keys.keys());
    assert.deepEqual([...radixSortIndices(idx, keys, false)], [6, 9, 1, 3, 4, 8, 0, 7, 5, 2]);
    assert.deepEqual([...radixSortIndices(idx, keys, true)], [5, 0, 7, 8, 3, 4, 1, 9, 6, 2]);
  });

  it('agrees with Array.prototype.sort on random data', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const keys = Float64Array.from({ length: 5000 }, () => Math.round((rand() - 0.5) * 200) / 4);
    const idx = Uint32Array.from(keys.keys());
    const expected = [...idx].sort((a, b) => keys[a] - keys[b] || a - b);
    assert.deepEqual([...radixSortIndices(idx, keys, false)], expected);
  });

  it('integer keys (the fast path): wide ranges, negatives, blanks, descending, stable', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const range of [5, 3000, 5_000_000, 4_000_000_000]) {
      const keys = Float64Array.from({ length: 4000 }, () => (rand() < 0.05 ? NaN : Math.floor((rand() - 0.3) * range)));
      const idx = Uint32Array.from(keys.keys());
      const blankLast = (a: number, b: number, d: number) =>
        Number.isNaN(keys[a]) ? (Number.isNaN(keys[b]) ? a - b : 1) : Number.isNaN(keys[b]) ? -1 : d || a - b;
      const asc = [...idx].sort((a, b) => blankLast(a, b, keys[a] - keys[b]));
      const desc = [...idx].sort((a, b) => blankLast(a, b, keys[b] - keys[a]));
      assert.deepEqual([...radixSortIndices(idx, keys, false)], asc, `asc, range ${range}`);
      assert.deepEqual([...radixSortIndices(idx, keys, true)], desc, `desc, range ${range}`);
    }
  });

  it('integer keys spanning no more values than rows: one counting pass, stable, blanks last, on all rows or a subset', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 5000;
    // Ranks 0 … n-1 shuffled, a few repeated (equal texts) and a few blank.
    const keys = Float64Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [keys[i], keys[j]] = [keys[j], keys[i]];
    }
    for (let i = 0; i < 200; i++) keys[Math.floor(rand() * n)] = rand() < 0.5 ? NaN : keys[Math.floor(rand() * n)];
    const blankLast = (a: number, b: number, d: number) =>
      Number.isNaN(keys[a]) ? (Number.isNaN(keys[b]) ? a - b : 1) : Number.isNaN(keys[b]) ? -1 : d || a - b;
    const all = Uint32Array.from(keys.keys());
    const subset = all.filter((i) => i % 3 === 0);
    for (const idx of [all, subset]) {
      const asc = [...idx].sort((a, b) => blankLast(a, b, keys[a] - keys[b]));
      const desc = [...idx].sort((a, b) => blankLast(a, b, keys[b] - keys[a]));
      assert.deepEqual([...radixSortIndices(idx, keys, false)], asc, `asc, ${idx.length} rows`);
      assert.deepEqual([...radixSortIndices(idx, keys, true)], desc, `desc, ${idx.length} rows`);
    }
  });
});

describe('text ranks', () => {
  const textColumn: TableColumn = { id: 't', name: 't', type: 'text', source: { id: 't' } };
  const collator = new Intl.Collator();
  /** `idx` ordered as the collator orders their texts; equal texts, and blanks (last), in the order they came. */
  const byCollator = (data: Row[], idx: readonly number[], desc: boolean) => {
    const at = new Map(idx.map((row, i) => [row, i]));
    return [...idx].sort((a, b) => {
      const x = data[a].t as string | null | undefined;
      const y = data[b].t as string | null | undefined;
      const stable = at.get(a)! - at.get(b)!;
      if (!x || !y) return !x && !y ? stable : x ? -1 : 1;
      return (desc ? collator.compare(y, x) : collator.compare(x, y)) || stable;
    });
  };
  /** Distinct names, more than the column's probe for repeated texts looks at. */
  const names = (n: number) => Array.from({ length: n }, (_, i) => `${['Smith', 'lee', 'Núñez', "O'Brien"][i % 4]} ${((i * 7919) % n).toString(36)}`);

  it('a column of distinct names with blanks: every row its own rank, in the collator\'s order; blanks have none', () => {
    const data: Row[] = names(6000).map((t, i) => ({ t: i % 97 === 5 ? (i % 2 ? null : '') : t }));
    const keys = sorting.sortKeys(data, textColumn, () => {}) as sorting.TextRanks;
    const filled = data.filter((r) => r.t).length;
    assert.equal(keys.ties, 0);
    assert.equal(keys.count, filled);
    assert.deepEqual([...keys.ranks].filter((r) => r !== sorting.BLANK_RANK).sort((a, b) => a - b), [...Array(filled).keys()]);
    data.forEach((r, i) => {
      if (!r.t) assert.equal(keys.ranks[i], sorting.BLANK_RANK);
    });
  });

  it('rows go to their ranks: the whole column or a subset, asc and desc, a few repeated names, blanks last in the order they came', () => {
    for (const [size, repeatEvery] of [[50, 0], [6000, 0], [6000, 97]]) {
      const list = names(size);
      // A few names again (as in a real list of people), tying with their first row.
      if (repeatEvery) for (let i = repeatEvery; i < size; i += repeatEvery) list[i] = list[(i * 31) % i];
      const data: Row[] = list.map((t, i) => ({ t: i % 13 === 4 ? null : i % 17 === 3 ? '' : t }));
      const keys = sorting.sortKeys(data, textColumn, () => {}) as sorting.TextRanks;
      if (!repeatEvery) assert.equal(keys.ties, 0, `${size} rows`);
      else assert.ok(keys.ties > 0 && keys.ties * 16 <= keys.count, `${keys.ties} ties: few`);
      const all = Uint32Array.from(data.keys());
      const shuffled = all.slice().reverse();
      const subset = all.filter((i) => i % 3 !== 1);
      for (const idx of [all, shuffled, subset]) {
        for (const desc of [false, true]) {
          assert.deepEqual([...radixSortIndices(idx, keys, desc)], byCollator(data, [...idx], desc), `${size} rows, ${idx.length} sorted, ${desc ? 'desc' : 'asc'}`);
        }
      }
    }
  });

  it('a whole column of names sorts from the collation\'s order; subsets, other orders and texts left to the collator from the ranks, the same rows', () => {
    for (const [repeatEvery, other] of [[0, ''], [97, ''], [0, 'Ωμέγα'], [97, 'Straße']] as const) {
      const list = names(6000);
      if (repeatEvery) for (let i = repeatEvery; i < list.length; i += repeatEvery) list[i] = list[(i * 31) % i];
      if (other) list[4000] = other;
      // Blanks few enough that the column still counts as names (not ranked once per distinct text).
      const data: Row[] = list.map((t, i) => ({ t: i % 61 === 4 ? null : i % 67 === 3 ? '' : t }));
      const keys = sorting.sortKeys(data, textColumn, () => {}) as sorting.TextRanks;
      assert.equal(keys.sorted !== undefined, other === '', `${other || 'names'}: the order ${other ? 'unknown' : 'known'}`);
      const all = Uint32Array.from(data.keys());
      for (const desc of [false, true]) {
        // The whole column first (from the order), then a subset and every row in another order (from the ranks).
        for (const idx of [all, all.filter((i) => i % 5 !== 2), all.slice().reverse(), all]) {
          assert.deepEqual([...radixSortIndices(idx, keys, desc)], byCollator(data, [...idx], desc), `${repeatEvery} ${other}: ${idx.length} rows, ${desc ? 'desc' : 'asc'}`);
        }
      }
      // The whole column ascending is the column's order itself, not a copy (a sort's result is only
      // read), and a descending sort leaves it as it was.
      const first = radixSortIndices(all, keys, false);
      if (keys.sorted) assert.equal(first, keys.sorted.order, 'no copy');
      radixSortIndices(all, keys, true);
      assert.deepEqual([...radixSortIndices(all, keys, false)], byCollator(data, [...all], false));
      if (keys.sorted) {
        const rankOrder = [...all].sort((a, b) => keys.ranks[a] - keys.ranks[b] || a - b);
        assert.deepEqual(rankOrder, byCollator(data, [...all], false), 'ranks written from the order');
      }
    }
  });

  it('repeated texts tie and keep their order (counting pass), a few distinct or thousands', () => {
    for (const base of [['b', 'A', 'a', 'é', 'e', 'É'], names(5000)]) {
      const data: Row[] = Array.from({ length: base.length * 2 + 40 }, (_, i) => ({ t: i % 29 === 0 ? null : base[(i * 7) % base.length] }));
      const keys = sorting.sortKeys(data, textColumn, () => {}) as sorting.TextRanks;
      assert.ok(keys.ties > 0);
      const all = Uint32Array.from(data.keys());
      for (const desc of [false, true]) assert.deepEqual([...radixSortIndices(all, keys, desc)], byCollator(data, [...all], desc));
    }
  });

  it('a category past the first 8,192 rows, and a column that turns into names after them, sort as the collator orders them', () => {
    const category = ['b', 'A', 'a', 'é', 'e', 'É', ...names(30)];
    const categoryRows: Row[] = Array.from({ length: 20000 }, (_, i) => ({ t: i % 29 === 0 ? null : category[(i * 7) % category.length] }));
    // Repeats for 10,000 rows, then a new name on every row: past 65,536 distinct texts it is ranked per row.
    const list = names(67000);
    const turning: Row[] = [...Array.from({ length: 10000 }, (_, i) => list[i % 50]), ...list].map((t, i) => ({ t: i % 997 === 0 ? '' : t }));
    for (const data of [categoryRows, turning]) {
      const keys = sorting.sortKeys(data, textColumn, () => {}) as sorting.TextRanks;
      assert.equal(keys.sorted !== undefined, data === turning, 'ranked once per distinct text, or per row');
      const all = Uint32Array.from(data.keys());
      for (const desc of [false, true]) assert.deepEqual([...radixSortIndices(all, keys, desc)], byCollator(data, [...all], desc));
    }
  });

  it('through the pipeline: multi-column with distinct names, sort then filter, new data after a sort', () => {
    const list = names(5000);
    const data: Row[] = list.map((t, i) => ({ t: i % 41 === 0 ? null : t, g: i % 3 }));
    const columns = cols({ g: 'numeric', t: 'text' });
    const p = new TablePipeline();
    const run = (rows: Row[], sortBy: { column_id: string; direction: 'asc' | 'desc' }[], filter: ((r: Row) => boolean) | null = null) =>
      [...p.run({ data: rows, columns, filter, filterKey: filter ? 'f' : '', sortBy, sorting })];
    const multi = run(data, [{ column_id: 'g', direction: 'asc' }, { column_id: 't', direction: 'desc' }]);
    for (const g of [0, 1, 2]) {
      const group = multi.filter((i) => data[i].g === g);
      assert.deepEqual(group, byCollator(data, group, true), `group ${g} by name, desc`);
    }
    assert.deepEqual(multi.map((i) => data[i].g), [...data.keys()].map((i) => data[i].g as number).sort());
    const odd = (r: Row) => (r.g as number) === 1;
    assert.deepEqual(run(data, [{ column_id: 't', direction: 'asc' }], odd), byCollator(data, [...data.keys()].filter((i) => odd(data[i])), false));
    const fresh: Row[] = list.slice(0, 3000).reverse().map((t) => ({ t: `x ${t}`, g: 0 }));
    assert.deepEqual(run(fresh, [{ column_id: 't', direction: 'asc' }]), byCollator(fresh, [...fresh.keys()], false));
  });
});

describe('TablePipeline sorting', () => {
  it('numeric with nulls and mixed values last', () => {
    const data = [{ n: 5 }, { n: null }, { n: -2 }, { n: 'x' }, { n: '10' }, {}, { n: 0 }];
    assert.deepEqual(sorted(data, cols({ n: 'numeric' }), [{ column_id: 'n', direction: 'asc' }]), [2, 6, 0, 4, 1, 3, 5]);
    assert.deepEqual(sorted(data, cols({ n: 'numeric' }), [{ column_id: 'n', direction: 'desc' }]), [4, 0, 6, 2, 1, 3, 5]);
  });

  it('text with locale collation (case and accents), blanks last', () => {
    const data = [{ t: 'banana' }, { t: 'Apple' }, { t: '' }, { t: 'apple' }, { t: 'Éclair' }, { t: 'eclair' }, { t: 'cherry' }];
    const order = sorted(data, cols({ t: 'text' }), [{ column_id: 't', direction: 'asc' }]).map((i) => data[i].t);
    assert.deepEqual(order, ['apple', 'Apple', 'banana', 'cherry', 'eclair', 'Éclair', '']);
  });

  it('datetime strings in Dash formats and Date-like numbers', () => {
    const data = [{ d: '2021-03-01 10:00:00' }, { d: '2020-12-31' }, { d: null }, { d: '2021-03-01T09:59:59Z' }, { d: '2021-01' }];
    const order = sorted(data, cols({ d: 'datetime' }), [{ column_id: 'd', direction: 'asc' }]);
    assert.deepEqual(order, [1, 4, 3, 0, 2]);
    assert.equal(dateKey('2020-01-01T00:00:00+01:00'), Date.UTC(2019, 11, 31, 23));
  });

  it('any: numbers numerically; mixed as numeric-aware text', () => {
    assert.deepEqual(sorted([{ a: 10 }, { a: 9 }, { a: 100 }], cols({ a: 'any' }), [{ column_id: 'a', direction: 'asc' }]), [1, 0, 2]);
    const data = [{ a: 'item10' }, { a: 9 }, { a: 'item9' }];
    assert.deepEqual(sorted(data, cols({ a: 'any' }), [{ column_id: 'a', direction: 'asc' }]), [1, 2, 0]);
  });

  it('multi-sort is lexicographic and stable', () => {
    const data = [
      { g: 'b', n: 2 }, { g: 'a', n: 2 }, { g: 'b', n: 1 }, { g: 'a', n: 1 }, { g: 'a', n: 1 },
    ];
    const order = sorted(data, cols({ g: 'text', n: 'numeric' }), [
      { column_id: 'g', direction: 'asc' },
      { column_id: 'n', direction: 'desc' },
    ]);
    assert.deepEqual(order, [1, 3, 4, 0, 2]);
  });

  it('filters, then sorts the filtered rows; caches until inputs change', () => {
    const data = Array.from({ length: 10 }, (_, i) => ({ n: (i * 7) % 10 }));
    const p = new TablePipeline();
    const columns = cols({ n: 'numeric' });
    const even = (r: Row) => (r.n as number) % 2 === 0;
    const a = p.run({ data, columns, filter: even, filterKey: 'even', sortBy: [{ column_id: 'n', direction: 'asc' }], sorting });
    assert.deepEqual([...a].map((i) => data[i].n), [0, 2, 4, 6, 8]);
    const b = p.run({ data, columns, filter: even, filterKey: 'even', sortBy: [{ column_id: 'n', direction: 'asc' }], sorting });
    assert.equal(a, b);
    const c = p.run({ data, columns, filter: null, filterKey: '', sortBy: [], sorting });
    assert.deepEqual([...c], [...data.keys()]);
  });

  it('a predicate that throws keeps nothing for that row, no exception', () => {
    const p = new TablePipeline();
    const out = p.run({ data: [{ a: 1 }, { a: 2 }], columns: cols({ a: 'any' }), filter: (r) => { if (r.a === 1) throw new Error('x'); return true; }, filterKey: 'k', sortBy: [], sorting });
    assert.deepEqual([...out], [1]);
  });
});

describe('normalisation', () => {
  it('sortBy accepts columnId and column_id, emits column_id; drops bad entries with a warning', () => {
    const warnings: string[] = [];
    const out = normalizeSortBy([{ columnId: 'a', direction: 'asc' }, { column_id: 'b', direction: 'desc' }, { column_id: 'c', direction: 'up' }], (_k, m) => warnings.push(m));
    assert.deepEqual(out, [{ column_id: 'a', direction: 'asc' }, { column_id: 'b', direction: 'desc' }]);
    assert.equal(warnings.length, 1);
  });

  it('header clicks cycle asc → desc → none; add keeps other columns', () => {
    let s = nextSortBy([], 'a', false);
    assert.deepEqual(s, [{ column_id: 'a', direction: 'asc' }]);
    s = nextSortBy(s, 'a', false);
    assert.deepEqual(s, [{ column_id: 'a', direction: 'desc' }]);
    assert.deepEqual(nextSortBy(s, 'a', false), []);
    s = nextSortBy(s, 'b', true);
    assert.deepEqual(s, [{ column_id: 'a', direction: 'desc' }, { column_id: 'b', direction: 'asc' }]);
    assert.deepEqual(nextSortBy(s, 'b', false), [{ column_id: 'b', direction: 'desc' }]);
    assert.deepEqual(nextSortBy(s, 'a', true), [{ column_id: 'b', direction: 'asc' }]);
  });

  it('columns: inferred when absent, bad entries skipped, unknown type → any', () => {
    const w: string[] = [];
    assert.deepEqual(normalizeColumns(undefined, [{ x: 1, y: 2 }], () => {}).map((c) => c.id), ['x', 'y']);
    const c = normalizeColumns([{ id: 'a', type: 'money' }, { name: 'no id' }, { id: 'a' }, 'b'], [], (_k, m) => w.push(m));
    assert.deepEqual(c.map((x) => [x.id, x.type]), [['a', 'any'], ['b', 'any']]);
    assert.equal(w.length, 3);
  });

  it('data: non-array is empty, non-object rows are blank', () => {
    const w: string[] = [];
    assert.deepEqual(normalizeData({ a: 1 }, (_k, m) => w.push(m)), []);
    assert.deepEqual(normalizeData([{ a: 1 }, 5, null], (_k, m) => w.push(m)), [{ a: 1 }, {}, {}]);
    assert.equal(w.length, 2);
  });
});

describe('paging and viewport geometry', () => {
  it('native pages clamp; custom shows all data', () => {
    assert.deepEqual(pageOf(1000, 'native', 1, 250, null), { page: 1, pageCount: 4, start: 250, end: 500 });
    assert.deepEqual(pageOf(1000, 'native', 9, 250, null), { page: 3, pageCount: 4, start: 750, end: 1000 });
    assert.deepEqual(pageOf(0, 'native', 0, 250, null), { page: 0, pageCount: 1, start: 0, end: 0 });
    assert.deepEqual(pageOf(30, 'custom', 5, 30, 100), { page: 5, pageCount: 100, start: 0, end: 30 });
    assert.deepEqual(pageOf(1000, 'none', 3, 250, null), { page: 0, pageCount: 1, start: 0, end: 1000 });
  });

  it('maps scroll positions to rows, scaling past the maximum height', () => {
    const small = viewportWindow(1000, 30, 300, 300, 2);
    assert.deepEqual(small, { bodyHeight: 30000, start: 8, end: 23, top: 240 });
    const rows = 1_000_000;
    const top = viewportWindow(rows, 32, 0, 640, 0);
    assert.equal(top.bodyHeight, 15_000_000);
    assert.equal(top.start, 0);
    const end = viewportWindow(rows, 32, 15_000_000, 640, 0);
    assert.equal(end.end, rows);
    // the last row's bottom lines up with the body's bottom
    assert.equal(end.top + (end.end - end.start) * 32, 15_000_000);
    const mid = viewportWindow(rows, 32, 7_500_000 - 320, 640, 0);
    assert.ok(Math.abs(mid.start - rows / 2 + 10) < 2);
  });
});
