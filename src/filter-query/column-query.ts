/**
 * The per-column filter boxes under the header (Dash's single-column filters):
 *
 * - a box holding just a value uses the column type's implicit operator: text/any → `contains`,
 *   numeric → `=`, datetime → `datestartswith`;
 * - an operator typed at the start (`> 5`, `!= foo`, `icontains x`, `is blank`) is used as is;
 * - relational operators without an `i`/`s` prefix get the table's default case prefix (Dash's
 *   `filter_options.case`, default sensitive → `s`), so `foo` in a text box writes
 *   `{col} scontains "foo"` as Dash does;
 * - the boxes combine with `&&` into `filterQuery`, and a query that is a conjunction of
 *   single-column clauses (each column at most once) splits back into box texts.
 */
import type { CaseMode, ColumnType, FilterAst, Operand, RelationalNode, RelationalOp } from './ast.js';
import { isNumericString, matchRelop, matchUnary, readOperand, unescapeText } from './lexer.js';
import { parseFilterQuery } from './parser.js';
import { formatField, formatNumber, formatRelop, formatString, toQueryString } from './format.js';

export interface ColumnFilterOptions {
  /** Dash's `filter_options.case`: the case prefix given to operators typed without one. Default 'sensitive'. */
  case?: CaseMode;
}

export type ColumnFilterResult =
  | { ok: true; ast: FilterAst | null; query: string }
  | { ok: false; error: string; position: number };

