// Issue 4: <dash-slider> beside Shoelace's sl-range and the native <input type="range">, same page
// setup (bench/pages/slider-*.html, 200 sliders 600px wide, no marks: the peers have none). Setup: create, connect and render all
// of them. Drag/key: from the trusted input event's timeStamp to just after the next frame that
// shows the new value (rAF, then a MessageChannel task) — the user's wait per step.
import type { Page } from 'playwright-core';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../harness.js';

const RUNS = 5;
const PEERS = { shoelace: 'slider-shoelace.html', native: 'slider-native.html' } as const;

interface PageBench {
  setupMs: number;
  handle(): HTMLElement;
  value(): number;
  track(): DOMRect;
}
type BenchWindow = Window & { bench: PageBench; __measure?: Promise<number> };

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as BenchWindow).bench !== undefined, null, { timeout: 30000 });
}

/** Arms: time from the next `startEvent` to after the paint of the frame in which the value changed. */
async function arm(page: Page, startEvent: 'pointermove' | 'keydown'): Promise<void> {
  await page.evaluate((startEvent) => {
    const w = window as unknown as BenchWindow;
    const before = w.bench.value();
    w.__measure = new Promise<number>((resolve, reject) => {
      let t0 = -1;
      const started = Date.now();
      const afterFrame = () => {
        const c = new MessageChannel();
        c.port1.onmessage = () => resolve(performance.now() - t0);
        c.port2.postMessage(0);
      };
      const poll = () => {
        if (t0 >= 0 && w.bench.value() !== before) requestAnimationFrame(afterFrame);
        else if (Date.now() - started > 10000) reject(new Error('value never changed'));
        else setTimeout(poll, 0);
      };
      addEventListener(startEvent, (e) => {
        t0 = e.timeStamp;
        setTimeout(poll, 0);
      }, { capture: true, once: true });
    });
  }, startEvent);
}

async function measure(ctx: BenchContext, file: string, setupOnly = false) {
  const setup: number[] = [];
  const drag: number[] = [];
  const key: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await ctx.open(`bench/pages/${file}`);
    await ready(page);
    // tsx keeps function names with a __name helper that the page does not have.
    await page.evaluate('window.__name = (f) => f');
    setup.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.setupMs));
    if (setupOnly) {
      await page.close();
      continue;
    }
    const box = await page.evaluate(() => {
      const r = (window as unknown as BenchWindow).bench.handle().getBoundingClientRect();
      const t = (window as unknown as BenchWindow).bench.track();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: t.left, width: t.width };
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await arm(page, 'pointermove');
      await page.mouse.move(box.x + i * 12, box.y);
      drag.push(await page.evaluate(() => (window as unknown as BenchWindow).__measure!));
    }
    await page.mouse.up();
    await page.evaluate(() => (window as unknown as BenchWindow).bench.handle().focus());
    for (let i = 0; i < 10; i++) {
      await arm(page, 'keydown');
      await page.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
      key.push(await page.evaluate(() => (window as unknown as BenchWindow).__measure!));
    }
    await page.close();
  }
  return { setup: median(setup), drag: drag.length ? median(drag) : NaN, key: key.length ? median(key) : NaN };
}

const suite: BenchSuite = {
  title: 'dash-slider vs sl-range vs <input type=range> (200 sliders)',
  async run(ctx) {
    const ours = await measure(ctx, 'slider-dash.html');
    const peers: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    for (const [name, file] of Object.entries(PEERS)) peers[name] = await measure(ctx, file);
    const row = (metric: string, pick: (f: typeof ours) => number): BenchRow => ({
      metric,
      unit: 'ms',
      ours: pick(ours),
      peers: Object.fromEntries(Object.entries(peers).map(([k, v]) => [k, pick(v)])),
    });
    const withMarks = await measure(ctx, 'slider-dash.html?marks=' + encodeURIComponent('{"0":"0","50":"50","100":"100"}'), true);
    return [
      row('create + render 200 sliders', (f) => f.setup),
      { metric: 'same, ours with 3 labelled marks each', unit: 'ms', ours: withMarks.setup },
      row('drag step → next frame (median)', (f) => f.drag),
      row('arrow key → next frame (median)', (f) => f.key),
    ];
  },
};
export default suite;
