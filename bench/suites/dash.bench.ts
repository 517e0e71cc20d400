// Issue 20: the same Dash apps on Dash's own frontend (dash-renderer 3.4, dcc, html and dash-table
// from npm, on React 18) and on ours (<dash-app src=""> and cdn/dash-elements.js), answered by the
// same dash-elements/server in Node (bench/dash/). Figures are medians, from the person's input
// (or the navigation) to the frame showing the result painted.
//
// Chromium runs without its frame-rate cap (as in the table bench), so "painted" is the frame
// after the change rather than the next 16.7 ms vsync tick.
//
// DASH_BENCH_ONLY=table (or callbacks, chains, dropdown; comma-separated) runs only those parts.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromePath } from '../../scripts/chrome-path.mjs';
import { benchApps, CHAIN_SIZES } from '../dash/apps.js';
import { PROBE_SCRIPT } from '../dash/probe.js';
import { DASH_PAGE_SCRIPTS, serveApps, suiteFile, type Frontend } from '../dash/server.js';
import { median, type BenchRow, type BenchSuite } from '../harness.js';

declare global {
  interface Window {
    __bench: {
      t0: number | null;
      until(check: string, timeoutMs: number): Promise<number | null>;
      arm(type: string): void;
      first: Promise<number | null>;
    };
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1024;
/** A side that has not settled by then is reported as such, not waited for. */
const SETTLE_MS = 60_000;
/** Page loads per side for the heavy apps (chains, fan-outs, dropdown, table). */
const RUNS = 3;
/** …fewer once a side's runs of one app have taken this long in all (Dash's chains take tens of seconds a load). */
const SLOW_MS = 30_000;
/** How much longer the dropdown page is waited for, past SETTLE_MS, to measure opening and typing. */
const LATE_MS = 60_000;
/** Page loads per side for the small apps, and clicks for the round trips. */
const LOADS = 5;
const CLICKS = 20;

/** Each script gzipped on its own (as a server sends them), summed. */
const gzipKB = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / KB;

/** An expression reading one thing on each frontend (the same app, rendered by each). */
type Views = Record<Frontend, string>;
const textOf = (id: string) => `document.getElementById(${JSON.stringify(id)})?.textContent`;

const DROPDOWN: Record<'shown' | 'firstOption', Views> = {
  shown: {
    dash: `document.getElementById('dd-value')?.textContent === 'Pick a passenger'`,
    ours: `document.getElementById('dd')?.shadowRoot?.querySelector('input')?.placeholder === 'Pick a passenger'`,
  },
  firstOption: {
    dash: `document.querySelector('.dash-dropdown-option')?.textContent`,
    ours: `document.getElementById('dd')?.shadowRoot?.querySelector('[role=option]')?.textContent`,
  },
};

/** Cells of the table's rendered rows (both virtualize), by column. */
const TABLE = {
  ids: {
    dash: `[...document.querySelectorAll('td[data-dash-column="id"]')].map((c) => c.textContent)`,
    ours: `[...(document.getElementById('table')?.shadowRoot?.querySelectorAll('[role=row][data-row] [aria-colindex="1"]') ?? [])].map((c) => c.textContent)`,
  },
  delays: {
    dash: `[...document.querySelectorAll('td[data-dash-column="delay"]')].map((c) => Number(c.textContent))`,
    ours: `[...(document.getElementById('table')?.shadowRoot?.querySelectorAll('[role=row][data-row] [aria-colindex="5"]') ?? [])].map((c) => Number(c.textContent))`,
  },
  sortButton: {
    dash: (column: string) => `th[data-dash-column="${column}"] .column-header--sort >> visible=true`,
    ours: (column: string) => `#table [role=columnheader][data-column-id="${column}"] button`,
  },
  filterBox: {
    dash: (column: string) => `th.dash-filter[data-dash-column="${column}"] input >> visible=true`,
    ours: (column: string) => `#table input[data-column-id="${column}"]`,
  },
};

/** Resolves with `promise`'s value, or null once `ms` have passed (the promise is left to fail quietly). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise.catch(() => null), late]).finally(() => clearTimeout(timer));
}

class Bench {
  private pages = new Set<Page>();

  constructor(
    private browser: Browser,
    private url: string,
  ) {}

  /** Opens an app on one frontend in a fresh context (cold cache); `ms` is navigation → `check` painted, or null. */
  async load(frontend: Frontend, app: string, check: string, timeoutMs = SETTLE_MS): Promise<{ page: Page; ms: number | null }> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: `${PROBE_SCRIPT}\nwindow.__bench.first = window.__bench.until(${JSON.stringify(check)}, ${timeoutMs});` });
    const page = await context.newPage();
    this.pages.add(page);
    let errors = 0;
    page.on('pageerror', (e) => {
      if (errors++ < 3) console.error(`[dash bench: ${app} on ${frontend}] page error:`, e.message);
    });
    await page.goto(`${this.url}/apps/${app}/?frontend=${frontend}`, { waitUntil: 'commit', timeout: timeoutMs });
    const ms = await within(
      page.evaluate(() => window.__bench.first),
      timeoutMs + 5000,
    );
    return { page, ms };
  }

  /** Whether `check` holds within `ms` (for a page that was slower than its figure's limit). */
  async shows(page: Page, check: string, ms: number): Promise<boolean> {
    return (await within(page.evaluate(([source, limit]) => window.__bench.until(source, limit), [check, ms] as const), ms + 5000)) != null;
  }

  async close(page: Page): Promise<void> {
    this.pages.delete(page);
    await within(page.context().close(), 10_000);
  }

  /** Closes what a failed run left open. */
  async closeAll(): Promise<void> {
    for (const page of this.pages) await this.close(page);
  }

  /** Clicks #go in the page; ms from the click to `check` painted, or null. */
  clickGo(page: Page, check: string, timeoutMs = SETTLE_MS): Promise<number | null> {
    return within(
      page.evaluate(
        async ([source, ms]) => {
          const t0 = performance.now();
          document.getElementById('go')!.click();
          const t = await window.__bench.until(source, ms);
          return t === null ? null : t - t0;
        },
        [check, timeoutMs] as const,
      ),
      timeoutMs + 5000,
    );
  }

  /** Runs a person's input (`act`, through playwright); ms from its first trusted `type` event to `check` painted, or null. */
  async afterInput(page: Page, type: 'pointerdown' | 'keydown', act: () => Promise<unknown>, check: string, timeoutMs = SETTLE_MS): Promise<number | null> {
    if ((await within(page.evaluate((t) => window.__bench.arm(t), type), 10_000)) === null) return null;
    const shown = within(
      page.evaluate(([source, ms]) => window.__bench.until(source, ms), [check, timeoutMs] as const),
      timeoutMs + 5000,
    );
    await within(act(), timeoutMs);
    const t = await shown;
    if (t === null) return null; // the page may still be busy: ask it nothing more
    const t0 = await within(page.evaluate(() => window.__bench.t0), 10_000);
    return t0 === null ? null : t - t0;
  }
}

