// Issue 20: our elements beside Dash's own frontend (dash-renderer, dash-core-components,
// dash-html-components, dash-table on React 18, all from npm devDependencies).
// Measured so far: the script bytes each side's page loads before any callback runs. Not yet
// measured (issue 20, part 1): navigation → first output, server round trip, clientside callback,
// chains and fan-outs of 100/400/1,000, the 100,000-option dropdown and the 100,000-row table.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchSuite } from '../harness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KB = 1024;

/**
 * The scripts Dash's index page loads, in its order: React 18 and ReactDOM (UMD), prop-types,
 * the renderer, then each component library's main bundle. Their `async-*.js` chunks (dropdown,
 * slider, graph…) load on first use and are left out, as our lazy chunks are. plotly.js is out on
 * both sides.
 */
const DASH_PAGE_SCRIPTS = [
  'react18/umd/react.production.min.js',
  'react-dom18/umd/react-dom.production.min.js',
  'prop-types/prop-types.min.js',
  'dash-renderer/build/dash_renderer.min.js',
  'dash-core-components/dash_core_components/dash_core_components.js',
  'dash-core-components/dash_core_components/dash_core_components-shared.js',
  'dash-html-components/dash_html_components/dash_html_components.min.js',
  'dash-table/dash_table/bundle.js',
];

/** Files, not require.resolve: the packages do not export their UMD builds. Each script gzipped on its own (as a server sends them), summed. */
const gzipKB = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / KB;

const suite: BenchSuite = {
  title: 'Dash beside dash-elements (issue 20; so far: script bytes only)',
  async run() {
    if (!existsSync(`${root}cdn/dash-elements.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
    const dash = gzipKB(DASH_PAGE_SCRIPTS.map((path) => `${root}node_modules/${path}`));
    const ours = gzipKB([`${root}cdn/dash-elements.js`]);
    return [{ metric: 'scripts a page loads up front (gzip -9, each file, summed; no plotly.js)', unit: 'KB', ours, peers: { Dash: dash } }];
  },
};
export default suite;
