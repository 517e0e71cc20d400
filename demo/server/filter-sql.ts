/**
 * Dash DataTable's filter query → a parameterized SQL WHERE clause (DuckDB dialect), and `sort_by`
 * → ORDER BY, for tables paged, sorted and filtered on the server (`*-action="custom"`).
 *
 * The query is parsed by the same parser the table uses (src/filter-query), and the AST is
 * translated node by node. Values are always bound parameters; column names are accepted only
 * from the `columns` the server declares, and quoted. Semantics follow Dash's evaluator where
 * SQL can: `=` is numeric when both sides are numbers, `contains` is substring on text, no case
 * prefix means case-sensitive, `i` prefixes compare upper-cased, `!=` keeps rows whose value is
 * empty (as Dash's `!equal` does), and a comparison the column's type cannot satisfy is false.
 */
import { normalizeDate, parseFilterQuery, type FilterAst, type Operand, type RelationalNode, type UnaryNode } from '../../src/filter-query/index.js';

export type SqlColumnType = 'numeric' | 'text' | 'datetime';
/** Column id → type. Only these columns may appear in a query or a sort. */
export type SqlColumns = Record<string, SqlColumnType>;
export type SqlParam = string | number;

export interface SqlWhere {
  /** A boolean SQL expression (`TRUE` for an empty query). */
  sql: string;
  /** Values for the `?` placeholders, in order. */
  params: SqlParam[];
}

/** A query that cannot be translated: a syntax error or an unknown column. The message is for the user. */
export class FilterSqlError extends Error {
  override name = 'FilterSqlError';
}

export const quoteIdent = (id: string) => `"${id.replace(/"/g, '""')}"`;

const isNumeric = (v: unknown): v is number | string =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** Translates a filter query string (Dash syntax) to SQL. */
export function filterQueryToSql(query: string | null | undefined, columns: SqlColumns): SqlWhere {
  const parsed = parseFilterQuery(query ?? '');
  if (!parsed.ok) throw new FilterSqlError(`invalid filter query: ${parsed.error}`);
  return filterAstToSql(parsed.ast, columns);
}

