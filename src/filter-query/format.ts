/**
 * Prints an AST back to canonical query text that parses to the same AST: fields in braces
 * (with `\{ \} \\` escaped), strings double-quoted, numbers bare, `&&`/`||`, `!(…)`, and
 * parentheses only where the tree needs them.
 */
import type { FilterAst, Operand, RelationalNode } from './ast.js';

export function formatField(name: string): string {
  return `{${name.replace(/[\\{}]/g, '\\$&')}}`;
}

export function formatString(s: string): string {
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

export function formatOperand(o: Operand): string {
  if (o.type === 'field') return formatField(o.name);
  return typeof o.value === 'number' && Number.isFinite(o.value) ? formatNumber(o.value) : formatString(String(o.value));
}

/** Operator text with its case prefix: `s=`, `icontains`, `datestartswith`. */
export function formatRelop(node: Pick<RelationalNode, 'op' | 'case'>): string {
  if (node.op === 'datestartswith') return node.op;
  const prefix = node.case === 'insensitive' ? 'i' : node.case === 'sensitive' ? 's' : '';
  return prefix + node.op;
}

function formatNode(node: FilterAst): string {
  switch (node.type) {
    case 'relational': {
      const field = formatField(node.field);
      const value = formatOperand(node.value);
      const op = formatRelop(node);
      return node.reversed ? `${value} ${op} ${field}` : `${field} ${op} ${value}`;
    }
    case 'unary':
      return `${formatField(node.field)} is ${node.op}`;
    case 'not':
      return `!(${formatNode(node.expr)})`;
    case 'logical': {
      // Walk the left spine iteratively (long chains), parenthesise where precedence needs it.
      const rights: FilterAst[] = [];
      let n: FilterAst = node;
      while (n.type === 'logical' && n.op === node.op) {
        rights.push(n.right);
        n = n.left;
      }
      const sep = node.op === 'and' ? ' && ' : ' || ';
      const wrapLeft = node.op === 'and' && n.type === 'logical';
      const parts = [wrapLeft ? `(${formatNode(n)})` : formatNode(n)];
      for (let i = rights.length - 1; i >= 0; i--) {
        const r = rights[i];
        parts.push(r.type === 'logical' && (r.op === node.op || node.op === 'and') ? `(${formatNode(r)})` : formatNode(r));
      }
      return parts.join(sep);
    }
    default:
      return '';
  }
}

/** Canonical query text for an AST; `null` → `''`. */
export function toQueryString(ast: FilterAst | null): string {
  return ast ? formatNode(ast) : '';
}