const WS = /\s/;
const PERMISSIVE = /^(?:[^'"`{}()\\]|\\[\s\S])+$/;

function implicitOp(type: ColumnType | undefined): RelationalOp {
  return type === 'numeric' ? '=' : type === 'datetime' ? 'datestartswith' : 'contains';
}

/**
 * The box's value part: a quoted string, a `{field}`, Dash's permissive value, or (more lenient
 * than Dash) the raw text. Null when it opens with a whole `{field}` and goes on (`{a} <= 1`, a
 * query typed into a box): Dash rejects that, and a literal value would hide every row.
 */
function boxOperand(rest: string): Operand | null {
  const trimmed = rest.replace(/\s+$/, '');
  const c = trimmed[0];
  if (c === '"' || c === "'" || c === '`' || c === '{') {
    const r = readOperand(trimmed, 0);
    if (r.ok && r.token.end === trimmed.length) {
      return r.token.kind === 'field' ? { type: 'field', name: r.token.name } : { type: 'value', value: r.token.value };
    }
    if (r.ok && r.token.kind === 'field') return null;
  }
  if (PERMISSIVE.test(rest)) return { type: 'value', value: isNumericString(rest) ? +rest : unescapeText(rest) };
  return { type: 'value', value: rest };
}

/**
 * Parses the text of column `columnId`'s filter box into a single-column clause. Empty input →
 * `{ok: true, ast: null, query: ''}`; an operator with no value (`>`) → `{ok: false, …}`.
 */
export function parseColumnFilter(
  columnId: string,
  type: ColumnType | undefined,
  input: string,
  options: ColumnFilterOptions = {},
): ColumnFilterResult {
  const s = typeof input === 'string' ? input : input == null ? '' : String(input);
  let i = 0;
  while (i < s.length && WS.test(s[i])) i++;
  if (i === s.length) return { ok: true, ast: null, query: '' };

  const un = matchUnary(s, i);
  if (un && 'op' in un) {
    const after = s.slice(i + un.text.length);
    if (after.trim() !== '') {
      // `is prime "a"`: Dash's unary tests take no value.
      return { ok: false, error: `'${un.text.trim()}' takes no value`, position: i + un.text.length + (after.length - after.trimStart().length) };
    }
    const ast: FilterAst = { type: 'unary', op: un.op, field: columnId };
    return { ok: true, ast, query: toQueryString(ast) };
  }

  const defaultCase: CaseMode = options.case === 'insensitive' ? 'insensitive' : 'sensitive';
  const rel = matchRelop(s, i);
  let op: RelationalOp;
  let caseMode: CaseMode | undefined;
  if (rel) {
    op = rel.op;
    caseMode = rel.case;
    i += rel.text.length;
    while (i < s.length && WS.test(s[i])) i++;
    if (i === s.length) return { ok: false, error: `Expected a value after '${rel.text}'`, position: s.length };
  } else {
    op = implicitOp(type);
  }
  if (op !== 'datestartswith') caseMode ??= defaultCase;
  else caseMode = undefined;

  const value = boxOperand(s.slice(i));
  if (!value) return { ok: false, error: 'A filter box holds one condition on its own column, e.g. `<= 1`', position: i };
  const ast: RelationalNode = {
    type: 'relational',
    op,
    ...(caseMode ? { case: caseMode } : {}),
    field: columnId,
    value,
  };
  return { ok: true, ast, query: toQueryString(ast) };
}

/**
 * The query clause for a filter box's text, e.g. `('city', 'text', 'York')` →
 * `{city} scontains "York"`, `('delay', 'numeric', '> 100')` → `{delay} s> 100`.
 * Returns `''` for an empty box and for an invalid one (use `parseColumnFilter` to tell them apart).
 */
export function columnFilterToQuery(columnId: string, type: ColumnType, input: string, options?: ColumnFilterOptions): string {
  const r = parseColumnFilter(columnId, type, input, options);
  return r.ok ? r.query : '';
}

/** Joins per-column queries (`columnId → query`, in map order) with `&&` (or `||`); empty and invalid parts are skipped. */
export function combineColumnQueries(parts: Map<string, string>, operator: 'and' | 'or' = 'and'): string {
  let ast: FilterAst | null = null;
  for (const q of parts.values()) {
    if (!q) continue;
    const r = parseFilterQuery(q);
    if (!r.ok || !r.ast) continue;
    ast = ast ? { type: 'logical', op: operator, left: ast, right: r.ast } : r.ast;
  }
  return toQueryString(ast);
}

function sameClause(a: FilterAst | null, b: FilterAst): boolean {
  if (!a) return false;
  const norm = (n: FilterAst): string => {
    if (n.type !== 'relational') return toQueryString(n);
    const c = n.op === 'datestartswith' ? undefined : n.case ?? 'sensitive';
    return toQueryString({ ...n, ...(c ? { case: c } : {}) });
  };
  return norm(a) === norm(b);
}

/** Box text for one clause: the value alone for the implicit operator, else `op value`. */
function boxText(clause: FilterAst, type: ColumnType | undefined, options: ColumnFilterOptions): string | null {
  if (clause.type === 'unary') return `is ${clause.op}`;
  if (clause.type !== 'relational') return null;
  const defaultCase: CaseMode = options.case === 'insensitive' ? 'insensitive' : 'sensitive';
  const effective = clause.op === 'datestartswith' ? undefined : clause.case ?? 'sensitive';
  const shownCase = effective === defaultCase ? undefined : effective;
  const opText = formatRelop({ op: clause.op, case: shownCase });
  const implicit = type !== undefined && !shownCase && clause.op === implicitOp(type);
  const v = clause.value;
  const candidates: string[] = [];
  if (v.type === 'field') candidates.push(formatField(v.name));
  else if (typeof v.value === 'number') candidates.push(formatNumber(v.value));
  else candidates.push(v.value, formatString(v.value));
  const texts = [...(implicit ? candidates : []), ...candidates.map((c) => `${opText} ${c}`)];
  for (const text of texts) {
    const r = parseColumnFilter(clause.field, type, text, options);
    if (r.ok && sameClause(r.ast, clause)) return text;
  }
  return null;
}

function conjuncts(ast: FilterAst, operator: 'and' | 'or'): FilterAst[] {
  const out: FilterAst[] = [];
  const stack = [ast];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'logical' && n.op === operator) stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

/**
 * Splits a query into per-column box texts (`columnId → text`), the inverse of
 * `combineColumnQueries` + `columnFilterToQuery`. Returns null when the query is invalid or is not
 * a plain conjunction of single-column clauses (an `or`, a `!`, a column used twice, a value on
 * the left, or — when `columnTypes` is given — an unknown column). An empty query gives an empty
 * map. With `columnTypes`, a clause using the column's implicit operator shows just its value.
 */
export function splitColumnQueries(
  query: string,
  columnTypes?: Record<string, ColumnType>,
  options: ColumnFilterOptions & { operator?: 'and' | 'or' } = {},
): Map<string, string> | null {
  const r = parseFilterQuery(query);
  if (!r.ok) return null;
  const map = new Map<string, string>();
  if (!r.ast) return map;
  for (const clause of conjuncts(r.ast, options.operator ?? 'and')) {
    if (clause.type !== 'relational' && clause.type !== 'unary') return null;
    if (clause.type === 'relational' && clause.reversed) return null;
    if (map.has(clause.field)) return null;
    if (columnTypes && !Object.prototype.hasOwnProperty.call(columnTypes, clause.field)) return null;
    const text = boxText(clause, columnTypes?.[clause.field], options);
    if (text === null) return null;
    map.set(clause.field, text);
  }
  return map;
}
