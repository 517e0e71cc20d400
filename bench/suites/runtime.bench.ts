// Issue 2's figures: wiring 10,000 callbacks, a 1,000-long chain, a 1,000-wide fan-out, and a
// local callback's click-to-DOM time against a hand-written listener.
import { type BenchSuite, median } from '../harness.js';

declare global {
  interface Window {
    wire(n: number, options?: { fnAfter?: boolean }): Promise<number>;
    chain(n: number): Promise<number>;
    fanout(n: number): Promise<number>;
    click(rounds: number): Promise<{ ours: number; hand: number }>;
    ready?: boolean;
  }
}

const suite: BenchSuite = {
  title: 'Callback runtime (medians; click: per click over 5 batches of 2,000)',
  async run({ open }) {
    const page = await open('bench/pages/runtime.html');
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate(() => window.wire(1000)); // warm-up: JIT, element upgrade paths
    const wire1k = [];
    for (let i = 0; i < 3; i++) wire1k.push(await page.evaluate(() => window.wire(1000)));
    const wire = [];
    for (let i = 0; i < 3; i++) wire.push(await page.evaluate(() => window.wire(10_000)));
    const wireFnAfter = [];
    for (let i = 0; i < 3; i++) wireFnAfter.push(await page.evaluate(() => window.wire(10_000, { fnAfter: true })));
    const chain = await page.evaluate(() => window.chain(1000));
    const fanout = await page.evaluate(() => window.fanout(1000));
    const click = await page.evaluate(() => window.click(2000));
    await page.close();
    return [
      { metric: 'wire 1,000 callbacks (insert → all initial calls applied)', unit: 'ms', ours: median(wire1k), target: 'growth to 10,000 linear' },
      { metric: 'wire 10,000 callbacks (insert → all initial calls applied)', unit: 'ms', ours: median(wire), target: '< 100 ms' },
      { metric: 'wire 10,000 callbacks, fn set once in the page', unit: 'ms', ours: median(wireFnAfter), target: '< 100 ms' },
      { metric: 'one change through a chain of 1,000', unit: 'ms', ours: chain, target: '< 50 ms' },
      { metric: 'one input fanned out to 1,000 callbacks', unit: 'ms', ours: fanout },
      { metric: 'click → DOM per click, local callback vs hand-written listener', unit: 'ms', ours: click.ours, peers: { 'hand-written': click.hand }, target: '≤ +0.2 ms' },
    ];
  },
};
export default suite;
