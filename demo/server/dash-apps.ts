// Whole Dash apps served by dash-elements/server in Dash's own format (/_dash-layout,
// /_dash-dependencies, /_dash-update-component), rendered by <dash-app src> on demo/dash-app.html
// and tested end to end (test/e2e/dash-app.test.ts). Each layout is what a Python app's
// `app.layout` serialises to; each callback is what its @callback returns.
import { createDashServer, NO_UPDATE, type DashServer, type ServerCallbackContext } from '../../src/server/index.js';

type Props = Record<string, unknown>;
const component = (namespace: string) => (type: string, props: Props = {}) => ({ type, namespace, props });
/** `html.Div(...)` and friends, `dcc.Dropdown(...)` and friends, `dash_table.DataTable(...)`. */
export const html = component('dash_html_components');
export const dcc = component('dash_core_components');
export const dashTable = component('dash_table');

/** A multi-page app: dcc.Location, dcc.Link, pages returned as layout, a clientside callback. */
export function pagesApp(): DashServer {
  const app = createDashServer({ pathPrefix: '/apps/pages/' });
  app.layout({
    ...html('Div', {
      children: [
        dcc('Location', { id: 'url', refresh: false }),
        html('Nav', {
          'aria-label': 'Pages',
          children: [dcc('Link', { href: '?page=home', children: 'Home' }), ' · ', dcc('Link', { href: '?page=greet', children: 'Greeting' })],
        }),
        html('Div', { id: 'page-content', className: 'page' }),
      ],
    }),
  });
  app.callback({ outputs: 'page-content.children', inputs: 'url.search' }, (search: string | null) => {
    const page = new URLSearchParams(search ?? '').get('page') ?? 'home';
    if (page === 'greet') {
      return [
        html('H3', { children: 'Greeting' }),
        html('Label', { htmlFor: 'who', children: 'Your name ' }),
        dcc('Input', { id: 'who', value: 'Ada', debounce: false }),
        html('P', { id: 'greeting', 'aria-live': 'polite' }),
        html('P', { id: 'shout' }),
      ];
    }
    return [html('H3', { children: 'Home' }), html('P', { id: 'home-text', children: 'Pick a page above.' })];
  });
  app.callback({ outputs: 'greeting.children', inputs: 'who.value' }, (who: string | null) => `Hello, ${who ?? ''}!`);
  // Runs in the page: window.dash_clientside.demo.shout (defined by demo/dash-app.html).
  app.clientsideCallback({ outputs: 'shout.children', inputs: 'greeting.children' }, 'demo', 'shout');
  return app;
}

/** dcc.Tabs whose callback returns each tab's content as layout. */
export function tabsApp(): DashServer {
  const app = createDashServer({ pathPrefix: '/apps/tabs/' });
  app.layout(
    html('Div', {
      children: [
        dcc('Tabs', {
          id: 'tabs',
          value: 'tab-1',
          children: [dcc('Tab', { label: 'Tab one', value: 'tab-1' }), dcc('Tab', { label: 'Tab two', value: 'tab-2' })],
        }),
        html('Div', { id: 'tabs-content' }),
      ],
    }),
  );
  app.callback({ outputs: 'tabs-content.children', inputs: 'tabs.value' }, (tab: string) =>
    html('Div', {
      children: [
        html('H3', { children: tab === 'tab-2' ? 'Tab content 2' : 'Tab content 1' }),
        dcc('Graph', { id: `graph-${tab}`, figure: { data: [{ x: [1, 2, 3], y: tab === 'tab-2' ? [5, 10, 6] : [3, 1, 2], type: 'bar' }], layout: { height: 260 } } }),
      ],
    }),
  );
  return app;
}

const CITIES = [
  { city: 'Montreal', country: 'Canada', population: 1.78 },
  { city: 'Toronto', country: 'Canada', population: 2.79 },
  { city: 'New York City', country: 'USA', population: 8.34 },
  { city: 'Boston', country: 'USA', population: 0.65 },
  { city: 'Lyon', country: 'France', population: 0.52 },
];

