// Which frames of a +400 px/frame scroll fall in a major garbage collection, in the table bench's
// order (its warm-up and both jump sizes, `rounds` times): frames are timed in the page, collections
// come from V8's own log (--trace-gc, --trace-incremental-marking), and one gc() call at a known
// performance.now() matches the two clocks. Prints each collection's span (start of marking → end
// of its pause) and, for each +400 px run, its worst frame inside and outside those spans (a span
// reaches 300 ms past its pause: the heaps are swept after it).
// `npx tsx scripts/profile-table-gc.ts [grid=dash|ag-grid|tabulator] [rounds=3]`
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { openTableBench, scrollsBeforeSteps } from '../bench/suites/table.bench.js';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const grid = process.argv[2] ?? 'dash';
const rounds = Number(process.argv[3] ?? 3);
const SWEEP_MS = 300;

const { url, stop } = await serve({ port: 0, production: true, quiet: true });
// Started here rather than by playwright, to read the renderers' stdout, where V8 logs.
const chrome = spawn(chromePath()!, [
  '--headless', '--remote-debugging-port=0', '--user-data-dir=/tmp/profile-table-gc', '--js-flags=--expose-gc --trace-gc --trace-incremental-marking',
  '--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking', 'about:blank',
]);
let log = '';
chrome.stdout.on('data', (d) => (log += d));
const endpoint = await new Promise<string>((resolve) => {
  let err = '';
  chrome.stderr.on('data', (d) => {
    err += d;
    const ws = /DevTools listening on (ws:\S+)/.exec(err);
    if (ws) resolve(ws[1]);
  });
});
const browser = await chromium.connectOverCDP(endpoint);
const page = await openTableBench(await browser.contexts()[0].newPage(), url, grid);
await page.evaluate(() => window.tableBench.load());
await page.waitForTimeout(300);
const idle = () => page.waitForTimeout(500);
const runs: { t0: number; frames: number[] }[] = [];
for (let r = 0; r < rounds; r++) {
  await scrollsBeforeSteps(page);
  const t0 = await page.evaluate(() => performance.now());
  runs.push({ t0, frames: await page.evaluate(() => window.tableBench.scroll(3000, 400)) });
  await idle();
  await page.evaluate(() => window.tableBench.scroll(2000, 1500));
  await idle();
  await page.evaluate(() => window.tableBench.scroll(2000, 400));
}
const marker = await page.evaluate(() => {
  const t = performance.now();
  // The first gc() is the marker; the rest only fill the renderer's stdout buffer, so that it is written.
  for (let i = 0; i < 60; i++) (window as unknown as { gc(): void }).gc();
  return t;
});
await page.waitForTimeout(1000);
await browser.close();
chrome.kill();
await stop();

// V8's lines: "[pid:isolate] <ms since the isolate started> ms: …"; ours is the isolate that logged the gc() call.
if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, log);
const lines = log.split('\n').filter((l) => / ms: /.test(l));
const atMs = (l: string) => Number(/\]\s+(\d+) ms:/.exec(l)![1]);
const forced = lines.find((l) => /Mark-Compact.*testing/.test(l));
if (!forced) throw new Error('no gc() call in V8 log');
const isolate = /\[(\d+:0x[0-9a-f]+)/.exec(forced)![1];
const offset = atMs(forced) - marker;
const spans: [number, number][] = [];
let marking: number | null = null;
for (const l of lines.filter((l) => l.includes(isolate))) {
  if (/\[IncrementalMarking\] Start \(/.test(l)) marking = atMs(l) - offset;
  const mc = /Mark-Compact.* MB, ([\d.]+) \/ [\d.]+ ms/.exec(l);
  if (mc && !/testing/.test(l)) {
    const end = atMs(l) - offset + Number(mc[1]);
    spans.push([marking ?? end - Number(mc[1]), end]);
    marking = null;
  }
}
console.log(`major collections (page ms, marking → end of pause): ${spans.map(([a, b]) => `${a.toFixed(0)}–${b.toFixed(0)}`).join(', ')}`);
const worst = (a: number[]) => (a.length ? Math.max(...a).toFixed(1) : '–');
for (const { t0, frames } of runs) {
  let t = t0;
  const inside: number[] = [];
  const outside: number[] = [];
  const long: string[] = [];
  for (const d of frames) {
    if (d > 17) long.push(`${d.toFixed(1)} at ${t.toFixed(0)}`);
    (spans.some(([a, b]) => t + d > a && t < b + SWEEP_MS) ? inside : outside).push(d);
    t += d;
  }
  console.log(
    `+400 px run at ${t0.toFixed(0)} ms: ${frames.length} frames, worst ${worst(frames)} ms; ` +
      `in a collection ${inside.length} (worst ${worst(inside)}, over 17 ms: ${inside.filter((x) => x > 17).length}), ` +
      `outside ${outside.length} (worst ${worst(outside)}, over 17 ms: ${outside.filter((x) => x > 17).length})` +
      (long.length ? `; over 17 ms: ${long.join(', ')}` : ''),
  );
}
