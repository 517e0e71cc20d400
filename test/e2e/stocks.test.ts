// The stock-price page (demo/stocks.html): a date range picker and a company choice drive a line
// chart and a table; and the pickers keep a picked date the same in time zones far apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E, waitUntil, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;
before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/stocks.html');
  await app.page.locator('#stocks-summary', { hasText: 'monthly prices' }).waitFor();
});
after(() => e2e?.close());

const range = (page: Page) =>
  page.evaluate(() => {
    const el = document.getElementById('stocks-range') as HTMLElement & { startDate: string | null; endDate: string | null };
    return [el.startDate, el.endDate];
  });

const traces = (page: Page) =>
  page.evaluate(() => (document.getElementById('stocks-graph') as HTMLElement & { figure: { data: Array<{ name: string; x: string[] }> } }).figure.data);

test('the page starts on its range with five companies', async () => {
  const { page } = app;
  await page.locator('#stocks-summary', { hasText: '2007-01-01 to 2010-03-01' }).waitFor();
  assert.deepEqual(await range(page), ['2007-01-01', '2010-03-01']);
  assert.equal(await page.getByLabel('Dates, start date').inputValue(), 'Jan 1, 2007');
  const data = await traces(page);
  assert.deepEqual(data.map((t) => t.name), ['AAPL', 'AMZN', 'GOOG', 'IBM', 'MSFT']);
  assert.equal(data[0].x[0], '2007-01-01');
});

test('clicking two days in the calendar picks a range; chart and table follow', async () => {
  const { page } = app;
  await page.getByLabel('Dates, start date').click();
  const dialog = page.getByRole('dialog', { name: 'Choose date' });
  await dialog.waitFor();
  assert.deepEqual(await dialog.locator('.month-title').allTextContents(), ['January 2007', 'February 2007']);
  await dialog.getByRole('gridcell', { name: 'Thursday, February 1, 2007' }).click();
  await page.locator('#stocks-summary', { hasText: '2007-02-01 to 2010-03-01' }).waitFor();
  // The end is next; a day before the start would become the new start instead.
  await dialog.getByRole('button', { name: 'Next month' }).click();
  await dialog.getByRole('button', { name: 'Next month' }).click();
  assert.deepEqual(await dialog.locator('.month-title').allTextContents(), ['March 2007', 'April 2007']);
  await dialog.getByRole('gridcell', { name: 'Sunday, April 1, 2007' }).click();
  await page.locator('#stocks-summary', { hasText: '2007-02-01 to 2007-04-01' }).waitFor();
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(await range(page), ['2007-02-01', '2007-04-01']);
  const data = await traces(page);
  assert.deepEqual(data[0].x, ['2007-02-01', '2007-03-01', '2007-04-01']);
  await waitUntil(page, () => (document.getElementById('stocks-table') as HTMLElement & { data: unknown[] }).data.length === 15, 'the table to show 15 prices');
});

test('the keyboard picks the end: ArrowDown opens, PageDown turns a month, Enter picks', async () => {
  const { page } = app;
  const end = page.getByLabel('Dates, end date');
  await end.focus();
  await end.press('ArrowDown');
  await page.getByRole('dialog').waitFor();
  assert.equal(await page.evaluate(() => (document.getElementById('stocks-range')!.shadowRoot!.activeElement as HTMLElement).dataset.date), '2007-04-01');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Enter');
  await page.locator('#stocks-summary', { hasText: '2007-02-01 to 2007-06-01' }).waitFor();
  assert.equal(await end.inputValue(), 'Jun 1, 2007');
  assert.equal(await page.evaluate(() => document.getElementById('stocks-range')!.shadowRoot!.activeElement?.getAttribute('data-box')), 'end');
});

test('a typed start in the display format is read; one after the end is refused', async () => {
  const { page } = app;
  const start = page.getByLabel('Dates, start date');
  await start.fill('Mar 1, 2007');
  await start.press('Enter');
  await page.locator('#stocks-summary', { hasText: '2007-03-01 to 2007-06-01' }).waitFor();
  await start.fill('Jul 1, 2007');
  await start.press('Enter');
  await waitUntil(page, () => document.getElementById('stocks-range')!.shadowRoot!.querySelector('[data-box="start"]')!.getAttribute('aria-invalid') === 'true', 'the start box to be marked invalid');
  assert.deepEqual(await range(page), ['2007-03-01', '2007-06-01']);
});

test('unchecking a company drops its line; checking it again brings it back', async () => {
  const { page } = app;
  const microsoft = page.getByRole('checkbox', { name: 'Microsoft' });
  await microsoft.click();
  await page.locator('#stocks-summary', { hasText: 'of 4 companies' }).waitFor();
  assert.deepEqual((await traces(page)).map((t) => t.name), ['AAPL', 'AMZN', 'GOOG', 'IBM']);
  await microsoft.focus();
  await page.keyboard.press('Space');
  await page.locator('#stocks-summary', { hasText: 'of 5 companies' }).waitFor();
  assert.deepEqual((await traces(page)).map((t) => t.name).sort(), ['AAPL', 'AMZN', 'GOOG', 'IBM', 'MSFT']);
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});

// UTC+14, UTC-11 and a zone with daylight saving: a date picked is the date written.
for (const timezoneId of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
  test(`a picked or typed date is the date written in ${timezoneId}`, async () => {
    const context = await e2e.browser.newContext({ timezoneId, locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.url}/demo/stocks.html`);
      await page.locator('#stocks-summary', { hasText: '2007-01-01 to 2010-03-01' }).waitFor();
      const offset = await page.evaluate(() => new Date(2007, 0, 1).getTimezoneOffset());
      assert.notEqual(offset, 0, 'the zone is really applied');
      await page.getByLabel('Dates, start date').click();
      const dialog = page.getByRole('dialog');
      assert.equal(await dialog.getByRole('gridcell', { name: 'Monday, January 1, 2007' }).getAttribute('data-date'), '2007-01-01');
      // 2007-03-11: the day US clocks went forward.
      await dialog.getByRole('button', { name: 'Next month' }).click();
      await dialog.getByRole('gridcell', { name: 'Sunday, March 11, 2007' }).click();
      await dialog.getByRole('gridcell', { name: 'Sunday, November 4, 2007' }).waitFor({ state: 'detached' });
      await dialog.getByRole('gridcell', { name: 'Monday, March 12, 2007' }).click();
      await page.locator('#stocks-summary', { hasText: '2007-03-11 to 2007-03-12' }).waitFor();
      assert.equal(await page.getByLabel('Dates, start date').inputValue(), 'Mar 11, 2007');
      const end = page.getByLabel('Dates, end date');
      await end.fill('Nov 4, 2007');
      await end.press('Enter');
      await page.locator('#stocks-summary', { hasText: '2007-03-11 to 2007-11-04' }).waitFor();
      assert.equal(await end.inputValue(), 'Nov 4, 2007');
    } finally {
      await context.close();
    }
  });
}
