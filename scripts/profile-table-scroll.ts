// Traces a grid scrolling in bench/pages/table-<grid>.html (the table bench's pages and Chromium
// flags) and prints what a frame spends: the main thread's CPU (as the bench counts it) and each
// kind of work's own time (script, style and how many elements it restyles, layout, paint,
// layerizing, GC), the CPU of every browser thread (raster and compositing included; on 2 cores a
// frame lasts about half of it), and the worst frame's events.
// `npx tsx scripts/profile-table-scroll.ts [px-per-frame=400] [ms=2000] [grid=dash|ag-grid|tabulator|floor]`
// (0 px: the bench's 6,000 px/s). WARM=bench: the bench's own scrolling before the traced run;
// EXTRA_CSS='…': a style experiment added to <dash-table>'s shadow root (AB=n: n runs with it, n
// without, alternating; TRACED=with|without: which side the traced run measures). Prints where
// each run's longest frames fell, and the main thread's three longest frames by event. TOP=n: how
// many events of each thread THREADS=1 lists (10). Every untraced run also prints the renderers'
// page faults, anonymous memory and Blink's heap grown a frame (GC=1: each run, traced ones of
// TRACED=both too, starts after a full collection, so that is what a frame allocates; without it a
// collection can keep falling on one side of an AB=n comparison: a style that does nothing read
// 0.7–0.85 vs 1.2–1.4 ms/frame on the renderer's worker threads, its side without the collections); SYS=1 shows each thread's kernel time apart; QUADS=1 what viz
// draws (see quadReport); CATEGORIES=… adds trace categories and DUMP=file writes the trace.
// VERSUS=ag-grid|tabulator|floor: runs alternating with another grid's page in the same browser, both open (see versus;
// an idle page beside it slows a grid's frames, docs/table.md "Virtualization and layout";
// floor: bench/pages/table-floor.html, a minimal virtual list by hand, not a grid of the bench).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { openTableBench } from '../bench/suites/table.bench.js';
import { chromePath } from './chrome-path.mjs';
import { printShares, profileShares, profiled } from './cpu-profile.js';
import { serve } from './dev-server.js';

const pxPerFrame = Number(process.argv[2] ?? 400);
const ms = Number(process.argv[3] ?? 2000);
const grid = process.argv[4] ?? 'dash';

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; elementCount?: number; data?: Record<string, unknown>; beginData?: Record<string, unknown> } }

interface ThreadTime { name: string; total: number; self: Map<string, number>; count: Map<string, number> }

/** Each thread's traced time (thread time, not waits for a core), and its events' self time, summed over the trace. */
function threadTimes(events: TraceEvent[]): ThreadTime[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}/${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const own = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const threads: ThreadTime[] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const self = new Map<string, number>();
    // How often each event ran (how many raster tasks, solid-colour checks, drawn quads a frame).
    const count = new Map<string, number>();
    const stack: { e: TraceEvent; end: number }[] = [];
    let total = 0;
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.e.name, (self.get(parent.e.name) ?? 0) - own(e));
      else total += own(e);
      self.set(e.name, (self.get(e.name) ?? 0) + own(e));
      count.set(e.name, (count.get(e.name) ?? 0) + 1);
      stack.push({ e, end: e.ts + (e.dur ?? 0) });
    }
    threads.push({ name: names.get(key) ?? key, total, self, count });
  }
  return threads.sort((a, b) => b.total - a.total);
}

/** Prints each busy thread's events by self time per frame (THREADS=1). */
function threadBreakdown(events: TraceEvent[], frames: number): void {
  for (const t of threadTimes(events).slice(0, 6)) {
    const top = [...t.self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 10));
    console.log(`${t.name}: ${(t.total / frames).toFixed(3)} ms/frame in events`);
    for (const [name, ms] of top) console.log(`    ${name.padEnd(40)} ${(ms / frames).toFixed(3)}  (${((t.count.get(name) ?? 0) / frames).toFixed(1)}×)`);
  }
}

/**
 * The frame's critical path, median wall ms per frame: a main frame (BeginMainFrame to the end of
 * its commit), then the compositor rasterizing what the new tree shows and activating it (the next
 * main frame waits for that activation), then the wait for the next main frame to begin. The
 * display compositor (viz) draws while the next main frame runs.
 */
