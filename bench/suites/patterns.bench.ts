// Issue 17's figures: pattern-matching callbacks over 1,000 matched items — wiring them, adding
// one item (its MATCH initial call painted), changing one (only its MATCH call runs), and an ALL
// callback over the 1,000 values.
import type { BenchSuite } from '../harness.js';
import { median } from '../harness.js';

declare global {
  interface Window {
    setup(n: number): Promise<number>;
    addOne(index: number): Promise<{ painted: number; matchCalls: number }>;
    changeOne(index: number, text: string): Promise<{ ms: number; matchCalls: number }>;
    changeForAll(index: number, text: string): Promise<{ ms: number; allCalls: number }>;
    ready?: boolean;
  }
}

const N = 1000;

const suite: BenchSuite = {
  title: 'Pattern-matching callbacks, 1,000 matched items (medians of 5)',
  async run({ open }) {
    const page = await open('bench/pages/patterns.html');
    await page.waitForFunction(() => window.ready === true);
    const setup = await page.evaluate((n) => window.setup(n), N);
    const add: number[] = [];
    const change: number[] = [];
    const all: number[] = [];
    for (let round = 0; round < 5; round++) {
      const added = await page.evaluate((i) => window.addOne(i), N + round);
      if (added.matchCalls !== 1) throw new Error(`adding one item ran ${added.matchCalls} MATCH calls`);
      add.push(added.painted);
      const changed = await page.evaluate(([i, text]) => window.changeOne(i as number, text as string), [500 + round, `changed ${round}`]);
      if (changed.matchCalls !== 1) throw new Error(`changing one item ran ${changed.matchCalls} MATCH calls`);
      change.push(changed.ms);
      const summed = await page.evaluate(([i, text]) => window.changeForAll(i as number, text as string), [100 + round, `longer text ${round}`]);
      if (summed.allCalls !== 1) throw new Error(`one change ran the ALL callback ${summed.allCalls} times`);
      all.push(summed.ms);
    }
    await page.close();
    return [
      { metric: `wire 1,000 items: MATCH + ALL callbacks, insert → every initial call applied`, unit: 'ms', ours: setup },
      { metric: 'add one item → its MATCH initial call painted (1 call)', unit: 'ms', ours: median(add) },
      { metric: 'change one item → its MATCH call applied (only that call runs)', unit: 'ms', ours: median(change) },
      { metric: 'change one item → the ALL callback over 1,000 values applied', unit: 'ms', ours: median(all) },
    ];
  },
};
export default suite;
