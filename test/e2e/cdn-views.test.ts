// The CDN build with elements whose view (render code, controllers, styles) is a lazy chunk
// (docs/conventions.md, "Code loaded on first use"): a page using them from cdn/dash-elements.js
// alone loads each view once, and each element renders and works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, graphTitle, openRecording, startE2E, type E2E, type RecordingPage } from './helpers.js';

// visually-hidden.styles: a style the clipboard's view shares with the table's, so a chunk of its own.
const VIEWS = ['clipboard-view', 'confirm-dialog-view', 'download-save', 'graph-view', 'markdown-view', 'tabs-view', 'tooltip-view', 'upload-view', 'visually-hidden.styles'];

let e2e: E2E;
let app: RecordingPage;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
  app = await openRecording(e2e, 'test/e2e/pages/cdn-views.html');
});
after(() => e2e?.close());

describe('elements whose view loads on first use, from the CDN file', () => {
  test('each renders: graph, tooltip, tabs, upload, clipboard, markdown', async () => {
    const { page } = app;
    await page.locator('#graph .main-svg').first().waitFor();
    assert.equal(await graphTitle(page, '#graph'), 'Bars');
    await page.locator('#tooltip [role="tooltip"]').waitFor();
    assert.equal(await page.locator('#tooltip').getAttribute('data-visible'), '');
    await page.getByRole('tab', { name: 'One', selected: true }).waitFor();
    assert.equal(await page.getByText('First panel').isVisible(), true);
    assert.equal(await page.getByText('Second panel').isVisible(), false);
    await page.getByRole('button', { name: 'Upload a file' }).waitFor();
    await page.getByRole('button', { name: 'Copy to clipboard' }).waitFor();
    await page.locator('#markdown h1', { hasText: 'Notes' }).waitFor();
    assert.equal(await page.locator('#markdown em').textContent(), 'emphasis');
  });

  test('the keyboard drives the tabs, and a callback opens the confirm dialog, which counts the answer', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'One' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Two', selected: true }).waitFor();
    assert.equal(await page.getByText('Second panel').isVisible(), true);
    assert.equal(await page.locator('#tabs').evaluate((el) => (el as HTMLElement & { value: string }).value), 'two');

    await page.locator('#ask').click();
    const dialog = page.getByRole('alertdialog', { name: 'Confirm' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.locator('#answers', { hasText: '1' }).waitFor();
    assert.equal(await dialog.isVisible(), false);
  });

  test('writing data to the download saves the file', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download').evaluate((el) => ((el as HTMLElement & { data: unknown }).data = { content: 'a,b\n1,2\n', filename: 'rows.csv' })),
    ]);
    assert.equal(download.suggestedFilename(), 'rows.csv');
  });

  test('each view is one chunk, loaded once; nothing else but plotly.js', () => {
    assert.deepEqual(app.chunks().sort(), VIEWS);
  });

  test('no errors on the page', () => {
    assert.deepEqual(app.errors, []);
  });
});
