// Issue 8's bundle budget: bytes (minified, and gzip -9) of cdn/dash-elements.js and of each
// per-tag entry (dist/dash-*.js bundled alone with its dependencies — lit, d3-format — by rollup +
// minified as the CDN build is (rollup.config.mjs), in memory, dynamic imports inlined). plotly.js is not in any of them (<dash-graph> loads
// it on first use) and is shown for reference. Dash's figures are quoted from the issue, not measured.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
// @ts-expect-error: a plain .mjs config without types; minifyPlugins() returns rollup plugins
import { minifyPlugins } from '../../rollup.config.mjs';
import type { BenchRow, BenchSuite } from '../harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1024;
/** Issues 13 and 20: the core CDN file (every element, without plotly.js and lazy chunks) ships ≤ 50 KB gzip. */
const CORE_BUDGET_KB = 50;
/** Quoted from issue 8: Dash's default page ships ~265 KB gzip before the table (~109 KB more) and plotly.js. */
const DASH = 'Dash (quoted, not measured)';
const DASH_TABLE_QUOTED = { [DASH]: 265 + 109 };

const gzipBytes = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

/**
 * Bundles one entry alone, as an app importing only that entry would ship it: the entry chunk
 * (loaded with the page) and its lazy chunks (loaded on first use), apart.
 */
async function bundle(entry: string): Promise<{ entry: string; lazy: string[] }> {
  const build = await rollup({
    input: entry,
    plugins: minifyPlugins(),
    preserveEntrySignatures: 'allow-extension',
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  const chunks = output.filter((chunk) => chunk.type === 'chunk');
  return { entry: chunks.find((c) => c.isEntry)!.code, lazy: chunks.filter((c) => !c.isEntry).map((c) => c.code) };
}

/** gzip of each lazy chunk, added up (each is fetched and compressed on its own). */
const lazyRow = (name: string, lazy: string[]): BenchRow => ({
  metric: `${name} — lazy chunks, gzip each, summed (${lazy.length})`,
  unit: 'KB',
  ours: lazy.reduce((sum, code) => sum + gzipBytes(code), 0) / KB,
});

function sizeRows(name: string, code: string | Buffer, extra: Partial<BenchRow> = {}): BenchRow[] {
  return [
    { metric: `${name} — minified`, unit: 'KB', ours: Buffer.byteLength(code) / KB },
    { metric: `${name} — gzip`, unit: 'KB', ours: gzipBytes(code) / KB, target: '< 50 KB', ...extra },
  ];
}

const suite: BenchSuite = {
  title: 'Bundle budget (bytes shipped; KB = 1024 bytes; gzip -9 by node:zlib)',
  async run() {
    if (!existsSync(`${root}cdn/dash-elements.js`) || !existsSync(`${root}dist/index.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
    const rows: BenchRow[] = [];
    rows.push(
      ...sizeRows('cdn/dash-elements.js (every element incl. the table, as built)', readFileSync(`${root}cdn/dash-elements.js`), {
        peers: DASH_TABLE_QUOTED,
        target: `≤ ${CORE_BUDGET_KB} KB`,
        budget: CORE_BUDGET_KB,
      }),
    );
    const chunkDir = `${root}cdn/chunks`;
    const cdnChunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(`${chunkDir}/${f}`, 'utf8')) : [];
    rows.push(lazyRow('cdn/chunks (transport, graph drawing, d3-format, table editing …)', cdnChunks));
    const entries = readdirSync(`${root}dist`).filter((f) => /^dash-[a-z-]+\.js$/.test(f)).sort();
    for (const file of entries) {
      const { entry, lazy } = await bundle(`${root}dist/${file}`);
      rows.push(...sizeRows(file, entry));
      if (lazy.length) rows.push(lazyRow(file, lazy));
    }
    const plotly = readFileSync(`${root}node_modules/plotly.js-dist-min/plotly.min.js`);
    rows.push({ metric: "Dash's default page before the table and plotly.js (issue 8)", unit: 'KB gzip', ours: null, peers: { [DASH]: 265 } });
    rows.push({ metric: 'plotly.js-dist-min (lazy, only with a <dash-graph>; not in the budget)', unit: 'KB gzip', ours: gzipBytes(plotly) / KB });
    return rows;
  },
};
export default suite;
