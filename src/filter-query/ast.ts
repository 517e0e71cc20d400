/**
 * The filter-query AST: what `parseFilterQuery` produces, `compileFilter` evaluates and
 * `toQueryString` prints. Plain data (JSON-serialisable), no classes, so a server can walk it
 * (e.g. to translate it to SQL) without this package's runtime.
 */

/** Relational operators, in canonical (symbol) form. Aliases `eq ne lt le gt ge` parse to these. */
export type RelationalOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'datestartswith';

/** Unary (postfix) tests: `{col} is blank` … */
export type UnaryOp = 'blank' | 'nil' | 'num' | 'str' | 'bool' | 'even' | 'odd' | 'prime' | 'object';

/**
 * Explicit case prefix of a relational operator: `i` (`ieq`, `icontains` …) = 'insensitive',
 * `s` (`seq`, `scontains` …) = 'sensitive'. Absent = no prefix, which Dash evaluates as sensitive.
 */
export type CaseMode = 'sensitive' | 'insensitive';

/** A literal: bare numbers are numbers; quoted text and bare words are strings. */
export interface ValueOperand {
  type: 'value';
  value: string | number;
}

/** Another column, `{other}`, used as the right-hand side of a comparison. */
export interface FieldOperand {
  type: 'field';
  name: string;
}

export type Operand = ValueOperand | FieldOperand;

/**
 * `{field} op value`. When the query was written value-first (`5 < {a}`), `reversed` is true and
 * the operator applies as `op(value, field)`: `5 < {a}` keeps op '<' (it means a > 5).
 */
export interface RelationalNode {
  type: 'relational';
  op: RelationalOp;
  /** Explicit case prefix, if any (never set for `datestartswith`). */
  case?: CaseMode;
  /** Column id (the unescaped text between the braces). */
  field: string;
  value: Operand;
  reversed?: true;
}

/** `{field} is blank` etc. */
export interface UnaryNode {
  type: 'unary';
  op: UnaryOp;
  field: string;
}

/** `a && b`, `a and b`, `a || b`, `a or b`. Chains parse left-associative: a && b && c = (a && b) && c. */
export interface LogicalNode {
  type: 'logical';
  op: 'and' | 'or';
  left: FilterAst;
  right: FilterAst;
}

/** `!(…)` */
export interface NotNode {
  type: 'not';
  expr: FilterAst;
}

export type FilterAst = RelationalNode | UnaryNode | LogicalNode | NotNode;

export type ColumnType = 'any' | 'numeric' | 'text' | 'datetime';

export type ParseResult =
  | { ok: true; ast: FilterAst | null }
  | { ok: false; error: string; position: number };

export const RELATIONAL_OPS: readonly RelationalOp[] = ['=', '!=', '<', '<=', '>', '>=', 'contains', 'datestartswith'];
export const UNARY_OPS: readonly UnaryOp[] = ['blank', 'nil', 'num', 'str', 'bool', 'even', 'odd', 'prime', 'object'];

/** Column ids referenced anywhere in the AST (fields and field operands), in first-seen order. */
export function collectFields(ast: FilterAst | null): string[] {
  const out = new Set<string>();
  const stack: FilterAst[] = ast ? [ast] : [];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'relational':
        out.add(n.field);
        if (n.value.type === 'field') out.add(n.value.name);
        break;
      case 'unary':
        out.add(n.field);
        break;
      case 'logical':
        stack.push(n.right, n.left);
        break;
      case 'not':
        stack.push(n.expr);
        break;
    }
  }
  return [...out];
}
