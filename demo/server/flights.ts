// The server half of the flights explorer (demo/flights.html): vega-datasets' flights-3m.parquet
// (3,000,000 rows) in DuckDB, paged, sorted and filtered by SQL built from the table's
// page_current / page_size / sort_by / filter_query (the table's actions are "custom").
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { NO_UPDATE, type DashServer, type ServerCallbackContext } from '../../src/server/index.js';
import { FilterSqlError, filterQueryToSql, sortByToSql, type SqlColumns } from './filter-sql.js';
import { dataDir } from './gapminder.js';

export const FLIGHT_COLUMNS: SqlColumns = {
  date: 'datetime',
  delay: 'numeric',
  distance: 'numeric',
  origin: 'text',
  destination: 'text',
};

let ready: Promise<DuckDBInstance> | null = null;
let instance: DuckDBInstance | null = null;

/** Loads the parquet file into an in-memory DuckDB table once (about a second). */
function flightsDb(): Promise<DuckDBInstance> {
  ready ??= (async () => {
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await db.connect();
    const file = `${dataDir}flights-3m.parquet`.replace(/'/g, "''");
    await connection.run(`CREATE TABLE flights AS SELECT * FROM read_parquet('${file}')`);
    connection.closeSync();
    instance = db;
    return db;
  })();
  return ready;
}

export function closeFlights(): void {
  instance?.closeSync();
  instance = null;
  ready = null;
}

export interface FlightsPage {
  rows: Array<Record<string, unknown>>;
  total: number;
  pageCount: number;
  page: number;
}

/** One page of flights for the table's custom paging / sorting / filtering. */
export async function queryFlights(
  options: { page: number; pageSize: number; sortBy?: unknown; filterQuery?: string | null },
  signal?: AbortSignal,
): Promise<FlightsPage> {
  const db = await flightsDb();
  const where = filterQueryToSql(options.filterQuery, FLIGHT_COLUMNS);
  const order = sortByToSql(options.sortBy, FLIGHT_COLUMNS);
  const pageSize = Math.max(1, Math.min(1000, Math.floor(options.pageSize) || 50));
  const connection: DuckDBConnection = await db.connect();
  const onAbort = () => connection.interrupt();
  signal?.addEventListener('abort', onAbort);
  try {
    const counted = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM flights WHERE ${where.sql}`, where.params);
    const total = Number(counted.getRowObjectsJS()[0]?.n ?? 0);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.max(0, Math.min(Math.floor(options.page) || 0, pageCount - 1));
    const result = await connection.runAndReadAll(
      `SELECT strftime(date, '%Y-%m-%d %H:%M') AS date, delay::INTEGER AS delay, distance::INTEGER AS distance, origin, destination
       FROM flights WHERE ${where.sql}
       ORDER BY ${order ? `${order}, ` : ''}rowid
       LIMIT ${pageSize} OFFSET ${page * pageSize}`,
      where.params,
    );
    return { rows: result.getRowObjectsJS() as Array<Record<string, unknown>>, total, pageCount, page };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    connection.closeSync();
  }
}

export function registerFlights(dash: DashServer): void {
  dash.callback(
    {
      outputs: 'flights-server.data, flights-server.page_count, flights-server.page_current, flights-status.children',
      inputs: 'flights-server.page_current, flights-server.page_size, flights-server.sort_by, flights-server.filter_query',
    },
    async (page: number | null, pageSize: number | null, sortBy: unknown, filterQuery: string | null, ctx: ServerCallbackContext) => {
      const started = performance.now();
      try {
        const result = await queryFlights({ page: page ?? 0, pageSize: pageSize ?? 50, sortBy, filterQuery }, ctx.signal);
        const ms = Math.round(performance.now() - started);
        const status = `${result.total.toLocaleString('en-US')} of 3,000,000 flights match; page ${result.page + 1} of ${result.pageCount.toLocaleString('en-US')} (DuckDB, ${ms} ms)`;
        return [result.rows, result.pageCount, result.page === page ? NO_UPDATE : result.page, status];
      } catch (error) {
        if (error instanceof FilterSqlError) return [NO_UPDATE, NO_UPDATE, NO_UPDATE, `Cannot run this query: ${error.message}`];
        throw error;
      }
    },
  );
}
