// Issue 15's store figure: a person types in an input while a <dash-store storage-type="local">
// receives two ~10 MB writes; the longest frame in that time, against saving as Dash's store does
// (JSON.stringify + localStorage.setItem in the write).
import type { BenchSuite } from '../harness.js';

declare global {
  interface Window {
    startRun(mode: 'ours' | 'sync', writes: number): void;
    stopRun(): Promise<{ longest: number; over50: number; savedBytes: number }>;
    payloadBytes: number;
    lastMode?: string;
    ready?: boolean;
  }
}

const suite: BenchSuite = {
  title: '<dash-store storage-type="local">: typing during 2 writes of ~4.7 MB JSON (~9.4 MB as localStorage keeps it, near its 10 MiB quota)',
  async run({ open }) {
    const results: Record<string, { longest: number; over50: number; savedBytes: number }> = {};
    let bytes = 0;
    for (const mode of ['sync', 'ours'] as const) {
      const page = await open('bench/pages/store.html');
      await page.waitForFunction(() => window.ready === true);
      bytes = await page.evaluate(() => window.payloadBytes);
      await page.locator('#typing').focus();
      await page.evaluate((m) => ((window.lastMode = m), window.startRun(m, 2)), mode);
      await page.keyboard.type('the quick brown fox jumps over the lazy dog '.repeat(2), { delay: 25 });
      results[mode] = await page.evaluate(() => window.stopRun());
      await page.close();
    }
    const mb = (bytes / 1e6).toFixed(1);
    return [
      { metric: `longest frame while typing, ${mb} MB written twice`, unit: 'ms', ours: results.ours.longest, peers: { 'save in the write (Dash)': results.sync.longest }, target: '≤ 1 frame per write' },
      { metric: 'frames over 50 ms', unit: 'frames', ours: results.ours.over50, peers: { 'save in the write (Dash)': results.sync.over50 } },
      { metric: 'bytes saved in localStorage at the end', unit: 'MB', ours: results.ours.savedBytes / 1e6, peers: { 'save in the write (Dash)': results.sync.savedBytes / 1e6 }, higherIsBetter: true },
    ];
  },
};
export default suite;