/** A DataTable filtered by a dcc.Dropdown. */
export function tableApp(): DashServer {
  const app = createDashServer({ pathPrefix: '/apps/table/' });
  app.layout(
    html('Div', {
      children: [
        html('Label', { htmlFor: 'country', children: 'Country' }),
        dcc('Dropdown', { id: 'country', options: ['Canada', 'USA', 'France'], value: null, placeholder: 'All countries' }),
        dashTable('DataTable', {
          id: 'cities',
          columns: [
            { name: 'City', id: 'city' },
            { name: 'Country', id: 'country' },
            { name: 'Population (M)', id: 'population', type: 'numeric' },
          ],
          data: CITIES,
          page_size: 10,
        }),
        html('P', { id: 'count', 'aria-live': 'polite' }),
      ],
    }),
  );
  app.callback({ outputs: 'cities.data, count.children', inputs: 'country.value' }, (country: string | null) => {
    const rows = country ? CITIES.filter((row) => row.country === country) : CITIES;
    return [rows, `${rows.length} cities`];
  });
  return app;
}

type Option = { label: string; value: string };

/** One to-do item: a checklist (its option's label is the text) in a row whose style a MATCH callback sets. */
const todoItem = (index: number, text: string, done: boolean) =>
  html('Div', {
    id: { index, type: 'item' },
    children: dcc('Checklist', { id: { index, type: 'done' }, options: [{ label: text, value: 'done' }], value: done ? ['done'] : [] }),
  });

/** Dash's pattern-matching to-do list: the list is layout returned by a callback; ALL and MATCH callbacks. */
export function todoApp(): DashServer {
  const app = createDashServer({ pathPrefix: '/apps/todo/' });
  app.layout(
    html('Div', {
      children: [
        html('Label', { htmlFor: 'new-item', children: 'New item ' }),
        dcc('Input', { id: 'new-item', value: '' }),
        html('Button', { id: 'add', n_clicks: 0, children: 'Add' }),
        html('Button', { id: 'clear-done', n_clicks: 0, children: 'Clear done' }),
        html('Div', { id: 'list-container' }),
        html('P', { id: 'totals', 'aria-live': 'polite' }),
      ],
    }),
  );
  app.callback(
    {
      outputs: 'list-container.children, new-item.value',
      inputs: 'add.n_clicks, clear-done.n_clicks',
      state: 'new-item.value, {"index":"ALL","type":"done"}.options, {"index":"ALL","type":"done"}.value',
      preventInitialCall: true,
    },
    (_add: number, _clear: number, text: string | null, options: Option[][], values: string[][], ctx: ServerCallbackContext) => {
      const clearing = ctx.triggeredId === 'clear-done';
      const items = options
        .map((opts, i) => ({ text: opts[0]?.label ?? '', done: (values[i] ?? []).includes('done') }))
        .filter((item) => !(clearing && item.done));
      if (!clearing && text?.trim()) items.push({ text: text.trim(), done: false });
      return [items.map((item, i) => todoItem(i, item.text, item.done)), clearing ? NO_UPDATE : ''];
    },
  );
  app.callback({ outputs: '{"index":"MATCH","type":"item"}.style', inputs: '{"index":"MATCH","type":"done"}.value' }, (value: string[] | null) =>
    value?.includes('done') ? { textDecoration: 'line-through', color: 'GrayText' } : {},
  );
  app.callback({ outputs: 'totals.children', inputs: '{"index":"ALL","type":"done"}.value' }, (values: string[][]) => {
    const open = values.filter((value) => !value?.includes('done')).length;
    return `${open} of ${values.length} items open`;
  });
  return app;
}

/** Every demo app, mounted by demo/server.ts. */
export const dashApps = [pagesApp(), tabsApp(), tableApp(), todoApp()];
