// The to-do page (demo/todo.html): Dash's pattern-matching example — add, check, delete and
// clear items; a MATCH callback per item and an ALL callback counting the open ones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;
before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/todo.html');
});
after(() => e2e?.close());

const totals = () => app.page.locator('#totals');

test('starts empty, counted by the ALL callback', async () => {
  await totals().filter({ hasText: '0 open of 0 items' }).waitFor();
});

test('adds items with the button and with Enter; the box empties', async () => {
  const { page } = app;
  await page.getByLabel('New item').fill('Write the docs');
  await page.getByRole('button', { name: 'Add' }).click();
  await totals().filter({ hasText: '1 open of 1 item' }).waitFor();
  assert.equal(await page.getByLabel('New item').inputValue(), '');
  await page.getByLabel('New item').fill('Ship it');
  await page.getByLabel('New item').press('Enter');
  await page.getByLabel('New item').fill('Celebrate');
  await page.getByLabel('New item').press('Enter');
  await totals().filter({ hasText: '3 open of 3 items' }).waitFor();
  assert.deepEqual(await page.getByRole('list', { name: 'To-do items' }).getByRole('checkbox').count(), 3);
});

test('checking an item strikes it through (MATCH) and updates the count (ALL), twice', async () => {
  const { page } = app;
  const ship = page.getByRole('checkbox', { name: 'Ship it' });
  const label = page.locator('label', { hasText: 'Ship it' });
  await ship.check();
  await totals().filter({ hasText: '2 open of 3 items' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('label')].find((l) => l.textContent === 'Ship it')?.style.textDecoration === 'line-through');
  await ship.uncheck();
  await totals().filter({ hasText: '3 open of 3 items' }).waitFor();
  assert.equal(await label.evaluate((el) => (el as HTMLElement).style.textDecoration), '');
  // Only the other items are untouched.
  assert.equal(await page.locator('label', { hasText: 'Celebrate' }).evaluate((el) => (el as HTMLElement).style.textDecoration), '');
  await ship.press('Space');
  await totals().filter({ hasText: '2 open of 3 items' }).waitFor();
});

test('deletes one item by its own button', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Delete “Write the docs”' }).click();
  await totals().filter({ hasText: '1 open of 2 items' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Write the docs' }).count(), 0);
});

test('clears the done items, and a new item after that gets its own MATCH call', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Clear done' }).click();
  await totals().filter({ hasText: '1 open of 1 item' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Ship it' }).count(), 0);
  await page.getByLabel('New item').fill('Rest');
  await page.getByLabel('New item').press('Enter');
  await totals().filter({ hasText: '2 open of 2 items' }).waitFor();
  await page.getByRole('checkbox', { name: 'Rest' }).check();
  await totals().filter({ hasText: '1 open of 2 items' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('label')].find((l) => l.textContent === 'Rest')?.style.textDecoration === 'line-through');
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});
