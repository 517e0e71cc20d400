/**
 * The table's data pipeline, free of any DOM: normalise `columns`/`sortBy`, filter → sort → page,
 * with type-aware sort keys cached per data array. `<dash-table>` drives it; Node can test it.
 *
 * Rows are addressed by their index in `data` (Dash's `derived_virtual_indices`). Sorting is a
 * stable LSD radix sort over float64 keys (numbers, dates as epoch ms, text as collation ranks), so
 * a multi-column sort is one stable pass per column, least significant first. Blanks (null,
 * undefined, '', NaN, values of the wrong type) sort last in both directions.
 */

import { collationRanks } from './table-collation.js';

export type ColumnType = 'any' | 'numeric' | 'text' | 'datetime';
export type Row = Record<string, unknown>;
export type SortDirection = 'asc' | 'desc';

/** A column as the table uses it, whatever shape the page wrote. */
export interface TableColumn {
  id: string;
  name: string;
  type: ColumnType;
  /** The page's column object, untouched (format, editable, hideable … for later use). */
  source: Record<string, unknown>;
}

/** Dash's spelling; pages may write `columnId`. */
export interface SortByEntry {
  column_id: string;
  direction: SortDirection;
}

export type Warn = (key: string, message: string) => void;

const COLUMN_TYPES = new Set<ColumnType>(['any', 'numeric', 'text', 'datetime']);

export function normalizeColumns(columns: unknown, data: readonly Row[], warn: Warn): TableColumn[] {
  if (columns === null || columns === undefined || (Array.isArray(columns) && columns.length === 0)) {
    // Not Dash's behaviour (it renders nothing), but friendlier: infer from the first row.
    const first = data.find((r) => r && typeof r === 'object');
    return first ? Object.keys(first).map((id) => ({ id, name: id, type: 'any', source: { id } })) : [];
  }
  if (!Array.isArray(columns)) {
    warn('columns:type', '"columns" must be an array of {id, name, type}; ignoring it');
    return [];
  }
  const seen = new Set<string>();
  const out: TableColumn[] = [];
  columns.forEach((c, i) => {
    const col = typeof c === 'string' ? { id: c } : c;
    if (!col || typeof col !== 'object' || (typeof col.id !== 'string' && typeof col.id !== 'number')) {
      warn(`columns:${i}`, `columns[${i}] has no "id"; skipping it`);
      return;
    }
    const id = String(col.id);
    if (seen.has(id)) {
      warn(`columns:dup:${id}`, `column id "${id}" appears twice; keeping the first`);
      return;
    }
    seen.add(id);
    let name: unknown = col.name;
    if (Array.isArray(name)) name = name[name.length - 1];
    let type: ColumnType = 'any';
    if (col.type !== undefined && col.type !== null) {
      if (COLUMN_TYPES.has(col.type)) type = col.type;
      else warn(`columns:typeof:${id}`, `column "${id}" has unknown type ${JSON.stringify(col.type)}; using "any"`);
    }
    out.push({ id, name: name === undefined || name === null ? id : String(name), type, source: col });
  });
  return out;
}

/** `data` as rows: a non-array is empty; entries that are not objects are blank rows. */
export function normalizeData(data: unknown, warn: Warn): Row[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    warn('data:type', '"data" must be an array of row objects; showing no rows');
    return [];
  }
  // Checking a million rows would cost the first paint; a sample finds nearly every real mistake.
  const limit = Math.min(data.length, 1000);
  for (let i = 0; i < limit; i++) {
    const r = data[i];
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      warn('data:row', `data[${i}] is not an object; rows that are not objects show as blanks`);
      return data.map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? row : {}));
    }
  }
  return data as Row[];
}

