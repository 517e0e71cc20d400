/**
 * Dash's style props, DOM-free: `styleCell`/`styleHeader`/`styleData` objects (camelCase CSS
 * keys, numbers in px like React) and the `…Conditional` lists with Dash's `if` forms:
 * `column_id` (string or list), `column_type`, `column_editable`, `filter_query` (the table's
 * own query engine), `row_index` (number, list, `odd`, `even`; the row's place on the page),
 * `state` (`active`, `selected`) and, for headers, `header_index`. Either spelling of the keys
 * (`column_id`/`columnId`) is accepted. Later entries win, as in Dash.
 */
import type { FilterCode } from './table-lazy.js';
import type { ColumnType, Row, TableColumn, Warn } from './table-model.js';
import { cssPropertyName, dashStyle } from '../../internal/dash-style.js';
import { isRecord } from '../../internal/is-record.js';

export type StyleObject = Record<string, string>;

/** A Dash style object as CSS for Lit's styleMap (src/internal/dash-style.ts), without its `if`. */
export function toStyle(value: unknown): StyleObject {
  const { if: _condition, ...style } = isRecord(value) ? value : {};
  return dashStyle(style);
}

/** A style's value for `name` (camelCase, or kebab-case as written) in px, when it is one. */
function pxOf(style: StyleObject, name: string): number | null {
  const value = style[name] ?? style[cssPropertyName(name)];
  const px = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)px\s*$/.exec(value);
  return px ? Number(px[1]) : null;
}

/**
 * A column's width once its data cells' style has its say, as in Dash, where `width`, `minWidth`
 * and `maxWidth` in `styleCell`/`styleCellConditional` size columns: a px `width` replaces the
 * measured one, then px `minWidth`/`maxWidth` bound it. Other units leave it as measured.
 */
export function styledColumnWidth(style: StyleObject, measured: number): number {
  const min = pxOf(style, 'minWidth') ?? 0;
  const max = pxOf(style, 'maxWidth') ?? Infinity;
  return Math.max(min, Math.min(max, pxOf(style, 'width') ?? measured));
}

export interface CellContext {
  column: TableColumn;
  editable: boolean;
  /** The row's place on the current page. */
  rowIndex: number;
  row: Row;
  active: boolean;
  selected: boolean;
}

export interface Condition {
  style: StyleObject;
  columnIds: Set<string> | null;
  columnType: ColumnType | null;
  columnEditable: boolean | null;
  rowIndex: 'odd' | 'even' | Set<number> | null;
  filter: ((row: Row) => boolean) | null;
  state: 'active' | 'selected' | null;
  headerIndex: 'odd' | 'even' | Set<number> | null;
}

function indexMatcher(v: unknown): 'odd' | 'even' | Set<number> | null | undefined {
  if (v === undefined || v === null) return null;
  if (v === 'odd' || v === 'even') return v;
  if (typeof v === 'number') return new Set([v]);
  if (Array.isArray(v) && v.every((n) => typeof n === 'number')) return new Set(v as number[]);
  return undefined;
}

const indexMatches = (m: 'odd' | 'even' | Set<number>, i: number) =>
  m === 'odd' ? i % 2 === 1 : m === 'even' ? i % 2 === 0 : m.has(i);

/**
 * Compiles a conditional style list. Entries that cannot match (an invalid `filter_query`, an
 * unknown `state`…) are reported once and skipped; so, silently, are those with a `filter_query`
 * while the filter language (`language`, loaded on first use) is not there yet.
 */
export function compileConditions(entries: unknown, types: Record<string, ColumnType>, warn: Warn, prop: string, language: FilterCode | null): Condition[] {
  if (entries === null || entries === undefined) return [];
  if (!Array.isArray(entries)) {
    warn(`${prop}:type`, `"${prop}" must be an array of styles with an "if"; ignoring it`);
    return [];
  }
  const out: Condition[] = [];
  entries.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object') return;
    const cond = ((entry as Record<string, unknown>).if ?? {}) as Record<string, unknown>;
    const bad = (what: string) => warn(`${prop}:${i}:${what}`, `${prop}[${i}] has an invalid "${what}"; skipping it`);
    const ids = cond.column_id ?? cond.columnId;
    let columnIds: Set<string> | null = null;
    if (ids !== undefined && ids !== null) {
      if (typeof ids === 'string' || typeof ids === 'number') columnIds = new Set([String(ids)]);
      else if (Array.isArray(ids)) columnIds = new Set(ids.map(String));
      else return bad('column_id');
    }
    const type = cond.column_type ?? cond.columnType ?? null;
    if (type !== null && !['any', 'numeric', 'text', 'datetime'].includes(type as string)) return bad('column_type');
    const editable = cond.column_editable ?? cond.columnEditable ?? null;
    const rowIndex = indexMatcher(cond.row_index ?? cond.rowIndex);
    if (rowIndex === undefined) return bad('row_index');
    const headerIndex = indexMatcher(cond.header_index ?? cond.headerIndex);
    if (headerIndex === undefined) return bad('header_index');
    const state = cond.state ?? null;
    if (state !== null && state !== 'active' && state !== 'selected') return bad('state');
    let filter: ((row: Row) => boolean) | null = null;
    const query = cond.filter_query ?? cond.filterQuery;
    if (typeof query === 'string' && query.trim() !== '') {
      if (!language) return;
      const parsed = language.parseFilterQuery(query);
      if (!parsed.ok) {
        warn(`${prop}:${i}:filter`, `${prop}[${i}] filter_query ${JSON.stringify(query)} is invalid (${parsed.error}); skipping it`);
        return;
      }
      if (parsed.ast) {
        const predicate = language.compileFilter(parsed.ast, types);
        filter = (row) => {
          try {
            return predicate(row);
          } catch {
            return false;
          }
        };
      }
    }
    out.push({
      style: toStyle(entry),
      columnIds,
      columnType: type as ColumnType | null,
      columnEditable: typeof editable === 'boolean' ? editable : null,
      rowIndex,
      filter,
      state: state as Condition['state'],
      headerIndex,
    });
  });
  return out;
}

