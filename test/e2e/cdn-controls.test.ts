// The dropdown, the sliders and the date pickers from cdn/dash-elements.js alone: their views are
// lazy chunks beside it (docs/conventions.md, "Code loaded on first use"), loaded when one connects.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, openRecording, startE2E, type E2E, type RecordingPage } from './helpers.js';

let e2e: E2E;
let app: RecordingPage;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
  app = await openRecording(e2e, 'test/e2e/pages/cdn-controls.html');
});
after(() => e2e?.close());

describe('the controls from the CDN file', () => {
  test('each renders its value, and its view came as a chunk', async () => {
    const { page } = app;
    await page.locator('#dd [part="value"]', { hasText: 'Banana' }).waitFor();
    assert.equal(await page.locator('#dd [role="combobox"]').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#level [role="slider"]').getAttribute('aria-valuenow'), '3');
    assert.deepEqual(await page.locator('#span [role="slider"]').evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-valuenow'))), ['2', '6']);
    assert.equal(await page.locator('#day input').inputValue(), '2024-03-05');
    assert.deepEqual(await page.locator('#trip input').evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value)), ['2024-03-05', '2024-03-09']);
    // virtual-window is shared by the dropdown's and the table's views.
    assert.deepEqual(app.chunks().sort(), ['date-picker-view', 'dropdown-view', 'slider-view', 'virtual-window']);
    assert.ok(!app.requests.some((p) => p.startsWith('/src/')));
  });

  test('each works by keyboard', async () => {
    const { page } = app;
    await page.locator('#dd [role="combobox"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#dd').evaluate((el) => (el as unknown as { value: unknown }).value), 'c');
    await page.locator('#level [role="slider"]').focus();
    await page.keyboard.press('End');
    assert.equal(await page.locator('#level').evaluate((el) => (el as unknown as { value: unknown }).value), 10);
    await page.locator('#span [role="slider"]').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await page.locator('#span').evaluate((el) => (el as unknown as { value: unknown }).value), [3, 6]);
    // The calendar is a further chunk, fetched on first use.
    await page.locator('#day input').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('#day [role="dialog"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#day').evaluate((el) => (el as unknown as { date: unknown }).date), '2024-03-06');
    assert.ok(app.chunks().includes('calendar'));
  });

  test('no errors on the page', () => {
    assert.deepEqual(app.errors, []);
  });
});