/** Warns about columns missing from (sampled) rows. Cheap: looks at up to 1000 rows. */
export function checkColumnsAgainstRows(columns: readonly TableColumn[], data: readonly Row[], warn: Warn): void {
  const limit = Math.min(data.length, 1000);
  if (limit === 0) return;
  for (const col of columns) {
    let missing = 0;
    for (let i = 0; i < limit; i++) if (!(col.id in data[i])) missing++;
    if (missing === limit) warn(`col-absent:${col.id}`, `column "${col.id}" is not in any row; its cells are blank`);
    else if (missing > 0) warn(`col-missing:${col.id}`, `some rows have no "${col.id}"; those cells are blank`);
  }
}

export function normalizeSortBy(sortBy: unknown, warn: Warn): SortByEntry[] {
  if (sortBy === null || sortBy === undefined) return [];
  if (!Array.isArray(sortBy)) {
    warn('sortBy:type', '"sortBy" must be an array of {column_id, direction}; ignoring it');
    return [];
  }
  const out: SortByEntry[] = [];
  for (const s of sortBy) {
    const id = s && typeof s === 'object' ? (s.column_id ?? s.columnId) : undefined;
    const direction = s && typeof s === 'object' ? s.direction : undefined;
    if ((typeof id !== 'string' && typeof id !== 'number') || (direction !== 'asc' && direction !== 'desc')) {
      warn(`sortBy:entry:${JSON.stringify(s)}`, `sortBy entry ${JSON.stringify(s)} is not {column_id, direction: "asc"|"desc"}; ignoring it`);
      continue;
    }
    if (!out.some((o) => o.column_id === String(id))) out.push({ column_id: String(id), direction });
  }
  return out;
}

/**
 * The next sortBy after a header click (Dash cycles asc → desc → none). `add` (shift-click in
 * multi mode) keeps the other columns; otherwise the clicked column becomes the only one.
 */
export function nextSortBy(current: readonly SortByEntry[], columnId: string, add: boolean): SortByEntry[] {
  const existing = current.find((s) => s.column_id === columnId);
  const next: SortDirection | null = !existing ? 'asc' : existing.direction === 'asc' ? 'desc' : null;
  if (!add) return next ? [{ column_id: columnId, direction: next }] : [];
  if (!existing) return [...current, { column_id: columnId, direction: 'asc' }];
  return next
    ? current.map((s) => (s.column_id === columnId ? { column_id: columnId, direction: next } : s))
    : current.filter((s) => s.column_id !== columnId);
}