function chain(events: TraceEvent[]): { main: number; activate: number; next: number } {
  const sortedBy = (name: string) => events.filter((e) => e.ph === 'X' && e.name === name).sort((a, b) => a.ts - b.ts);
  const bmf = sortedBy('ProxyMain::BeginMainFrame');
  const activations = sortedBy('LayerTreeHostImpl::ActivateSyncTree');
  const main: number[] = [];
  const activate: number[] = [];
  const next: number[] = [];
  let a = 0;
  for (let i = 0; i + 1 < bmf.length; i++) {
    const end = bmf[i].ts + (bmf[i].dur ?? 0);
    while (a < activations.length && activations[a].ts < end) a++;
    const act = activations[a];
    if (!act || act.ts > bmf[i + 1].ts) continue;
    const actEnd = act.ts + (act.dur ?? 0);
    main.push((end - bmf[i].ts) / 1000);
    activate.push((actEnd - end) / 1000);
    next.push((bmf[i + 1].ts - actEnd) / 1000);
  }
  return { main: p(main, 50), activate: p(activate, 50), next: p(next, 50) };
}

interface Quad { material: number; rect: number[]; visible_rect: number[]; shared_quad_state: { index: number } }
interface QuadState { quad_layer_rect: number[]; mask_filter_info?: string; are_contents_opaque?: boolean }
interface LayerInfo { layer_name?: string; bounds?: { width: number; height: number }; contents_opaque?: boolean; draws_content?: number }
interface Snapshot {
  active_tree: unknown;
  frame: { render_passes: { damage_rect: number[]; quad_list: Quad[]; shared_quad_state_list: QuadState[] }[] };
}

/**
 * QUADS=1: what the compositor hands the display compositor (viz) in the traced run's frames: the
 * layers, then for each layer the quads of the middle frame (tiles, solid colours, the pixels they
 * cover) and, over every frame, how much of what it shows is one solid colour. On the software
 * compositor every quad costs its pixels; quads a layer hides are culled only when it is opaque
 * and has no rounded-corner mask.
 */
function quadReport(events: TraceEvent[]): void {
  const snaps = events
    .filter((e) => e.name === 'LayerTreeHostImpl:snapshot' && e.ph === 'I')
    .map((e) => (e.args as unknown as { snapshot: Snapshot }).snapshot);
  if (!snaps.length) return void console.log('QUADS: no compositor snapshots in the trace');
  const layers: LayerInfo[] = [];
  const collect = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(collect);
    else if (o && typeof o === 'object') {
      if ('layer_name' in o) layers.push(o as LayerInfo);
      Object.values(o).forEach(collect);
    }
  };
  collect(snaps[snaps.length >> 1].active_tree);
  console.log('layers (of the middle frame):');
  for (const l of layers) console.log(`  ${(l.layer_name ?? '').slice(0, 70).padEnd(70)} ${l.bounds?.width}×${l.bounds?.height} opaque ${!!l.contents_opaque} draws ${!!l.draws_content}`);
  const short = (name: string) => (/class='([^']+)'/.exec(name)?.[1] ?? name).slice(0, 40);
  const nameOf = (rect: number[]) => {
    const layer = layers.find((l) => l.draws_content && l.bounds?.width === rect[2] && l.bounds?.height === rect[3]);
    return layer?.layer_name ? short(layer.layer_name) : `${rect[2]}×${rect[3]}`;
  };
  const solidShare = new Map<string, number[]>();
  snaps.forEach((snap, i) => {
    const pass = snap.frame.render_passes[snap.frame.render_passes.length - 1];
    const by = new Map<string, { tiles: number; solid: number; px: number; solidPx: number; mask: boolean }>();
    for (const q of pass.quad_list) {
      const state = pass.shared_quad_state_list[q.shared_quad_state.index];
      const key = nameOf(state.quad_layer_rect);
      const s = by.get(key) ?? { tiles: 0, solid: 0, px: 0, solidPx: 0, mask: /radius [1-9]/.test(state.mask_filter_info ?? '') };
      by.set(key, s);
      // Only the part inside the frame's damage is drawn.
      const [dx, dy, dw, dh] = pass.damage_rect;
      const [x, y, w, h] = q.visible_rect;
      const px = Math.max(0, Math.min(x + w, dx + dw) - Math.max(x, dx)) * Math.max(0, Math.min(y + h, dy + dh) - Math.max(y, dy));
      s.px += px;
      if (q.material === 5) {
        s.solid++;
        s.solidPx += px;
      } else s.tiles++;
    }
    for (const [key, s] of by) (solidShare.get(key) ?? solidShare.set(key, []).get(key)!).push(s.px ? s.solidPx / s.px : 0);
    if (i !== snaps.length >> 1) return;
    console.log(`quads of the middle frame (damage ${pass.damage_rect.join(',')}), by layer, front to back:`);
    for (const [key, s] of by) console.log(`  ${key.padEnd(40)} ${s.tiles} tiles + ${s.solid} solid colours, ${(s.px / 1000).toFixed(0)}k px in the damage${s.mask ? ', rounded-corner mask (hides nothing)' : ''}`);
  });
  console.log(`solid-colour share of each layer's drawn pixels, median over ${snaps.length} frames: ${[...solidShare].map(([key, a]) => `${key} ${p(a, 50).toFixed(2)}`).join('; ')}`);
}

