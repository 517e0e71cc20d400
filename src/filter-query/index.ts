/**
 * Dash DataTable's filter-query language, DOM-free (browser and Node):
 * parse → AST → compiled row predicate, canonical printing, and the per-column filter boxes.
 */
export type {
  CaseMode,
  ColumnType,
  FieldOperand,
  FilterAst,
  LogicalNode,
  NotNode,
  Operand,
  ParseResult,
  RelationalNode,
  RelationalOp,
  UnaryNode,
  UnaryOp,
  ValueOperand,
} from './ast.js';
export { RELATIONAL_OPS, UNARY_OPS, collectFields } from './ast.js';
export { parseFilterQuery } from './parser.js';
export { compileFilter, normalizeDate, equalValues, type RowPredicate } from './evaluate.js';
export { isNumericString, isNumericValue } from './lexer.js';
export { toQueryString, formatField, formatString } from './format.js';
export {
  columnFilterToQuery,
  parseColumnFilter,
  splitColumnQueries,
  combineColumnQueries,
  type ColumnFilterOptions,
  type ColumnFilterResult,
} from './column-query.js';
