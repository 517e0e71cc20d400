// Issue 15's interval figures: 200 ticks at 50 ms, with a callback on every tick, while a
// 1,000,000-row <dash-table> re-sorts every 0.7 s (each sort one long task), and without that load.
// <dash-interval> schedules each tick against its start; setInterval and a re-armed setTimeout
// (the naive timer) run beside it in the same page, under the same load.
import type { BenchRow, BenchSuite } from '../harness.js';

interface TimerResult {
  endDrift: number;
  medianPhase: number;
  onGrid: number;
  elapsed: number;
  slots: number;
  sorts: number;
}
type Result = Record<'ours' | 'setInterval' | 'chain', TimerResult>;

declare global {
  interface Window {
    drift(ticks: number, sorting: boolean): Promise<Result>;
    ready?: boolean;
  }
}

const suite: BenchSuite = {
  title: '<dash-interval>: 200 ticks at 50 ms with a callback per tick (peers: setInterval, re-armed setTimeout)',
  async run({ open }) {
    const page = await open('bench/pages/interval.html');
    await page.waitForFunction(() => window.ready === true, null, { timeout: 120_000 });
    const idle = await page.evaluate(() => window.drift(200, false));
    const busy = await page.evaluate(() => window.drift(200, true));
    await page.close();
    const peers = (r: Result, key: keyof TimerResult) => ({ setInterval: r.setInterval[key], 'setTimeout chain': r.chain[key] });
    const pct = (r: Result) => ({ ours: r.ours.onGrid * 100, peers: { setInterval: r.setInterval.onGrid * 100, 'setTimeout chain': r.chain.onGrid * 100 } });
    const rows: BenchRow[] = [
      { metric: 'drift after 200 ticks, callbacks running (last tick vs its 50 ms slot)', unit: 'ms', ours: idle.ours.endDrift, peers: peers(idle, 'endDrift'), target: 'a few ms' },
      { metric: 'median tick offset from the 50 ms grid, callbacks running', unit: 'ms', ours: idle.ours.medianPhase, peers: peers(idle, 'medianPhase') },
      { metric: `drift after 200 ticks while a 1M-row table sorts (${busy.ours.sorts} sorts)`, unit: 'ms', ours: busy.ours.endDrift, peers: peers(busy, 'endDrift'), target: 'a few ms' },
      { metric: 'median tick offset from the grid while sorting', unit: 'ms', ours: busy.ours.medianPhase, peers: peers(busy, 'medianPhase') },
      { metric: 'ticks within 5 ms of the grid while sorting', unit: '%', ...pct(busy), higherIsBetter: true },
      { metric: 'periods let pass (ticks later than a period are not repeated)', unit: 'ticks', ours: busy.ours.slots - 200, peers: { setInterval: busy.setInterval.slots - 200 } },
    ];
    return rows;
  },
};
export default suite;
