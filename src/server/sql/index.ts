export { sqlTable, type SqlTable, type SqlTableOptions, type SqlTablePage, type DuckDBConnectionLike, type DuckDBInstanceLike, type PgQueryable } from './table.js';
export { FilterQueryError, toSql, type SqlClauses, type SqlColumns, type SqlColumnType, type SqlDialect, type SqlParam, type TableRequest } from './translate.js';
