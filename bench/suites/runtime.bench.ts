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

/**
 * Run n times: build the page, then insert it; the wall time, and the main thread's CPU time for
 * the insertion's task. `hand`: the same DOM work by hand (bench/pages/runtime.html), no runtime.
 */
async function measureWire(browser: Browser, page: Page, count: number, fnAfter: boolean | 'hand', runs: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const hand = fnAfter === 'hand';
    if (hand) await page.evaluate((n) => window.prepareHand(n), count);
    else await page.evaluate(([n, later]) => window.prepareWire(n, { fnAfter: later }), [count, fnAfter] as const);
    // The page left idle for a moment, as the table bench does before each timed step: the
    // engine collects what building the page (and the previous round) left, not the insertion.
    await page.waitForTimeout(IDLE_MS);
    await browser.startTracing(page, { categories: ['toplevel'] });
    wall.push(await page.evaluate((byHand) => (byHand ? window.insertHand() : window.insertWire()), hand));
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    // The insertion and every initial call run in one task (microtasks) on the page's main
    // thread: the longest task traced there.
    const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const task = traceEvents
      .filter((e) => e.ph === 'X' && e.tdur !== undefined && e.pid === main?.pid && e.tid === main?.tid)
      .sort((a, b) => b.dur! - a.dur!)[0];
    cpu.push(task.tdur! / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
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
      cold.push({ ours: (await measureWire(browser, fresh, 10_000, false, 1)).wall, hand: (await measureWire(browser, fresh, 10_000, 'hand', 1)).wall });
      await fresh.close();
    }
    const page = await open('bench/pages/runtime.html');
    await page.waitForFunction(() => window.ready === true);
    // Warm-up at the scale measured (JIT, element upgrade paths, the heap grown to its steady
    // size): with one round of 1,000 only, whichever 10,000 series ran first paid for the heap
    // growing (the two 10,000 rows swapped places when run in the other order).
    await page.evaluate(() => window.wire(1000));
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.wire(10_000));
    const wire1k = await measureWire(browser, page, 1000, false, 5);
    const wire = await measureWire(browser, page, 10_000, false, 5);
    const wireFnAfter = await measureWire(browser, page, 10_000, true, 5);
    const byHand = await measureWire(browser, page, 10_000, 'hand', 5);
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
