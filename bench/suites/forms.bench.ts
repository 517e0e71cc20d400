// Issue 13: <dash-checklist> with 1,000 options (render, and a click that toggles one) beside the
// same 1,000 native checkboxes built by hand; and typing 50 characters into a <dash-input> wired to
// a callback that shows each keystroke, beside a native <input> with an `input` listener doing the
// same (bench/pages/forms.html). Times run from the trusted event's timeStamp to after the paint
// that shows the result — the person's wait.
import type { Page } from 'playwright-core';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../harness.js';

const RENDERS = 7;
const TOGGLES = 9;
const TEXT = 'The quick brown fox jumps over the lazy dog, twice!'.slice(0, 50);

type BenchWindow = Window & {
  bench: {
    render(): Promise<number>;
    point(i: number): [number, number];
    armToggle(i: number): void;
    focus(): void;
    armKey(): void;
  };
  __measure?: Promise<number>;
};

async function ready(ctx: BenchContext, which: string): Promise<Page> {
  const page = await ctx.open(`bench/pages/forms.html?case=${which}`);
  page.setDefaultTimeout(120_000);
  await page.waitForFunction(() => 'bench' in window);
  return page;
}

const result = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__measure!);

async function checklist(ctx: BenchContext, which: string): Promise<{ render: number; toggle: number }> {
  const page = await ready(ctx, which);
  const renders: number[] = [];
  for (let i = 0; i < RENDERS; i++) renders.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.render()));
  const toggles: number[] = [];
  for (let i = 0; i < TOGGLES; i++) {
    const option = 100 + i * 97; // spread over the list, each toggled once
    const [x, y] = await page.evaluate((n) => (window as unknown as BenchWindow).bench.point(n), option);
    await page.evaluate((n) => (window as unknown as BenchWindow).bench.armToggle(n), option);
    await page.mouse.click(x, y);
    toggles.push(await result(page));
  }
  await page.close();
  return { render: median(renders), toggle: median(toggles) };
}

async function typing(ctx: BenchContext, which: string): Promise<number> {
  const page = await ready(ctx, which);
  await page.evaluate(() => (window as unknown as BenchWindow).bench.focus());
  const keys: number[] = [];
  for (const char of TEXT) {
    await page.evaluate(() => (window as unknown as BenchWindow).bench.armKey());
    await page.keyboard.type(char);
    keys.push(await result(page));
  }
  await page.close();
  return median(keys);
}

const suite: BenchSuite = {
  title: 'Form controls: 1,000-option checklist; typing into a wired <dash-input> (ms, median)',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const NATIVE = 'native HTML + listener';
    const ours = await checklist(ctx, 'checklist');
    const native = await checklist(ctx, 'native-checklist');
    const input = await typing(ctx, 'input');
    const nativeInput = await typing(ctx, 'native-input');
    return [
      { metric: '<dash-checklist> 1,000 options: render to paint', unit: 'ms', ours: ours.render, peers: { [NATIVE]: native.render } },
      { metric: '<dash-checklist> 1,000 options: click → value + paint', unit: 'ms', ours: ours.toggle, peers: { [NATIVE]: native.toggle } },
      {
        metric: `<dash-input> wired to a callback: keystroke → output painted (${TEXT.length} chars)`,
        unit: 'ms/key',
        ours: input,
        peers: { [NATIVE]: nativeInput },
      },
    ];
  },
};

export default suite;