/** Figures of several runs per side: the median, or null when any run did not finish. */
type Samples = Record<Frontend, Array<number | null>>;
const samples = (): Samples => ({ dash: [], ours: [] });
const FRONTENDS: Frontend[] = ['dash', 'ours'];
const settledMedian = (values: Array<number | null>) => (values.length && values.every((v) => v !== null) ? median(values as number[]) : null);

/**
 * One row: the medians side by side. A side that timed out in any run has no figure and the
 * metric says so; `notes` explain a side measured differently; unequal run counts are shown.
 */
function row(metric: string, figures: Samples, notes: Partial<Record<Frontend, string>> = {}): BenchRow {
  const name = (f: Frontend) => (f === 'dash' ? 'Dash' : 'ours');
  const said = FRONTENDS.map((f) => {
    if (notes[f]) return `${name(f)}: ${notes[f]}`;
    if (figures[f].some((v) => v === null)) return `${name(f)}: did not finish within ${SETTLE_MS / 1000} s`;
    return '';
  }).filter(Boolean);
  const counts = FRONTENDS.map((f) => figures[f].length);
  if (counts[0] !== counts[1] && !said.length) said.push(`runs: ${FRONTENDS.map((f, i) => `${name(f)} ${counts[i]}`).join(', ')}`);
  return {
    metric: said.length ? `${metric} — ${said.join('; ')}` : metric,
    unit: 'ms',
    ours: settledMedian(figures.ours),
    peers: { Dash: settledMedian(figures.dash) },
  };
}

/**
 * Runs `measure` RUNS times per side, alternating sides; a side stops after a run that did not
 * settle (`measure` resolves false) or once its runs have taken SLOW_MS in all.
 */
