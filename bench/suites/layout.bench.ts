// Issue 19's figures: rendering a 2,000-component Dash layout (first paint, and a re-render
// after one prop changed), and the script bytes a page needs to show a Dash layout of html +
// dropdown + graph + table, ours (cdn build + the lazy chunks that layout needs) against Dash's
// own frontend from npm (dash-renderer, React 18, and the component bundles). plotly.js is left
// out of both (each loads it for a graph).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSuite } from '../harness.js';

declare global {
  interface Window {
    renderBench(): Promise<{ first: number; rerender: number; count: number }>;
    ready?: boolean;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1024;
const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / KB;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Our bytes: the CDN file and the lazy chunks a Dash layout with a graph, from a server, loads. */
function oursKB(): number | null {
  const chunks = `${root}cdn/chunks`;
  if (!existsSync(`${root}cdn/dash-elements.js`) || !existsSync(chunks)) return null;
  const needed = readdirSync(chunks).filter((f) => /^(render-dom|app-loader|graph-view|callback-endpoint)-.*\.js$/.test(f));
  return gzipKB(`${root}cdn/dash-elements.js`) + needed.reduce((sum, f) => sum + gzipKB(join(chunks, f)), 0);
}

/**
 * Dash's bytes for the same page: what Dash's index page loads for it (React 18 UMD, the
 * renderer, the html components, the core components with the async dropdown and graph chunks,
 * the table with its async chunk), from the npm packages; null when they are not installed.
 */
const DASH_FILES = [
  'dash-renderer/node_modules/react/umd/react.production.min.js',
  'dash-renderer/node_modules/react-dom/umd/react-dom.production.min.js',
  'dash-renderer/build/dash_renderer.min.js',
  'dash-html-components/dash_html_components/dash_html_components.min.js',
  'dash-core-components/dash_core_components/dash_core_components.js',
  'dash-core-components/dash_core_components/async-dropdown.js',
  'dash-core-components/dash_core_components/async-graph.js',
  'dash-table/dash_table/bundle.js',
  'dash-table/dash_table/async-table.js',
];

function dashKB(): number | null {
  const files = DASH_FILES.map((f) => `${root}node_modules/${f}`);
  if (!files.every((f) => existsSync(f))) return null;
  return files.reduce((sum, f) => sum + gzipKB(f), 0);
}

const suite: BenchSuite = {
  title: 'Layout as data (2,000 components, median of 5; bytes: gzip -9, plotly.js excluded)',
  async run({ open }) {
    const page = await open('bench/pages/layout.html');
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate(() => window.renderBench()); // warm-up
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await page.evaluate(() => window.renderBench()));
    await page.close();
    const rows: BenchRow[] = [
      { metric: `render a 2,000-component layout, first paint (${runs[0].count} elements)`, unit: 'ms', ours: median(runs.map((r) => r.first)) },
      { metric: 're-render the same layout after one prop changed', unit: 'ms', ours: median(runs.map((r) => r.rerender)) },
    ];
    const ours = oursKB();
    const dash = dashKB();
    if (ours !== null) {
      rows.push({
        metric: 'script a page needs for html + dropdown + graph + table layout (ours: cdn + layout, app, graph, endpoint chunks)',
        unit: 'KB',
        ours,
        ...(dash !== null ? { peers: { 'Dash frontend (dash-renderer + React 18 + dcc/html/table bundles)': dash } } : {}),
      });
    }
    return rows;
  },
};
export default suite;
