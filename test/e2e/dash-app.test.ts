// <dash-app src> against dash-elements/server serving whole Dash apps in Dash's format
// (demo/server/dash-apps.ts): layout loaded and rendered, callbacks wired, layout outputs,
// clientside callbacks, a DataTable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, pickOption, startE2E, waitUntil, type E2E } from './helpers.js';

let e2e: E2E;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
});
after(() => e2e?.close());

test('a multi-page app: links change the page, the page\'s own callbacks and a clientside one run', async () => {
  const { page, errors } = await e2e.open('demo/dash-app.html');
  const app = page.locator('#pages-app');
  await app.getByText('Pick a page above.').waitFor();
  await app.getByRole('link', { name: 'Greeting' }).click();
  await waitUntil(page, () => document.querySelector('#pages-app #greeting')?.textContent === 'Hello, Ada!', 'the greeting of the returned page');
  await waitUntil(page, () => document.querySelector('#pages-app #shout')?.textContent === 'HELLO, ADA!', 'the clientside callback');
  assert.match(page.url(), /\?page=greet$/);
  await app.getByLabel('Your name').fill('Grace');
  await waitUntil(page, () => document.querySelector('#pages-app #shout')?.textContent === 'HELLO, GRACE!');
  // Back, and forth again: the layout output replaces the page each time.
  await app.getByRole('link', { name: 'Home' }).click();
  await app.getByText('Pick a page above.').waitFor();
  assert.equal(await page.locator('#pages-app #greeting').count(), 0);
  await app.getByRole('link', { name: 'Greeting' }).click();
  await waitUntil(page, () => document.querySelector('#pages-app #shout')?.textContent === 'HELLO, ADA!');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('tabs: each tab\'s content comes back from the server as layout, with a graph', async () => {
  const { page, errors } = await e2e.open('demo/dash-app.html');
  const app = page.locator('#tabs-app');
  await app.getByRole('heading', { name: 'Tab content 1' }).waitFor();
  await app.getByRole('tab', { name: 'Tab two' }).click();
  await app.getByRole('heading', { name: 'Tab content 2' }).waitFor();
  await waitUntil(page, () => !!document.querySelector('#tabs-app dash-graph .main-svg'), 'the graph in the tab');
  await app.getByRole('tab', { name: 'Tab one' }).click();
  await app.getByRole('heading', { name: 'Tab content 1' }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a DataTable app: the dropdown filters the table through the server', async () => {
  const { page, errors } = await e2e.open('demo/dash-app.html');
  await waitUntil(page, () => document.querySelector('#table-app #count')?.textContent === '5 cities', 'the initial call');
  await pickOption(page, '#table-app #country', 'Canada');
  await waitUntil(page, () => document.querySelector('#table-app #count')?.textContent === '2 cities', 'the filtered count');
  await waitUntil(page, () => (document.querySelector('#table-app dash-table') as unknown as { data: unknown[] }).data.length === 2, 'the table data');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Dash\'s to-do list: the list is layout from a callback, MATCH styles an item, ALL counts them', async () => {
  const { page, errors } = await e2e.open('demo/dash-app.html');
  const app = page.locator('#todo-app');
  const totals = (text: string) => waitUntil(page, new Function(`return document.querySelector('#todo-app #totals')?.textContent === ${JSON.stringify(text)}`) as () => boolean, `totals "${text}"`);
  await totals('0 of 0 items open');
  for (const item of ['Milk', 'Bread', 'Eggs']) {
    await app.getByLabel('New item').fill(item);
    await app.getByRole('button', { name: 'Add' }).click();
    await app.getByRole('checkbox', { name: item }).waitFor();
  }
  await totals('3 of 3 items open');
  await app.getByRole('checkbox', { name: 'Bread' }).check();
  await totals('2 of 3 items open');
  await waitUntil(page, () => (document.querySelector('#todo-app [id=\'{"index":1,"type":"item"}\']') as HTMLElement | null)?.style.textDecoration === 'line-through', 'the MATCH style');
  // Adding keeps the other items (and their state) as they are.
  const milk = await app.getByRole('checkbox', { name: 'Milk' }).elementHandle();
  await app.getByLabel('New item').fill('Tea');
  await app.getByRole('button', { name: 'Add' }).click();
  await totals('3 of 4 items open');
  assert.equal(await milk!.evaluate((el) => el.isConnected), true);
  await app.getByRole('button', { name: 'Clear done' }).click();
  await totals('3 of 3 items open');
  assert.equal(await app.getByRole('checkbox', { name: 'Bread' }).count(), 0);
  assert.equal(await app.getByLabel('New item').inputValue(), '');
  assert.deepEqual(errors, []);
  await page.context().close();
});
