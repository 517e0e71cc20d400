// sqlTable / toSql (docs/server.md, "Tables on a SQL engine"): one case table of filter queries
// through the table's own evaluator (src/filter-query), embedded DuckDB and a real PostgreSQL
// (PG_URL, from scripts/pg-throwaway.sh), which must keep the same rows; then paging, sorting,
// errors and injection attempts on both engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { FilterQueryError, createDashServer, sqlTable, toSql, type SqlColumns, type SqlTable } from '../../src/server/index.js';
import { compileFilter, parseFilterQuery } from '../../src/filter-query/index.js';
import { dateRange } from '../../src/server/sql/translate.js';

const PG_URL = process.env.PG_URL;
if (!PG_URL && process.env.CI === 'true') {
  throw new Error('PG_URL is not set: CI must start PostgreSQL with scripts/pg-throwaway.sh (see .ci/run)');
}

const columns: SqlColumns = { n: 'numeric', k: 'numeric', name: 'text', code: 'text', when: 'datetime', 'odd "col"': 'text' };
type Row = { id: number; n: number | null; k: number | null; name: string | null; code: string | null; when: string | null; 'odd "col"': string | null };
const rows: Row[] = [
  { id: 0, n: 1, k: 2, name: 'Alpha', code: '10', when: '2001-01-01 10:00:00', 'odd "col"': 'x' },
  { id: 1, n: 2, k: 3, name: 'beta', code: 'B-7', when: '2001-01-02 11:30:00', 'odd "col"': 'y' },
  { id: 2, n: 3, k: 4, name: 'Gamma ray', code: '', when: '2001-02-01 00:00:00', 'odd "col"': null },
  { id: 3, n: -7, k: 7, name: '', code: '007', when: '2002-06-15 12:00:00', 'odd "col"': 'x' },
  { id: 4, n: null, k: null, name: null, code: null, when: null, 'odd "col"': 'z' },
  { id: 5, n: 10, k: 11, name: 'ALPHA', code: 'abc', when: '2001-01-01 23:59:59', 'odd "col"': "it's" },
  { id: 6, n: 97, k: 13, name: '50% off_', code: 'x_y', when: '2010-12-31 00:00:00', 'odd "col"': 'x' },
  { id: 7, n: 2.5, k: 2, name: 'delta', code: 'Delta', when: '2001-01-01 00:00:00', 'odd "col"': 'y' },
  { id: 8, n: 0, k: 0, name: 'épée', code: '3.5', when: '1999-12-31 23:00:00', 'odd "col"': '' },
  { id: 9, n: 1000000, k: 1, name: 'O\'Brien "quoted"', code: 'NULL', when: '2020-02-29 08:15:00', 'odd "col"': 'y' },
  { id: 10, n: -0.5, k: -3, name: 'alpha beta', code: 'a%', when: '2001-03-10 00:00:00', 'odd "col"': 'x' },
  { id: 11, n: 4, k: 9, name: 'Zed', code: ' ', when: '2001-01-01 10:00:00', 'odd "col"': null },
];

