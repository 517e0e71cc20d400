// sqlTable (docs/server.md, "Tables on a SQL engine") on real engines: a page, a sort and a filter
// over vega-datasets' flights-3m.parquet in embedded DuckDB (3,000,000 rows, the demo's table),
// and the same on PostgreSQL for a 1,000,000-row copy (PG_URL, else a throwaway cluster from
// scripts/pg-throwaway.sh). Each figure is the median of 5 answers of `page()` (count + page).
import { execFileSync } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { sqlTable, type SqlTable, type TableRequest } from '../../src/server/index.js';
import { FLIGHTS_PARQUET, FLIGHT_COLUMNS, copyFlightsToPostgres } from '../../demo/server/flights.js';
import { median, type BenchRow, type BenchSuite } from '../harness.js';

const REQUESTS: Array<[string, TableRequest]> = [
  ['page 1,000 of 50 rows, unsorted', { pageCurrent: 1000, pageSize: 50 }],
  ['sort by delay desc, first page', { pageSize: 50, sortBy: [{ column_id: 'delay', direction: 'desc' }] }],
  ['filter {origin} = SFO && {delay} > 60', { pageSize: 50, filterQuery: '{origin} = SFO && {delay} > 60' }],
  ['filter icontains + date + sort (2 keys)', { pageSize: 50, filterQuery: '{destination} icontains "o" && {date} datestartswith 2001-03', sortBy: [{ column_id: 'distance', direction: 'desc' }, { column_id: 'delay', direction: 'asc' }] }],
];

async function measure(table: SqlTable, engine: string, target: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [metric, request] of REQUESTS) {
    await table.page(request); // warm
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await table.page(request);
      times.push(performance.now() - start);
    }
    rows.push({ metric: `${engine}: ${metric}`, unit: 'ms', ours: median(times), target });
  }
  return rows;
}

const suite: BenchSuite = {
  title: 'sqlTable: a page, a sort and a filter on DuckDB (3M rows) and PostgreSQL (1M rows)',
  async run() {
    const rows: BenchRow[] = [];
    const loadStart = performance.now();
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await db.connect();
    await connection.run(`CREATE TABLE flights AS SELECT * FROM read_parquet('${FLIGHTS_PARQUET.replace(/'/g, "''")}')`);
    connection.closeSync();
    rows.push({ metric: 'DuckDB: load 3,000,000 rows from parquet', unit: 'ms', ours: performance.now() - loadStart });
    rows.push(...(await measure(sqlTable({ engine: db, from: 'flights', columns: FLIGHT_COLUMNS, tieBreak: 'rowid' }), 'DuckDB 3M', '< 1000 ms')));
    db.closeSync();

    let url = process.env.PG_URL;
    let throwaway: string | undefined;
    if (!url) {
      const out = execFileSync('scripts/pg-throwaway.sh', ['start'], { encoding: 'utf8' });
      url = /PG_URL=(\S+)/.exec(out)![1];
      throwaway = /PG_THROWAWAY_DIR=(\S+)/.exec(out)![1];
    }
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const table = 'bench_flights_1m';
      const exists = (await pool.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname = $1`, [table])).rows[0].n > 0;
      if (!exists || (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n !== 1_000_000) {
        await pool.query(`DROP TABLE IF EXISTS ${table}`);
        const start = performance.now();
        await copyFlightsToPostgres(pool, table, 1_000_000);
        rows.push({ metric: 'PostgreSQL: load 1,000,000 rows', unit: 'ms', ours: performance.now() - start });
      }
      rows.push(...(await measure(sqlTable({ engine: pool, from: table, columns: FLIGHT_COLUMNS, tieBreak: 'id' }), 'PostgreSQL 1M', '< 1000 ms')));
    } finally {
      await pool.end();
      if (throwaway) execFileSync('scripts/pg-throwaway.sh', ['stop', throwaway]);
    }
    return rows;
  },
};
export default suite;
