// Issue 5: <dash-graph> vs calling Plotly.react on a plain div (bench/pages/graph.html, one copy of
// plotly.js for both), streaming with extendData, and the bytes a page loads with and without a graph
// (the CDN build: bench/pages/graph-bytes-*.html).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { median, type BenchContext, type BenchRow, type BenchSuite } from '../harness.js';

interface StreamResult {
  writes: number;
  expectedWrites: number;
  frames: number;
  dropped: number;
  longest: number;
  lag: number;
  points: number;
  last: number;
  expectedLast: number;
}

type BenchPage = Window & {
  bench: {
    setup(scenario: string): Promise<{ webgl: boolean; renderer: string }>;
    update(mode: 'graph' | 'direct', scenario: string): Promise<{ ms: number; outsideReact: number }>;
    stream(mode: 'graph' | 'direct', options: { hz: number; points: number; seconds: number; maxPoints?: number; type: string }): Promise<StreamResult>;
  };
  benchReady?: boolean;
};

async function updates(page: Page, scenario: string, runs: number) {
  const info = await page.evaluate((s) => (window as unknown as BenchPage).bench.setup(s), scenario);
  if (scenario === 'gl100k') console.log(`  scattergl: WebGL ${info.webgl ? 'available' : 'unavailable'}, renderer: ${info.renderer}`);
  const times = { graph: [] as number[], direct: [] as number[], ownGraph: [] as number[], ownDirect: [] as number[] };
  // one warm-up each, then alternate so drift hits both sides alike
  for (let i = -1; i < runs; i++) {
    for (const mode of i % 2 ? (['graph', 'direct'] as const) : (['direct', 'graph'] as const)) {
      const r = await page.evaluate(([m, s]) => (window as unknown as BenchPage).bench.update(m as 'graph', s), [mode, scenario] as const);
      if (i < 0) continue;
      times[mode].push(r.ms);
      times[mode === 'graph' ? 'ownGraph' : 'ownDirect'].push(r.outsideReact);
    }
  }
  return { graph: median(times.graph), direct: median(times.direct), ownGraph: median(times.ownGraph), ownDirect: median(times.ownDirect) };
}

async function scriptBytes(ctx: BenchContext, path: string, ready: string): Promise<{ raw: number; gzip: number; files: string[] }> {
  const page = await ctx.browser.newPage();
  const bodies: Array<Promise<{ url: string; raw: number; gzip: number } | null>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script') return;
    bodies.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length }))
        .catch(() => null),
    );
  });
  await page.goto(`${ctx.baseUrl}/${path}`, { waitUntil: 'load' });
  await page.waitForFunction(ready, undefined, { timeout: 30000 });
  await page.waitForTimeout(300);
  const files = (await Promise.all(bodies)).filter((b): b is { url: string; raw: number; gzip: number } => b !== null);
  await page.close();
  return {
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    files: files.map((f) => `${f.url} ${(f.gzip / 1024).toFixed(1)} KB gz`),
  };
}

const suite: BenchSuite = {
  title: '<dash-graph> (issue 5): figure updates vs Plotly.react on a div, streaming, bytes',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const page = await ctx.open('bench/pages/graph.html');
    await page.waitForFunction(() => (window as unknown as BenchPage).benchReady === true);

    for (const [scenario, label, runs] of [
      ['traces10x1k', '10 traces × 1,000 points (scatter)', 25],
      ['gl100k', '100,000 points (scattergl)', 9],
    ] as const) {
      const { graph, direct, ownGraph, ownDirect } = await updates(page, scenario, runs);
      rows.push({ metric: `figure update to next frame, ${label}`, unit: 'ms', ours: graph, peers: { 'Plotly.react': direct }, target: 'overhead < 5%' });
      rows.push({ metric: `  end-to-end difference (median vs median)`, unit: '%', ours: ((graph - direct) / direct) * 100, target: '< 5' });
      rows.push({ metric: `  time outside Plotly.react (element's own work)`, unit: 'ms', ours: ownGraph, peers: { 'Plotly.react': ownDirect } });
      rows.push({ metric: `  element's own work / direct update`, unit: '%', ours: ((ownGraph - ownDirect) / direct) * 100, target: '< 5' });
    }

    for (const [type, maxPoints] of [
      ['scatter', 1000],
      ['scattergl', undefined],
    ] as const) {
      const options = { hz: 50, points: 100, seconds: 10, type, maxPoints };
      const ours = await page.evaluate((o) => (window as unknown as BenchPage).bench.stream('graph', o), options);
      const peer = await page.evaluate((o) => (window as unknown as BenchPage).bench.stream('direct', o), options);
      const what = `${type}${maxPoints ? `, maxPoints ${maxPoints}` : ', growing to 50,000'}`;
      console.log(`  stream ${what}: ours ${JSON.stringify(ours)}\n  peer ${JSON.stringify(peer)}`);
      rows.push({ metric: `extendData 100 pts @ 50 Hz × 10 s (${what}): writes issued (50 Hz timer)`, unit: 'writes', ours: ours.writes, peers: { 'Plotly.extendTraces': peer.writes }, target: `${ours.expectedWrites}`, higherIsBetter: true });
      rows.push({ metric: '  last point shown = last point written', unit: 'bool', ours: ours.last === ours.expectedLast ? 1 : 0, peers: { 'Plotly.extendTraces': peer.last === peer.expectedLast ? 1 : 0 }, target: '1', higherIsBetter: true });
      rows.push({ metric: '  frames painted in 10 s', unit: 'frames', ours: ours.frames, peers: { 'Plotly.extendTraces': peer.frames }, higherIsBetter: true });
      rows.push({ metric: '  frames dropped (vs 60 Hz)', unit: 'frames', ours: ours.dropped, peers: { 'Plotly.extendTraces': peer.dropped } });
      rows.push({ metric: '  longest frame gap', unit: 'ms', ours: ours.longest, peers: { 'Plotly.extendTraces': peer.longest } });
      rows.push({ metric: '  lag after the last write', unit: 'ms', ours: ours.lag, peers: { 'Plotly.extendTraces': peer.lag } });
    }
    await page.close();

    if (!existsSync('cdn/dash-elements.js') || !existsSync('cdn/plotly.min.js')) {
      console.log('  building cdn/ for the bytes figures (npm run build)…');
      execSync('npm run build', { stdio: 'ignore' });
    }
    const without = await scriptBytes(ctx, 'bench/pages/graph-bytes-without.html', "customElements.get('dash-dropdown') !== undefined");
    const withGraph = await scriptBytes(ctx, 'bench/pages/graph-bytes-with.html', "document.querySelector('dash-graph')?.graphDiv?.querySelector('.main-svg') !== null");
    console.log(`  scripts without a graph: ${without.files.join(', ')}`);
    console.log(`  scripts with a graph:    ${withGraph.files.join(', ')}`);
    rows.push({ metric: 'scripts a page loads, no graph (CDN build)', unit: 'KB gzip', ours: without.gzip / 1024 });
    rows.push({ metric: 'scripts a page loads, with a graph (CDN build)', unit: 'KB gzip', ours: withGraph.gzip / 1024 });
    rows.push({ metric: '  (raw, no graph / with a graph)', unit: 'KB', ours: without.raw / 1024, peers: { 'with graph': withGraph.raw / 1024 } });
    return rows;
  },
};

export default suite;