/** Whether a compiled condition applies to a column alone (no row, state or query parts). */
export function columnOnly(c: Condition): boolean {
  return c.rowIndex === null && c.filter === null && c.state === null && c.headerIndex === null;
}

export function matchesColumn(c: Condition, column: TableColumn, editable: boolean): boolean {
  if (c.columnIds && !c.columnIds.has(column.id)) return false;
  if (c.columnType && c.columnType !== column.type) return false;
  if (c.columnEditable !== null && c.columnEditable !== editable) return false;
  return true;
}

export function matchesCell(c: Condition, ctx: CellContext): boolean {
  if (!matchesColumn(c, ctx.column, ctx.editable)) return false;
  if (c.rowIndex !== null && !indexMatches(c.rowIndex, ctx.rowIndex)) return false;
  if (c.state === 'active' && !ctx.active) return false;
  if (c.state === 'selected' && !ctx.selected) return false;
  if (c.filter && !c.filter(ctx.row)) return false;
  return true;
}

export function matchesHeader(c: Condition, column: TableColumn, editable: boolean, headerIndex: number): boolean {
  if (!matchesColumn(c, column, editable)) return false;
  if (c.headerIndex !== null && !indexMatches(c.headerIndex, headerIndex)) return false;
  return c.rowIndex === null && c.state === null && c.filter === null;
}

/** Every column's styles, compiled once per change of the style props or columns. */
export interface TableStyles {
  /** A data cell's style before its `styleDataConditional` entries. */
  dataBase: Map<string, StyleObject>;
  /** The `styleDataConditional` entries that can apply to a column's cells. */
  dataConds: Map<string, Condition[]>;
  headerStyles: Map<string, StyleObject>;
  filterStyle: StyleObject;
}

/** The style props a table compiles. */
export interface StyleProps {
  styleCell: unknown;
  styleHeader: unknown;
  styleData: unknown;
  styleCellConditional: unknown;
  styleHeaderConditional: unknown;
  styleDataConditional: unknown;
}

const CONDITIONAL_PROPS = ['styleCellConditional', 'styleHeaderConditional', 'styleDataConditional'] as const;

/** Whether any conditional style has a `filter_query`, so the filter language must be loaded. */
export function usesFilterQuery(props: StyleProps): boolean {
  return CONDITIONAL_PROPS.some((prop) => {
    const entries = props[prop];
    return Array.isArray(entries) && entries.some((entry) => isRecord(entry) && isRecord(entry.if) && (entry.if.filter_query ?? entry.if.filterQuery) !== undefined);
  });
}

/**
 * Compiles the style props for the columns: `styleCell` under `styleHeader`/`styleData`, conditional
 * entries over them. `language` compiles `filter_query` conditions (null: not loaded yet, see compileConditions).
 */
export function compileTableStyles(props: StyleProps, cols: readonly TableColumn[], isEditable: (col: TableColumn) => boolean, warn: Warn, language: FilterCode | null): TableStyles {
  const types: Record<string, ColumnType> = {};
  for (const c of cols) types[c.id] = c.type;
  const cellConds = compileConditions(props.styleCellConditional, types, warn, 'styleCellConditional', language);
  const headerConds = compileConditions(props.styleHeaderConditional, types, warn, 'styleHeaderConditional', language);
  const dataConds = compileConditions(props.styleDataConditional, types, warn, 'styleDataConditional', language);
  const cell = toStyle(props.styleCell);
  const header = toStyle(props.styleHeader);
  const data = toStyle(props.styleData);
  const out: TableStyles = { dataBase: new Map(), dataConds: new Map(), headerStyles: new Map(), filterStyle: cell };
  for (const c of cols) {
    const editable = isEditable(c);
    const forCol = cellConds.filter((x) => columnOnly(x) && matchesColumn(x, c, editable)).map((x) => x.style);
    out.dataBase.set(c.id, Object.assign({}, cell, ...forCol, data));
    out.dataConds.set(c.id, dataConds.filter((x) => matchesColumn(x, c, editable)));
    const forHeader = headerConds.filter((x) => matchesHeader(x, c, editable, 0)).map((x) => x.style);
    out.headerStyles.set(c.id, Object.assign({}, cell, ...forCol, header, ...forHeader));
  }
  return out;
}
