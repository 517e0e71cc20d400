// Issue 14: <dash-date-picker-range> beside native <input type=date> (two per range), 100 ranges
// per page (bench/pages/date-*.html). Setup: create, connect and render all of them. Each
// interaction is timed from the trusted event's timeStamp to just after the next frame that shows
// its result (rAF, then a MessageChannel task) — the person's wait. A native date input's own
// calendar is browser chrome (not in the page), so only setup and a month step compare.
import type { Page } from 'playwright-core';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../harness.js';

const RUNS = 5;

interface PickerBench {
  setupMs: number;
  box(): HTMLInputElement;
  opened(): boolean;
  focused(): string;
  day(iso: string): HTMLElement | null;
  range(): string;
  value(): string;
  close(): void;
}
type BenchWindow = Window & { bench: PickerBench; __measure?: Promise<number> };

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as BenchWindow).bench !== undefined, null, { timeout: 30000 });
  // tsx keeps function names with a __name helper that the page does not have.
  await page.evaluate('window.__name = (f) => f');
}

/** Arms: time from the next `startEvent` until `done(before)` holds and the next frame is painted. */
async function arm(page: Page, startEvent: 'keydown' | 'pointerdown', done: string): Promise<void> {
  await page.evaluate(
    ([startEvent, done]) => {
      const w = window as unknown as BenchWindow;
      const check = new Function('bench', `return (${done})`) as (b: PickerBench) => boolean;
      w.__measure = new Promise<number>((resolve, reject) => {
        let t0 = -1;
        const started = Date.now();
        const afterFrame = () => {
          const c = new MessageChannel();
          c.port1.onmessage = () => resolve(performance.now() - t0);
          c.port2.postMessage(0);
        };
        const poll = () => {
          if (t0 >= 0 && check(w.bench)) requestAnimationFrame(afterFrame);
          else if (Date.now() - started > 10000) reject(new Error(`never: ${done}`));
          else setTimeout(poll, 0);
        };
        addEventListener(startEvent, (e) => {
          t0 = e.timeStamp;
          setTimeout(poll, 0);
        }, { capture: true, once: true });
      });
    },
    [startEvent, done] as const,
  );
}

const result = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__measure!);

async function clickDay(page: Page, iso: string): Promise<void> {
  const at = await page.evaluate((iso) => {
    const r = (window as unknown as BenchWindow).bench.day(iso)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, iso);
  await page.mouse.click(at.x, at.y);
}

async function measureOurs(ctx: BenchContext) {
  const setup: number[] = [];
  const firstOpen: number[] = [];
  const open: number[] = [];
  const month: number[] = [];
  const pick: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await ctx.open('bench/pages/date-picker.html');
    await ready(page);
    setup.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.setupMs));
    // Opening: ArrowDown in the start box → the grid on screen (the first one loads the calendar's chunk).
    for (let i = 0; i < 6; i++) {
      await page.evaluate(() => (window as unknown as BenchWindow).bench.box().focus());
      await arm(page, 'keydown', 'bench.opened()');
      await page.keyboard.press('ArrowDown');
      (i === 0 ? firstOpen : open).push(await result(page));
      // Moving a month: PageDown in the grid → focus on the same day of the next month, on screen.
      const day = await page.evaluate(() => (window as unknown as BenchWindow).bench.focused());
      await arm(page, 'keydown', `bench.focused() !== ${JSON.stringify(day)}`);
      await page.keyboard.press('PageDown');
      month.push(await result(page));
      await page.keyboard.press('PageUp');
      await page.keyboard.press('Escape');
    }
    // Picking a range: press on the start day → the end written after a press on the end day.
    for (let i = 0; i < 5; i++) {
      const [start, end] = [`2024-03-1${i}`, `2024-03-2${i}`];
      await page.evaluate(() => (window as unknown as BenchWindow).bench.box().focus());
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => (window as unknown as BenchWindow).bench.opened());
      await arm(page, 'pointerdown', `bench.range() === ${JSON.stringify(`${start}/${end}`)}`);
      await clickDay(page, start);
      await clickDay(page, end);
      pick.push(await result(page));
    }
    await page.close();
  }
  return { setup: median(setup), firstOpen: median(firstOpen), open: median(open), month: median(month), pick: median(pick) };
}

async function measureNative(ctx: BenchContext) {
  const setup: number[] = [];
  const month: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await ctx.open('bench/pages/date-native.html');
    await ready(page);
    setup.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.setupMs));
    // The month segment comes first in en-US: ArrowUp steps the month.
    await page.evaluate(() => (window as unknown as BenchWindow).bench.box().focus());
    for (let i = 0; i < 5; i++) {
      const before = await page.evaluate(() => (window as unknown as BenchWindow).bench.value());
      await arm(page, 'keydown', `bench.value() !== ${JSON.stringify(before)}`);
      await page.keyboard.press('ArrowUp');
      month.push(await result(page));
    }
    await page.close();
  }
  return { setup: median(setup), month: median(month) };
}

const suite: BenchSuite = {
  title: 'dash-date-picker-range vs <input type=date> (100 ranges; two native inputs each)',
  async run(ctx) {
    const ours = await measureOurs(ctx);
    const native = await measureNative(ctx);
    const rows: BenchRow[] = [
      { metric: 'create + render 100 range pickers', unit: 'ms', ours: ours.setup, peers: { native: native.setup } },
      { metric: 'open the calendar, first time (loads its chunk) → frame', unit: 'ms', ours: ours.firstOpen },
      { metric: 'open the calendar again → frame (median)', unit: 'ms', ours: ours.open },
      { metric: 'move a month (PageDown; native: ArrowUp on the month) → frame (median)', unit: 'ms', ours: ours.month, peers: { native: native.month } },
      { metric: 'pick a range: press start day … end written → frame (median)', unit: 'ms', ours: ours.pick },
    ];
    return rows;
  },
};
export default suite;
