// `npm run bench [name…]`: runs every suite in bench/suites (or those whose file name contains a
// given word) in one headless Chromium against one server, and prints the figures side by side.
import { readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromePath } from '../scripts/chrome-path.mjs';
import { serve } from '../scripts/dev-server.js';
import { overBudget, printTable, type BenchSuite } from './harness.js';
import { referenceWorkloadMs } from './machine.js';

const filters = process.argv.slice(2);
const files = (await readdir(new URL('./suites/', import.meta.url)))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort();

const executablePath = chromePath();
if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium');

const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let failed = false;
/** The reference workload's time and the load average, for the reader to weigh the figures by. */
const machineNow = async () => `reference workload ${(await referenceWorkloadMs(browser)).toFixed(0)} ms, load average ${loadavg()[0].toFixed(1)}`;
try {
  const before = await machineNow();
  console.log(`machine at the start: ${before}`);
  for (const file of files) {
    const suite = (await import(`./suites/${file}`)).default as BenchSuite;
    try {
      const rows = await suite.run({
        browser,
        baseUrl: url,
        async open(path) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          page.on('pageerror', (e) => console.error(`[${file}] page error:`, e.message));
          await page.goto(`${url}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
          return page;
        },
      });
      printTable(suite.title, rows);
      if (overBudget(suite.title, rows).length) failed = true;
    } catch (error) {
      failed = true;
      console.error(`\n## ${suite.title}: failed\n`, error);
    }
  }
  console.log(`\nmachine at the start: ${before}; at the end: ${await machineNow()} (the same work in more ms: a slower machine, and larger figures)`);
} finally {
  await browser.close();
  await stop();
}
process.exit(failed ? 1 : 0);
