// dash-elements/server as a whole Dash app: /_dash-layout in Dash's format, clientside callbacks
// in /_dash-dependencies (docs/layout.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashServer } from '../../src/server/index.js';

async function serveOnce(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const layout = { type: 'Div', namespace: 'dash_html_components', props: { id: 'root', children: ['Hi', { type: 'Input', namespace: 'dash_core_components', props: { id: 'x' } }] } };

test('serves the layout under the prefix, as JSON; a function is called per request', async () => {
  let calls = 0;
  const dash = createDashServer({ pathPrefix: '/app/' }).layout(() => ({ ...layout, props: { ...layout.props, calls: ++calls } }));
  const { url, close } = await serveOnce(dash.listener);
  try {
    const first = await fetch(`${url}/app/_dash-layout`);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(await first.json(), { ...layout, props: { ...layout.props, calls: 1 } });
    assert.equal(((await (await fetch(`${url}/app/_dash-layout`)).json()) as { props: { calls: number } }).props.calls, 2);
    assert.equal((await fetch(`${url}/app/_dash-layout`, { method: 'POST' })).status, 405);
    assert.equal((await fetch(`${url}/_dash-layout`)).status, 404);
  } finally {
    close();
  }
});

test('without a layout, /_dash-layout is not answered (middleware passes it on)', async () => {
  const dash = createDashServer();
  const { url, close } = await serveOnce(dash.listener);
  try {
    assert.equal((await fetch(`${url}/_dash-layout`)).status, 404);
  } finally {
    close();
  }
  assert.throws(() => dash.layout(undefined), TypeError);
});

test('clientside callbacks are listed with their function, beside server callbacks', () => {
  const dash = createDashServer();
  dash.callback({ outputs: 'a.children', inputs: 'b.value' }, (b: unknown) => b);
  dash.clientsideCallback({ outputs: 'c.children, d.style', inputs: 'a.children', preventInitialCall: true }, 'ui', 'shout');
  const [server, client] = dash.dependencies();
  assert.equal(server.clientside_function, null);
  assert.deepEqual(client.clientside_function, { namespace: 'ui', function_name: 'shout' });
  assert.equal(client.output, '..c.children...d.style..');
  assert.deepEqual(client.inputs, [{ id: 'a', property: 'children' }]);
  assert.equal(client.prevent_initial_call, true);
  assert.throws(() => dash.clientsideCallback({ outputs: 'x.y', inputs: 'z.w' }, '', 'f'), TypeError);
});
