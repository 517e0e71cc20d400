// Issue 2's figures: wiring 10,000 callbacks, a 1,000-long chain, a 1,000-wide fan-out, and a
// local callback's click-to-DOM time against a hand-written listener.
import type { Browser, Page } from 'playwright-core';
import { type BenchSuite, median } from '../harness.js';

declare global {
  interface Window {
    wire(n: number, options?: { fnAfter?: boolean }): Promise<number>;
    prepareWire(n: number, options?: { fnAfter?: boolean }): void;
    insertWire(): Promise<number>;
    prepareHand(n: number): void;
    insertHand(): Promise<number>;
    chain(n: number): Promise<number>;
    fanout(n: number): Promise<number>;
    click(rounds: number): Promise<{ ours: number; hand: number }>;
    ready?: boolean;
  }
}

const IDLE_MS = 300;

type WireKind = 'plain' | 'fn-after' | 'hand';

/**
 * One round: build the page, then insert it; the wall time, and the main thread's CPU time for the
 * insertion's task. `fn-after`: each callback's fn set once it is in the page; `hand`: the same DOM
 * work by hand (bench/pages/runtime.html), no runtime.
 */
async function wireRound(browser: Browser, page: Page, count: number, kind: WireKind) {
  const hand = kind === 'hand';
  if (hand) await page.evaluate((n) => window.prepareHand(n), count);
  else await page.evaluate(([n, later]) => window.prepareWire(n, { fnAfter: later }), [count, kind === 'fn-after'] as const);
  // The page left idle for a moment, as the table bench does before each timed step: the
  // engine collects what building the page (and the previous round) left, not the insertion.
  await page.waitForTimeout(IDLE_MS);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const wall = await page.evaluate((byHand) => (byHand ? window.insertHand() : window.insertWire()), hand);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  // The insertion and every initial call run in one task (microtasks) on the page's main
  // thread: the longest task traced there.
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const task = traceEvents
    .filter((e) => e.ph === 'X' && e.tdur !== undefined && e.pid === main?.pid && e.tid === main?.tid)
    .sort((a, b) => b.dur! - a.dur!)[0];
  return { wall, cpu: task.tdur! / 1000 };
}

/**
 * `rounds` rounds of each series, interleaved (a round of each in turn): run one series after
 * another, the one that ran first paid for what the others did not (the heap growing, up to 40%
 * more). Medians per series.
 */
async function wireSeries(browser: Browser, page: Page, series: ReadonlyArray<{ count: number; kind: WireKind }>, rounds: number) {
  const results = series.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < series.length; i++) {
      const { wall, cpu } = await wireRound(browser, page, series[i].count, series[i].kind);
      results[i].wall.push(wall);
      results[i].cpu.push(cpu);
    }
  }
  return results.map(({ wall, cpu }) => ({ wall: median(wall), cpu: median(cpu) }));
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  args?: { name?: string };
  dur?: number;
  /** Thread (CPU) time, µs: unlike the wall time, it leaves out the time the thread waited for a core on a busy machine. */
  tdur?: number;
}

const suite: BenchSuite = {
  title: 'Callback runtime (medians; click: per click over 5 batches of 2,000; CPU: the main thread time of the insertion task)',
  async run({ open, browser }) {
    // A page's first wiring, cold (its code not compiled yet, its heap small): a fresh page each.
    const cold: Array<{ ours: number; hand: number }> = [];
    for (let i = 0; i < 3; i++) {
      const fresh = await open('bench/pages/runtime.html');
      await fresh.waitForFunction(() => window.ready === true);
      cold.push({ ours: (await wireRound(browser, fresh, 10_000, 'plain')).wall, hand: (await wireRound(browser, fresh, 10_000, 'hand')).wall });
      await fresh.close();
    }
    const page = await open('bench/pages/runtime.html');
    await page.waitForFunction(() => window.ready === true);
    // Warm-up at the scale measured (JIT, element upgrade paths, the heap grown to its steady size).
    await page.evaluate(() => window.wire(1000));
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.wire(10_000));
    const [wire1k, wire, wireFnAfter, byHand] = await wireSeries(
      browser,
      page,
      [
        { count: 1000, kind: 'plain' },
        { count: 10_000, kind: 'plain' },
        { count: 10_000, kind: 'fn-after' },
        { count: 10_000, kind: 'hand' },
      ],
      5,
    );
    const chain = await page.evaluate(() => window.chain(1000));
    const fanout = await page.evaluate(() => window.fanout(1000));
    const click = await page.evaluate(() => window.click(2000));
    await page.close();
    return [
      { metric: 'wire 1,000 callbacks (insert → all initial calls applied)', unit: 'ms', ours: wire1k.wall, target: 'growth to 10,000 linear' },
      { metric: 'wire 10,000 callbacks (insert → all initial calls applied)', unit: 'ms', ours: wire.wall, target: '< 100 ms' },
      {
        metric: "wire 10,000 callbacks, a fresh page's first (cold), vs the same DOM work by hand",
        unit: 'ms',
        ours: median(cold.map((c) => c.ours)),
        peers: { 'hand-written': median(cold.map((c) => c.hand)) },
      },
      { metric: 'wire 10,000 callbacks, fn set once in the page', unit: 'ms', ours: wireFnAfter.wall, target: '< 100 ms' },
      { metric: 'same DOM work by hand, 10,000 (insert, a listener per input, each span written)', unit: 'ms', ours: byHand.wall },
      { metric: 'wire 1,000 callbacks, main-thread CPU', unit: 'ms', ours: wire1k.cpu },
      { metric: 'wire 10,000 callbacks, main-thread CPU', unit: 'ms', ours: wire.cpu, target: '< 100 ms' },
      { metric: 'wire 10,000 callbacks, fn set once in the page, main-thread CPU', unit: 'ms', ours: wireFnAfter.cpu, target: '< 100 ms' },
      { metric: 'same DOM work by hand, 10,000, main-thread CPU', unit: 'ms', ours: byHand.cpu },
      { metric: 'one change through a chain of 1,000', unit: 'ms', ours: chain, target: '< 50 ms' },
      { metric: 'one input fanned out to 1,000 callbacks', unit: 'ms', ours: fanout },
      { metric: 'click → DOM per click, local callback vs hand-written listener', unit: 'ms', ours: click.ours, peers: { 'hand-written': click.hand }, target: '≤ +0.2 ms' },
    ];
  },
};
export default suite;