async function repeat(bench: Bench, measure: (frontend: Frontend) => Promise<boolean>): Promise<void> {
  const spent: Record<Frontend, number> = { dash: 0, ours: 0 };
  const stopped = new Set<Frontend>();
  for (let run = 0; run < RUNS; run++) {
    for (const frontend of FRONTENDS) {
      if (stopped.has(frontend)) continue;
      const start = Date.now();
      let settled = false;
      try {
        settled = await measure(frontend);
      } catch (error) {
        // A step that failed (an element never shown…) ends this side's runs; the rows show what was measured.
        console.error(`[dash bench on ${frontend}] a run failed:`, (error as Error).message);
        await bench.closeAll();
      }
      spent[frontend] += Date.now() - start;
      if (!settled || spent[frontend] >= SLOW_MS) stopped.add(frontend);
    }
  }
}

async function serverAndClientside(bench: Bench): Promise<BenchRow[]> {
  const first = samples();
  const shown = `${textOf('out')} === 'clicked 0'`;
  for (let run = 0; run < LOADS; run++) {
    for (const frontend of FRONTENDS) {
      const { page, ms } = await bench.load(frontend, 'server', shown);
      first[frontend].push(ms);
      await bench.close(page);
    }
  }
  /** Clicks on both sides' pages in turn, so that a busier moment of the machine weighs on both. */
  const clicks = async (app: string): Promise<Samples> => {
    const figures = samples();
    const pages = await Promise.all(FRONTENDS.map((frontend) => bench.load(frontend, app, shown)));
    for (let n = 1; n <= CLICKS; n++) {
      for (const [i, frontend] of FRONTENDS.entries()) {
        const { page, ms } = pages[i];
        figures[frontend].push(ms === null ? null : await bench.clickGo(page, `${textOf('out')} === 'clicked ${n}'`));
      }
    }
    for (const { page } of pages) await bench.close(page);
    return figures;
  };
  const server = await clicks('server');
  const clientside = await clicks('clientside');
  return [
    row(`navigation → first server callback output painted (median of ${LOADS})`, first),
    row(`server callback round trip: click → output painted (median of ${CLICKS})`, server),
    row(`clientside callback (Dash's clientside_callback / the same page function): click → output painted (median of ${CLICKS})`, clientside),
  ];
}

/** Chains (c0 → … → c{n-1}) and fan-outs (one click → n outputs) of clientside callbacks. */
async function chainsAndFanouts(bench: Bench): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  /** The size at which a side did not settle: larger ones are not run for it. */
  const gaveUp: Record<'chain' | 'fanout', Partial<Record<Frontend, string>>> = { chain: {}, fanout: {} };
  for (const kind of ['chain', 'fanout'] as const) {
    for (const n of CHAIN_SIZES) {
      const last = kind === 'chain' ? `c${n - 1}` : `f${n - 1}`;
      // A fan-out has settled when every output shows the value (tested once the last one does).
      const settled = (value: string) =>
        kind === 'chain'
          ? `${textOf(last)} === '${value}'`
          : `${textOf(last)} === '${value}' && Array.from({ length: ${n} }, (_, i) => document.getElementById('f' + i)?.textContent).every((t) => t === '${value}')`;
      const loads = samples();
      const changes = samples();
      const loadNotes: Partial<Record<Frontend, string>> = {};
      for (const frontend of FRONTENDS) if (gaveUp[kind][frontend]) loadNotes[frontend] = `not run, as it did not settle at ${gaveUp[kind][frontend]}`;
      await repeat(bench, async (frontend) => {
        if (loadNotes[frontend]) return false;
        const { page, ms } = await bench.load(frontend, `${kind}-${n}`, settled(kind === 'chain' ? String(n - 1) : 'n=0'));
        loads[frontend].push(ms);
        if (ms === null) gaveUp[kind][frontend] = n.toLocaleString('en');
        else changes[frontend].push(await bench.clickGo(page, settled(kind === 'chain' ? String(10000 + n - 1) : 'n=1')));
        await bench.close(page);
        return ms !== null;
      });
      const changeNotes = { ...loadNotes };
      for (const frontend of FRONTENDS) if (!changeNotes[frontend] && !changes[frontend].length) changeNotes[frontend] = 'not measured, the page did not settle';
      const what = kind === 'chain' ? `chain of ${n.toLocaleString('en')} clientside callbacks` : `fan-out: one input → ${n.toLocaleString('en')} clientside callbacks`;
      rows.push(row(`${what}: navigation → settled`, loads, loadNotes));
      rows.push(row(`${what}: one change → ${kind === 'chain' ? 'end' : 'every output'} updated`, changes, changeNotes));
    }
  }
  return rows;
}

