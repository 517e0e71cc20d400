// The server half of the flights explorer (demo/flights.html): vega-datasets' flights-3m.parquet
// (3,000,000 rows) paged, sorted and filtered by `sqlTable` from dash-elements/server, from the
// table's page_current / page_size / sort_by / filter_query (the table's actions are "custom").
// DuckDB in memory by default; with DEMO_PG_URL set, a `flights` table in that PostgreSQL
// database (loaded from the parquet file on first use when it is missing).
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { FilterQueryError, NO_UPDATE, sqlTable, type DashServer, type ServerCallbackContext, type SqlColumns, type SqlTable } from '../../src/server/index.js';
import { dataDir } from './gapminder.js';

export const FLIGHT_COLUMNS: SqlColumns = {
  date: 'datetime',
  delay: 'numeric',
  distance: 'numeric',
  origin: 'text',
  destination: 'text',
};
export const FLIGHTS_PARQUET = `${dataDir}flights-3m.parquet`;

let ready: Promise<SqlTable> | null = null;
let instance: DuckDBInstance | null = null;
let pool: pg.Pool | null = null;

/** The parquet file loaded into an in-memory DuckDB table (about a second), or a `flights` table in PostgreSQL. */
function flightsTable(): Promise<SqlTable> {
  ready ??= (async () => {
    if (process.env.DEMO_PG_URL) {
      pool = new pg.Pool({ connectionString: process.env.DEMO_PG_URL });
      const exists = await pool.query("SELECT to_regclass('flights') IS NOT NULL AS ok");
      if (!exists.rows[0].ok) await copyFlightsToPostgres(pool, 'flights');
      return sqlTable({ engine: pool, from: 'flights', columns: FLIGHT_COLUMNS, tieBreak: 'id' });
    }
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await db.connect();
    await connection.run(`CREATE TABLE flights AS SELECT * FROM read_parquet('${FLIGHTS_PARQUET.replace(/'/g, "''")}')`);
    connection.closeSync();
    instance = db;
    return sqlTable({ engine: db, from: 'flights', columns: FLIGHT_COLUMNS, tieBreak: 'rowid' });
  })();
  return ready;
}

/**
 * Copies the parquet file's first `limit` rows (all by default) into a new PostgreSQL table with an
 * `id` key, in batches of unnest()ed arrays (no COPY client needed).
 */
export async function copyFlightsToPostgres(target: pg.Pool, table: string, limit?: number): Promise<void> {
  const name = `"${table.replace(/"/g, '""')}"`;
  await target.query(`CREATE TABLE ${name} (id integer PRIMARY KEY, date timestamp, delay double precision, distance double precision, origin text, destination text)`);
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const source = `read_parquet('${FLIGHTS_PARQUET.replace(/'/g, "''")}')`;
    const rows = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${source}`)).getRowObjectsJS()[0].n);
    const total = Math.min(rows, limit ?? rows);
    const batch = 100_000;
    for (let offset = 0; offset < total; offset += batch) {
      const reader = await connection.runAndReadAll(
        `SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS date, delay::DOUBLE AS delay, distance::DOUBLE AS distance, origin, destination
         FROM ${source} LIMIT ${Math.min(batch, total - offset)} OFFSET ${offset}`,
      );
      const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
      const ids = columns.date.map((_, i) => offset + i);
      await target.query(
        `INSERT INTO ${name} SELECT * FROM unnest($1::int[], $2::timestamp[], $3::float8[], $4::float8[], $5::text[], $6::text[])`,
        [ids, columns.date, columns.delay, columns.distance, columns.origin, columns.destination],
      );
    }
    await target.query(`ANALYZE ${name}`);
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

export function closeFlights(): void {
  instance?.closeSync();
  instance = null;
  void pool?.end();
  pool = null;
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
  const table = await flightsTable();
  const result = await table.page({ pageCurrent: options.page, pageSize: Math.min(1000, options.pageSize), sortBy: options.sortBy, filterQuery: options.filterQuery }, { signal });
  return { rows: result.data, total: result.total, pageCount: result.pageCount, page: result.pageCurrent };
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
        const engine = process.env.DEMO_PG_URL ? 'PostgreSQL' : 'DuckDB';
        const status = `${result.total.toLocaleString('en-US')} of 3,000,000 flights match; page ${result.page + 1} of ${result.pageCount.toLocaleString('en-US')} (${engine}, ${ms} ms)`;
        return [result.rows, result.pageCount, result.page === page ? NO_UPDATE : result.page, status];
      } catch (error) {
        if (error instanceof FilterQueryError) return [NO_UPDATE, NO_UPDATE, NO_UPDATE, `Cannot run this query: ${error.message}`];
        throw error;
      }
    },
  );
}