/** Translates a parsed filter AST to SQL. */
export function filterAstToSql(ast: FilterAst | null, columns: SqlColumns): SqlWhere {
  const params: SqlParam[] = [];
  const bind = (v: SqlParam) => {
    params.push(v);
    return '?';
  };
  const column = (name: string): SqlColumnType => {
    if (!Object.prototype.hasOwnProperty.call(columns, name)) throw new FilterSqlError(`unknown column {${name}}`);
    return columns[name];
  };

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
    switch (n.op) {
      case 'nil':
        return `(${col} IS NULL)`;
      case 'blank':
        return type === 'text' ? `(${col} IS NULL OR ${col} = '')` : `(${col} IS NULL)`;
      case 'num':
        return type === 'numeric' ? `(${col} IS NOT NULL)` : 'FALSE';
      case 'str':
        return type === 'numeric' ? 'FALSE' : `(${col} IS NOT NULL)`;
      case 'even':
      case 'odd':
        return type === 'numeric' ? `(${col} = trunc(${col}) AND abs(${col}) % 2 = ${n.op === 'even' ? 0 : 1})` : 'FALSE';
      case 'prime':
        return type === 'numeric'
          ? `(${col} >= 2 AND ${col} = trunc(${col}) AND len(list_filter(range(2, CAST(floor(sqrt(${col})) AS BIGINT) + 1), lambda d: ${col} % d = 0)) = 0)`
          : 'FALSE';
      case 'bool':
      case 'object':
        return 'FALSE';
    }
  }

  /** One side of a comparison: SQL text (binding values as it goes) and what kind of value it is. */
  interface Side {
    sql: string;
    kind: SqlColumnType | 'value';
    value?: SqlParam;
  }

  function relational(n: RelationalNode): string {
    const field: Side = { sql: quoteIdent(n.field), kind: column(n.field) };
    const other = n.value;
    if (other.type === 'field') column(other.name);
    // Dash applies a reversed node (`5 < {a}`) as op(value, field).
    return n.reversed ? compare(n, operand(other), field) : compare(n, field, operand(other));
  }

  const operand = (o: Operand): Side =>
    o.type === 'field' ? { sql: quoteIdent(o.name), kind: columns[o.name] } : { sql: '', kind: 'value', value: o.value };

  function compare(n: RelationalNode, left: Side, right: Side): string {
    const insensitive = n.case === 'insensitive';
    const columnSide = left.kind === 'value' ? right : left;
    const type = columnSide.kind as SqlColumnType;
    // Renders one side; a value is converted for the column's type, or undefined when it cannot match.
    const render = (side: Side, as: 'number' | 'text' | 'date'): string | undefined => {
      if (side.kind !== 'value') {
        if (as === 'text' && side.kind === 'numeric') return `CAST(${side.sql} AS VARCHAR)`;
        if (as === 'date' || (as === 'text' && side.kind === 'datetime')) return `CAST(${side.sql} AS VARCHAR)`;
        return side.sql;
      }
      const v = side.value!;
      if (as === 'number') return isNumeric(v) ? bind(Number(v)) : undefined;
      if (as === 'date') {
        const d = normalizeDate(String(v));
        return d === null ? undefined : bind(d);
      }
      return bind(String(v));
    };
    const pair = (as: 'number' | 'text' | 'date'): [string, string] | undefined => {
      const l = render(left, as);
      if (l === undefined) return undefined;
      const r = render(right, as);
      return r === undefined ? undefined : [l, r];
    };
    const up = (s: string) => (insensitive ? `upper(${s})` : s);

    switch (n.op) {
      case '=':
      case '!=': {
        const as = type === 'numeric' ? 'number' : type === 'datetime' ? 'date' : 'text';
        const p = pair(as);
        const eq = p ? `${as === 'text' ? up(p[0]) : p[0]} = ${as === 'text' ? up(p[1]) : p[1]}` : 'FALSE';
        return n.op === '=' ? `coalesce(${eq}, FALSE)` : `(NOT coalesce(${eq}, FALSE))`;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const as = type === 'numeric' ? 'number' : type === 'datetime' ? 'date' : 'text';
        const p = pair(as);
        if (!p) return 'FALSE';
        return `coalesce(${as === 'text' ? up(p[0]) : p[0]} ${n.op} ${as === 'text' ? up(p[1]) : p[1]}, FALSE)`;
      }
      case 'contains': {
        // Dash: true when either side is a string and the field's text contains the value's.
        if (type === 'numeric' && left.kind !== 'value' && right.kind === 'value' && typeof right.value === 'number') return 'FALSE';
        const p = pair('text');
        if (!p) return 'FALSE';
        return `coalesce(strpos(${up(p[0])}, ${up(p[1])}) > 0, FALSE)`;
      }
      case 'datestartswith': {
        if (type === 'numeric') return 'FALSE';
        const p = pair('date');
        if (!p) return 'FALSE';
        return `coalesce(starts_with(${p[0]}, ${p[1]}), FALSE)`;
      }
    }
  }

  return ast ? { sql: node(ast), params } : { sql: 'TRUE', params };
}

/** Dash's `sort_by` (`[{column_id, direction}]`, `columnId` accepted) → an ORDER BY list, or '' for none. */
export function sortByToSql(sortBy: unknown, columns: SqlColumns): string {
  if (!Array.isArray(sortBy)) return '';
  const parts: string[] = [];
  for (const entry of sortBy) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const id = (e.column_id ?? e.columnId) as unknown;
    if (typeof id !== 'string') continue;
    if (!Object.prototype.hasOwnProperty.call(columns, id)) throw new FilterSqlError(`unknown column {${id}} in sort_by`);
    const desc = e.direction === 'desc';
    parts.push(`${quoteIdent(id)} ${desc ? 'DESC' : 'ASC'} NULLS LAST`);
  }
  return parts.join(', ');
}
