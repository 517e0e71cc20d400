// The bench's one Node server for both frontends of every app in apps.ts:
//   /apps/<name>/?frontend=dash  Dash's index page: `_dash-config`, Dash's scripts from npm, DashRenderer
//   /apps/<name>/?frontend=ours  the same config and clientside functions, cdn/dash-elements.js and <dash-app src="">
//   /apps/<name>/_dash-layout, _dash-dependencies, _dash-update-component   dash-elements/server, shared by both
//   /apps/<name>/_dash-component-suites/dash/…   Dash's bundles and their async chunks (async-dropdown.js…)
//   /cdn/…   our build
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENTSIDE_SCRIPT, type BenchApp } from './apps.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const modules = join(root, 'node_modules');

/**
 * Where Dash serves each package under `_dash-component-suites/dash/` (as Dash 3 does: deps/,
 * dash-renderer/build/, dcc/, html/, dash_table/), and the folder in node_modules holding it.
 */
const SUITES: Record<string, string> = {
  'deps/polyfill': '@babel/polyfill/dist',
  'deps/react': 'react18/umd',
  'deps/react-dom': 'react-dom18/umd',
  'deps/prop-types': 'prop-types',
  'dash-renderer/build': 'dash-renderer/build',
  dcc: 'dash-core-components/dash_core_components',
  html: 'dash-html-components/dash_html_components',
  dash_table: 'dash-table/dash_table',
};

/**
 * The scripts Dash 3's index page loads, in its order (paths under `_dash-component-suites/dash/`):
 * @babel/polyfill, React 18 and ReactDOM (UMD), prop-types, the renderer (which defines
 * `window.dash_component_api`, read by the component bundles as they load), then each component
 * library's main bundle. Their `async-*.js` chunks (dropdown, slider, graph, the table) load on first use.
 */
export const DASH_PAGE_SCRIPTS = [
  'deps/polyfill/polyfill.min.js',
  'deps/react/react.production.min.js',
  'deps/react-dom/react-dom.production.min.js',
  'deps/prop-types/prop-types.min.js',
  'dash-renderer/build/dash_renderer.min.js',
  'dcc/dash_core_components.js',
  'dcc/dash_core_components-shared.js',
  'html/dash_html_components.min.js',
  'dash_table/bundle.js',
];

/** A suite path (fingerprint stripped) as a file in node_modules, or null. */
export function suiteFile(path: string): string | null {
  // Dash's fingerprints: async-dropdown.v4_5_0m1790032440.js is async-dropdown.js.
  const plain = path.replace(/\.v[\w]+m\d+(?=\.[\w.]+$)/, '');
  const suite = Object.keys(SUITES)
    .sort((a, b) => b.length - a.length)
    .find((prefix) => plain.startsWith(`${prefix}/`));
  if (!suite) return null;
  const file = normalize(join(modules, SUITES[suite], plain.slice(suite.length + 1)));
  return file.startsWith(modules) && existsSync(file) && statSync(file).isFile() ? file : null;
}

/** What a Dash app's index page carries in `_dash-config` (production: no dev tools, no props check). */
function dashConfig(prefix: string) {
  return {
    url_base_pathname: null,
    requests_pathname_prefix: prefix,
    ui: false,
    props_check: false,
    show_undo_redo: false,
    suppress_callback_exceptions: false,
    update_title: 'Updating...',
    serve_locally: true,
    // Props other than `children` that may hold components, per namespace and type (as Dash lists them).
    children_props: { dash_core_components: { Dropdown: ['options[].label'] } },
    dash_version: '3.4.1',
  };
}

/** JSON inside a <script>: `</` cannot close it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export type Frontend = 'dash' | 'ours';

/** The index page of one app on one frontend. */
export function indexPage(prefix: string, frontend: Frontend): string {
  const config = `<script id="_dash-config" type="application/json">${scriptJson(dashConfig(prefix))}</script>`;
  const assets = `<script>${CLIENTSIDE_SCRIPT}</script>`;
  if (frontend === 'ours') {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>dash-elements</title></head>
<body>
<dash-app src=""></dash-app>
${config}
${assets}
<script type="module" src="/cdn/dash-elements.js"></script>
</body></html>`;
  }
  const scripts = DASH_PAGE_SCRIPTS.map((path) => `<script src="${prefix}_dash-component-suites/dash/${path}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>Dash</title></head>
<body>
<div id="react-entry-point"><div class="_dash-loading">Loading...</div></div>
<footer>
${config}
${scripts}
${assets}
<script id="_dash-renderer" type="application/javascript">var renderer = new DashRenderer();</script>
</footer>
</body></html>`;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.css': 'text/css' };

function sendFile(res: http.ServerResponse, file: string): void {
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}

/** Starts the server on a free port; `stop()` closes it. */
export async function serveApps(apps: BenchApp[]): Promise<{ url: string; stop(): Promise<void> }> {
  const byName = new Map(apps.map((app) => [app.name, app]));
  const cdn = join(root, 'cdn');
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/cdn/')) {
        const file = normalize(join(root, url.pathname));
        return file.startsWith(cdn) && existsSync(file) ? sendFile(res, file) : notFound(res);
      }
      const match = /^\/apps\/([^/]+)\/(.*)$/.exec(url.pathname);
      const app = match && byName.get(match[1]);
      if (!match || !app) return notFound(res);
      const rest = match[2];
      if (rest === '') {
        const frontend = url.searchParams.get('frontend') === 'dash' ? 'dash' : 'ours';
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(indexPage(`/apps/${app.name}/`, frontend));
      }
      if (rest.startsWith('_dash-component-suites/dash/')) {
        const file = suiteFile(rest.slice('_dash-component-suites/dash/'.length));
        return file ? sendFile(res, file) : notFound(res);
      }
      if (!(await app.server.handle(req, res))) notFound(res);
    } catch (error) {
      console.error('bench dash server:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
