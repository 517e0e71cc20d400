// Profiles inserting n callbacks (bench/pages/runtime.html's `wire`) in Chromium's CPU profiler and
// prints the top functions by their share of the time sampled: `npx tsx scripts/profile-wire.ts [n] [fn-after] [in-scope]`
// (`TOP=40` for more rows; `fn-after`: each callback's fn is set once it is in the page; `in-scope`:
// the page already has a callback, so its scope observes the insertion; `heap`: the bytes each
// function allocates instead, from the sampling heap profiler, garbage included).
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const n = Number(process.argv[2] ?? 10_000);
/** The profiler's sampling interval, µs. */
const SAMPLE_US = 200;
const fnAfter = process.argv.includes('fn-after');
const inScope = process.argv.includes('in-scope');
const heap = process.argv.includes('heap');
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu'] });
/** A profile's frame as `function file:line`. */
const frameName = ({ functionName, url: u, lineNumber }: { functionName: string; url: string; lineNumber: number }) =>
  `${functionName || '(anonymous)'} ${u.split('/').slice(-2).join('/').replace(/\?.*/, '')}:${lineNumber + 1}`;
type W = Window & { ready: boolean; wire(n: number): Promise<number>; prepare(n: number, fnAfter: boolean): void; insert(): Promise<number> };
try {
  const page = await browser.newPage();
  // tsx names functions with a helper of its own, which the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${url}/bench/pages/runtime.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as W).ready === true);
  await page.evaluate(() => (window as unknown as W).wire(1000));
  if (inScope) {
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { id: 'kept-in' });
      const out = Object.assign(document.createElement('span'), { id: 'kept-out' });
      const cb = document.createElement('dash-callback') as HTMLElement & { fn: unknown };
      cb.setAttribute('inputs', 'kept-in.value');
      cb.setAttribute('outputs', 'kept-out.children');
      cb.fn = (v: unknown) => v;
      document.body.append(input, out, cb);
    });
  }
  await page.evaluate(() => {
    const w = window as unknown as W & { frag: DocumentFragment; all: Promise<number>; fnLater: Array<() => void> };
    w.prepare = (count, later) => {
      w.fnLater = [];
      document.getElementById('stage')!.replaceChildren();
      let done = 0;
      let finish: (t: number) => void;
      w.all = new Promise((r) => (finish = r));
      w.frag = document.createDocumentFragment();
      for (let i = 0; i < count; i++) {
        const input = Object.assign(document.createElement('input'), { id: `w-in-${i}`, value: String(i) });
        const out = Object.assign(document.createElement('span'), { id: `w-out-${i}` });
        const cb = document.createElement('dash-callback') as HTMLElement & { fn: unknown };
        cb.setAttribute('inputs', `w-in-${i}.value`);
        cb.setAttribute('outputs', `w-out-${i}.children`);
        const fn = (v: unknown) => {
          if (++done === count) finish(performance.now());
          return v;
        };
        if (later) w.fnLater.push(() => (cb.fn = fn));
        else cb.fn = fn;
        w.frag.append(input, out, cb);
      }
    };
    w.insert = async () => {
      const t0 = performance.now();
      document.getElementById('stage')!.append(w.frag);
      for (const setFn of w.fnLater) setFn();
      return (await w.all) - t0;
    };
  });
  await page.evaluate(([count, later]) => (window as unknown as W).prepare(count, later), [n, fnAfter] as const);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const cdp = await page.context().newCDPSession(page);
  if (heap) {
    await cdp.send('HeapProfiler.enable');
    // Every allocation counts, collected or not: garbage is what makes the collector run.
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const ms = await page.evaluate(() => (window as unknown as W).insert());
    const { profile } = await cdp.send('HeapProfiler.stopSampling');
    const bytes = new Map<string, number>();
    let all = 0;
    type HeapNode = (typeof profile)['head'];
    const visit = (node: HeapNode) => {
      const key = frameName(node.callFrame);
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
      all += node.selfSize;
      for (const child of node.children) visit(child);
    };
    visit(profile.head);
    console.log(`insert ${n} callbacks → all initial calls applied: ${ms.toFixed(1)} ms; ${(all / 1e6).toFixed(1)} MB allocated (sampled)\n`);
    for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 22))) console.log(`${(v / 1e3).toFixed(0).padStart(7)} kB  ${k}`);
  } else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLE_US });
    await cdp.send('Profiler.start');
    const ms = await page.evaluate(() => (window as unknown as W).insert());
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const name = (id: number) => frameName(byId.get(id)!.callFrame);
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    // Only the samples from the insertion to the last initial call (the profiler runs longer).
    const stacks = profile.samples!.map((id) => {
      const names: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(name(at));
      return names;
    });
    const first = stacks.findIndex((names) => names.some((k) => k.startsWith('w.insert')));
    // To the last initial call, or the mutation records of its writes if they come later.
    const last = stacks.findLastIndex((names) => names.some((k) => k.startsWith('flush ') || k.startsWith('onMutations ')));
    // Each sample weighs the time to the next, capped at two intervals: not a count, as the sampler
    // sometimes takes bursts of samples microseconds apart (a long mutation callback got 90% of the
    // samples for 15% of the time), and capped, as on a busy machine a delta also holds the time the
    // thread waited for a core, which would be charged to whatever it ran next.
    const deltas = profile.timeDeltas!;
    let windowUs = 0;
    profile.samples!.forEach((id, i) => {
      if (i < first || i > last) return;
      const t = Math.min(deltas[i + 1] ?? SAMPLE_US, 2 * SAMPLE_US);
      windowUs += t;
      self.set(name(id), (self.get(name(id)) ?? 0) + t);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const key = name(at);
        if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + t);
        seen.add(key);
      }
    });
    const show = (title: string, map: Map<string, number>) => {
      console.log(`\n${title}`);
      for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 22))) console.log(`${((100 * v) / windowUs).toFixed(1).padStart(6)} %  ${k}`);
    };
    console.log(`insert ${n} callbacks → all initial calls applied: ${ms.toFixed(1)} ms (under the profiler)`);
    show('self (share of the time sampled)', self);
    show('total (share of the time sampled)', total);
  }
} finally {
  await browser.close();
  await stop();
}