/** At least 100 queries, every operator, over mixed, blank, numeric, text and date data. */
const CASES = [
  // numeric comparisons
  '{n} > 2', '{n} >= 2', '{n} < 2', '{n} <= 2', '{n} = 2', '{n} != 2', '{n} eq 3', '{n} ne 3', '{n} gt 0', '{n} lt 0',
  '{n} ge 10', '{n} le -7', '{n} = 2.5', '{n} = -0.5', '{n} > -1', '{n} s> 2', '{n} i> 2', '{n} = 1e6', '{n} = "2"', '{n} > "3"',
  '5 < {n}', '2 = {n}', '-7 >= {n}', '{n} = abc', '{n} > abc', '{k} > {n}', '{k} = {n}', '{k} <= {n}', '{n} >= 2 && {n} < 10', '{n} <= -7 || {n} > 50',
  // unary operators
  '{n} is num', '{n} is nil', '{n} is blank', '{n} is str', '{n} is even', '{n} is odd', '{n} is prime', '{k} is prime', '{k} is even', '{k} is odd',
  '{name} is blank', '{name} is nil', '{name} is str', '{name} is num', '{code} is blank', '{when} is nil', '{when} is blank', '{name} is bool', '{name} is object', '{k} is bool',
  '!{n} is nil', '!({k} is prime)', '!({name} is blank)', '{odd "col"} is blank', '{odd "col"} is nil',
  // text
  '{name} = Alpha', '{name} = alpha', '{name} ieq alpha', '{name} seq alpha', '{name} != Alpha', '{name} ine alpha', '{name} contains a', '{name} icontains A', '{name} scontains A', '{name} contains "ray"',
  '{name} contains "%"', '{name} contains "_"', '{name} contains "\'"', '{name} contains \'"\'', '{name} = "O\'Brien \\"quoted\\""', '{name} = ""', '{name} != ""', '{name} contains ""', '{name} > beta', '{name} < "B"',
  '{name} ilt "b"', '{name} ige "zed"', '{name} = épée', '{name} icontains ÉPÉE', '{code} = B-7', '{code} contains "-"', '{code} = NULL', '{code} contains "%"', '{code} = " "', '{code} icontains d',
  '{odd "col"} = x', '{odd "col"} != x', '{odd "col"} = "it\'s"', '{odd "col"} contains "\'"', '{name} = {code}', '{name} icontains {code}',
  // dates
  '{when} datestartswith 2001', '{when} datestartswith 2001-01', '{when} datestartswith 2001-01-01', '{when} datestartswith "2001-01-01 10"', '{when} datestartswith 2020-02-29', '{when} datestartswith 2001-13', '{when} datestartswith nonsense', '{when} > "2001-01-01 10:00:00"', '{when} >= "2002"', '{when} < "2001"',
  '{when} = "2001-01-01 10:00:00"', '{when} != "2001-01-01 10:00:00"', '{when} contains "01-01"', '{when} contains 2001', '{when} datestartswith 2001 && {n} > 1', '{n} datestartswith 2001', '{name} datestartswith 2001',
  // logic
  '{n} > 1 and {name} contains a', '{n} > 1 or {name} is blank', '({n} > 1 || {k} < 3) && !({name} = Alpha)', '!({n} > 1 && {k} < 12)', '!(!({n} = 1))', '{n} = 1 || {n} = 2 || {n} = 3 || {n} = 4', '{name} icontains alpha && {when} datestartswith 2001-01', '({n} is nil || {n} < 0) and {k} != 7',
];

function browserIds(query: string): number[] {
  const parsed = parseFilterQuery(query);
  assert.ok(parsed.ok, `${query}: ${parsed.ok ? '' : parsed.error}`);
  const predicate = compileFilter(parsed.ast, columns);
  return rows.filter((r) => predicate(r as unknown as Record<string, unknown>)).map((r) => r.id);
}

let duck: DuckDBInstance;
let duckConnection: DuckDBConnection;
let pool: pg.Pool | undefined;
let duckTable: SqlTable;
let pgTable: SqlTable | undefined;
const byId = [{ column_id: 'id', direction: 'asc' }];
const withId: SqlColumns = { id: 'numeric', ...columns };

before(async () => {
  duck = await DuckDBInstance.create(':memory:');
  duckConnection = await duck.connect();
  const create = (text: string, real: string, time: string) =>
    `CREATE TABLE cases (id INTEGER, n ${real}, k INTEGER, name ${text}, code ${text}, "when" ${time}, "odd ""col""" ${text})`;
  await duckConnection.run(create('VARCHAR', 'DOUBLE', 'TIMESTAMP'));
  for (const r of rows) {
    await duckConnection.run('INSERT INTO cases VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?)', [r.id, r.n, r.k, r.name, r.code, r.when, r['odd "col"']] as never);
  }
  duckTable = sqlTable({ engine: duck, from: 'cases', columns: withId });
  if (PG_URL) {
    pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
    await pool.query('DROP TABLE IF EXISTS cases');
    await pool.query(create('text', 'double precision', 'timestamp'));
    for (const r of rows) await pool.query('INSERT INTO cases VALUES ($1, $2, $3, $4, $5, $6, $7)', [r.id, r.n, r.k, r.name, r.code, r.when, r['odd "col"']]);
    pgTable = sqlTable({ engine: pool, from: 'cases', columns: withId });
  }
});
after(async () => {
  duckConnection?.closeSync();
  duck?.closeSync();
  await pool?.query('DROP TABLE IF EXISTS cases');
  await pool?.end();
});

const idsOf = async (table: SqlTable, filterQuery: string) =>
  (await table.page({ filterQuery, sortBy: byId, pageSize: 100 })).data.map((r) => Number(r.id));

test(`the case table has at least 100 queries (${CASES.length})`, () => {
  assert.ok(CASES.length >= 100);
  assert.equal(new Set(CASES).size, CASES.length, 'no duplicates');
});

