/**
 * Dash DataTable's `filter_query` and `sort_by` → parameterized SQL clauses (docs/server.md,
 * "Tables on a SQL engine"), for DuckDB and PostgreSQL.
 *
 * The query is parsed by the table's own parser (src/filter-query) and the AST translated node by
 * node. Values are always bound parameters; column names are accepted only from the declared
 * `columns`, and quoted. Semantics follow the table's evaluator where SQL can (docs/server.md lists
 * where it cannot): `=` is numeric on numeric columns, no case prefix means case-sensitive, `i`
 * prefixes compare upper-cased, `!=` keeps blank values, a comparison the column's type cannot
 * satisfy is false.
 */
import { normalizeDate, parseFilterQuery, type FilterAst, type Operand, type RelationalNode, type UnaryNode } from '../../filter-query/index.js';

export type SqlColumnType = 'numeric' | 'text' | 'datetime';
/** Column id → type. Only these columns may appear in a filter or a sort. */
export type SqlColumns = Record<string, SqlColumnType>;
export type SqlParam = string | number;
export type SqlDialect = 'duckdb' | 'postgres';

/** What a table sends for custom paging, sorting and filtering (its `page_current`, `page_size`, `sort_by`, `filter_query`). */
export interface TableRequest {
  pageCurrent?: number | null;
  pageSize?: number | null;
  sortBy?: unknown;
  filterQuery?: string | null;
}

export interface SqlClauses {
  /** A boolean SQL expression (`TRUE` when there is no filter). */
  where: string;
  /** A comma list for ORDER BY ('' when unsorted). */
  orderBy: string;
  /** Rows per page (an integer). */
  limit: number;
  /** Rows before the requested page (an integer). */
  offset: number;
  /** Values for the placeholders: `?` for DuckDB, `$1…` for PostgreSQL. */
  params: SqlParam[];
}

/** An invalid filter query, an unknown column or a bad sort: the message is fit to show the person. */
export class FilterQueryError extends Error {
  override name = 'FilterQueryError';
}

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 10_000;
const COLUMN_TYPES: readonly string[] = ['numeric', 'text', 'datetime'];

export const quoteIdent = (id: string) => `"${id.replace(/"/g, '""')}"`;

const isNumeric = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** Throws a TypeError (a developer's mistake, not the person's) for a malformed column declaration. */
export function checkColumns(columns: SqlColumns): void {
  if (typeof columns !== 'object' || columns === null || !Object.keys(columns).length) {
    throw new TypeError('dash-elements/server: sqlTable/toSql need `columns`: {id: "numeric" | "text" | "datetime"}');
  }
  for (const [id, type] of Object.entries(columns)) {
    if (!COLUMN_TYPES.includes(type)) throw new TypeError(`dash-elements/server: column ${JSON.stringify(id)} has type ${JSON.stringify(type)}; expected numeric, text or datetime`);
  }
}

/** The clauses for one table request. Throws FilterQueryError for what the person typed. */
export function toSql(
  request: TableRequest,
  options: {
    columns: SqlColumns;
    dialect?: SqlDialect;
    /** Datetime columns stored as TIMESTAMP or DATE (not text): `datestartswith` on them becomes a range the engine need not cast each row for. */
    timestampColumns?: ReadonlySet<string>;
  },
): SqlClauses {
  checkColumns(options.columns);
  const dialect = options.dialect ?? 'duckdb';
  const parsed = parseFilterQuery(request.filterQuery ?? '');
  if (!parsed.ok) throw new FilterQueryError(`invalid filter query: ${parsed.error}`);
  const params: SqlParam[] = [];
  const where = parsed.ast ? translate(parsed.ast, options.columns, dialect, params, options.timestampColumns ?? new Set()) : 'TRUE';
  const limit = pageSizeOf(request.pageSize);
  const page = Number.isInteger(request.pageCurrent) && request.pageCurrent! > 0 ? request.pageCurrent! : 0;
  return { where, orderBy: sortByToSql(request.sortBy, options.columns), limit, offset: page * limit, params };
}

export function pageSizeOf(pageSize: unknown): number {
  return typeof pageSize === 'number' && Number.isFinite(pageSize) && pageSize >= 1 ? Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)) : DEFAULT_PAGE_SIZE;
}

