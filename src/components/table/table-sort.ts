/**
 * Sorting the table's rows (loaded on first use, src/components/table/table-lazy.ts): type-aware
 * sort keys per column (float64 numbers, dates and booleans; dense collation ranks for text), and a
 * stable sort of row indices over them. Blanks (null, undefined, '', NaN, values of the wrong type)
 * sort last in both directions (docs/table.md).
 */
import { cellText, dateKey, type Row, type TableColumn, type Warn } from './table-model.js';
import { collate, collationRanks, ranksOf, type CollationOrder } from './table-collation.js';

/** A text column's keys: each row's dense collation rank. */
export interface TextRanks {
  /** Per row, its text's rank (0 = first; texts the collator calls equal share one), BLANK_RANK for a blank. */
  ranks: Uint32Array;
  /** How many ranks there are: they run 0 … count - 1. */
  count: number;
  /** Rows sharing their rank with an earlier row: 0 when every text is distinct (names, ids). */
  ties: number;
  /** When known, every row in ascending order (ties in row order, blanks last), and where each rank starts there. */
  sorted?: CollationOrder;
}

/** A column's sort keys: float64 per row (NaN = blank), or a text column's ranks. */
export type SortKeys = Float64Array | TextRanks;

export const BLANK_RANK = 0xffffffff;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function numericKey(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

/** The text a cell is collated by; null for a blank. */
function textAt(row: Row, id: string): string | null {
  const v = row[id];
  if (isBlank(v)) return null;
  return typeof v === 'string' ? v : cellText(v);
}

/** Columns with up to this many distinct texts are ranked once per distinct text, */
const DEDUPLICATE_MAX = 1 << 16;
/** unless, past this many, nearly every row so far brought a new one (names, ids). */
const DEDUPLICATE_PROBE = 4096;
/** Rows read before the array of every row's text is allocated: a column of names is known by
 * then, and its 4 MB per million rows not allocated for nothing (docs/table.md, "Sorting"). */
const PROBE_ROWS = 2 * DEDUPLICATE_PROBE;

/** Dense collation ranks of the column's texts, one per row. */
function textRanks(data: readonly Row[], id: string, numericCollation: boolean): TextRanks {
  const collator = new Intl.Collator(undefined, { numeric: numericCollation });
  return categoryRanks(data, id, collator) ?? rowRanks(data, id, collator);
}

/**
 * A column of few distinct texts (a category): each distinct text listed once and ranked once.
 * Null when that stops paying: past DEDUPLICATE_MAX texts, or once nearly every row brings a new one.
 */
function categoryRanks(data: readonly Row[], id: string, collator: Intl.Collator): TextRanks | null {
  const n = data.length;
  let textOf = new Int32Array(Math.min(n, PROBE_ROWS)); // per row, its text's index in `texts` (-1: blank)
  const texts: string[] = [];
  const seen = new Map<string, number>();
  let filled = 0;
  for (let i = 0; i < n; i++) {
    if (i === textOf.length) {
      const all = new Int32Array(n);
      all.set(textOf);
      textOf = all;
    }
    const s = textAt(data[i], id);
    if (s === null) {
      textOf[i] = -1;
      continue;
    }
    let k = seen.get(s);
    if (k === undefined) {
      k = texts.length;
      if (k >= DEDUPLICATE_MAX || (k >= DEDUPLICATE_PROBE && k * 10 > i * 9)) return null;
      seen.set(s, k);
      texts.push(s);
    }
    textOf[i] = k;
    filled++;
  }
  const rankOf = collationRanks(texts, collator);
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) ranks[i] = textOf[i] < 0 ? BLANK_RANK : rankOf[textOf[i]];
  const count = rankCount(rankOf);
  return { ranks, count, ties: filled - count };
}

/**
 * A column where most texts are distinct (names, ids): every non-blank row's text is listed and
 * ranked as it is (no map of a million strings); equal texts are found while ranking. When the
 * texts come back in order, that is the rows' ascending order (a whole-column sort needs nothing
 * more), and the ranks per row are written only once a sort needs them.
 */
function rowRanks(data: readonly Row[], id: string, collator: Intl.Collator): TextRanks {
  const n = data.length;
  const texts = new Array<string>(n);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const s = textAt(data[i], id);
    if (s !== null) texts[filled++] = s;
  }
  texts.length = filled;
  const collated = collate(texts, collator);
  if (collated instanceof Uint32Array) {
    const count = rankCount(collated);
    return { ranks: filled === n ? collated : withBlanks(data, id, collated), count, ties: filled - count };
  }
  const { count } = collated;
  let sorted = collated;
  if (filled < n) {
    // Text k is the k-th non-blank row; the blanks follow, in the order they came.
    const rowOf = new Uint32Array(filled);
    const order = new Uint32Array(n);
    for (let i = 0, k = 0, blank = filled; i < n; i++) {
      if (isBlank(data[i][id])) order[blank++] = i;
      else rowOf[k++] = i;
    }
    for (let p = 0; p < filled; p++) order[p] = rowOf[collated.order[p]];
    sorted = { order, rankStart: collated.rankStart, count };
  }
  let ranks: Uint32Array | undefined;
  return {
    get ranks() {
      ranks ??= filled === n ? ranksOf(collated) : withBlanks(data, id, ranksOf(collated));
      return ranks;
    },
    count,
    ties: filled - count,
    sorted,
  };
}