async function dropdown(bench: Bench): Promise<BenchRow[]> {
  const load = samples();
  const open = samples();
  const key = samples();
  const late: Partial<Record<Frontend, string>> = {};
  await repeat(bench, async (frontend) => {
    const { page, ms } = await bench.load(frontend, 'dropdown', DROPDOWN.shown[frontend]);
    load[frontend].push(ms);
    // A page slower than SETTLE_MS is waited for a while longer, so that opening and typing are measured once.
    if (ms === null && (await bench.shows(page, DROPDOWN.shown[frontend], LATE_MS))) late[frontend] = `measured after its page had loaded, over ${SETTLE_MS / 1000} s`;
    if (ms !== null || late[frontend]) {
      open[frontend].push(await bench.afterInput(page, 'pointerdown', () => page.click('#dd'), `${DROPDOWN.firstOption[frontend]} != null`));
      // No option of the unfiltered list's first screen holds a "z"; after the keystroke the first one does.
      key[frontend].push(await bench.afterInput(page, 'keydown', () => page.keyboard.press('z'), `/z/i.test(${DROPDOWN.firstOption[frontend]} ?? '')`));
    }
    await bench.close(page);
    return ms !== null;
  });
  return [
    row('dropdown, 100,000 options: navigation → control painted', load),
    row('dropdown, 100,000 options: click → list open, options painted', open, late),
    row('dropdown, 100,000 options: first keystroke → filtered options painted', key, late),
  ];
}

async function table(bench: Bench): Promise<BenchRow[]> {
  const load = samples();
  const numeric = samples();
  const text = samples();
  const filter = samples();
  await repeat(bench, async (frontend) => {
    const ids = TABLE.ids[frontend];
    const { page, ms } = await bench.load(frontend, 'table', `(${ids})[0] === '1'`);
    load[frontend].push(ms);
    if (ms !== null) {
      // A sort has been shown when the first row is another one than before.
      const sortBy = async (column: string) => {
        const before = await within(
          page.evaluate((source) => new Function(`return (${source})[0]`)() as string | undefined, ids),
          SETTLE_MS,
        );
        return bench.afterInput(
          page,
          'pointerdown',
          () => page.locator(TABLE.sortButton[frontend](column)).first().click(),
          `(${ids})[0] != null && (${ids})[0] !== ${JSON.stringify(before)}`,
        );
      };
      numeric[frontend].push(await sortBy('delay'));
      text[frontend].push(await sortBy('passenger'));
      await page.locator(TABLE.filterBox[frontend]('delay')).first().click();
      await page.keyboard.type('> 100');
      filter[frontend].push(
        await bench.afterInput(page, 'keydown', () => page.keyboard.press('Enter'), `((d) => d.length > 0 && d.every((v) => v > 100))(${TABLE.delays[frontend]})`),
      );
    }
    await bench.close(page);
    return ms !== null;
  });
  return [
    row('table, 100,000 rows × 7: navigation → first rows painted', load),
    row('table: click sort on a numeric column → sorted rows painted', numeric),
    row('table: click sort on a text column (~100,000 distinct names) → sorted rows painted', text),
    row('table: filter "> 100" on a numeric column, Enter → filtered rows painted', filter),
  ];
}

const suite: BenchSuite = {
  title: `Dash's own frontend (dash-renderer 3.4, dcc 4.5, dash-table 7.4, React 18) beside ours (<dash-app src>): the same apps and Node server; medians, ms unless noted`,
  async run() {
    if (!existsSync(`${root}cdn/dash-elements.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
    const dashFiles = DASH_PAGE_SCRIPTS.map((path) => suiteFile(path));
    if (dashFiles.some((file) => file === null)) throw new Error('Dash frontend packages missing from node_modules: run npm install');
    const rows: BenchRow[] = [
      {
        metric: 'scripts a page loads up front (gzip -9, each file, summed; no plotly.js, no lazy chunks)',
        unit: 'KB',
        ours: gzipKB([`${root}cdn/dash-elements.js`]),
        peers: { Dash: gzipKB(dashFiles as string[]) },
      },
    ];
    const apps = benchApps();
    const server = await serveApps(apps);
    const browser = await chromium.launch({
      executablePath: chromePath() ?? undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const bench = new Bench(browser, server.url);
      const only = process.env.DASH_BENCH_ONLY?.split(',');
      const parts = { callbacks: serverAndClientside, chains: chainsAndFanouts, dropdown, table };
      for (const [name, part] of Object.entries(parts)) if (!only || only.includes(name)) rows.push(...(await part(bench)));
    } finally {
      await browser.close();
      await server.stop();
    }
    return rows;
  },
};
export default suite;