/** Dash's `sort_by` (`[{column_id, direction}]`) → an ORDER BY list, or '' for none. */
export function sortByToSql(sortBy: unknown, columns: SqlColumns): string {
  if (sortBy === undefined || sortBy === null) return '';
  if (!Array.isArray(sortBy)) throw new FilterQueryError('sort_by must be a list of {column_id, direction}');
  return sortBy
    .map((entry) => {
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const id = e.column_id ?? e.columnId;
      if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(columns, id)) {
        throw new FilterQueryError(`cannot sort by unknown column ${JSON.stringify(id)}`);
      }
      return `${quoteIdent(id)} ${e.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`;
    })
    .join(', ');
}

/** One side of a comparison: SQL text and what kind of value it is. */
interface Side {
  sql: string;
  kind: SqlColumnType | 'value';
  value?: SqlParam;
}

type As = 'number' | 'text' | 'date';

/**
 * The time span a normalized date prefix covers (`2001-03` → March 2001), as `[start, end)`
 * timestamps; undefined for a prefix with seconds or a year outside 1000–9999 (matched as text).
 */
export function dateRange(prefix: string): [string, string] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?: (\d{2})(?::(\d{2}))?)?)?)?$/.exec(prefix);
  if (!m || Number(m[1]) < 1000) return undefined;
  const parts = m.slice(1).filter((x) => x !== undefined).map(Number);
  const [y, mo = 1, d = 1, h = 0, mi = 0] = parts;
  const start = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const end = new Date(start);
  if (parts.length === 1) end.setUTCFullYear(y + 1);
  else if (parts.length === 2) end.setUTCMonth(mo);
  else end.setTime(start.getTime() + [86_400_000, 3_600_000, 60_000][parts.length - 3]);
  const text = (t: Date) => t.toISOString().slice(0, 19).replace('T', ' ');
  return end.getUTCFullYear() > 9999 ? undefined : [text(start), text(end)];
}

