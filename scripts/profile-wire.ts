// Profiles inserting n callbacks (bench/pages/runtime.html's `wire`) in Chromium's CPU profiler and
// prints the top functions by their share of the time sampled: `npx tsx scripts/profile-wire.ts [n] [fn-after] [in-scope]`
// (`TOP=40` for more rows; `fn-after`: each callback's fn is set once it is in the page; `in-scope`:
// the page already has a callback, so its scope observes the insertion; `heap`: the bytes each
// function allocates instead, from the sampling heap profiler, garbage included; `cold`: the page's
// first wiring, without the 1,000 callbacks wired first; `WARM=3`: that many
// rounds of n first, for the steady state). `runtime`: no browser, the pure runtime's share in Node
// (register and flush n independent callbacks with a trivial host; then 1,000 more added one at a
// time, each its own flush), minimums and medians: far steadier than a page on a shared machine.
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';
import { frameName, printShares, profiled, profileShares } from './cpu-profile.js';
import { CallbackRuntime, type CallbackDefinition } from '../src/runtime/runtime.js';
import { type Dependency, parseDependencies } from '../src/runtime/dependency.js';

const n = Number(process.argv[2] ?? 10_000);
if (process.argv.includes('runtime')) {
  timeRuntime(n);
  process.exit(0);
}
/** The profiler's sampling interval, µs. */
const SAMPLE_US = 200;
const fnAfter = process.argv.includes('fn-after');
const inScope = process.argv.includes('in-scope');
const heap = process.argv.includes('heap');
const cold = process.argv.includes('cold');
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu'] });
type W = Window & { ready: boolean; wire(n: number): Promise<number>; prepare(n: number, fnAfter: boolean): void; insert(): Promise<number> };
try {
  const page = await browser.newPage();
  // tsx names functions with a helper of its own, which the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${url}/bench/pages/runtime.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as W).ready === true);
  // `cold`: the page's first wiring, as a page load meets it (its code not compiled yet, its heap small).
  if (!cold) await page.evaluate(() => (window as unknown as W).wire(1000));
  // WARM=k: k more rounds of n first, for the steady state the bench's medians see (its young
  // generation grown, the code optimized) rather than a first run's.
  for (let i = 0; i < Number(process.env.WARM ?? 0); i++) await page.evaluate((count) => (window as unknown as W).wire(count), n);
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
      const key = frameName(node.callFrame, 2);
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
      all += node.selfSize;
      for (const child of node.children) visit(child);
    };
    visit(profile.head);
    console.log(`insert ${n} callbacks → all initial calls applied: ${ms.toFixed(1)} ms; ${(all / 1e6).toFixed(1)} MB allocated (sampled)\n`);
    for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 22))) console.log(`${(v / 1e3).toFixed(0).padStart(7)} kB  ${k}`);
  } else {
    const { result: ms, profile } = await profiled(page, SAMPLE_US, () => page.evaluate(() => (window as unknown as W).insert()));
    const { self, total, busyUs } = profileShares(profile, SAMPLE_US, {
      pathParts: 2,
      // Only the samples from the insertion to the last initial call (the profiler runs longer), or
      // to what comes after them (a new scope's check of what they changed, the mutation records of
      // their writes in a scope already observing).
      window: (stacks) => [
        stacks.findIndex((names) => names.some((k) => k.startsWith('w.insert'))),
        stacks.findLastIndex((names) => names.some((k) => k.startsWith('flush ') || k.startsWith('catchUp ') || k.startsWith('onMutations '))),
      ],
    });
    console.log(`insert ${n} callbacks → all initial calls applied: ${ms.toFixed(1)} ms (under the profiler)`);
    printShares('self (share of the busy time sampled)', self, busyUs);
    printShares('total (share of the busy time sampled)', total, busyUs);
  }
} finally {
  await browser.close();
  await stop();
}

/** The pure runtime wiring n callbacks, then 1,000 added one at a time (see the header). */
function timeRuntime(count: number): void {
  const host = { read: (dep: Dependency) => dep.id, write() {}, check() {} };
  const definition = (i: number): CallbackDefinition => ({
    name: `w-out-${i}.children`,
    inputs: parseDependencies(`w-in-${i}.value`, 'inputs'),
    outputs: parseDependencies(`w-out-${i}.children`, 'outputs'),
    state: [],
    invoke: (call) => call.inputs,
  });
  const wire = (runtime: CallbackRuntime, definitions: CallbackDefinition[], flushEach: boolean) => {
    const t0 = performance.now();
    for (const d of definitions) {
      runtime.setHostReady(runtime.register(d), true);
      if (flushEach) runtime.flush();
    }
    runtime.flush();
    return performance.now() - t0;
  };
  const atOnce: number[] = [];
  const later: number[] = [];
  for (let round = 0; round < 30; round++) {
    const runtime = new CallbackRuntime(host);
    const page = Array.from({ length: count }, (_, i) => definition(i));
    const added = Array.from({ length: 1000 }, (_, i) => definition(count + i));
    atOnce.push(wire(runtime, page, false));
    later.push(wire(runtime, added, true));
  }
  const show = (xs: number[]) => `min ${Math.min(...xs).toFixed(1)} ms, median ${[...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1)} ms`;
  console.log(`pure runtime, ${count} callbacks registered and flushed at once: ${show(atOnce)}`);
  console.log(`then 1,000 more added one at a time, each flushed: ${show(later)}`);
}
