// Dash's gapminder app (demo/gapminder.html): drag the year slider, pick a region, click a country
// on the plot, and check the plot and the table follow.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, pickOption, startE2E, type E2E, type OpenPage } from './helpers.js';

interface Row {
  year: number;
  country: string;
  cluster: number;
}
const data = JSON.parse(readFileSync(new URL('../../node_modules/vega-datasets/data/gapminder.json', import.meta.url), 'utf8')) as Row[];
const countIn = (year: number, cluster?: number) => data.filter((r) => r.year === year && (cluster === undefined || r.cluster === cluster)).length;

let e2e: E2E;
let app: OpenPage;

before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/gapminder.html');
});
after(() => e2e?.close());

const rowsShown = (app: OpenPage) => app.page.locator('#gap-table [part="row"]').count();
const points = (app: OpenPage) => app.page.locator('#gap-graph .scatterlayer .point');

test('starts on 2005 with every country in the plot and the table', async () => {
  const { page } = app;
  await page.locator('#gap-graph .gtitle', { hasText: 'Life expectancy and fertility, 2005' }).waitFor();
  await page.locator('#gap-selection', { hasText: `Showing ${countIn(2005)} countries in every region, 2005` }).waitFor();
  assert.equal(await points(app).count(), countIn(2005));
  assert.equal(await rowsShown(app), 20, 'first page of 20 rows');
  assert.equal(await page.locator('#gap-table [part="paging"]').getByText(`of ${Math.ceil(countIn(2005) / 20)}`, { exact: true }).count(), 1);
});

test('dragging the year slider to the left end shows 1955', async () => {
  const { page } = app;
  const handle = page.locator('#gap-year [role="slider"]');
  const track = await page.locator('#gap-year [part="track"]').boundingBox();
  const box = await handle.boundingBox();
  assert.ok(track && box);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + ((track.x - 20 - box.x) * i) / 10, box.y + box.height / 2);
  await page.mouse.up();
  await page.locator('#gap-graph .gtitle', { hasText: 'Life expectancy and fertility, 1955' }).waitFor();
  await page.locator('#gap-selection', { hasText: ', 1955.' }).waitFor();
  assert.equal(await handle.getAttribute('aria-valuenow'), '1955');
});

test('the keyboard moves the year by one step (5 years)', async () => {
  const { page } = app;
  await page.locator('#gap-year [role="slider"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('#gap-graph .gtitle', { hasText: 'Life expectancy and fertility, 1960' }).waitFor();
  await page.locator('#gap-selection', { hasText: `Showing ${countIn(1960)} countries in every region, 1960` }).waitFor();
});

test('picking a region narrows the plot and the table', async () => {
  const { page } = app;
  await pickOption(page, '#gap-region', 'Europe & Central Asia');
  const n = countIn(1960, 1);
  await page.locator('#gap-selection', { hasText: `Showing ${n} countries in Europe & Central Asia, 1960` }).waitFor();
  await page.waitForFunction((count) => document.querySelectorAll('#gap-graph .scatterlayer .point').length === count, n);
  assert.equal(await rowsShown(app), n);
  const regions = await page.locator('#gap-table [part="row"] [part="cell"][aria-colindex="2"]').allTextContents();
  assert.deepEqual([...new Set(regions)], ['Europe & Central Asia']);
});

test('clicking a country on the plot filters the table to its history', async () => {
  const { page } = app;
  const point = await points(app).nth(3).boundingBox();
  assert.ok(point);
  await page.mouse.move(point.x + point.width / 2, point.y + point.height / 2);
  await page.mouse.click(point.x + point.width / 2, point.y + point.height / 2);
  const status = page.locator('#gap-selection', { hasText: 'every year' });
  await status.waitFor();
  const country = /^Showing (.+), every year/.exec((await status.textContent()) ?? '')?.[1];
  assert.ok(country, 'the status names the clicked country');
  const years = data.filter((r) => r.country === country).length;
  await page.waitForFunction((n) => document.querySelector('#gap-table')?.shadowRoot?.querySelectorAll('[part="row"]').length === n, years);
  const countries = await page.locator('#gap-table [part="row"] [part="cell"][aria-colindex="1"]').allTextContents();
  assert.deepEqual([...new Set(countries)], [country]);
});

test('"Show all" brings every country of the year back', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Show all' }).click();
  await page.locator('#gap-selection', { hasText: `Showing ${countIn(1960, 1)} countries in Europe & Central Asia, 1960` }).waitFor();
});

test('clearing the region shows every region again', async () => {
  const { page } = app;
  await page.locator('#gap-region [part="clear-button"]').click();
  await page.locator('#gap-selection', { hasText: `Showing ${countIn(1960)} countries in every region, 1960` }).waitFor();
  await page.waitForFunction((count) => document.querySelectorAll('#gap-graph .scatterlayer .point').length === count, countIn(1960));
});

test('sorting the table by population, largest first', async () => {
  const { page } = app;
  const sort = page.locator('#gap-table [part="header-cell"][data-column-id="pop"] button');
  await sort.click();
  await sort.click();
  assert.equal(await page.locator('#gap-table [part="header-cell"][data-column-id="pop"]').getAttribute('aria-sort'), 'descending');
  const first = await page.locator('#gap-table [part="row"]').first().locator('[part="cell"]').first().textContent();
  const largest = data.filter((r) => r.year === 1960).sort((a, b) => (b as unknown as { pop: number }).pop - (a as unknown as { pop: number }).pop)[0];
  assert.equal(first, largest.country);
});

test('hovering a country shows its card beside the point, leaving hides it', async () => {
  const { page } = app;
  await page.locator('#gap-graph').scrollIntoViewIfNeeded();
  const point = await points(app).nth(5).boundingBox();
  assert.ok(point);
  const [x, y] = [point.x + point.width / 2, point.y + point.height / 2];
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  const card = page.locator('#gap-tooltip [part="card"]');
  await page.locator('#gap-tt-stats', { hasText: 'life expectancy' }).waitFor();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#gap-tooltip')!).visibility === 'visible');
  const country = (await page.locator('#gap-tt-country').textContent()) ?? '';
  assert.ok(data.some((r) => r.country === country && r.year === 1960), `a 1960 country (${country})`);
  assert.match((await page.locator('#gap-tt-region').textContent()) ?? '', /Asia|Europe|Africa|America|Pacific|Middle East/);
  const box = await card.boundingBox();
  assert.ok(box);
  const viewport = page.viewportSize()!;
  assert.ok(box.x + box.width <= viewport.width && box.x >= 0, 'the card is on screen');
  assert.ok(box.x >= x || box.x + box.width <= x, 'the card is beside the point, not over it');
  assert.ok(box.y <= y && box.y + box.height >= y - 1, 'vertically level with the point');
  assert.deepEqual(await axeViolations(page), [], 'axe with the card shown');
  await page.mouse.move(x + 200, 10);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#gap-tooltip')!).visibility === 'hidden');
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});
