// The multi-page live monitor (demo/app.html at /demo/app/…): <dash-link> clicks change pages
// without a reload, back/forward follow, reloads and deep links open the right page, the live page
// streams through an interval into a graph and a store, a slow server callback shows a spinner,
// and settings tabs persist.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, startE2E, waitUntil, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;
before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/app/');
});
after(() => e2e?.close());

/** Which section shows. */
const visiblePage = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('section[id^="page-"]')].filter((s) => !(s as HTMLElement).hidden).map((s) => s.id).join(','));

async function showing(page: Page, id: string) {
  await page.locator(`#${id}`).waitFor({ state: 'visible' });
  assert.equal(await visiblePage(page), id);
}

/** The number of points the live chart has drawn. */
const points = (page: Page) =>
  page.evaluate(() => ((document.getElementById('live-chart') as unknown as { querySelector(s: string): { data?: Array<{ x: unknown[] }> } | null }).querySelector('.js-plotly-plot')?.data?.[0]?.x.length ?? 0));

test('links change the page without a reload; back and forward follow', async () => {
  const { page, errors } = app;
  await showing(page, 'page-home');
  // A marker on window survives only if nothing reloads.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));
  const nav = page.getByRole('navigation', { name: 'App pages' });

  await nav.getByRole('link', { name: 'Live readings' }).click();
  await showing(page, 'page-live');
  assert.equal(new URL(page.url()).pathname, '/demo/app/live');
  assert.equal(await nav.getByRole('link', { name: 'Live readings' }).getAttribute('aria-current'), 'page');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await showing(page, 'page-settings');
  assert.equal(new URL(page.url()).pathname, '/demo/app/settings');

  await page.goBack();
  await showing(page, 'page-live');
  assert.equal(new URL(page.url()).pathname, '/demo/app/live');
  await page.goBack();
  await showing(page, 'page-home');
  await page.goForward();
  await showing(page, 'page-live');
  assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same document');
  assert.deepEqual(errors, []);
});

test('links are real anchors (open in a new tab, copy link)', async () => {
  const { page } = app;
  const href = await page.getByRole('navigation', { name: 'App pages' }).getByRole('link', { name: 'Settings' }).evaluate((a) => (a as HTMLAnchorElement).href);
  assert.equal(new URL(href).pathname, '/demo/app/settings');
  // A Ctrl-click is left to the browser: a new tab opens, this page stays.
  const before = page.url();
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('navigation', { name: 'App pages' }).getByRole('link', { name: 'Settings' }).click({ modifiers: ['Control'] }),
  ]);
  await popup.waitForLoadState();
  assert.equal(new URL(popup.url()).pathname, '/demo/app/settings');
  await popup.locator('#page-settings').waitFor({ state: 'visible' });
  await popup.close();
  assert.equal(page.url(), before);
});

test('the live page streams readings into the chart and the store; pause stops it', async () => {
  const { page } = app;
  await showing(page, 'page-live');
  await waitUntil(page, () => /readings kept/.test(document.getElementById('live-stats')!.textContent ?? ''), 'readings in the store');
  const start = await points(page);
  await page.waitForFunction((n) => {
    const plot = document.querySelector('#live-chart .js-plotly-plot') as unknown as { data?: Array<{ x: unknown[] }> } | null;
    return (plot?.data?.[0]?.x.length ?? 0) >= n + 2;
  }, start);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Resume' }).waitFor();
  const paused = await page.locator('#live-tick').getAttribute('n-intervals');
  await page.waitForTimeout(1200);
  assert.equal(await page.locator('#live-tick').getAttribute('n-intervals'), paused);
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.waitForFunction((n) => Number(document.getElementById('live-tick')!.getAttribute('n-intervals')) > Number(n), paused);
});

test('the slow server summary shows the spinner, then the answer', async () => {
  const { page } = app;
  await showing(page, 'page-live');
  await page.getByRole('button', { name: 'Summarize on the server' }).click();
  const loading = page.locator('#live-loading');
  await loading.locator('[role="progressbar"]').waitFor();
  assert.equal(await loading.getAttribute('aria-busy'), 'true');
  await page.locator('#live-summary', { hasText: 'Server summary of' }).waitFor();
  await loading.locator('[role="progressbar"]').waitFor({ state: 'detached' });
  assert.equal(await loading.getAttribute('aria-busy'), null);
});

test('a reload keeps the page, the session\'s readings and the persisted settings', async () => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'App pages' }).getByRole('link', { name: 'Settings' }).click();
  await showing(page, 'page-settings');
  // Choose the Alerts tab with the keyboard, and move the slider.
  await page.getByRole('tab', { name: 'Units' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: 'Alerts', selected: true }).waitFor();
  await page.getByRole('slider', { name: 'Alert above' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('#settings-summary', { hasText: 'alert above 75' }).waitFor();
  // The store saves when the browser is idle: wait for the readings to be kept before reloading.
  await waitUntil(page, () => JSON.parse(sessionStorage.getItem('live-readings') ?? '[]').length > 0, 'the readings saved');
  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('live-readings') ?? '[]').length as number);

  await page.reload();
  await showing(page, 'page-settings');
  await page.locator('#settings-summary', { hasText: 'alert above 75' }).waitFor();
  await page.getByRole('tab', { name: 'Alerts', selected: true }).waitFor();
  // The live page starts from the readings the session kept.
  await page.getByRole('navigation', { name: 'App pages' }).getByRole('link', { name: 'Live readings' }).click();
  await showing(page, 'page-live');
  assert.ok(kept > 0);
  // The chart is drawn from the kept readings once plotly has rendered it.
  for (const end = Date.now() + 20_000; (await points(page)) < Math.min(kept, 20); ) {
    assert.ok(Date.now() < end, `the chart shows at least ${Math.min(kept, 20)} kept readings`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

test('a deep link opens its page directly', async () => {
  const { page, errors } = await e2e.open('demo/app/settings');
  await showing(page, 'page-settings');
  assert.deepEqual(errors, []);
  await page.context().close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every page of the app has no axe violations (${scheme})`, async () => {
    const { page, errors } = await e2e.open('demo/app/live', { colorScheme: scheme });
    for (const [name, id] of [['Live readings', 'page-live'], ['Settings', 'page-settings'], ['Overview', 'page-home']]) {
      await page.getByRole('navigation', { name: 'App pages' }).getByRole('link', { name }).click();
      await showing(page, id);
      await waitUntil(page, () => document.querySelector('[data-page-source]')!.textContent !== 'Loading…', 'the source');
      if (id === 'page-live') await waitUntil(page, () => !!document.querySelector('#live-chart .main-svg'), 'the chart');
      assert.deepEqual(await axeViolations(page), [], `${name} (${scheme})`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
