// Times the table bench's "sort text, ~1M distinct names (first)" in several fresh pages
// (bench/pages/table-dash.html, after what the bench does before it), with its main-thread CPU
// time (steadier than wall time on a busy machine), then profiles it in one more page and prints
// the top functions and lines by their share of samples: `npx tsx scripts/profile-table-sort.ts [runs]`.
// SORT=sortText (another of the page's sorts), SCROLL=1 (scroll first, as the bench does),
// DUMP=table-collation.ts (save the module as served to /tmp/served.js: the profile's line numbers
// are its lines). Phases: console lines `PH <label> <performance.now()>` added to the code for a
// while are printed as the time between marks.
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const runs = Number(process.argv[2] ?? 5);
/** The bench page's sort to time (default: the 1M-distinct text sort). */
const sort = process.env.SORT ?? 'sortTextDistinct';
const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu'] });
const openPage = async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('window.__name = (f) => f');
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${url}/bench/pages/table-dash.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { benchReady: boolean }).benchReady === true, null, { timeout: 120_000 });
  // What the bench does before this sort: load, a numeric sort, a text sort with 20 distinct values.
  await page.evaluate(() => window.tableBench.load());
  if (process.env.SCROLL) {
    // The bench scrolls before it sorts (15 s in all).
    await page.evaluate(() => window.tableBench.scroll(5000));
    await page.evaluate(() => window.tableBench.scroll(3000, 1500));
    await page.evaluate(() => window.tableBench.scroll(3000, 400));
    await page.evaluate(() => window.tableBench.scroll(2000, 1500));
    await page.evaluate(() => window.tableBench.scroll(2000, 400));
  }
  await page.evaluate(() => window.tableBench.sortNumeric());
  await page.evaluate(() => window.tableBench.clear());
  if (sort !== 'sortText') {
    await page.evaluate(() => window.tableBench.sortText());
    await page.evaluate(() => window.tableBench.clear());
  }
  await page.waitForTimeout(300);
  return page;
};
try {
  interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; tdur?: number }
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await openPage();
    const marks: [string, number][] = [];
    page.on('console', (m) => {
      const [tag, label, at] = m.text().split(/\s+/);
      if (tag === 'PH') marks.push([label, Number(at)]);
    });
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    times.push(await page.evaluate((m) => (window.tableBench as unknown as Record<string, () => Promise<number>>)[m](), sort));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    // Main-thread CPU time (the renderer's tasks), which holds still on a busy machine, unlike wall time.
    const evaluate = events.find((e) => e.name === 'FunctionCall' || e.name === 'v8.run');
    const main = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === evaluate?.pid && e.tid === evaluate?.tid);
    cpu.push(main.reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0));
    const start = marks.findLastIndex(([l]) => l === 'start');
    console.log(marks.slice(start + 1).map(([l, t], i) => `${l} ${(t - marks[start + i][1]).toFixed(0)}`).join(' | '));
    await page.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  console.log(`sort text, ~1M distinct (first): ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${sorted[sorted.length >> 1].toFixed(0)} ms`);
  console.log(`main-thread CPU: ${cpu.map((t) => t.toFixed(0)).join(', ')} ms; median ${cpuSorted[cpuSorted.length >> 1].toFixed(0)} ms`);
  const page = await openPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(() => window.tableBench.sortTextDistinct());
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number) => {
    const { functionName, url: u, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'} ${u.split('/').slice(-1)[0].replace(/\?.*/, '')}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let samples = 0;
  profile.samples!.forEach((id) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') return;
    samples++;
    self.set(name(id), (self.get(name(id)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(at);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + 1);
      seen.add(key);
    }
  });
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * v) / samples).toFixed(1).padStart(6)} %  ${k}`);
  };
  console.log(`profiled run: ${ms.toFixed(0)} ms (under the profiler), ${samples} busy samples`);
  show('self (share of busy samples)', self);
  show('total (share of busy samples)', total);
  // Lines of the hottest functions.
  const lines = new Map<string, number>();
  for (const node of profile.nodes) {
    for (const t of node.positionTicks ?? []) {
      const key = `${node.callFrame.url.split('/').slice(-1)[0].replace(/\?.*/, '')}:${t.line} (${node.callFrame.functionName})`;
      lines.set(key, (lines.get(key) ?? 0) + t.ticks);
    }
  }
  show('lines (share of busy samples)', lines);
  if (process.env.DUMP) {
    const served = await (await fetch(`${url}/src/components/table/${process.env.DUMP}`, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' } })).text();
    const { writeFileSync } = await import('node:fs');
    writeFileSync('/tmp/served.js', served);
  }
} finally {
  await browser.close();
  await stop();
}
