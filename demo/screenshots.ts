// Refreshes docs/screenshots/*.png (linked from docs/demo.md): every demo page, in Chromium, once
// it has loaded its data. `npx tsx demo/screenshots.ts [page…]` (after `npm run build`, for the CDN page).
import { mkdirSync } from 'node:fs';
import { startE2E, waitUntil } from '../test/e2e/helpers.js';

const PAGES = process.argv.length > 2 ? process.argv.slice(2) : ['index', 'sales', 'gapminder', 'multiple-inputs', 'chained', 'flights', 'stocks', 'upload', 'about', 'cdn', 'csp', 'basics'];
const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

const e2e = await startE2E();
try {
  for (const name of PAGES) {
    const { page, context } = await e2e.open(`demo/${name}.html`, { viewport: { width: 1200, height: 760 } });
    await page.waitForLoadState('networkidle');
    await waitUntil(page, () => {
      const graphs = [...document.querySelectorAll('dash-graph')].every((g) => g.querySelector('.main-svg'));
      const tables = [...document.querySelectorAll('dash-table')].every((t) => (t as HTMLElement).hidden || (!t.hasAttribute('loading') && (t as HTMLElement & { data: unknown[] }).data.length > 0));
      const source = document.querySelector('[data-page-source]');
      return graphs && tables && (!source || source.textContent !== 'Loading…');
    }, `${name} to load`, 60_000);
    await page.waitForTimeout(500);
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await e2e.close();
}
