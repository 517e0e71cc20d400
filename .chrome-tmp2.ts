import { chromium } from 'playwright-core';
import { chromePath } from '/work/wt/textsort/scripts/chrome-path.mjs';
import { serve } from '/work/wt/textsort/scripts/dev-server.js';
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(m.text()));
  await page.goto(`${url}/bench/pages/table-dash.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).benchReady === true, null, { timeout: 120_000 });
  await page.evaluate(async () => {
    const s = await import('/src/components/table/table-sort.ts' as any);
    const rows = (window as any).rows;
    for (const id of ['passenger', 'passenger', 'origin']) {
      const t0 = performance.now();
      const keys = s.sortKeys(rows, { id, name: id, type: 'text' }, () => {});
      const t1 = performance.now();
      const idx = new Uint32Array(rows.length); for (let i = 0; i < idx.length; i++) idx[i] = i;
      s.radixSortIndices(idx, keys, false);
      console.log(`${id}: keys ${(t1 - t0).toFixed(0)} ms, radix ${(performance.now() - t1).toFixed(0)} ms`);
    }
  });
} finally { await browser.close(); await stop(); }
