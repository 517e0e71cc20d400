// Traces a grid scrolling in bench/pages/table-<grid>.html (the table bench's pages and Chromium
// flags) and prints what a frame spends: the main thread's CPU (as the bench counts it) and each
// kind of work's own time (script, style and how many elements it restyles, layout, paint,
// layerizing, GC), the CPU of every browser thread (raster and compositing included; on 2 cores a
// frame lasts about half of it), and the worst frame's events.
// `npx tsx scripts/profile-table-scroll.ts [px-per-frame=400] [ms=2000] [grid=dash|ag-grid|tabulator]`
// (0 px: the bench's 6,000 px/s). WARM=bench: the bench's own scrolling before the traced run;
// EXTRA_CSS='…': a style experiment added to <dash-table>'s shadow root.
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const pxPerFrame = Number(process.argv[2] ?? 400);
const ms = Number(process.argv[3] ?? 2000);
const grid = process.argv[4] ?? 'dash';

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { elementCount?: number; data?: Record<string, unknown>; beginData?: Record<string, unknown> } }

/** CPU seconds used so far by this script's child processes (the browser: every thread of every process). */
function browserCpu(): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch { /* gone */ }
  }
  const ours = new Set([process.pid]);
  let sum = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) if (!ours.has(pid) && ours.has(s.ppid)) { ours.add(pid); sum += s.cpu; grew = true; }
  }
  return sum;
}

const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({
  executablePath: chromePath()!,
  args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${url}/bench/pages/table-${grid}.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 120_000 });
  await page.evaluate(() => window.tableBench.load());
  await page.waitForTimeout(300);
  // EXTRA_CSS: a style experiment, added to the table's shadow root.
  if (process.env.EXTRA_CSS) {
    await page.evaluate((css) => {
      const root = document.querySelector('dash-table')!.shadowRoot!;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }, process.env.EXTRA_CSS);
  }
  console.log('elements', await page.evaluate(() => window.tableBench.nodes()));
  // The bench's order: a warm-up at 6,000 px/s and both jump sizes before the traced run.
  if (process.env.WARM === 'bench') {
    // Exactly what the bench runs before its +400 px trace (its +1,500 px trace untraced here).
    await page.evaluate(() => window.tableBench.scroll(5000));
    await page.evaluate(() => window.tableBench.scroll(3000, 1500));
    await page.evaluate(() => window.tableBench.scroll(3000, 400));
    await page.evaluate(() => window.tableBench.scroll(2000, 1500));
  } else {
    await page.evaluate(() => window.tableBench.scroll(1000));
    await page.evaluate(() => window.tableBench.scroll(500, 1500));
    await page.evaluate(() => window.tableBench.scroll(500, 400));
  }
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  const cpu0 = browserCpu();
  const frames = await page.evaluate(([t, px]) => window.tableBench.scroll(t, px || undefined), [ms, pxPerFrame]);
  const browserMs = ((browserCpu() - cpu0) * 1000) / frames.length;
  await cdp.send('Tracing.end');
  await complete;
  const rafs = events.filter((e) => e.name === 'FireAnimationFrame');
  const main = rafs[rafs.length >> 1];
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const starts = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts);
  const n = starts.length - 1;
  const cpu = new Array(n).fill(0);
  const by: Record<string, number[]> = {};
  const styled: number[] = new Array(n).fill(0);
  let f = 0;
  const frameOf = (ts: number) => {
    while (f < n && ts >= starts[f + 1]) f++;
    return f < n && ts >= starts[f] ? f : -1;
  };
  // Self time of each event: its own duration less that of the events nested in it.
  const stack: { e: TraceEvent; end: number; i: number }[] = [];
  const own = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  for (const e of onMain) {
    const i = frameOf(e.ts);
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && parent.i >= 0 && parent.e.name !== 'RunTask') by[parent.e.name][parent.i] -= own(e);
    stack.push({ e, end: e.ts + (e.dur ?? 0), i });
    if (i < 0) continue;
    if (e.name === 'RunTask') cpu[i] += own(e);
    else {
      (by[e.name] ??= new Array(n).fill(0))[i] += own(e);
      if (e.name === 'UpdateLayoutTree') styled[i] += e.args?.elementCount ?? 0;
    }
  }
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const p = (a: number[], q: number) => sorted(a)[Math.min(a.length - 1, Math.floor((q / 100) * a.length))];
  console.log(`frames ${frames.length}; rAF→rAF p50 ${p(frames, 50).toFixed(2)} p95 ${p(frames, 95).toFixed(2)} worst ${Math.max(...frames).toFixed(2)}`);
  console.log(`CPU/frame p50 ${p(cpu, 50).toFixed(2)} p95 ${p(cpu, 95).toFixed(2)} worst ${Math.max(...cpu).toFixed(2)}; restyled elements p50 ${p(styled, 50)}; all browser threads ${browserMs.toFixed(2)} ms/frame`);
  const names = Object.entries(by)
    .map(([name, a]) => [name, a.reduce((s, x) => s + x, 0) / n] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14);
  for (const [name, avg] of names) console.log(`  ${name.padEnd(28)} ${avg.toFixed(3)} ms/frame (self)`);
  const gc = Object.entries(by).filter(([name]) => /GC|Scavenge|Mark/i.test(name));
  console.log(`GC over the run: ${gc.map(([name, a]) => `${name} ${a.reduce((x, y) => x + y, 0).toFixed(1)} ms`).join(', ') || 'none'}`);
  const worst = cpu.indexOf(Math.max(...cpu));
  f = 0;
  console.log(`worst frame #${worst} of ${n}: ${cpu[worst].toFixed(2)} ms`);
  for (const e of onMain) {
    if (frameOf(e.ts) !== worst || (e.tdur ?? e.dur ?? 0) < 300) continue;
    console.log(`  +${((e.ts - starts[worst]) / 1000).toFixed(2)} ${e.name} ${(((e.tdur ?? e.dur) ?? 0) / 1000).toFixed(2)} ms ${e.args?.elementCount ?? ''} ${JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 100)}`);
  }
} finally {
  await browser.close();
  await stop();
}