/** This script's child processes (the browser: every process it started). */
function browserPids(): Set<number> {
  const parents = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parents.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
    } catch { /* gone */ }
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (!ours.has(pid) && ours.has(ppid)) { ours.add(pid); grew = true; }
  }
  ours.delete(process.pid);
  return ours;
}

/**
 * CPU seconds used so far by each browser thread, keyed by process and thread id, with the
 * process type and thread name (renderer:Compositor, gpu-process:VizCompositorTh…).
 */
function threadCpu(): Map<string, { name: string; cpu: number }> {
  const out = new Map<string, { name: string; cpu: number }>();
  for (const pid of browserPids()) {
    let tids: string[] = [];
    let type = 'browser';
    try {
      tids = readdirSync(`/proc/${pid}/task`);
      type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
    } catch { continue; }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // SYS=1: kernel time apart (page faults and mappings of tile memory), as `name (sys)`.
        if (process.env.SYS) {
          out.set(`${pid}/${tid}`, { name: `${type}:${name}`, cpu: Number(f[11]) / 100 });
          out.set(`${pid}/${tid}/sys`, { name: `${type}:${name} (sys)`, cpu: Number(f[12]) / 100 });
        } else out.set(`${pid}/${tid}`, { name: `${type}:${name}`, cpu: (Number(f[11]) + Number(f[12])) / 100 });
      } catch { /* gone */ }
    }
  }
  return out;
}

/**
 * The renderers' page faults and anonymous memory so far: memory the page touches for the first
 * time (new garbage-collected objects on fresh pages, with no collection yet) costs kernel time.
 */
function rendererMemory(): { faults: number; rssKb: number } {
  let faults = 0;
  let rssKb = 0;
  for (const pid of browserPids()) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      faults += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
      rssKb += Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch { /* gone */ }
  }
  return { faults, rssKb };
}

/** Each thread name's CPU ms per frame between two threadCpu() readings (raster workers summed). */
function perThread(before: Map<string, { name: string; cpu: number }>, after: Map<string, { name: string; cpu: number }>, frames: number): [string, number][] {
  const sums = new Map<string, number>();
  for (const [key, t] of after) {
    const used = t.cpu - (before.get(key)?.cpu ?? 0);
    if (used <= 0) continue;
    // Numbered threads of one pool (CompositorTileW1, ThreadPoolForeg…) count as one.
    const name = t.name.replace(/\d+$/, '');
    sums.set(name, (sums.get(name) ?? 0) + used);
  }
  return [...sums].map(([name, s]) => [name, (s * 1000) / frames] as [string, number]).sort((a, b) => b[1] - a[1]);
}

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const p = (a: number[], q: number) => sorted(a)[Math.min(a.length - 1, Math.floor((q / 100) * a.length))];