/** Ranks per row from ranks per non-blank row: BLANK_RANK for the blanks. */
function withBlanks(data: readonly Row[], id: string, rankOf: Uint32Array): Uint32Array {
  const ranks = new Uint32Array(data.length);
  for (let i = 0, k = 0; i < data.length; i++) ranks[i] = isBlank(data[i][id]) ? BLANK_RANK : rankOf[k++];
  return ranks;
}

/** How many dense ranks there are (the highest one + 1). */
function rankCount(ranks: Uint32Array): number {
  let max = -1;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] > max) max = ranks[i];
  return max + 1;
}

/** A column's sort keys: collation ranks for text, else one float64 per row (NaN marks a blank). */
export function sortKeys(data: readonly Row[], column: TableColumn, warn: Warn): SortKeys {
  const n = data.length;
  const id = column.id;
  if (column.type === 'text') return textRanks(data, id, false);
  if (column.type === 'numeric' || column.type === 'datetime') {
    const keys = new Float64Array(n);
    const toKey = column.type === 'numeric' ? numericKey : dateKey;
    let bad = -1;
    for (let i = 0; i < n; i++) {
      const v = data[i][id];
      if (isBlank(v)) {
        keys[i] = NaN;
        continue;
      }
      const k = toKey(v);
      if (Number.isNaN(k) && bad < 0) bad = i;
      keys[i] = k;
    }
    if (bad >= 0) {
      warn(`mixed:${id}`, `column "${id}" is ${column.type} but data[${bad}].${id} is ${JSON.stringify(data[bad][id])}; such values sort last`);
    }
    return keys;
  }
  // 'any': numbers when every value is one, otherwise text with numeric-aware collation.
  let allNumbers = true;
  for (let i = 0; i < n; i++) {
    const v = data[i][id];
    if (!isBlank(v) && typeof v !== 'number') {
      allNumbers = false;
      break;
    }
  }
  if (!allNumbers) return textRanks(data, id, true);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = data[i][id];
    keys[i] = typeof v === 'number' ? v : NaN;
  }
  return keys;
}

/**
 * Stable sort of row indices (distinct rows) by a column's keys; blanks go last in both
 * directions. Text ranks: rows placed at their ranks when few tie, else one counting pass.
 * Float64 keys: an LSD radix sort (11-bit digits for integer keys within a 32-bit range, else
 * 16-bit digits of the keys' order-preserving bit patterns). The result is only ever read: a text
 * column's ascending order may be handed out as the keys hold it.
 */
export function radixSortIndices(indices: Uint32Array, keys: SortKeys, desc: boolean): Uint32Array {
  if (!(keys instanceof Float64Array)) return sortByRank(indices, keys, desc);
  const n = indices.length;
  if (n < 2) return indices.slice();
  // Integer keys in a 32-bit range (counts, ids, most dates in minutes…) need one to three
  // passes over 11-bit digits; anything else sorts by its full 64-bit pattern.
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const k = keys[indices[i]];
    if (k !== k) continue;
    if (k < min) min = k;
    if (k > max) max = k;
    if (integers && Math.floor(k) !== k) integers = false;
  }
  if (min === Infinity) return indices.slice(); // all blank
  if (integers && max - min < 0xfffffffe) return sortInt(indices, keys, min, max, desc);
  return sortFloat(indices, keys, desc);
}

/** Text ranks with at most one tie per this many ranks are sorted by placing rows at their ranks. */
const FEW_TIES = 16;

/** Rows by text rank: placed at their ranks when few rows tie (names), else one counting pass (categories). */
function sortByRank(indices: Uint32Array, keys: TextRanks, desc: boolean): Uint32Array {
  const { count, ties, sorted } = keys;
  // Every row, in row order (or in any order when no two rows tie and none is blank): their order
  // is known. Ascending, it is handed out as it is (no sort's result is ever written to).
  if (sorted && indices.length === sorted.order.length && ((ties === 0 && sorted.rankStart.length === indices.length) || isIdentity(indices))) {
    return desc ? descending(sorted, count) : sorted.order;
  }
  const ranks = keys.ranks;
  if (ties * FEW_TIES <= count) return placeAtRanks(indices, ranks, count, ties, desc);
  const n = indices.length;
  const last = count - 1;
  const digits = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = ranks[indices[i]];
    digits[i] = r === BLANK_RANK ? count : desc ? last - r : r;
  }
  return countingSort(indices, digits, count + 1);
}

/** Whether `indices` is 0, 1, 2, … (every row, in the order they came). */
function isIdentity(indices: Uint32Array): boolean {
  for (let i = 0; i < indices.length; i++) if (indices[i] !== i) return false;
  return true;
}