/** Cell text: blanks for null/undefined, JSON for objects, text for the rest (never HTML). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Sort keys

const ISO_DATE = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms for a date-like value (Dash datetime strings, ISO, numbers, Dates), NaN otherwise. */
export function dateKey(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' || value === '') return NaN;
  const m = ISO_DATE.exec(value.trim());
  if (m) {
    const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    let t = Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, ms);
    if (m[8] && m[8] !== 'Z') {
      const sign = m[8][0] === '-' ? -1 : 1;
      const digits = m[8].slice(1).replace(':', '');
      t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    return t;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? NaN : parsed;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function numericKey(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return NaN;
}

/** Dense collation ranks of the column's values as float64 keys (NaN = blank). */
function rankKeys(data: readonly Row[], id: string, numericCollation: boolean): Float64Array {
  const n = data.length;
  // First pass: a provisional id per distinct text (in order of appearance), -1 for blanks.
  const ids = new Int32Array(n);
  const seen = new Map<string, number>();
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = data[i][id];
    if (isBlank(v)) {
      ids[i] = -1;
      continue;
    }
    const s = typeof v === 'string' ? v : cellText(v);
    let k = seen.get(s);
    if (k === undefined) {
      k = texts.length;
      seen.set(s, k);
      texts.push(s);
    }
    ids[i] = k;
  }
  // Rank the distinct texts once; strings the collator calls equal share a rank.
  const rankOf = collationRanks(texts, new Intl.Collator(undefined, { numeric: numericCollation }));
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = ids[i] < 0 ? NaN : rankOf[ids[i]];
  return ranks;
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

export type RowPredicate = (row: Row) => boolean;

export interface PipelineInput {
  data: readonly Row[];
  columns: readonly TableColumn[];
  /** null = no filtering. `filterKey` identifies the predicate (e.g. the query text). */
  filter: RowPredicate | null;
  filterKey: string;
  sortBy: readonly SortByEntry[];
}

/**
 * Filter → sort with caches: changing only the sort reuses the filtered rows; changing only the
 * page reuses both; sort keys are kept per column until `data` changes.
 */
export class TablePipeline {
  private data: readonly Row[] | null = null;
  private keys = new Map<string, Float64Array>();
  private filterKey: string | null = null;
  private filtered: Uint32Array = new Uint32Array(0);
  private sortKey: string | null = null;
  private sorted: Uint32Array = new Uint32Array(0);

  constructor(private readonly warn: Warn = () => {}) {}

  /** Row indices after filtering and sorting (all pages). Returns the same array when nothing changed. */
  run(input: PipelineInput): Uint32Array {
    const { data } = input;
    if (data !== this.data) {
      this.data = data;
      this.keys.clear();
      this.filterKey = null;
    }
    const filterKey = input.filter ? `f:${input.filterKey}` : '';
    if (filterKey !== this.filterKey) {
      this.filterKey = filterKey;
      this.sortKey = null;
      this.filtered = this.applyFilter(data, input.filter);
    }
    const sortable = input.sortBy.filter((s) => input.columns.some((c) => c.id === s.column_id));
    const sortKey = sortable.map((s) => {
      const col = input.columns.find((c) => c.id === s.column_id) as TableColumn;
      return `${s.column_id}\u0000${col.type}\u0000${s.direction}`;
    }).join('\u0001');
    if (sortKey !== this.sortKey) {
      this.sortKey = sortKey;
      let order = this.filtered;
      for (let i = sortable.length - 1; i >= 0; i--) {
        const col = input.columns.find((c) => c.id === sortable[i].column_id) as TableColumn;
        order = radixSortIndices(order, this.keysFor(col), sortable[i].direction === 'desc');
      }
      this.sorted = order;
    }
    return this.sorted;
  }

  private keysFor(col: TableColumn): Float64Array {
    const cacheKey = `${col.id}\u0000${col.type}`;
    let keys = this.keys.get(cacheKey);
    if (!keys) {
      keys = sortKeys(this.data ?? [], col, this.warn);
      this.keys.set(cacheKey, keys);
    }
    return keys;
  }

  private applyFilter(data: readonly Row[], filter: RowPredicate | null): Uint32Array {
    const n = data.length;
    const out = new Uint32Array(n);
    if (!filter) {
      for (let i = 0; i < n; i++) out[i] = i;
      return out;
    }
    let count = 0;
    for (let i = 0; i < n; i++) {
      let keep = false;
      try {
        keep = filter(data[i]);
      } catch {
        keep = false;
      }
      if (keep) out[count++] = i;
    }
    return out.slice(0, count);
  }
}

export interface PageInfo {
  /** The page shown (clamped to the pages that exist). */
  page: number;
  pageCount: number;
  /** Range of `virtual` (the filtered, sorted indices) shown on this page. */
  start: number;
  end: number;
}

/** Which slice of the virtual rows the current page shows. */
export function pageOf(
  total: number,
  pageAction: string,
  pageCurrent: number,
  pageSize: number,
  customPageCount: number | null,
): PageInfo {
  if (pageAction !== 'native') {
    const count = pageAction === 'custom' ? (customPageCount ?? Math.max(1, pageCurrent + 1)) : 1;
    return { page: pageAction === 'custom' ? pageCurrent : 0, pageCount: count, start: 0, end: total };
  }
  const size = Math.max(1, Math.floor(pageSize) || 250);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, Math.floor(pageCurrent) || 0), pageCount - 1);
  return { page, pageCount, start: page * size, end: Math.min(total, (page + 1) * size) };
}
