// A table from the CDN build (test/e2e/pages/cdn-table.html): the core file registers it, its view
// comes as one chunk before its first update, and it renders, sorts, filters and takes the keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, openRecording, startE2E, type E2E, type RecordingPage } from './helpers.js';

let e2e: E2E;
let app: RecordingPage;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
  app = await openRecording(e2e, 'test/e2e/pages/cdn-table.html');
});
after(() => e2e?.close());

const names = () => app.page.locator('#people [part="row"] [part="cell"][aria-colindex="1"]').allTextContents();

test('renders its rows, and a callback reading derived_virtual_indices hears them', async () => {
  await app.page.locator('#people [part="cell"]', { hasText: 'Grace' }).waitFor();
  assert.deepEqual(await names(), ['Ada', 'Grace', 'Alan']);
  await app.page.locator('#count', { hasText: '3 people' }).waitFor();
});

test('sorts, filters and moves with the keyboard', async () => {
  await app.page.locator('#people [part="header-cell"][data-column-id="age"] button').click();
  // Ada is first before the sort too: wait for the row after her, which the sort changes.
  await app.page.waitForFunction(() => document.querySelector('#people')?.shadowRoot?.querySelectorAll('[part="row"]')[1]?.querySelector('[part="cell"]')?.textContent === 'Alan');
  assert.deepEqual(await names(), ['Ada', 'Alan', 'Grace']);
  await app.page.locator('#people [part="filter-input"][data-column-id="age"]').fill('> 40');
  await app.page.keyboard.press('Enter');
  await app.page.locator('#count', { hasText: '2 people' }).waitFor();
  assert.deepEqual(await names(), ['Alan', 'Grace']);
  await app.page.locator('#people [role="grid"]').focus();
  await app.page.keyboard.press('ArrowDown');
  await app.page.waitForFunction(() => (document.querySelector('#people') as unknown as { activeCell: { row: number } | null }).activeCell?.row === 1);
});

test('loads the core file and the table view chunk once, and no source module', () => {
  assert.ok(app.requests.includes('/cdn/dash-elements.js'));
  const views = app.chunks().filter((name) => name === 'table-view');
  assert.equal(views.length, 1, `one table-view chunk in ${app.requests.join(', ')}`);
  assert.ok(!app.requests.some((p) => p.startsWith('/src/')));
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});
