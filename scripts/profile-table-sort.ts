// Times the table bench's "sort text, ~1M distinct names (first)" in several fresh pages
// (bench/pages/table-dash.html, after what the bench does before it), with its main-thread CPU
// time (steadier than wall time on a busy machine), then profiles it in one more page and prints
// the top functions and lines by their share of the time sampled: `npx tsx scripts/profile-table-sort.ts [runs]`.
// SORT=sortText (another of the page's sorts), SCROLL=1 (scroll first, as the bench does), BENCH=1
// (everything the bench does before this sort, in its order: scrolls, four numeric sorts),
// DUMP=table-collation.ts (save the module as served to /tmp/served.js: the profile's line numbers
// are its lines), AGAINST=/path/to/another/worktree (of this repo, with node_modules: its pages
// and this one's alternate, back to back, and both medians are printed instead of a profile). Phases: console lines `PH <label> <performance.now()>` added to the code for a
// while are printed as the time between marks.
import { chromium } from 'playwright-core';
import { openTableBench } from '../bench/suites/table.bench.js';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';
import { printShares, profiled, profileShares } from './cpu-profile.js';

const runs = Number(process.argv[2] ?? 5);
/** The profiler's sampling interval, µs. */
const SAMPLE_US = 200;
/** The bench page's sort to time (default: the 1M-distinct text sort). */
const sort = process.env.SORT ?? 'sortTextDistinct';
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const against = process.env.AGAINST
  ? await ((await import(`${process.env.AGAINST}/scripts/dev-server.ts`)) as { serve: typeof serve }).serve({ port: 0, production: true, quiet: true })
  : null;
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu', ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])] });
const openPage = async (from = url) => {
  const page = await browser.newPage();
  await page.addInitScript('window.__name = (f) => f');
  await openTableBench(page, from, 'dash');
  // What the bench does before this sort: load, a numeric sort, a text sort with 20 distinct values.
  await page.evaluate(() => window.tableBench.load());
  if (process.env.SCROLL || process.env.BENCH) {
    // The bench scrolls before it sorts (15 s in all).
    await page.evaluate(() => window.tableBench.scroll(5000));
    await page.evaluate(() => window.tableBench.scroll(3000, 1500));
    await page.evaluate(() => window.tableBench.scroll(3000, 400));
    await page.evaluate(() => window.tableBench.scroll(2000, 1500));
    await page.evaluate(() => window.tableBench.scroll(2000, 400));
  }
  if (process.env.BENCH) await page.evaluate(() => window.tableBench.clear());
  await page.evaluate(() => window.tableBench.sortNumeric());
  await page.evaluate(() => window.tableBench.clear());
  // The bench then sorts by a number three times more.
  for (let i = 0; process.env.BENCH && i < 3; i++) {
    await page.evaluate(() => window.tableBench.sortNumeric());
    await page.evaluate(() => window.tableBench.clear());
  }
  if (sort !== 'sortText') {
    await page.evaluate(() => window.tableBench.sortText());
    await page.evaluate(() => window.tableBench.clear());
  }
  await page.waitForTimeout(300);
  return page;
};
interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }
/** The main thread's trace events by name, with their own wall time (their children's taken out), largest first. */
function printEventSelfTimes(events: TraceEvent[]): void {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const open: TraceEvent[] = [];
  for (const e of sorted) {
    while (open.length && open[open.length - 1].ts + (open[open.length - 1].dur ?? 0) <= e.ts) open.pop();
    const parent = open[open.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0));
    open.push(e);
  }
  const tasks = events.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 5000);
  console.log('tasks over 5 ms (wall/cpu):', tasks.map((e) => `${((e.dur ?? 0) / 1000).toFixed(0)}/${((e.tdur ?? 0) / 1000).toFixed(0)}`).join(', '));
  const major = [...self].filter(([name]) => /^V8\.GC_(MC|MARK)/.test(name)).reduce((sum, [, us]) => sum + us, 0);
  const started = events.filter((e) => e.name === 'V8.GC_MC_INCREMENTAL_START').length;
  if (process.env.GC_ARGS) for (const e of events.filter((e) => /GC_MC_INCREMENTAL_START|MajorGC|V8.GC_HEAP_EXTERNAL|Incremental/.test(e.name))) console.log(e.name, JSON.stringify((e as unknown as { args: unknown }).args));
  console.log(`major GC on the main thread: ${(major / 1000).toFixed(0)} ms (incremental marking started in it: ${started})`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(top.map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join(' | '));
}
try {
  /** Wall and main-thread CPU times per server: this repo's, then AGAINST's. */
  const sides = [url, ...(against ? [against.url] : [])].map((from) => ({ from, times: [] as number[], cpu: [] as number[] }));
  // With two sides, each run opens a page on both, in turns (which goes first alternates).
  for (let i = 0; i < runs * sides.length; i++) {
    const { from, times, cpu } = sides[sides.length === 1 ? 0 : (i + (i >> 1)) % 2];
    const page = await openPage(from);
    const marks: [string, number][] = [];
    page.on('console', (m) => {
      const [tag, label, at] = m.text().split(/\s+/);
      if (tag === 'PH') marks.push([label, Number(at)]);
    });
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: process.env.GC_ARGS ? 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc' : 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    times.push(await page.evaluate((m) => (window.tableBench as unknown as Record<string, () => Promise<number>>)[m](), sort));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    // Main-thread CPU time (the renderer's tasks), which holds still on a busy machine, unlike wall time.
    const evaluate = events.find((e) => e.name === 'FunctionCall' || e.name === 'v8.run');
    const main = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === evaluate?.pid && e.tid === evaluate?.tid);
    cpu.push(main.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0));
    if (process.env.EVENTS) printEventSelfTimes(events.filter((e) => e.ph === 'X' && e.pid === evaluate?.pid && e.tid === evaluate?.tid));
    const start = marks.findLastIndex(([l]) => l === 'start');
    console.log(marks.slice(start + 1).map(([l, t], i) => `${l} ${(t - marks[start + i][1]).toFixed(0)}`).join(' | '));
    await page.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1].toFixed(0);
  for (const { from, times, cpu } of sides) {
    if (against) console.log(from === url ? 'this worktree:' : `${process.env.AGAINST}:`);
    console.log(`${sort}: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(times)} ms`);
    console.log(`main-thread CPU: ${cpu.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(cpu)} ms`);
  }
  if (!against) {
    const page = await openPage();
    const { result: ms, profile } = await profiled(page, SAMPLE_US, () => page.evaluate(() => window.tableBench.sortTextDistinct()));
    const { self, total, busyUs } = profileShares(profile, SAMPLE_US);
    console.log(`profiled run: ${ms.toFixed(0)} ms (under the profiler), ${(busyUs / 1000).toFixed(0)} ms busy`);
    printShares('self (share of busy time)', self, busyUs, 25);
    printShares('total (share of busy time)', total, busyUs, 25);
    // Lines of the hottest functions.
    const lines = new Map<string, number>();
    for (const node of profile.nodes) {
      for (const t of node.positionTicks ?? []) {
        const key = `${node.callFrame.url.split('/').slice(-1)[0].replace(/\?.*/, '')}:${t.line} (${node.callFrame.functionName})`;
        lines.set(key, (lines.get(key) ?? 0) + t.ticks);
      }
    }
    printShares('lines (share of the samples with a line)', lines, [...lines.values()].reduce((sum, ticks) => sum + ticks, 0), 25);
    if (process.env.DUMP) {
      const served = await (await fetch(`${url}/src/components/table/${process.env.DUMP}`, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' } })).text();
      const { writeFileSync } = await import('node:fs');
      writeFileSync('/tmp/served.js', served);
    }
  }
} finally {
  await browser.close();
  await stop();
  await against?.stop();
}
