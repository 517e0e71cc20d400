// The dash bench's server (bench/dash/server.ts) serves Dash's frontend from node_modules the way
// Dash does: a package upgrade that moves a file must fail here, not as a blank page in the bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDashServer } from '../../src/server/index.js';
import { DASH_PAGE_SCRIPTS, indexPage, serveApps, suiteFile } from '../../bench/dash/server.js';

const configOf = (page: string) => /<script id="_dash-config" type="application\/json">(.*?)<\/script>/.exec(page)?.[1];

test("every script of Dash's index page is found in node_modules", () => {
  for (const path of DASH_PAGE_SCRIPTS) assert.ok(suiteFile(path), `${path} is missing`);
});

test("async chunks are found under Dash's fingerprinted names; paths outside the packages are not", () => {
  assert.equal(suiteFile('dcc/async-dropdown.v4_5_0m1790032440.js'), suiteFile('dcc/async-dropdown.js'));
  assert.ok(suiteFile('dash_table/async-table.v7_4_1m1784660081.js')?.endsWith('dash_table/async-table.js'));
  assert.equal(suiteFile('dcc/../../../package.json'), null);
  assert.equal(suiteFile('nothing/here.js'), null);
});

test('both frontends get the same _dash-config; Dash boots its renderer, ours a <dash-app src="">', () => {
  const dash = indexPage('/apps/x/', 'dash');
  const ours = indexPage('/apps/x/', 'ours');
  assert.equal(configOf(dash), configOf(ours));
  assert.equal(JSON.parse(configOf(dash)!).requests_pathname_prefix, '/apps/x/');
  assert.match(dash, /new DashRenderer\(\)/);
  assert.match(ours, /<dash-app src=""><\/dash-app>/);
  assert.match(ours, /src="\/cdn\/dash-elements\.js"/);
});

test("one server answers an app's pages, Dash's bundles and its callbacks", async () => {
  const server = createDashServer({ pathPrefix: '/apps/echo/' });
  server.layout({ type: 'Div', namespace: 'dash_html_components', props: { id: 'out' } });
  server.callback({ outputs: 'out.children', inputs: 'in.value' }, (value: string) => `echo ${value}`);
  const { url, stop } = await serveApps([{ name: 'echo', server }]);
  try {
    assert.match(await (await fetch(`${url}/apps/echo/?frontend=dash`)).text(), /dash_renderer\.min\.js/);
    const chunk = await fetch(`${url}/apps/echo/_dash-component-suites/dash/dcc/async-dropdown.v4_5_0m1.js`);
    assert.equal(chunk.status, 200);
    assert.match(chunk.headers.get('content-type') ?? '', /javascript/);
    assert.deepEqual(await (await fetch(`${url}/apps/echo/_dash-layout`)).json(), { type: 'Div', namespace: 'dash_html_components', props: { id: 'out' } });
    const answer = await fetch(`${url}/apps/echo/_dash-update-component`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ output: 'out.children', outputs: { id: 'out', property: 'children' }, inputs: [{ id: 'in', property: 'value', value: 'hi' }], changedPropIds: [] }),
    });
    assert.deepEqual(await answer.json(), { multi: true, response: { out: { children: 'echo hi' } } });
    assert.equal((await fetch(`${url}/apps/other/`)).status, 404);
  } finally {
    await stop();
  }
});