describe('the same rows in the browser, DuckDB and PostgreSQL', () => {
  for (const query of CASES) {
    test(query, async () => {
      const expected = browserIds(query);
      assert.deepEqual(await idsOf(duckTable, query), expected, 'DuckDB');
      if (pgTable) assert.deepEqual(await idsOf(pgTable, query), expected, 'PostgreSQL');
    });
  }
});

const engines = () => [['DuckDB', duckTable] as const, ...(pgTable ? [['PostgreSQL', pgTable] as const] : [])];

test('one call answers a page: rows, total and pageCount, sorted, clamped to the last page', async () => {
  for (const [name, table] of engines()) {
    const sortBy = [{ column_id: 'n', direction: 'desc' }];
    const first = await table.page({ pageCurrent: 0, pageSize: 4, sortBy, filterQuery: '{n} is num' });
    assert.equal(first.total, 11, name);
    assert.equal(first.pageCount, 3, name);
    assert.deepEqual(first.data.map((r) => r.n), [1000000, 97, 10, 4], name);
    const last = await table.page({ pageCurrent: 2, pageSize: 4, sortBy, filterQuery: '{n} is num' });
    assert.deepEqual(last.data.map((r) => r.n), [0, -0.5, -7], name);
    const beyond = await table.page({ pageCurrent: 99, pageSize: 4, sortBy, filterQuery: '{n} is num' });
    assert.equal(beyond.pageCurrent, 2, `${name}: a page past the end answers the last one`);
    assert.deepEqual(beyond.data, last.data, name);
    // Nulls sort last both ways; a second key breaks ties.
    const asc = await table.page({ pageSize: 100, sortBy: [{ column_id: 'k', direction: 'asc' }, { column_id: 'id', direction: 'desc' }] });
    assert.deepEqual(asc.data.map((r) => r.id), [10, 8, 9, 7, 0, 1, 2, 3, 11, 5, 6, 4], name);
    assert.deepEqual(asc.data[0], { id: 10, n: -0.5, k: -3, name: 'alpha beta', code: 'a%', when: '2001-03-10 00:00:00', 'odd "col"': 'x' }, `${name}: numbers as numbers, dates as text`);
    const none = await table.page({ filterQuery: '{name} = nobody' });
    assert.deepEqual([none.total, none.pageCount, none.pageCurrent, none.data], [0, 1, 0, []], name);
  }
});

test('toSql: the clauses alone, with each dialect\'s placeholders', () => {
  const request = { filterQuery: '{n} > 2 && {name} icontains al', sortBy: [{ column_id: 'name', direction: 'desc' }], pageCurrent: 3, pageSize: 20 };
  const duckdb = toSql(request, { columns });
  assert.deepEqual(duckdb.params, [2, 'al']);
  assert.match(duckdb.where, /"n" > \?.*upper\(\?\)/);
  assert.equal(duckdb.orderBy, '"name" DESC NULLS LAST');
  assert.deepEqual([duckdb.limit, duckdb.offset], [20, 60]);
  const postgres = toSql(request, { columns, dialect: 'postgres' });
  assert.match(postgres.where, /"n" > \$1.*\$2/);
  assert.deepEqual(toSql({}, { columns }), { where: 'TRUE', orderBy: '', limit: 50, offset: 0, params: [] });
});

test('an invalid query, an unknown column or a bad sort is a FilterQueryError fit to show', async () => {
  const bad: Array<[Parameters<SqlTable['page']>[0], RegExp]> = [
    [{ filterQuery: '{n} > ' }, /invalid filter query/],
    [{ filterQuery: '{nope} = 1' }, /unknown column \{nope\}/],
    [{ filterQuery: '{n} = {nope}' }, /unknown column \{nope\}/],
    [{ sortBy: [{ column_id: 'nope', direction: 'asc' }] }, /cannot sort by unknown column "nope"/],
    [{ sortBy: 'n' }, /sort_by must be a list/],
  ];
  for (const [name, table] of engines()) {
    for (const [request, message] of bad) {
      await assert.rejects(table.page(request), (e: Error) => e instanceof FilterQueryError && message.test(e.message) && !/SELECT|WHERE/.test(e.message), `${name} ${JSON.stringify(request)}`);
    }
  }
});

/** Classic injections, as filter values and as column names: none may run as SQL. */
const INJECTIONS = [
  "'; DROP TABLE cases; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  "1; DELETE FROM cases",
  "x') OR TRUE OR ('",
  "$1",
  "?",
  "\\'; DROP TABLE cases; --",
  "' UNION SELECT version() --",
  "\u0000'; DROP TABLE cases",
  '"; DROP TABLE cases; --',
  'n" FROM cases; DROP TABLE cases; --',
];

