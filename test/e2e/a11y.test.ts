// axe-core on every demo page, in the light and the dark scheme, once everything has loaded
// (plots drawn, tables filled, the source shown); and with a dropdown's list open.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, ensureBuilt, startE2E, waitUntil, type E2E } from './helpers.js';
import type { Page } from 'playwright-core';

export const PAGES = ['index', 'sales', 'gapminder', 'multiple-inputs', 'chained', 'flights', 'stocks', 'upload', 'about', 'cdn', 'csp', 'basics', 'app'];

let e2e: E2E;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
});
after(() => e2e?.close());

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const ready = () => {
    const source = document.querySelector('[data-page-source]');
    // Graphs on a page the app hides (demo/app.html's other pages) are not drawn until shown.
    const graphsDrawn = [...document.querySelectorAll('dash-graph')].every((g) => !g.checkVisibility() || g.querySelector('.main-svg'));
    const tablesIdle = [...document.querySelectorAll('dash-table, dash-graph')].every((t) => !t.hasAttribute('loading'));
    return (!source || source.textContent !== 'Loading…') && graphsDrawn && tablesIdle;
  };
  await waitUntil(page, ready, 'plots, tables and the source to be shown');
}

for (const scheme of ['light', 'dark'] as const) {
  for (const name of PAGES) {
    test(`${name}.html has no axe violations (${scheme})`, async () => {
      const { page, errors } = await e2e.open(`demo/${name}.html`, { colorScheme: scheme });
      await settled(page);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
}

test('an open dropdown list has no axe violations', async () => {
  const { page } = await e2e.open('demo/sales.html');
  await settled(page);
  await page.locator('#sales-region [role="combobox"]').click();
  await page.locator('#sales-region [role="listbox"] [role="option"]').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`an open date picker calendar has no axe violations (${scheme})`, async () => {
    const { page } = await e2e.open('demo/stocks.html', { colorScheme: scheme });
    await settled(page);
    await page.getByLabel('Dates, start date').click();
    await page.getByRole('dialog', { name: 'Choose date' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}
