// Issue 15's navigation figure: a <dash-link> click → the other page's content painted (a callback
// on <dash-location> swaps sections), against a full reload to the same page (plain <a>), both
// loading the CDN bundle as a deployed app would.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, type BenchSuite } from '../harness.js';

declare global {
  interface Window {
    navigateInPage(n: number): Promise<number[]>;
    reloadTo(page: 'a' | 'b'): void;
    reloadTime?: number;
    ready?: boolean;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

const suite: BenchSuite = {
  title: 'Multi-page navigation: <dash-link> click → new content painted (medians of 20)',
  async run({ open }) {
    if (!existsSync(`${root}cdn/dash-elements.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
    const page = await open('bench/pages/nav.html?page=a');
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate(() => window.navigateInPage(5)); // warm-up
    const inPage = await page.evaluate(() => window.navigateInPage(20));
    const reloads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const to: 'a' | 'b' = i % 2 ? 'a' : 'b';
      await page.evaluate((target) => window.reloadTo(target), to);
      await page.waitForURL(`**/nav.html?page=${to}`);
      await page.waitForFunction(() => typeof window.reloadTime === 'number', null, { timeout: 30_000 });
      reloads.push(await page.evaluate(() => window.reloadTime!));
    }
    await page.close();
    return [{ metric: 'click → other page painted', unit: 'ms', ours: median(inPage), peers: { 'full reload': median(reloads) } }];
  },
};
export default suite;