test('injection attempts in filter values and column names never run as SQL', async () => {
  for (const [name, table] of engines()) {
    for (const attack of INJECTIONS) {
      const quoted = JSON.stringify(attack);
      for (const query of [`{name} = ${quoted}`, `{name} contains ${quoted}`, `{when} datestartswith ${quoted}`, `{n} > ${quoted}`, `${quoted} = {code}`]) {
        const result = await table.page({ filterQuery: query, pageSize: 100 }).catch((e: Error) => e);
        if (result instanceof Error) assert.ok(result instanceof FilterQueryError, `${name} ${query}: ${result.message}`);
        else assert.deepEqual(result.data, [], `${name} ${query}: no row holds that text`);
      }
      // As a column name: in the query or the sort, it is an unknown column.
      const field = `{${attack.replace(/[{}]/g, '')}} = 1`;
      await assert.rejects(table.page({ filterQuery: field }), FilterQueryError, `${name} ${field}`);
      await assert.rejects(table.page({ sortBy: [{ column_id: attack, direction: 'asc' }] }), FilterQueryError, `${name} sort ${attack}`);
    }
    // The table is still there, whole.
    assert.equal((await table.page({})).total, rows.length, name);
  }
});

test('a declared column whose name is SQL is quoted, not run', async () => {
  const evil = 'x" FROM cases; DROP TABLE cases; --';
  await duckConnection.run(`CREATE TABLE evil AS SELECT 1 AS "${evil.replace(/"/g, '""')}"`);
  const table = sqlTable({ engine: duckConnection, from: 'evil', columns: { [evil]: 'numeric' } });
  const page = await table.page({ filterQuery: `{${evil}} = 1`, sortBy: [{ column_id: evil, direction: 'asc' }] });
  assert.deepEqual(page.data, [{ [evil]: 1 }]);
  assert.equal((await duckTable.page({})).total, rows.length);
});

test('over HTTP: a callback that lets a FilterQueryError escape answers 400 with its message, no SQL', async () => {
  const dash = createDashServer();
  dash.callback({ outputs: 't.data', inputs: 't.filter_query' }, async (filterQuery: string) => (await duckTable.page({ filterQuery })).data);
  const server = http.createServer(dash.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_dash-update-component`;
  const ask = (value: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ output: 't.data', outputs: { id: 't', property: 'data' }, inputs: [{ id: 't', property: 'filter_query', value }], changedPropIds: ['t.filter_query'] }),
    });
  try {
    const bad = await ask('{secret} = 1');
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), { error: 'unknown column {secret}' });
    const good = await ask('{n} = 97');
    assert.equal(good.status, 200);
    assert.deepEqual(((await good.json()) as { response: { t: { data: Array<{ id: number }> } } }).response.t.data.map((r) => r.id), [6]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('datestartswith on a timestamp column is a range (no cast per row); the case table runs it on both engines', () => {
  assert.deepEqual(dateRange('2001'), ['2001-01-01 00:00:00', '2002-01-01 00:00:00']);
  assert.deepEqual(dateRange('2001-12'), ['2001-12-01 00:00:00', '2002-01-01 00:00:00']);
  assert.deepEqual(dateRange('2020-02-29'), ['2020-02-29 00:00:00', '2020-03-01 00:00:00']);
  assert.deepEqual(dateRange('2001-01-01 23'), ['2001-01-01 23:00:00', '2001-01-02 00:00:00']);
  assert.deepEqual(dateRange('2001-01-01 10:59'), ['2001-01-01 10:59:00', '2001-01-01 11:00:00']);
  assert.equal(dateRange('2001-01-01 10:59:30'), undefined, 'seconds: matched as text');
  assert.equal(dateRange('0099'), undefined);
  const asRange = toSql({ filterQuery: '{when} datestartswith 2001-03' }, { columns, timestampColumns: new Set(['when']) });
  assert.match(asRange.where, /"when" >= CAST\(\? AS TIMESTAMP\) AND "when" < CAST\(\? AS TIMESTAMP\)/);
  assert.deepEqual(asRange.params, ['2001-03-01 00:00:00', '2001-04-01 00:00:00']);
  assert.match(toSql({ filterQuery: '{when} datestartswith 2001-03' }, { columns }).where, /starts_with\(CAST\("when" AS TEXT\)/);
});
