/**
 * Compiles a filter AST to a row predicate made of closures: the query is analysed once, and each
 * row costs a few property reads and comparisons. Semantics follow Dash DataTable's evaluator
 * (see docs/filter-query.md for the few places where Dash throws or is inconsistent and we don't).
 */
import type { ColumnType, FilterAst, Operand, RelationalNode, UnaryNode } from './ast.js';
import { isNumericString, isNumericValue } from './lexer.js';

export type RowPredicate = (row: Record<string, unknown>) => boolean;
type Get = (row: Record<string, unknown>) => unknown;
type Pred = (row: Record<string, unknown>) => boolean;

// ---------------------------------------------------------------------------------------------
// Dates: Dash's normalizeDate (plotly.js date grammar; 2-digit years allowed; time zone ignored).

const DATE = /^\s*(-?\d{4}|\d{2})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ Tt]([01]?\d|2[0-3])(?::([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?(?:[Zz]|[+-]\d{2}:?\d{2})?)?)?)?)?\s*$/;
const Y_FIRST = new Date().getFullYear() - 70;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Normalises a date string to `YYYY-MM-DD HH:MM:SS.sss`, keeping only the parts it has
 * (`"2015-1"` → `"2015-01"`), or returns null when it is not a valid date. Non-strings → null.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [, ys, ms, ds, hs, mins, secs] = m;
  const y = ys.length === 2 ? ((Number(ys) + 2000 - Y_FIRST) % 100) + Y_FIRST : Number(ys);
  const mo = ms === undefined ? 1 : Number(ms);
  const d = ds === undefined ? 1 : Number(ds);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const ay = Math.abs(y);
  let out = (y < 0 ? '-' : '') + (ay < 10 ? '000' : ay < 100 ? '00' : ay < 1000 ? '0' : '') + ay;
  if (ms === undefined) return out;
  out += `-${pad2(mo)}`;
  if (ds === undefined) return out;
  out += `-${pad2(d)}`;
  if (hs === undefined) return out;
  out += ` ${pad2(Number(hs))}`;
  if (mins === undefined) return out;
  out += `:${mins}`;
  if (secs === undefined) return out;
  // Dash keeps at most 9 fractional digits.
  return out + `:${secs}`.slice(0, 13);
}

const DATE_CACHE_MAX = 65536;
function cachedNormalizer(): (v: unknown) => string | null {
  let cache = new Map<string, string | null>();
  return (v) => {
    if (typeof v === 'number') v = String(v);
    else if (v instanceof Date) v = isoOf(v);
    if (typeof v !== 'string') return null;
    let r = cache.get(v);
    if (r === undefined) {
      r = normalizeDate(v);
      if (cache.size >= DATE_CACHE_MAX) cache = new Map();
      cache.set(v, r);
    }
    return r;
  };
}

