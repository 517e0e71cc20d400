// The apps `npm run bench dash` runs on both frontends: each is what a Python Dash app's
// `app.layout` serialises to plus its callbacks, served by dash-elements/server under its own
// prefix (/apps/<name>/). Server callbacks run in Node; clientside ones are functions in
// `window.dash_clientside.bench` (CLIENTSIDE_SCRIPT), which both pages load as a Dash app's
// assets/*.js would be loaded.
import { createDashServer, type DashServer } from '../../src/server/index.js';
import { COLUMNS, makeRows, type FlightRow } from '../pages/table-data.js';

type Props = Record<string, unknown>;
const component = (namespace: string) => (type: string, props: Props = {}) => ({ type, namespace, props });
const html = component('dash_html_components');
const dcc = component('dash_core_components');
const dashTable = component('dash_table');

/** The page's clientside functions (Dash's `ClientsideFunction('bench', name)`). */
export const CLIENTSIDE_SCRIPT = `window.dash_clientside = Object.assign(window.dash_clientside || {}, {
  bench: {
    clicked: function (n) { return 'clicked ' + (n || 0); },
    next: function (v) { return (Number(v) || 0) + 1; },
    start: function (n) { return (n || 0) * 10000; },
    fan: function (n) { return 'n=' + (n || 0); }
  }
});`;

export interface BenchApp {
  name: string;
  server: DashServer;
}

const app = (name: string) => createDashServer({ pathPrefix: `/apps/${name}/`, timeout: 0 });

/** A button and an output: the server callback writes `clicked N` (first output and round trip). */
function serverApp(): BenchApp {
  const server = app('server');
  server.layout(html('Div', { children: [html('Button', { id: 'go', n_clicks: 0, children: 'Go' }), html('Div', { id: 'out' })] }));
  server.callback({ outputs: 'out.children', inputs: 'go.n_clicks' }, (n: number | null) => `clicked ${n ?? 0}`);
  return { name: 'server', server };
}

/** The same with Dash's clientside_callback (a function in the page). */
function clientsideApp(): BenchApp {
  const server = app('clientside');
  server.layout(html('Div', { children: [html('Button', { id: 'go', n_clicks: 0, children: 'Go' }), html('Div', { id: 'out' })] }));
  server.clientsideCallback({ outputs: 'out.children', inputs: 'go.n_clicks' }, 'bench', 'clicked');
  return { name: 'clientside', server };
}

/**
 * A chain of n clientside callbacks: go.n_clicks → c0 (n × 10,000) → c1 (+1) → … → c{n-1}.
 * After settling, c{n-1} reads clicks × 10,000 + n − 1.
 */
function chainApp(n: number): BenchApp {
  const name = `chain-${n}`;
  const server = app(name);
  const cells = Array.from({ length: n }, (_, i) => html('Span', { id: `c${i}` }));
  server.layout(html('Div', { children: [html('Button', { id: 'go', n_clicks: 0, children: 'Go' }), html('Div', { children: cells })] }));
  server.clientsideCallback({ outputs: 'c0.children', inputs: 'go.n_clicks' }, 'bench', 'start');
  for (let i = 1; i < n; i++) server.clientsideCallback({ outputs: `c${i}.children`, inputs: `c${i - 1}.children` }, 'bench', 'next');
  return { name, server };
}

/** One input fanned out to n clientside callbacks, each writing `n=<clicks>` to its own output. */
function fanoutApp(n: number): BenchApp {
  const name = `fanout-${n}`;
  const server = app(name);
  const cells = Array.from({ length: n }, (_, i) => html('Span', { id: `f${i}` }));
  server.layout(html('Div', { children: [html('Button', { id: 'go', n_clicks: 0, children: 'Go' }), html('Div', { children: cells })] }));
  for (let i = 0; i < n; i++) server.clientsideCallback({ outputs: `f${i}.children`, inputs: 'go.n_clicks' }, 'bench', 'fan');
  return { name, server };
}

/** Rows of the table, and options of the dropdown. */
export const ROWS = 100_000;

/** A dcc.Dropdown with 100,000 distinct options (the passengers' names, each with its row number); a server callback echoes the choice. */
function dropdownApp(rows: FlightRow[]): BenchApp {
  const server = app('dropdown');
  server.layout(
    html('Div', {
      style: { width: 400, margin: 40 },
      children: [
        html('Label', { htmlFor: 'dd', children: 'Passenger' }),
        dcc('Dropdown', { id: 'dd', options: rows.map((row) => `${row.passenger} #${row.id}`), value: null, placeholder: 'Pick a passenger' }),
        html('Div', { id: 'out' }),
      ],
    }),
  );
  server.callback({ outputs: 'out.children', inputs: 'dd.value' }, (value: string | null) => `picked ${value ?? 'nothing'}`);
  return { name: 'dropdown', server };
}

/** A DataTable of 100,000 flights-like rows, sorting and filtering in the browser, virtualized. */
function tableApp(rows: FlightRow[]): BenchApp {
  const server = app('table');
  server.layout(
    html('Div', {
      style: { width: 1200 },
      children: [
        dashTable('DataTable', {
          id: 'table',
          columns: COLUMNS,
          data: rows,
          sort_action: 'native',
          filter_action: 'native',
          page_action: 'none',
          virtualization: true,
          fixed_rows: { headers: true },
          style_table: { height: 600, overflowY: 'auto' },
        }),
      ],
    }),
  );
  return { name: 'table', server };
}

export const CHAIN_SIZES = [100, 400, 1000];

export function benchApps(): BenchApp[] {
  const rows = makeRows(ROWS);
  return [
    serverApp(),
    clientsideApp(),
    ...CHAIN_SIZES.map(chainApp),
    ...CHAIN_SIZES.map(fanoutApp),
    dropdownApp(rows),
    tableApp(rows),
  ];
}
