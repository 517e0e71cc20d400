/**
 * The filter-query language a table runs itself (docs/table.md): parsing and compiling `filterQuery`
 * and the `filter_query` of conditional styles. Loaded on first use (src/components/table/table-lazy.ts),
 * as most tables never filter.
 */
export { parseFilterQuery } from '../../filter-query/parser.js';
export { compileFilter } from '../../filter-query/evaluate.js';