function isoOf(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// ---------------------------------------------------------------------------------------------
// Comparisons (generic forms; `compileRelational` specialises the common constant cases).

const upper = (v: unknown) => String(v).toUpperCase();

/** Dash's `=`: numeric when both sides are numeric, else strict (or case-folded) equality. */
export function equalValues(l: unknown, r: unknown, insensitive: boolean): boolean {
  if (isNumericValue(l) && isNumericValue(r)) return +(l as number) === +(r as number);
  if (insensitive) return l != null && r != null && upper(l) === upper(r);
  return l === r;
}

function containsValues(l: unknown, r: unknown, insensitive: boolean): boolean {
  if (l == null || r == null || (typeof l !== 'string' && typeof r !== 'string')) return false;
  return insensitive ? upper(l).indexOf(upper(r)) !== -1 : String(l).indexOf(String(r)) !== -1;
}

type Order = (l: any, r: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
const ORDER: Record<'<' | '<=' | '>' | '>=', Order> = {
  '<': (l, r) => l < r,
  '<=': (l, r) => l <= r,
  '>': (l, r) => l > r,
  '>=': (l, r) => l >= r,
};

function isPrime(c: number): boolean {
  if (!Number.isInteger(c) || c < 2) return false;
  if (c % 2 === 0) return c === 2;
  for (let n = 3; n * n <= c; n += 2) if (c % n === 0) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------

function fieldGetter(name: string, columnTypes: Record<string, ColumnType> | undefined): Get {
  const inherited = name in Object.prototype;
  const base: Get = inherited ? (row) => (Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined) : (row) => row[name];
  if (columnTypes?.[name] === 'datetime') {
    return (row) => {
      const v = base(row);
      return v instanceof Date ? isoOf(v) : v;
    };
  }
  return base;
}

function compileUnary(node: UnaryNode, types: Record<string, ColumnType> | undefined): Pred {
  const get = fieldGetter(node.field, types);
  switch (node.op) {
    case 'blank':
      return (row) => {
        const v = get(row);
        return v === undefined || v === null || v === '';
      };
    case 'nil':
      return (row) => get(row) == null;
    case 'num':
      return (row) => typeof get(row) === 'number';
    case 'str':
      return (row) => typeof get(row) === 'string';
    case 'bool':
      return (row) => typeof get(row) === 'boolean';
    case 'even':
      return (row) => {
        const v = get(row);
        return typeof v === 'number' && v % 2 === 0;
      };
    case 'odd':
      return (row) => {
        const v = get(row);
        return typeof v === 'number' && Math.abs(v % 2) === 1;
      };
    case 'prime':
      return (row) => {
        const v = get(row);
        return typeof v === 'number' && isPrime(v);
      };
    case 'object':
      return (row) => {
        const v = get(row);
        return v !== null && typeof v === 'object';
      };
    default:
      return () => false;
  }
}

/** Predicate `(l) => l op c` for a constant right-hand side. */
function constantTest(node: RelationalNode, c: unknown): (l: unknown) => boolean {
  const ci = node.case === 'insensitive';
  switch (node.op) {
    case '=':
    case '!=': {
      let eq: (l: unknown) => boolean;
      if (typeof c === 'number' && c - c === 0) {
        eq = (l) =>
          typeof l === 'number' ? l === c : typeof l === 'string' && isNumericString(l) ? +l === c : equalValues(l, c, ci);
      } else if (isNumericValue(c)) {
        eq = (l) => equalValues(l, c, ci);
      } else if (ci) {
        const cu = upper(c);
        eq = (l) => l != null && (typeof l === 'string' ? l.toUpperCase() === cu : upper(l) === cu);
      } else {
        eq = (l) => l === c;
      }
      return node.op === '=' ? eq : (l) => !eq(l);
    }
    case 'contains': {
      if (c == null) return () => false;
      if (typeof c !== 'string') {
        const cs = ci ? upper(c) : String(c);
        return (l) => typeof l === 'string' && (ci ? l.toUpperCase() : l).indexOf(cs) !== -1;
      }
      if (ci) {
        const cu = c.toUpperCase();
        return (l) => l != null && (typeof l === 'string' ? l : String(l)).toUpperCase().indexOf(cu) !== -1;
      }
      return (l) => l != null && (typeof l === 'string' ? l : String(l)).indexOf(c) !== -1;
    }
    case 'datestartswith': {
      const norm = cachedNormalizer();
      const prefix = norm(c);
      if (prefix === null) return () => false;
      return (l) => {
        const d = norm(l);
        return d !== null && d.startsWith(prefix);
      };
    }
    default: {
      const cmp = ORDER[node.op];
      if (!cmp) return () => false;
      if (c == null) return () => false;
      if (ci) {
        const cu = upper(c);
        return (l) => l != null && cmp(upper(l), cu);
      }
      return (l) => l != null && cmp(l, c);
    }
  }
}

/** Generic `(l, r) => l op r` for two row-dependent sides. */
function pairTest(node: RelationalNode): (l: unknown, r: unknown) => boolean {
  const ci = node.case === 'insensitive';
  switch (node.op) {
    case '=':
      return (l, r) => equalValues(l, r, ci);
    case '!=':
      return (l, r) => !equalValues(l, r, ci);
    case 'contains':
      return (l, r) => containsValues(l, r, ci);
    case 'datestartswith': {
      const norm = cachedNormalizer();
      return (l, r) => {
        const a = norm(l);
        const b = norm(r);
        return a !== null && b !== null && a.startsWith(b);
      };
    }
    default: {
      const cmp = ORDER[node.op];
      if (!cmp) return () => false;
      return ci
        ? (l, r) => l != null && r != null && cmp(upper(l), upper(r))
        : (l, r) => l != null && r != null && cmp(l, r);
    }
  }
}

function operandGetter(o: Operand, types: Record<string, ColumnType> | undefined): Get {
  if (o.type === 'field') return fieldGetter(o.name, types);
  const v = o.value;
  return () => v;
}

function compileRelational(node: RelationalNode, types: Record<string, ColumnType> | undefined): Pred {
  const get = fieldGetter(node.field, types);
  if (node.value.type === 'value' && !node.reversed) {
    const test = constantTest(node, node.value.value);
    return (row) => test(get(row));
  }
  const test = pairTest(node);
  const other = operandGetter(node.value, types);
  return node.reversed ? (row) => test(other(row), get(row)) : (row) => test(get(row), other(row));
}

function compileAll(preds: Pred[], op: 'and' | 'or'): Pred {
  if (op === 'and') {
    if (preds.length === 2) {
      const [a, b] = preds;
      return (row) => a(row) && b(row);
    }
    if (preds.length === 3) {
      const [a, b, c] = preds;
      return (row) => a(row) && b(row) && c(row);
    }
    return (row) => {
      for (let i = 0; i < preds.length; i++) if (!preds[i](row)) return false;
      return true;
    };
  }
  if (preds.length === 2) {
    const [a, b] = preds;
    return (row) => a(row) || b(row);
  }
  return (row) => {
    for (let i = 0; i < preds.length; i++) if (preds[i](row)) return true;
    return false;
  };
}

function compileNode(node: FilterAst, types: Record<string, ColumnType> | undefined): Pred {
  switch (node.type) {
    case 'relational':
      return compileRelational(node, types);
    case 'unary':
      return compileUnary(node, types);
    case 'not': {
      const p = compileNode(node.expr, types);
      return (row) => !p(row);
    }
    case 'logical': {
      // Flatten same-operator chains (iteratively, so long chains cannot overflow the stack).
      const operands: FilterAst[] = [];
      const stack: FilterAst[] = [node];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'logical' && n.op === node.op) stack.push(n.right, n.left);
        else operands.push(n);
      }
      return compileAll(
        operands.map((n) => compileNode(n, types)),
        node.op,
      );
    }
    default:
      return () => false;
  }
}

const EMPTY_ROW: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/**
 * Compiles an AST (from `parseFilterQuery`) into a row predicate. `null` (the empty query) keeps
 * every row. `columnTypes` is optional: results match Dash without it; with it, `Date` objects in
 * datetime columns compare as ISO strings. Rows that are not objects are treated as empty rows.
 */
export function compileFilter(ast: FilterAst | null, columnTypes?: Record<string, ColumnType>): RowPredicate {
  if (!ast) return () => true;
  const p = compileNode(ast, columnTypes);
  return (row) => p(row !== null && typeof row === 'object' ? row : EMPTY_ROW);
}
