// The flights explorer (demo/flights.html): 200,000 rows sorted and filtered in the browser, and
// 3,000,000 rows paged, sorted and filtered by DuckDB behind a server callback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startE2E, type E2E, type OpenPage } from './helpers.js';
import { queryFlights } from '../../demo/server/flights.js';

interface Flight {
  delay: number;
  distance: number;
  time: number;
}
const flights = JSON.parse(readFileSync(new URL('../../node_modules/vega-datasets/data/flights-200k.json', import.meta.url), 'utf8')) as Flight[];
const fmt = (n: number) => n.toLocaleString('en-US');

let e2e: E2E;
let app: OpenPage;

before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/flights.html');
  // Every change of the server table's `loading` attribute, however short.
  await app.page.evaluate(() => {
    const log: string[] = ((window as unknown as { loadingLog: string[] }).loadingLog = []);
    const table = document.getElementById('flights-server')!;
    new MutationObserver(() => log.push(table.hasAttribute('loading') ? `on:${table.getAttribute('aria-busy')}` : 'off')).observe(table, {
      attributes: true,
      attributeFilter: ['loading'],
    });
  });
});
after(() => e2e?.close());

const client = (selector: string) => app.page.locator(`#flights-client ${selector}`);
const server = (selector: string) => app.page.locator(`#flights-server ${selector}`);
const cellsOf = (table: 'client' | 'server', column: number) =>
  app.page.locator(`#flights-${table} [part="row"] [part="cell"][aria-colindex="${column}"]`).allTextContents();

test('200,000 flights load into a virtualized table', async () => {
  await app.page.locator('#flights-client-count', { hasText: `${fmt(flights.length)} of ${fmt(flights.length)} flights` }).waitFor({ timeout: 60_000 });
  const rendered = await client('[part="row"]').count();
  assert.ok(rendered > 5 && rendered < 100, `only the rows in view are in the DOM (${rendered})`);
});

test('sorting by delay in the browser, descending on the second click', async () => {
  const sort = client('[part="header-cell"][data-column-id="delay"] button');
  await sort.click();
  await app.page.waitForFunction(() => document.querySelector('#flights-client')?.getAttribute('aria-busy') !== 'true');
  const min = flights.reduce((m, f) => Math.min(m, f.delay), Infinity);
  await app.page.waitForFunction((v) => document.querySelector('#flights-client')?.shadowRoot?.querySelector('[part="row"] [aria-colindex="2"]')?.textContent === v, String(min));
  await sort.click();
  const max = flights.reduce((m, f) => Math.max(m, f.delay), -Infinity);
  await app.page.waitForFunction((v) => document.querySelector('#flights-client')?.shadowRoot?.querySelector('[part="row"] [aria-colindex="2"]')?.textContent === v, String(max));
  const delays = (await cellsOf('client', 2)).map(Number);
  assert.deepEqual(delays, [...delays].sort((a, b) => b - a));
});

test('filtering in the browser: "> 300" under Delay', async () => {
  const box = client('[part="filter-input"][data-column-id="delay"]');
  await box.fill('> 300');
  await box.press('Enter');
  const expected = flights.filter((f) => f.delay > 300).length;
  await app.page.locator('#flights-client-count', { hasText: `${fmt(expected)} of ${fmt(flights.length)} flights` }).waitFor();
  // Dash's column filters write an explicit case prefix: `{delay} s> 300`.
  assert.match((await app.page.locator('#flights-client').getAttribute('filter-query')) ?? '', /^\{delay\} s?> 300$/);
  const delays = (await cellsOf('client', 2)).map(Number);
  assert.ok(delays.length > 0 && delays.every((d) => d > 300));
});

test('scrolling the virtualized table shows later rows', async () => {
  await client('[part="filter-input"][data-column-id="delay"]').fill('');
  await client('[part="filter-input"][data-column-id="delay"]').press('Enter');
  await app.page.locator('#flights-client-count', { hasText: `${fmt(flights.length)} of ${fmt(flights.length)} flights` }).waitFor();
  const scroller = client('[part="table"]');
  await scroller.hover();
  const firstBefore = await client('[part="row"]').first().getAttribute('aria-rowindex');
  for (let i = 0; i < 5; i++) await app.page.mouse.wheel(0, 4000);
  await app.page.waitForFunction(
    (before) => document.querySelector('#flights-client')?.shadowRoot?.querySelector('[part="row"]')?.getAttribute('aria-rowindex') !== before,
    firstBefore,
  );
  const rows = await client('[part="row"]').count();
  assert.ok(rows < 100, `still only the rows in view (${rows})`);
});

test('3,000,000 flights: the first page comes from DuckDB', async () => {
  await app.page.locator('#flights-status', { hasText: '3,000,000 of 3,000,000 flights match; page 1 of 120,000' }).waitFor({ timeout: 60_000 });
  assert.equal(await server('[part="row"]').count(), 25);
  const expected = await queryFlights({ page: 0, pageSize: 25 });
  assert.deepEqual(await cellsOf('server', 4), expected.rows.map((r) => String(r.origin)));
});

test('server-side sort: clicking Delay orders all 3,000,000 rows', async () => {
  await server('[part="header-cell"][data-column-id="delay"] button').click();
  const expected = await queryFlights({ page: 0, pageSize: 25, sortBy: [{ column_id: 'delay', direction: 'asc' }] });
  await app.page.waitForFunction(
    (v) => document.querySelector('#flights-server')?.shadowRoot?.querySelector('[part="row"] [aria-colindex="2"]')?.textContent === v,
    String(expected.rows[0].delay),
  );
  assert.deepEqual((await cellsOf('server', 2)).map(Number), expected.rows.map((r) => r.delay));
  assert.deepEqual(await server('').evaluate((el) => (el as HTMLElement & { sortBy: unknown }).sortBy), [{ column_id: 'delay', direction: 'asc' }]);
});

test('server-side filter: typing SFO under Origin', async () => {
  const box = server('[part="filter-input"][data-column-id="origin"]');
  await box.fill('SFO');
  await box.press('Enter');
  const expected = await queryFlights({ page: 0, pageSize: 25, sortBy: [{ column_id: 'delay', direction: 'asc' }], filterQuery: '{origin} contains "SFO"' });
  const exact = await queryFlights({ page: 0, pageSize: 25, filterQuery: '{origin} = SFO' });
  assert.equal(expected.total, exact.total, 'SFO matches the same rows either way');
  await app.page.locator('#flights-status', { hasText: `${fmt(expected.total)} of 3,000,000 flights match` }).waitFor();
  const origins = await cellsOf('server', 4);
  assert.equal(origins.length, 25);
  assert.deepEqual([...new Set(origins)], ['SFO']);
});

test('server-side paging: Next page', async () => {
  const firstPage = await cellsOf('server', 1);
  await server('[part="page-button"][aria-label="Next page"]').click();
  await app.page.locator('#flights-status', { hasText: 'page 2 of' }).waitFor();
  await app.page.waitForFunction(
    (before) => document.querySelector('#flights-server')?.shadowRoot?.querySelector('[part="row"] [aria-colindex="1"]')?.textContent !== before,
    firstPage[0],
  );
  assert.equal(await server('').getAttribute('page-current'), '1');
});

test('a loading state while queries run', async () => {
  const log = await app.page.evaluate(() => (window as unknown as { loadingLog: string[] }).loadingLog);
  assert.ok(log.includes('on:true'), `the table carried loading and aria-busy while a query ran (${log.join(', ')})`);
  assert.equal(log.at(-1), 'off');
  assert.equal(await server('').getAttribute('aria-busy'), null);
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});