/** Rows in descending order from their ascending one: ranks reversed, rows of one rank and the blanks as they came. */
function descending({ order, rankStart }: CollationOrder, count: number): Uint32Array {
  const n = order.length;
  const out = new Uint32Array(n);
  const filled = rankStart.length;
  out.set(order.subarray(filled), filled); // blanks
  if (count === filled) {
    for (let p = 0; p < filled; p++) out[filled - 1 - p] = order[p];
    return out;
  }
  let at = 0;
  for (let end = filled; end > 0; ) {
    let start = end - 1;
    while (rankStart[start] === 0) start--;
    out.set(order.subarray(start, end), at);
    at += end - start;
    end = start;
  }
  return out;
}

/**
 * Each rank's first row goes straight to the rank's place (one store per row, no counting): with
 * every text distinct and the whole column sorted, that is the order. Rows tying with an earlier
 * one, and places no row took (a filtered subset), are then merged in by one pass over the places.
 */
function placeAtRanks(indices: Uint32Array, ranks: Uint32Array, count: number, ties: number, desc: boolean): Uint32Array {
  const n = indices.length;
  const last = count - 1;
  const order = new Uint32Array(n);
  // Every place taken once: the places are the order (they end before the blanks).
  const direct = ties === 0 && n === ranks.length;
  const firsts = direct ? order : new Uint32Array(count);
  // Places taken, one bit each (small enough to stay in cache).
  const taken = new Int32Array((count + 31) >>> 5);
  const tiePlaces: number[] = [];
  const tieRows: number[] = [];
  let blanks = 0;
  for (let i = 0; i < n; i++) {
    const row = indices[i];
    const r = ranks[row];
    if (r === BLANK_RANK) {
      order[n - 1 - blanks++] = row;
      continue;
    }
    const place = desc ? last - r : r;
    const bit = 1 << (place & 31);
    if (taken[place >>> 5] & bit) {
      tiePlaces.push(place);
      tieRows.push(row);
      continue;
    }
    taken[place >>> 5] |= bit;
    firsts[place] = row;
  }
  order.subarray(n - blanks).reverse(); // blanks in the order they came
  if (direct) return order;
  // Ties by place, each place's in the order they came (the sort is stable).
  const byPlace = tieRows.map((_, t) => t).sort((a, b) => tiePlaces[a] - tiePlaces[b]);
  let at = 0;
  let t = 0;
  for (let place = 0; place < count; place++) {
    if ((taken[place >>> 5] & (1 << (place & 31))) === 0) continue;
    order[at++] = firsts[place];
    while (t < byPlace.length && tiePlaces[byPlace[t]] === place) order[at++] = tieRows[byPlace[t++]];
  }
  return order;
}

function sortInt(indices: Uint32Array, keys: Float64Array, min: number, max: number, desc: boolean): Uint32Array {
  const n = indices.length;
  const blank = max - min + 1; // blanks after every value
  let key = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[indices[i]];
    key[i] = k !== k ? blank : desc ? max - k : k - min;
  }
  // Keys spanning no more values than there are rows (small counts): one counting pass, not a pass per digit.
  if (blank <= n) return countingSort(indices, key, blank + 1);
  let bits = 0;
  while (bits < 32 && blank >= 2 ** bits) bits++;
  let idx = indices.slice();
  let key2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < bits; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i] >>> shift) & 0x7ff]++;
    if (counts[(key[0] >>> shift) & 0x7ff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = key[i];
      const to = counts[(k >>> shift) & 0x7ff]++;
      key2[to] = k;
      idx2[to] = idx[i];
    }
    [key, key2] = [key2, key];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** Stable sort of `indices` by a small digit per position (below `values`): one counting pass. */
function countingSort(indices: Uint32Array, digits: Uint32Array, values: number): Uint32Array {
  const n = indices.length;
  // starts[d + 1] counts digit d; summed, starts[d] is where digit d's rows begin.
  const starts = new Uint32Array(values + 1);
  for (let i = 0; i < n; i++) starts[digits[i] + 1]++;
  for (let d = 1; d <= values; d++) starts[d] += starts[d - 1];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[starts[digits[i]]++] = indices[i];
  return order;
}

function sortFloat(indices: Uint32Array, keys: Float64Array, desc: boolean): Uint32Array {
  const n = indices.length;
  const gathered = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[indices[i]];
    // `+ 0` turns -0 into 0; NaN is written as the canonical positive NaN.
    gathered[i] = k !== k ? NaN : desc ? -k + 0 : k + 0;
  }
  const words = new Uint32Array(gathered.buffer);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = indices.slice();
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + 1];
    let l = words[2 * i];
    if (gathered[i] !== gathered[i]) {
      h = 0xffffffff;
      l = 0xffffffff;
    } else if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 ? 16 : 0;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[i] >>> shift) & 0xffff]++;
    if (counts[(src[0] >>> shift) & 0xffff] === n) continue; // every row has this digit: nothing to do
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[(src[i] >>> shift) & 0xffff]++;
      lo2[to] = lo[i];
      hi2[to] = hi[i];
      idx2[to] = idx[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

// ---------------------------------------------------------------------------------------------
// The pipeline
