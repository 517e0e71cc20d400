/**
 * Sorting the table's rows (loaded on first use, src/components/table/table-lazy.ts): type-aware
 * float64 sort keys per column, and a stable LSD radix sort of row indices over them. Blanks (null,
 * undefined, '', NaN, values of the wrong type) sort last in both directions (docs/table.md).
 */
import { cellText, dateKey, type Row, type TableColumn, type Warn } from './table-model.js';
import { collationRanks } from './table-collation.js';

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function numericKey(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

/** Columns with up to this many distinct texts are ranked once per distinct text, */
const DEDUPLICATE_MAX = 1 << 16;
/** unless, past this many, nearly every row so far brought a new one (names, ids). */
const DEDUPLICATE_PROBE = 4096;

/** Dense collation ranks of the column's values as float64 keys (NaN = blank). */
function rankKeys(data: readonly Row[], id: string, numericCollation: boolean): Float64Array {
  const n = data.length;
  // Per row, the index of its text in `texts` (-1: blank). A few distinct texts (a category) are
  // listed once each; where most texts are distinct the Map costs more than it saves, so every
  // further row lists its own text and equal texts are found while ranking.
  const textOf = new Int32Array(n);
  const texts = new Array<string>(n);
  let count = 0;
  let seen: Map<string, number> | null = new Map();
  for (let i = 0; i < n; i++) {
    const v = data[i][id];
    if (isBlank(v)) {
      textOf[i] = -1;
      continue;
    }
    const s = typeof v === 'string' ? v : cellText(v);
    let k = seen?.get(s);
    if (k === undefined) {
      k = count++;
      texts[k] = s;
      if (seen) {
        seen.set(s, k);
        if (count >= DEDUPLICATE_MAX || (count >= DEDUPLICATE_PROBE && count * 10 > i * 9)) seen = null;
      }
    }
    textOf[i] = k;
  }
  texts.length = count;
  const rankOf = collationRanks(texts, new Intl.Collator(undefined, { numeric: numericCollation }));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = textOf[i] < 0 ? NaN : rankOf[textOf[i]];
  return keys;
}

/** One float64 sort key per row for a column; NaN marks a blank. */
export function sortKeys(data: readonly Row[], column: TableColumn, warn: Warn): Float64Array {
  const n = data.length;
  const id = column.id;
  if (column.type === 'text') return rankKeys(data, id, false);
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
  if (!allNumbers) return rankKeys(data, id, true);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = data[i][id];
    keys[i] = typeof v === 'number' ? v : NaN;
  }
  return keys;
}

/**
 * Stable sort of row indices by float64 keys (LSD radix: 11-bit digits for integer keys within a
 * 32-bit range, else 16-bit digits of the keys' order-preserving bit patterns). Blanks (NaN) go
 * last in both directions.
 */
export function radixSortIndices(indices: Uint32Array, keys: Float64Array, desc: boolean): Uint32Array {
  const n = indices.length;
  if (n < 2) return indices.slice();
  // Integer keys in a 32-bit range (counts, ids, ranks of text, most dates in minutes…) need
  // one to three passes over 11-bit digits; anything else sorts by its full 64-bit pattern.
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

function sortInt(indices: Uint32Array, keys: Float64Array, min: number, max: number, desc: boolean): Uint32Array {
  const n = indices.length;
  const blank = max - min + 1; // blanks after every value
  let key = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[indices[i]];
    key[i] = k !== k ? blank : desc ? max - k : k - min;
  }
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
