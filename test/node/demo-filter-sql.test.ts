// The demo's filter-query → SQL translator (demo/server/filter-sql.ts), checked against the table's
// own evaluator: the same query must keep the same rows in DuckDB as in the browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { FilterSqlError, filterQueryToSql, sortByToSql, type SqlColumns } from '../../demo/server/filter-sql.js';
import { compileFilter, parseFilterQuery } from '../../src/filter-query/index.js';

const columns: SqlColumns = { n: 'numeric', name: 'text', when: 'datetime', 'odd "col"': 'text' };
const rows = [
  { id: 0, n: 1, name: 'Alpha', when: '2001-01-01 10:00:00', 'odd "col"': 'x' },
  { id: 1, n: 2, name: 'beta', when: '2001-01-02 11:30:00', 'odd "col"': 'y' },
  { id: 2, n: 3, name: 'Gamma ray', when: '2001-02-01 00:00:00', 'odd "col"': null },
  { id: 3, n: -7, name: '', when: '2002-06-15 12:00:00', 'odd "col"': 'x' },
  { id: 4, n: null, name: null, when: null, 'odd "col"': 'z' },
  { id: 5, n: 10, name: 'ALPHA', when: '2001-01-01 23:59:59', 'odd "col"': "it's" },
  { id: 6, n: 97, name: '50% off_', when: '2010-12-31 00:00:00', 'odd "col"': 'x' },
  { id: 7, n: 2.5, name: 'delta', when: '2001-01-01 00:00:00', 'odd "col"': 'y' },
];

let db: DuckDBInstance;
let connection: DuckDBConnection;
before(async () => {
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
  await connection.run(`CREATE TABLE t (id INTEGER, n DOUBLE, name VARCHAR, "when" TIMESTAMP, "odd ""col""" VARCHAR)`);
  for (const r of rows) {
    await connection.run('INSERT INTO t VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?)', [r.id, r.n, r.name, r.when, r['odd "col"']] as never);
  }
});
after(() => {
  connection?.closeSync();
  db?.closeSync();
});

async function sqlIds(query: string): Promise<number[]> {
  const where = filterQueryToSql(query, columns);
  const result = await connection.runAndReadAll(`SELECT id FROM t WHERE ${where.sql} ORDER BY id`, where.params as never);
  return result.getRowObjectsJS().map((r) => Number(r.id));
}

function browserIds(query: string): number[] {
  const parsed = parseFilterQuery(query);
  assert.ok(parsed.ok);
  const predicate = compileFilter(parsed.ast, { n: 'numeric', name: 'text', when: 'datetime', 'odd "col"': 'text' });
  return rows.filter((r) => predicate(r)).map((r) => r.id);
}

const sameAsBrowser = [
  '{n} > 2',
  '{n} >= 2 && {n} < 10',
  '{n} = 2',
  '{n} eq 3',
  '{n} != 2',
  '{n} s> 2',
  '{n} <= -7 || {n} > 50',
  '5 < {n}',
  '{name} = Alpha',
  '{name} ieq alpha',
  '{name} contains a',
  '{name} icontains ALPHA',
  '{name} scontains "ray"',
  '{name} contains "50%"',
  '{name} contains "_"',
  '{name} != beta',
  '{name} is blank',
  '{n} is nil',
  '{n} is num',
  '{name} is str',
  '{n} is even',
  '{n} is odd',
  '{n} is prime',
  '!({n} > 2)',
  '!({name} contains a) && {n} is num',
  '{when} datestartswith 2001-01',
  '{when} datestartswith "2001-01-01"',
  '{when} > 2001-01-02',
  '{when} < "2001-01-01 12:00"',
  '{odd "col"} = x',
  "{odd \"col\"} = \"it's\"",
  '{n} = abc',
  '{name} != {odd "col"}',
  '{n} >= {n}',
];

for (const query of sameAsBrowser) {
  test(`SQL keeps the rows the browser keeps: ${query}`, async () => {
    assert.deepEqual(await sqlIds(query), browserIds(query));
  });
}

test('an empty query is TRUE with no parameters', () => {
  assert.deepEqual(filterQueryToSql('', columns), { sql: 'TRUE', params: [] });
  assert.deepEqual(filterQueryToSql('   ', columns), { sql: 'TRUE', params: [] });
});

test('values are bound, never spliced into the SQL', () => {
  const where = filterQueryToSql(`{name} = "x'; DROP TABLE t; --"`, columns);
  assert.doesNotMatch(where.sql, /DROP/);
  assert.deepEqual(where.params, ["x'; DROP TABLE t; --"]);
});

test('unknown columns and syntax errors are FilterSqlErrors with a message for the user', () => {
  assert.throws(() => filterQueryToSql('{secret} = 1', columns), (e: unknown) => e instanceof FilterSqlError && /unknown column \{secret\}/.test(e.message));
  assert.throws(() => filterQueryToSql('{n} > 1 &&', columns), FilterSqlError);
  assert.throws(() => filterQueryToSql('{n} = {secret}', columns), FilterSqlError);
});

test('sort_by becomes ORDER BY, in either key spelling; unknown columns are refused', () => {
  assert.equal(sortByToSql([{ column_id: 'n', direction: 'desc' }, { columnId: 'name', direction: 'asc' }], columns), '"n" DESC NULLS LAST, "name" ASC NULLS LAST');
  assert.equal(sortByToSql([], columns), '');
  assert.equal(sortByToSql(null, columns), '');
  assert.throws(() => sortByToSql([{ column_id: 'x; DROP', direction: 'asc' }], columns), FilterSqlError);
});
