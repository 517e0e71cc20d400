// What a wheel scrolling a grid fast shows: the browser scrolls on its compositor while the page
// paints the rows coming in, and a frame it draws before they are there shows blank. Scrolls each
// grid's table bench page (its 1,000,000 rows) down 30,000 px at `px-per-second`, and counts the
// screencast's frames with a band of the body showing no text (the bench's wheelBlankFrames).
// `npx tsx scripts/profile-table-fling.ts [grid,grid…=dash] [px-per-second=6000]` (RUNS=n: n gestures each).
import { chromium } from 'playwright-core';
import { openTableBench, wheelBlankFrames } from '../bench/suites/table.bench.js';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const grids = (process.argv[2] ?? 'dash').split(',');
const speed = Number(process.argv[3] ?? 6000);
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  for (const grid of grids) {
    const page = await openTableBench(await browser.newPage(), url, grid);
    await page.evaluate(() => window.tableBench.load());
    await page.waitForTimeout(1000);
    for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
      const { frames, blank, worstPx } = await wheelBlankFrames(page, speed);
      console.log(`${grid}, ${speed} px/s: ${blank} of ${frames} frames with a blank band, the tallest ${worstPx.toFixed(0)} px`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await stop();
}
