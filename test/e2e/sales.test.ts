// The sales dashboard (demo/sales.html), driven as a person would: pick regions with the mouse and
// the keyboard, type a note, press Submit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphTitle, pickOption, startE2E, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;

before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/sales.html');
});
after(() => e2e?.close());

test('the chart and total for the default region come from the server', async () => {
  const { page } = app;
  await page.locator('#sales-total', { hasText: 'Total sales in the North' }).waitFor();
  await page.locator('#sales-chart .gtitle', { hasText: 'Monthly sales in the North, 2024' }).waitFor();
  // 4 products × 12 months, stacked.
  assert.equal(await page.locator('#sales-chart .bars .point').count(), 48);
  assert.deepEqual((await page.locator('#sales-chart .legendtext').allTextContents()).sort(), ['Accessories', 'Laptops', 'Phones', 'Tablets']);
});

test('picking a region with the mouse redraws the chart', async () => {
  const { page } = app;
  const before = await page.locator('#sales-total').textContent();
  await pickOption(page, '#sales-region', 'West');
  await page.locator('#sales-chart .gtitle', { hasText: 'Monthly sales in the West, 2024' }).waitFor();
  await page.locator('#sales-total', { hasText: 'Total sales in the West' }).waitFor();
  assert.notEqual(await page.locator('#sales-total').textContent(), before);
  assert.equal(await page.locator('#sales-region').evaluate((el) => (el as HTMLElement & { value: unknown }).value), 'West');
});

test('picking a region with the keyboard: type, arrow, Enter', async () => {
  const { page } = app;
  const combobox = page.locator('#sales-region [role="combobox"]');
  await combobox.focus();
  await page.keyboard.type('sou');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('#sales-chart .gtitle', { hasText: 'Monthly sales in the South, 2024' }).waitFor();
  assert.equal(await graphTitle(page, '#sales-chart'), 'Monthly sales in the South, 2024');
});

test('typing is State: nothing happens until Submit is pressed', async () => {
  const { page } = app;
  assert.equal(await page.locator('#sales-submitted').textContent(), '');
  await page.getByLabel('A note for the sales team').fill('Ship the Q3 report');
  // The server callback only runs when the button is clicked.
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#sales-submitted').textContent(), '');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.locator('#sales-submitted', { hasText: 'You submitted: Ship the Q3 report' }).waitFor();
  await page.getByLabel('A note for the sales team').fill('Again');
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.locator('#sales-submitted', { hasText: 'You submitted: Again' }).waitFor();
});

test('the page shows its own HTML source, as text', async () => {
  const { page } = app;
  const source = page.locator('[data-page-source]');
  await source.filter({ hasText: '<dash-dropdown id="sales-region"' }).waitFor();
  assert.match((await source.textContent()) ?? '', /<dash-callback inputs="sales-region.value"/);
  assert.equal(await source.locator('*').count(), 0, 'the source is text, not elements');
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});