function translate(ast: FilterAst, columns: SqlColumns, dialect: SqlDialect, params: SqlParam[], timestamps: ReadonlySet<string>): string {
  const bind = (v: SqlParam) => {
    params.push(v);
    return dialect === 'postgres' ? `$${params.length}` : '?';
  };
  // PostgreSQL cannot infer a type for a parameter inside upper() or strpos(); say it is text.
  const bindText = (v: string) => (dialect === 'postgres' ? `CAST(${bind(v)} AS TEXT)` : bind(v));
  const column = (name: string): SqlColumnType => {
    if (!Object.prototype.hasOwnProperty.call(columns, name)) throw new FilterQueryError(`unknown column {${name}}`);
    return columns[name];
  };
  const asText = (sql: string) => `CAST(${sql} AS TEXT)`;
  // A number as JavaScript writes it: whole numbers without ".0" (DuckDB) or "e+06" (PostgreSQL).
  const numberAsText = (sql: string) =>
    `(CASE WHEN ${sql} = trunc(${sql}) AND abs(${sql}) < 1e15 THEN CAST(CAST(${sql} AS BIGINT) AS TEXT) ELSE CAST(${sql} AS TEXT) END)`;

  function node(n: FilterAst): string {
    switch (n.type) {
      case 'logical':
        return `(${node(n.left)} ${n.op === 'and' ? 'AND' : 'OR'} ${node(n.right)})`;
      case 'not':
        return `(NOT coalesce(${node(n.expr)}, FALSE))`;
      case 'unary':
        return unary(n);
      case 'relational':
        return relational(n);
    }
  }

  function unary(n: UnaryNode): string {
    const type = column(n.field);
    const col = quoteIdent(n.field);
    const numeric = type === 'numeric';
    switch (n.op) {
      case 'nil':
        return `(${col} IS NULL)`;
      case 'blank':
        return type === 'text' ? `(${col} IS NULL OR ${col} = '')` : `(${col} IS NULL)`;
      case 'num':
        return numeric ? `(${col} IS NOT NULL)` : 'FALSE';
      case 'str':
        return numeric ? 'FALSE' : `(${col} IS NOT NULL)`;
      case 'even':
      case 'odd': {
        if (!numeric) return 'FALSE';
        const mod = dialect === 'postgres' ? `mod(abs(CAST(${col} AS NUMERIC)), 2)` : `abs(${col}) % 2`;
        return `(${col} = trunc(${col}) AND ${mod} = ${n.op === 'even' ? 0 : 1})`;
      }
      case 'prime': {
        if (!numeric) return 'FALSE';
        const divisor =
          dialect === 'postgres'
            ? `EXISTS (SELECT 1 FROM generate_series(2, CAST(floor(sqrt(abs(${col}))) AS BIGINT)) AS d WHERE mod(CAST(${col} AS NUMERIC), d) = 0)`
            : `len(list_filter(range(2, CAST(floor(sqrt(abs(${col}))) AS BIGINT) + 1), lambda d: ${col} % d = 0)) > 0`;
        return `(${col} >= 2 AND ${col} = trunc(${col}) AND NOT ${divisor})`;
      }
      case 'bool':
      case 'object':
        return 'FALSE';
    }
  }

  function relational(n: RelationalNode): string {
    const field: Side = { sql: quoteIdent(n.field), kind: column(n.field) };
    const other = operand(n.value);
    // Dash applies a reversed node (`5 < {a}`) as op(value, field).
    return n.reversed ? compare(n, other, field) : compare(n, field, other);
  }

  const operand = (o: Operand): Side =>
    o.type === 'field' ? { sql: quoteIdent(o.name), kind: column(o.name) } : { sql: '', kind: 'value', value: o.value as SqlParam };

  function compare(n: RelationalNode, left: Side, right: Side): string {
    const insensitive = n.case === 'insensitive';
    const columnSide = left.kind === 'value' ? right : left;
    const otherSide = columnSide === left ? right : left;
    let as: As = columnSide.kind === 'numeric' ? 'number' : columnSide.kind === 'datetime' ? 'date' : 'text';
    // Two columns of different types compare as text, and so does an i-prefixed order (as Dash does).
    if (otherSide.kind !== 'value' && otherSide.kind !== columnSide.kind) as = 'text';
    if (insensitive && n.op !== '=' && n.op !== '!=') as = 'text';

    // Renders one side; undefined when a value cannot be converted for the comparison (no match).
    const render = (side: Side, to: As): string | undefined => {
      if (side.kind === 'numeric') return to === 'number' ? side.sql : numberAsText(side.sql);
      if (side.kind !== 'value') return asText(side.sql);
      const v = side.value!;
      if (v === null || v === undefined) return undefined;
      if (to === 'number') return isNumeric(v) ? bind(Number(v)) : undefined;
      if (to === 'date') {
        const d = normalizeDate(String(v));
        return d === null ? undefined : bindText(d);
      }
      return bindText(String(v));
    };
    const pair = (to: As): [string, string] | undefined => {
      const l = render(left, to);
      const r = l === undefined ? undefined : render(right, to);
      if (r === undefined) return undefined;
      return to === 'text' && insensitive ? [`upper(${l})`, `upper(${r})`] : [l!, r];
    };

    switch (n.op) {
      case '=':
      case '!=': {
        const p = pair(as);
        // Two blank cells are equal in Dash (unless compared case-insensitively).
        const bothColumns = otherSide.kind !== 'value' && !insensitive;
        const eq = !p ? 'FALSE' : bothColumns ? `(${p[0]} IS NOT DISTINCT FROM ${p[1]})` : `coalesce(${p[0]} = ${p[1]}, FALSE)`;
        return n.op === '=' ? eq : `(NOT ${eq})`;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const p = pair(as);
        return p ? `coalesce(${p[0]} ${n.op} ${p[1]}, FALSE)` : 'FALSE';
      }
      case 'contains': {
        // Dash: only when one side is a string; a number never "contains" in a numeric column.
        if (columnSide.kind === 'numeric' && otherSide.kind === 'value' && typeof otherSide.value !== 'string') return 'FALSE';
        const p = pair('text');
        return p ? `coalesce(strpos(${p[0]}, ${p[1]}) > 0, FALSE)` : 'FALSE';
      }
      case 'datestartswith': {
        if (columnSide.kind === 'numeric') return 'FALSE';
        const prefix = otherSide.kind === 'value' && columnSide === left ? normalizeDate(String(otherSide.value)) : null;
        const range = prefix !== null && timestamps.has(n.field) ? dateRange(prefix) : undefined;
        if (range) {
          return `coalesce(${columnSide.sql} >= CAST(${bindText(range[0])} AS TIMESTAMP) AND ${columnSide.sql} < CAST(${bindText(range[1])} AS TIMESTAMP), FALSE)`;
        }
        const p = pair('date');
        return p ? `coalesce(starts_with(${p[0]}, ${p[1]}), FALSE)` : 'FALSE';
      }
    }
  }

  return node(ast);
}
