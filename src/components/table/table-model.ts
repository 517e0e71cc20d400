/**
 * The table's data pipeline, free of any DOM: normalise `columns`/`sortBy`, filter → sort → page,
 * with type-aware sort keys cached per data array. `<dash-table>` drives it; Node can test it.
 *
 * Rows are addressed by their index in `data` (Dash's `derived_virtual_indices`). Sorting is a
 * stable sort over per-row keys (numbers, dates as epoch ms, text as collation ranks), so a
 * multi-column sort is one stable pass per column, least significant first. Blanks (null,
 * undefined, '', NaN, values of the wrong type) sort last in both directions. The sorting itself
 * is in table-sort.ts, loaded on first use: most tables are never sorted.
 */
import type { SortCode } from './table-lazy.js';
import type { SortKeys } from './table-sort.js';

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

export type RowPredicate = (row: Row) => boolean;

export interface PipelineInput {
  data: readonly Row[];
  columns: readonly TableColumn[];
  /** null = no filtering. `filterKey` identifies the predicate (e.g. the query text). */
  filter: RowPredicate | null;
  filterKey: string;
  sortBy: readonly SortByEntry[];
  /** The sort code (src/components/table/table-sort.ts, loaded on first use): without it, nothing is sorted. */
  sorting: SortCode | null;
}

/**
 * Filter → sort with caches: changing only the sort reuses the filtered rows; changing only the
 * page reuses both; sort keys are kept per column until `data` changes.
 */
export class TablePipeline {
  private data: readonly Row[] | null = null;
  private keys = new Map<string, SortKeys>();
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
    const sorting = input.sorting;
    const sortable = sorting ? input.sortBy.filter((s) => input.columns.some((c) => c.id === s.column_id)) : [];
    const sortKey = sortable.map((s) => {
      const col = input.columns.find((c) => c.id === s.column_id) as TableColumn;
      return `${s.column_id}\u0000${col.type}\u0000${s.direction}`;
    }).join('\u0001');
    if (sortKey !== this.sortKey) {
      this.sortKey = sortKey;
      let order = this.filtered;
      for (let i = sortable.length - 1; i >= 0; i--) {
        const col = input.columns.find((c) => c.id === sortable[i].column_id) as TableColumn;
        order = sorting!.radixSortIndices(order, this.keysFor(sorting!, col), sortable[i].direction === 'desc');
      }
      this.sorted = order;
    }
    return this.sorted;
  }

  private keysFor(sorting: SortCode, col: TableColumn): SortKeys {
    const cacheKey = `${col.id}\u0000${col.type}`;
    let keys = this.keys.get(cacheKey);
    if (!keys) {
      keys = sorting.sortKeys(this.data ?? [], col, this.warn);
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