const { url, stop } = await serve({ port: 0, production: true, quiet: true });
const browser = await chromium.launch({
  executablePath: chromePath()!,
  // GC=1: every untraced run starts after a full collection (so memory grown a frame is what a frame allocates).
  args: [...(process.env.GC ? ['--js-flags=--expose-gc'] : []), '--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking'],
});
try {
  /** A grid's bench page, its 1,000,000 rows loaded. */
  const open = async (name: string) => {
    const opened = await browser.newPage();
    await opened.addInitScript('window.__name = (f) => f');
    await openTableBench(opened, url, name);
    await opened.evaluate(() => window.tableBench.load());
    await opened.waitForTimeout(300);
    return opened;
  };
  const page = await open(grid);
  // EXTRA_CSS: a style experiment, added to the table's shadow root (AB=n: also measured without it).
  const extraCss = (on: boolean) =>
    page.evaluate(([css, add]) => {
      const root = document.querySelector('dash-table')!.shadowRoot!;
      const w = window as unknown as { extraSheet?: CSSStyleSheet };
      w.extraSheet ??= new CSSStyleSheet();
      w.extraSheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => s !== w.extraSheet), ...(add ? [w.extraSheet] : [])];
    }, [process.env.EXTRA_CSS ?? '', on] as const);
  if (process.env.EXTRA_CSS) await extraCss(true);
  console.log('elements', await page.evaluate(() => window.tableBench.nodes()));
  // The bench's order: a warm-up at 6,000 px/s and both jump sizes before the traced run.
  const warm = async (warming: Page) => {
    if (process.env.WARM === 'bench') {
      // Exactly what the bench runs before its +400 px trace (its +1,500 px trace untraced here).
      await warming.evaluate(() => window.tableBench.scroll(5000));
      await warming.evaluate(() => window.tableBench.scroll(3000, 1500));
      await warming.evaluate(() => window.tableBench.scroll(3000, 400));
      await warming.evaluate(() => window.tableBench.scroll(2000, 1500));
    } else {
      await warming.evaluate(() => window.tableBench.scroll(1000));
      await warming.evaluate(() => window.tableBench.scroll(500, 1500));
      await warming.evaluate(() => window.tableBench.scroll(500, 400));
    }
  };
  await warm(page);
  /** Blink's heap (the DOM, styles, layout), bytes in use. */
  const blinkHeap = async (of: Page) => {
    const cdp = await of.context().newCDPSession(of);
    const { embedderHeapUsedSize } = (await cdp.send('Runtime.getHeapUsage')) as { embedderHeapUsedSize: number };
    await cdp.detach();
    return embedderHeapUsedSize;
  };
  /** Scrolls as the bench does, untraced: frame percentiles and each thread's CPU per frame. */
  const untraced = async (scrolled = page) => {
    if (process.env.GC) await scrolled.evaluate(() => (window as unknown as { gc(): void }).gc());
    const before = threadCpu();
    const memBefore = rendererMemory();
    if (process.env.GC) console.log(`  (renderers: ${(memBefore.rssKb / 1024).toFixed(0)} MB anonymous memory after a collection)`);
    const blinkBefore = await blinkHeap(scrolled);
    const frames = await scrolled.evaluate(([t, px]) => window.tableBench.scroll(t, px || undefined), [ms, pxPerFrame]);
    const blinkKb = (await blinkHeap(scrolled)) - blinkBefore;
    const memAfter = rendererMemory();
    const memory = { faults: (memAfter.faults - memBefore.faults) / frames.length, rssKb: (memAfter.rssKb - memBefore.rssKb) / frames.length, blinkKb: blinkKb / 1024 / frames.length };
    return { frames, threads: perThread(before, threadCpu(), frames.length), memory };
  };
  type Run = Awaited<ReturnType<typeof untraced>>;
  const report = (label: string, runs: Run[]) => {
    const frames = runs.flatMap((r) => r.frames);
    const sums = new Map<string, number>();
    for (const r of runs) for (const [name, ms] of r.threads) sums.set(name, (sums.get(name) ?? 0) + ms / runs.length);
    const threads = [...sums].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 0.05);
    const total = [...sums.values()].reduce((a, b) => a + b, 0);
    console.log(`${label}: ${frames.length} frames; rAF→rAF p50 ${p(frames, 50).toFixed(2)} p95 ${p(frames, 95).toFixed(2)} worst ${Math.max(...frames).toFixed(2)}; CPU ms/frame ${total.toFixed(2)}: ${threads.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}`);
    // Where the longest frames fall in each run (the first frames: a cost a page pays once).
    const longest = runs.map((r) => r.frames.map((ms, i) => [ms, i]).sort((a, b) => b[0] - a[0]).slice(0, 4).map(([ms, i]) => `#${i} ${ms.toFixed(1)}`).join(' '));
    const faults = runs.map((r) => r.memory.faults.toFixed(0)).join(' ');
    const grown = runs.map((r) => r.memory.rssKb.toFixed(0)).join(' ');
    const blink = runs.map((r) => r.memory.blinkKb.toFixed(0)).join(' ');
    console.log(`  the renderers' page faults a frame (each run): ${faults}; anonymous memory grown, KB a frame: ${grown}; Blink heap grown, KB a frame (less where a collection fell in the run): ${blink}`);
    console.log(`  longest frames of each run (of ${runs[0].frames.length}): ${longest.join(' | ')}`);
  };
  /** A traced run: frames and the trace's events. */
  const tracedRun = async (categories: string) => {
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    const frames = await page.evaluate(([t, px]) => window.tableBench.scroll(t, px || undefined), [ms, pxPerFrame]);
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return { frames, events };
  };
  /**
   * TRACED=both: every run of an AB=n comparison traced, each side's medians over its runs of the
   * threads' traced time a frame (thread time: not the waits for a core, which a busy machine
   * adds to the frame's wall time) and of the frame's critical path (see chain).
   */
  const tracedAb = async (n: number) => {
    const sides: Record<string, { frames: number[]; threads: Map<string, number>[]; main: Map<string, number>[]; chain: ReturnType<typeof chain>[] }> = {};
    for (let i = 0; i < n; i++) {
      for (const on of i % 2 ? [false, true] : [true, false]) {
        await extraCss(on);
        if (process.env.GC) await page.evaluate(() => (window as unknown as { gc(): void }).gc());
        const { frames, events } = await tracedRun('devtools.timeline,disabled-by-default-devtools.timeline,v8,cc,viz,gpu,toplevel,benchmark');
        const side = (sides[on ? 'with' : 'without'] ??= { frames: [], threads: [], main: [], chain: [] });
        side.frames.push(...frames);
        const threads = new Map<string, number>();
        for (const t of threadTimes(events)) {
          const name = t.name.replace(/\d+$/, '');
          threads.set(name, (threads.get(name) ?? 0) + t.total / frames.length);
          if (name === 'CrRendererMain' && t.total > 0.5 * frames.length) {
            side.main.push(new Map([...t.self].map(([event, ms]) => [event, ms / frames.length])));
          }
        }
        side.threads.push(threads);
        side.chain.push(chain(events));
      }
    }
    const med = (a: number[]) => p(a, 50);
    for (const [label, side] of Object.entries(sides)) {
      const names = new Set(side.threads.flatMap((t) => [...t.keys()]));
      const threads = [...names].map((name) => [name, med(side.threads.map((t) => t.get(name) ?? 0))] as const).filter(([, ms]) => ms >= 0.05).sort((a, b) => b[1] - a[1]);
      const total = threads.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`${label.padEnd(7)}: ${side.frames.length} frames; rAF→rAF p50 ${p(side.frames, 50).toFixed(2)} p95 ${p(side.frames, 95).toFixed(2)}; traced thread time ms/frame ${total.toFixed(2)}: ${threads.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}`);
      const events = new Set(side.main.flatMap((m) => [...m.keys()]));
      const main = [...events].map((e) => [e, med(side.main.map((m) => m.get(e) ?? 0))] as const).sort((a, b) => b[1] - a[1]).slice(0, 9);
      console.log(`  main thread: ${main.map(([e, ms]) => `${e} ${ms.toFixed(2)}`).join(', ')}`);
      console.log(`  critical path (wall): main frame ${med(side.chain.map((c) => c.main)).toFixed(2)}, commit → activated ${med(side.chain.map((c) => c.activate)).toFixed(2)}, → next main frame ${med(side.chain.map((c) => c.next)).toFixed(2)}`);
    }
  };
  const ab = Number(process.env.AB ?? 0);
  /**
   * VERSUS=grid: this grid against another one in the same browser, their runs alternating (AB=n
   * pairs, 4 by default), so both see the same machine load; prints each grid's frames and CPU, and
   * the median over the pairs of the ratio of their frame p95s.
   */
  const versus = async (other: string) => {
    const otherPage = await open(other);
    await warm(otherPage);
    const runs: Record<string, Run[]> = { [grid]: [], [other]: [] };
    const ratios: number[] = [];
    for (let i = 0; i < (ab || 4); i++) {
      const pair: Record<string, Run> = {};
      for (const name of i % 2 ? [other, grid] : [grid, other]) runs[name].push((pair[name] = await untraced(name === grid ? page : otherPage)));
      ratios.push(p(pair[grid].frames, 95) / p(pair[other].frames, 95));
    }
    report(grid.padEnd(9), runs[grid]);
    report(other.padEnd(9), runs[other]);
    console.log(`frame p95 ${grid}/${other}, each pair: ${ratios.map((r) => r.toFixed(2)).join(' ')}; median ${p(ratios, 50).toFixed(2)}`);
  };
  if (process.env.VERSUS) await versus(process.env.VERSUS);
  else if (ab > 0 && process.env.EXTRA_CSS && process.env.TRACED === 'both') await tracedAb(ab);
  else await untracedThenTraced();

  /** The untraced runs (AB=n: alternating with and without EXTRA_CSS), then one traced run, broken down. */
  async function untracedThenTraced() {
    if (ab > 0 && process.env.EXTRA_CSS) {
      // Alternating runs with and without the experiment, so both see the same machine load.
      const runs: Record<string, Run[]> = { with: [], without: [] };
      for (let i = 0; i < ab; i++) {
        for (const on of i % 2 ? [false, true] : [true, false]) {
          await extraCss(on);
          runs[on ? 'with' : 'without'].push(await untraced());
        }
      }
      report('without EXTRA_CSS', runs.without);
      report('with EXTRA_CSS   ', runs.with);
    } else {
      report('untraced', [await untraced()]);
    }
    if (process.env.JS) {
      // JS=1: where the script's time goes (sampled every 100 µs), by function.
      const { result, profile } = await profiled(page, 100, () => page.evaluate(([t, px]) => window.tableBench.scroll(t, px || undefined), [ms, pxPerFrame]));
      const shares = profileShares(profile, 100, { pathParts: 2 });
      const perFrame = shares.busyUs / 1000 / result.length;
      printShares(`script time, self (${perFrame.toFixed(2)} ms/frame in all)`, shares.self, shares.busyUs);
      printShares('script time, total', shares.total, shares.busyUs);
    }
    // TRACED=with|without: which side of an AB=n comparison the traced run below measures.
    if (ab > 0 && process.env.EXTRA_CSS && process.env.TRACED) await extraCss(process.env.TRACED === 'with');
    // THREADS=1: also the compositor's, raster's and viz's own events, broken down per thread below.
    const categories = `devtools.timeline,disabled-by-default-devtools.timeline,v8${process.env.THREADS ? ',cc,viz,gpu,toplevel,benchmark,skia' : ''}${process.env.QUADS ? ',disabled-by-default-viz.quads,disabled-by-default-cc.debug' : ''}${process.env.CATEGORIES ? `,${process.env.CATEGORIES}` : ''}`;
    const { frames, events } = await tracedRun(categories);
    if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(events));
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
    console.log(`traced: frames ${frames.length}; rAF→rAF p50 ${p(frames, 50).toFixed(2)} p95 ${p(frames, 95).toFixed(2)} worst ${Math.max(...frames).toFixed(2)}`);
    console.log(`main-thread CPU/frame p50 ${p(cpu, 50).toFixed(2)} p95 ${p(cpu, 95).toFixed(2)} worst ${Math.max(...cpu).toFixed(2)}; restyled elements p50 ${p(styled, 50)}`);
    const names = Object.entries(by)
      .map(([name, a]) => [name, a.reduce((s, x) => s + x, 0) / n] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14);
    for (const [name, avg] of names) console.log(`  ${name.padEnd(28)} ${avg.toFixed(3)} ms/frame (self)`);
    const gc = Object.entries(by).filter(([name]) => /GC|Scavenge|Mark/i.test(name));
    console.log(`GC over the run: ${gc.map(([name, a]) => `${name} ${a.reduce((x, y) => x + y, 0).toFixed(1)} ms`).join(', ') || 'none'}`);
    if (process.env.THREADS) threadBreakdown(events, n);
    if (process.env.QUADS) quadReport(events);
    const worst = cpu.indexOf(Math.max(...cpu));
    f = 0;
    console.log(`worst frame #${worst} of ${n}: ${cpu[worst].toFixed(2)} ms`);
    // The main thread's longest frames, each by its events' self time (vs the median frame's).
    const median = (a: number[]) => p(a, 50);
    for (const i of cpu.map((ms, i) => [ms, i]).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, i]) => i)) {
      const parts = Object.entries(by).map(([name, a]) => [name, a[i], median(a)] as const).filter(([, ms, med]) => ms - med > 0.2).sort((a, b) => b[1] - b[2] - (a[1] - a[2]));
      console.log(`  frame #${i} (${cpu[i].toFixed(2)} ms; restyled ${styled[i]}): ${parts.map(([name, ms, med]) => `${name} ${ms.toFixed(2)} (median ${med.toFixed(2)})`).join(', ')}`);
    }
    for (const e of onMain) {
      if (frameOf(e.ts) !== worst || (e.tdur ?? e.dur ?? 0) < 300) continue;
      console.log(`  +${((e.ts - starts[worst]) / 1000).toFixed(2)} ${e.name} ${(((e.tdur ?? e.dur) ?? 0) / 1000).toFixed(2)} ms ${e.args?.elementCount ?? ''} ${JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 100)}`);
    }
  }
} finally {
  await browser.close();
  await stop();
}
