// The table bench's +400 px/frame scroll at the display's 60 Hz (Chromium's default pace), as long as
// you like, after the bench's own scrolls before it: how many frames missed a refresh (over 17 ms),
// and how much Blink's heap grew over the run (far less than a run allocates when collections fell
// in it). `npx tsx scripts/profile-table-paced.ts [grid…]`; MS=40000 for a run long enough to hold
// a major collection, ROUNDS=n for n runs per grid. WHEEL=6000: instead, a wheel scrolling each
// grid 30,000 px at that many px/s, n times, and the screencast's frames with a blank band of the
// body (the bench's wheelBlankFrames: the compositor scrolls on while the rows are painted).
import { chromium } from 'playwright-core';
import { openTableBench, scrollsBeforeSteps, wheelBlankFrames } from '../bench/suites/table.bench.js';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const grids = process.argv.slice(2).length ? process.argv.slice(2) : ['dash'];
const ms = Number(process.env.MS ?? 3000);
const rounds = Number(process.env.ROUNDS ?? 1);
const wheel = Number(process.env.WHEEL ?? 0);

const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  for (const grid of grids) {
    const page = await openTableBench(await browser.newPage(), url, grid);
    await page.evaluate(() => window.tableBench.load());
    const cdp = await page.context().newCDPSession(page);
    const blinkMb = async () => ((await cdp.send('Runtime.getHeapUsage')) as { embedderHeapUsedSize: number }).embedderHeapUsedSize / 1e6;
    for (let r = 0; r < rounds; r++) {
      if (wheel) {
        await page.waitForTimeout(1000);
        const { frames, blank, worstPx } = await wheelBlankFrames(page, wheel);
        console.log(`${grid}, a wheel at ${wheel} px/s: ${blank} of ${frames} frames with a blank band, the tallest ${worstPx.toFixed(0)} px`);
        continue;
      }
      await scrollsBeforeSteps(page);
      const before = await blinkMb();
      const frames = await page.evaluate((t) => window.tableBench.scroll(t, 400), ms);
      const after = await blinkMb();
      const missed = frames.filter((f) => f > 17);
      console.log(
        `${grid}: ${frames.length} frames in ${ms} ms, worst ${Math.max(...frames).toFixed(1)} ms, ${missed.length} over 17 ms` +
          `${missed.length ? ` (${missed.slice(0, 12).map((f) => f.toFixed(1)).join(', ')}${missed.length > 12 ? ', …' : ''})` : ''}; Blink heap ${before.toFixed(0)} → ${after.toFixed(0)} MB`,
      );
    }
    await page.close();
  }
} finally {
  await browser.close();
  await stop();
}
