// This machine's speed at a moment: a shared or virtual machine's CPU can run the same work 40%
// slower from one minute to the next (on the 2-core VM of the README's figures, one fixed workload
// in Node took 815–1,236 ms within ten minutes, at a load average under 1), so `npm run bench`
// times a fixed workload in a page before and after its suites, to read its figures against.
import type { Browser } from 'playwright-core';
import { median } from './harness.js';

/** Median ms of three runs of one fixed workload in a fresh page: 200,000 strings built, then sorted by code unit. */
export async function referenceWorkloadMs(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      times.push(
        await page.evaluate(() => {
          const t0 = performance.now();
          const texts: string[] = [];
          for (let i = 0; i < 200_000; i++) texts.push(`n${(Math.imul(i, 2654435761) >>> 0).toString(36)}`);
          texts.sort();
          return performance.now() - t0;
        }),
      );
    }
    return median(times);
  } finally {
    await page.close();
  }
}
