// Times `collate` alone (src/components/table/table-collation.ts) on the table bench's ~1M distinct
// names, in fresh pages without the table: the main-thread CPU of the task that collects the texts
// and ranks them (from the trace: steadier than wall time on a busy machine), and its wall time.
// Without the table's update, paint and derived arrays, a change to the ranking shows with less
// noise than in scripts/profile-table-sort.ts (docs/table.md, "Sorting").
// `npx tsx scripts/profile-collate.ts [runs]`; AGAINST=/path/to/another/worktree (of this repo, with
// node_modules) alternates its pages with this one's and prints both. Console lines `PH <label>
// <performance.now()>` added to the code for a while are printed as the time between them.
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';
import { serve } from './dev-server.js';

const runs = Number(process.argv[2] ?? 8);
const here = await serve({ port: 0, production: true, quiet: true });
const against = process.env.AGAINST
  ? await ((await import(`${process.env.AGAINST}/scripts/dev-server.ts`)) as { serve: typeof serve }).serve({ port: 0, production: true, quiet: true })
  : null;
const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
interface TraceEvent { name: string; ph: string; dur?: number; tdur?: number }

/** One fresh page: the rows made, a collection, then the texts collected and collated in a task of their own. */
async function run(from: string): Promise<{ cpu: number; wall: number; phases: string }> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const marks: [string, number][] = [];
  page.on('console', (m) => {
    const [tag, label, at] = m.text().split(/\s+/);
    if (tag === 'PH') marks.push([label, Number(at)]);
  });
  await page.goto(`${from}/README.md`);
  await page.evaluate(async (modules) => {
    // Served by the dev server from the side's worktree (paths in a variable: the page's, not this script's).
    const { makeRows } = (await import(modules[0])) as typeof import('../bench/pages/table-data.js');
    const state = window as unknown as Record<string, unknown>;
    state.collation = await import(modules[1]);
    state.benchRows = makeRows();
    (globalThis as unknown as { gc: () => void }).gc();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, ['/bench/pages/table-data.ts', '/src/components/table/table-collation.ts']);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  // The renderer starts recording a little after the call returns (a task run at once was missed).
  await page.waitForTimeout(200);
  const wall = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        setTimeout(() => {
          const state = window as unknown as { benchRows: { passenger: string }[]; collation: typeof import('../src/components/table/table-collation.js'); result: unknown };
          const rows = state.benchRows;
          const t0 = performance.now();
          console.log(`PH start ${t0}`);
          const texts = new Array<string>(rows.length);
          for (let i = 0; i < rows.length; i++) texts[i] = rows[i].passenger;
          state.result = state.collation.collate(texts, new Intl.Collator(undefined, { numeric: false }));
          resolve(performance.now() - t0);
        }, 0),
      ),
  );
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  // The timer that ran collate: the one with the most CPU time (its task is now and then missing from the trace).
  const cpu = Math.max(...events.filter((e) => e.ph === 'X' && e.name === 'TimerFire').map((e) => (e.tdur ?? 0) / 1000));
  const phases = marks.slice(1).map(([label, at], i) => `${label} ${(at - marks[i][1]).toFixed(0)}`).join(' | ');
  return { cpu, wall, phases };
}

try {
  const sides = [here, ...(against ? [against] : [])].map(({ url }) => ({ url, cpu: [] as number[], wall: [] as number[] }));
  for (let i = 0; i < runs * sides.length; i++) {
    // With two sides, which goes first alternates.
    const side = sides[sides.length === 1 ? 0 : (i + (i >> 1)) % 2];
    const { cpu, wall, phases } = await run(side.url);
    if (cpu > 0) side.cpu.push(cpu); // else the trace missed it
    side.wall.push(wall);
    if (phases) console.log(phases);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1].toFixed(0);
  for (const { url, cpu, wall } of sides) {
    if (against) console.log(url === here.url ? 'this worktree:' : `${process.env.AGAINST}:`);
    console.log(`collate, main-thread CPU: ${cpu.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(cpu)} ms`);
    console.log(`wall: ${wall.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(wall)} ms`);
  }
} finally {
  await browser.close();
  await here.stop();
  await against?.stop();
}
