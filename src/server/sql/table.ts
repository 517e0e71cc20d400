/**
 * `sqlTable`: one call answers a `<dash-table>` with custom paging, sorting and filtering from a
 * SQL engine (docs/server.md, "Tables on a SQL engine"): embedded DuckDB by default, or a `pg`
 * Pool/Client. The engines are the app's own packages (`@duckdb/node-api`, `pg`), typed here by
 * the few methods used so neither is needed to build against this module.
 */
import { FilterQueryError, checkColumns, quoteIdent, toSql, type SqlColumns, type SqlDialect, type SqlParam, type TableRequest } from './translate.js';

/** The part of `@duckdb/node-api`'s DuckDBConnection used here. */
export interface DuckDBConnectionLike {
  runAndReadAll(sql: string, values?: never): Promise<{ getRowObjectsJS(): Array<Record<string, unknown>> }>;
  interrupt(): void;
  closeSync(): void;
}
/** The part of `@duckdb/node-api`'s DuckDBInstance used here. */
export interface DuckDBInstanceLike {
  connect(): Promise<DuckDBConnectionLike>;
}
/** The part of a `pg` Pool or Client used here. */
export interface PgQueryable {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export interface SqlTableOptions {
  /** `'duckdb'` (default: an embedded in-memory DuckDB), a DuckDB instance or connection, or a `pg` Pool/Client. */
  engine?: 'duckdb' | DuckDBInstanceLike | DuckDBConnectionLike | PgQueryable;
  /** A table name or a table function (`read_parquet('f.parquet')`), trusted SQL from the app; a path ending .parquet/.csv/.json is read by DuckDB. */
  from: string;
  /** Column id → type. Only these are selected, filtered and sorted on. */
  columns: SqlColumns;
  /** Trusted SQL appended to the ORDER BY so pages are stable (`'rowid'` in DuckDB, a key in PostgreSQL); DuckDB's unsorted pages keep insertion order without it. */
  tieBreak?: string;
  /** For `engine: 'duckdb'`: a database file to open instead of memory. */
  database?: string;
}

export interface SqlTablePage {
  /** The rows of the page, with the declared columns (dates as text, numbers as numbers). */
  data: Array<Record<string, unknown>>;
  /** Pages in the filtered result (at least 1). */
  pageCount: number;
  /** Rows matching the filter. */
  total: number;
  /** The page answered: the one asked for, clamped to the last page. */
  pageCurrent: number;
}

export interface SqlTable {
  page(request: TableRequest, options?: { signal?: AbortSignal }): Promise<SqlTablePage>;
  /** The SQL dialect of the engine. */
  readonly dialect: SqlDialect;
}

interface Runner {
  dialect: SqlDialect;
  rows(sql: string, params: SqlParam[], signal?: AbortSignal): Promise<Array<Record<string, unknown>>>;
}

const isPg = (e: unknown): e is PgQueryable => typeof (e as PgQueryable)?.query === 'function';
const isDuckConnection = (e: unknown): e is DuckDBConnectionLike => typeof (e as DuckDBConnectionLike)?.runAndReadAll === 'function';
const isDuckInstance = (e: unknown): e is DuckDBInstanceLike => typeof (e as DuckDBInstanceLike)?.connect === 'function';

function duckRunner(connect: () => Promise<DuckDBConnectionLike>, shared: boolean): Runner {
  return {
    dialect: 'duckdb',
    async rows(sql, params, signal) {
      const connection = await connect();
      const onAbort = () => connection.interrupt();
      signal?.addEventListener('abort', onAbort);
      try {
        return (await connection.runAndReadAll(sql, params as never)).getRowObjectsJS();
      } finally {
        signal?.removeEventListener('abort', onAbort);
        if (!shared) connection.closeSync();
      }
    },
  };
}

function runnerFor(options: SqlTableOptions): Runner {
  const engine = options.engine ?? 'duckdb';
  if (engine === 'duckdb') {
    let instance: Promise<DuckDBInstanceLike> | undefined;
    return duckRunner(async () => {
      instance ??= import('@duckdb/node-api').then(({ DuckDBInstance }) => DuckDBInstance.create(options.database ?? ':memory:') as unknown as Promise<DuckDBInstanceLike>);
      return (await instance).connect();
    }, false);
  }
  if (isDuckConnection(engine)) return duckRunner(async () => engine, true);
  if (isPg(engine)) {
    return {
      dialect: 'postgres',
      async rows(sql, params) {
        return (await engine.query(sql, params)).rows;
      },
    };
  }
  if (isDuckInstance(engine)) return duckRunner(() => engine.connect(), false);
  throw new TypeError("dash-elements/server: sqlTable's engine must be 'duckdb', a DuckDB instance or connection, or a pg Pool");
}

/** A file path becomes a quoted string DuckDB reads; anything else is the app's own SQL. */
function fromClause(from: string): string {
  if (typeof from !== 'string' || !from.trim()) throw new TypeError('dash-elements/server: sqlTable needs `from`: a table name or a table function');
  return /^[^()'"]+\.(parquet|csv|json)(\.gz)?$/i.test(from.trim()) ? `'${from.trim().replace(/'/g, "''")}'` : from;
}

const toNumber = (v: unknown) => (typeof v === 'bigint' || typeof v === 'string' ? Number(v) : v);

/** A table on a SQL engine: `page()` answers one request of a table with custom actions. */
export function sqlTable(options: SqlTableOptions): SqlTable {
  checkColumns(options.columns);
  const runner = runnerFor(options);
  const from = fromClause(options.from);
  const columns = options.columns;
  const numericIds = Object.keys(columns).filter((id) => columns[id] === 'numeric');
  // Numbers come back as numbers and dates as text, whatever the engine's own types are.
  const select = Object.entries(columns)
    .map(([id, type]) => {
      const col = quoteIdent(id);
      return `${type === 'numeric' ? `CAST(${col} AS DOUBLE PRECISION)` : type === 'datetime' ? `CAST(${col} AS TEXT)` : col} AS ${col}`;
    })
    .join(', ');

  // Which datetime columns the engine stores as timestamps or dates (asked once, from one row).
  let timestamps: Promise<Set<string>> | undefined;
  const findTimestamps = async (): Promise<Set<string>> => {
    const ids = Object.keys(columns).filter((id) => columns[id] === 'datetime');
    if (!ids.length) return new Set();
    const typeOf = runner.dialect === 'postgres' ? (c: string) => `CAST(pg_typeof(${c}) AS TEXT)` : (c: string) => `typeof(${c})`;
    try {
      const [row] = await runner.rows(`SELECT ${ids.map((id, i) => `${typeOf(quoteIdent(id))} AS "t${i}"`).join(', ')} FROM ${from} AS t LIMIT 1`, []);
      return new Set(ids.filter((_, i) => /^(timestamp|timestamp without time zone|date)$/i.test(String(row?.[`t${i}`] ?? ''))));
    } catch {
      return new Set();
    }
  };

  return {
    dialect: runner.dialect,
    async page(request, { signal } = {}) {
      const q = toSql(request, { columns, dialect: runner.dialect, timestampColumns: await (timestamps ??= findTimestamps()) });
      // DuckDB keeps a table's insertion order, so an unsorted page needs no ORDER BY (a full sort).
      const orderList = q.orderBy || runner.dialect !== 'duckdb' ? [q.orderBy, options.tieBreak].filter(Boolean).join(', ') : '';
      const order = orderList ? `ORDER BY ${orderList}` : '';
      const pageAt = (offset: number) => runner.rows(`SELECT ${select} FROM ${from} AS t WHERE ${q.where} ${order} LIMIT ${q.limit} OFFSET ${offset}`, q.params, signal);
      let total: number;
      let rows: Array<Record<string, unknown>>;
      try {
        // The count and the page at once; the page again only when it was past the end.
        const [counted, page] = await Promise.all([runner.rows(`SELECT count(*) AS n FROM ${from} AS t WHERE ${q.where}`, q.params, signal), pageAt(q.offset)]);
        total = Number(toNumber(counted[0]?.n) ?? 0);
        rows = page;
      } catch (error) {
        throw engineError(error);
      }
      const pageCount = Math.max(1, Math.ceil(total / q.limit));
      const pageCurrent = Math.min(q.offset / q.limit, pageCount - 1);
      if (pageCurrent * q.limit !== q.offset) {
        try {
          rows = await pageAt(pageCurrent * q.limit);
        } catch (error) {
          throw engineError(error);
        }
      }
      for (const row of rows) for (const id of numericIds) if (row[id] !== null && row[id] !== undefined) row[id] = Number(row[id]);
      return { data: rows, total, pageCount, pageCurrent };
    },
  };
}

/** An engine error is logged for the developer; the person sees a short message without SQL. */
function engineError(error: unknown): Error {
  if (error instanceof FilterQueryError) return error;
  console.error('dash-elements/server: sqlTable query failed:', error);
  return new Error('the database could not answer this query (see the server log)');
}
