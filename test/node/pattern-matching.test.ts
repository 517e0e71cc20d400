// Pattern-matching callbacks without a page: matching and ordering of object ids, expansion into
// concrete calls as ids come and go, Dash's wildcard rules; the request bodies the page builds and
// dash-elements/server's answers over real HTTP, against fixtures in Dash's format.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseDependencies } from '../../src/runtime/dependency.js';
import { checkCallbackDependencies, compareIdValues, expandCallback, idFits } from '../../src/runtime/pattern-matching.js';
import { flatDeps, flattenValues, groupValues, slotsWithValues } from '../../src/runtime/patterns.js';
import { buildRequest, outputId } from '../../src/runtime/protocol.js';
import { noOutputId } from '../../src/runtime/transport.js';
import { ALL, MATCH, ALLSMALLER, NO_UPDATE, Patch, createDashServer } from '../../src/server/index.js';
import type { ServerCallbackContext } from '../../src/server/index.js';
import { wireFixtures } from '../fixtures/dash-wire.js';

const deps = (text: string) => parseDependencies(text, 'inputs');
const id = (index: number | string, type = 'item') => `{"index":${JSON.stringify(index)},"type":"${type}"}`;

describe('matching object ids', () => {
  it('fits the same keys, equal constants, any value for a wildcard', () => {
    const [all] = deps('{"type":"item","index":"ALL"}.value');
    assert.ok(idFits(all.id, id(1)));
    assert.ok(idFits(all.id, id('x')));
    assert.ok(!idFits(all.id, id(1, 'other')));
    assert.ok(!idFits(all.id, '{"index":1,"type":"item","x":1}'));
    assert.ok(!idFits(all.id, 'plain'));
  });

  it("orders id values as Dash does: numbers, then booleans, then strings", () => {
    const values = ['b', true, 10, '2', false, 'a', 1];
    assert.deepEqual([...values].sort(compareIdValues), [1, '2', 10, false, true, 'a', 'b']);
  });
});

describe('expanding a callback into its concrete calls', () => {
  const cb = (inputs: string, outputs = '', state = '') => ({ inputs: deps(inputs), outputs: deps(outputs), state: deps(state) });
  const ids = [id(3), id(1), id(2), id(1, 'out'), id(3, 'out'), 'plain'];

  it('ALL: one call with every match in document order', () => {
    const [call] = expandCallback(cb('{"type":"item","index":"ALL"}.value', 'total.children'), ids);
    assert.deepEqual(flatDeps(call.inputs).map((d) => d.id), [id(3), id(1), id(2)]);
    assert.equal(call.inputs[0].many, true);
  });

  it('MATCH: one call per MATCH value of the first MATCH output, ALLSMALLER below it', () => {
    const calls = expandCallback(
      cb('{"type":"item","index":"MATCH"}.value, {"type":"item","index":"ALLSMALLER"}.value', '{"type":"out","index":"MATCH"}.children'),
      ids,
    );
    assert.deepEqual(calls.map((c) => c.key), ['{"index":1}', '{"index":3}']);
    assert.deepEqual(calls.map((c) => flatDeps(c.inputs).map((d) => d.id)), [[id(1)], [id(3), id(1), id(2)]]);
    assert.deepEqual(flatDeps(calls[1].outputs).map((d) => d.id), [id(3, 'out')]);
  });

  it("MATCH only in inputs (Dash 4.2): one call per matching input", () => {
    const calls = expandCallback(cb('{"type":"item","index":"MATCH"}.value', 'log.children'), ids);
    assert.equal(calls.length, 3);
  });

  it('adding and removing ids changes only the calls they touch', () => {
    const spec = cb('{"type":"item","index":"MATCH"}.value', '{"type":"item","index":"MATCH"}.title');
    const before = expandCallback(spec, [id(1), id(2)]);
    const after = expandCallback(spec, [id(1), id(3)]);
    assert.deepEqual(before.map((c) => c.key), ['{"index":1}', '{"index":2}']);
    assert.deepEqual(after.map((c) => c.key), ['{"index":1}', '{"index":3}']);
    assert.deepEqual(before[0], after[0]);
    const allBefore = expandCallback(cb('{"type":"item","index":"ALL"}.value', 't.children'), [id(1)]);
    const allAfter = expandCallback(cb('{"type":"item","index":"ALL"}.value', 't.children'), [id(1), id(2)]);
    assert.notDeepEqual(flatDeps(allBefore[0].inputs), flatDeps(allAfter[0].inputs));
  });

  it('groups values per dependency and flattens an ALL output back', () => {
    const [call] = expandCallback(cb('{"type":"item","index":"ALL"}.value, plain.value', '{"type":"out","index":"ALL"}.children'), ids);
    assert.deepEqual(groupValues(call.inputs, ['c', 'a', 'b', 'p']), [['c', 'a', 'b'], 'p']);
    assert.deepEqual(flattenValues(call.outputs, [['x', 'y']]), ['x', 'y']);
    assert.deepEqual(flattenValues(call.outputs, [NO_UPDATE]), [NO_UPDATE, NO_UPDATE]);
    assert.throws(() => flattenValues(call.outputs, [['x']]), /matches 2 element\(s\) and takes an array as long, got an array of 1/);
  });
});

describe("Dash's wildcard rules", () => {
  const check = (inputs: string, outputs: string, state = '') =>
    checkCallbackDependencies({ inputs: parseDependencies(inputs, 'inputs'), outputs: parseDependencies(outputs, 'outputs'), state: parseDependencies(state, 'state') });
  const rules: Array<[string, string, string, RegExp | null]> = [
    ['MATCH in and out', '{"type":"a","index":"MATCH"}.value', '{"type":"b","index":"MATCH"}.children', null],
    ['MATCH in inputs only (Dash 4.2)', '{"type":"a","index":"MATCH"}.value', 'log.children', null],
    ['ALL anywhere', '{"type":"a","index":"ALL"}.value', '{"type":"b","index":"ALL"}.children', null],
    ['ALLSMALLER in an output', 'x.value', '{"type":"b","index":"ALLSMALLER"}.children', /ALLSMALLER is not allowed in an output/],
    ['MATCH in an output without it in an input', 'x.value', '{"type":"b","index":"MATCH"}.children', /no input has MATCH on the same key/],
    ['outputs with MATCH on different keys', '{"type":"a","index":"MATCH"}.value', '{"type":"b","index":"MATCH"}.children, c.children', /does not have MATCH on the same keys/],
    ['ALLSMALLER without MATCH', '{"type":"a","index":"ALLSMALLER"}.value', 'c.children', /ALLSMALLER on "index" .* needs MATCH/],
  ];
  for (const [name, inputs, outputs, error] of rules) {
    it(name, () => {
      if (error) assert.throws(() => check(inputs, outputs), { name: 'DependencyError', message: error });
      else check(inputs, outputs);
    });
  }
});

/** How each fixture's callback is registered on the server and built on the page. */
const registrations: Record<
  string,
  {
    spec: { outputs?: unknown; inputs: unknown; state?: unknown };
    fn: (...args: never[]) => unknown;
    /** The page's side: object ids present (document order) and the call's input values, one per concrete input. */
    page: { ids: string[]; values: unknown[] };
  }
> = {
  'ALL input: a nested list of {id, property, value}, ids as objects': {
    spec: { outputs: 'total.children', inputs: { id: { type: 'item', index: ALL }, prop: 'value' } },
    fn: (values: string[]) => `${values.length} items: ${values.join(', ')}`,
    page: { ids: [id(1), id(2)], values: ['a', 'b'] },
  },
  'ALL input with nothing matched: an empty list': {
    spec: { outputs: 'total.children', inputs: { id: { type: 'item', index: ALL }, prop: 'value' } },
    fn: (values: string[]) => `${values.length} items: ${values.join(', ')}`,
    page: { ids: [], values: [] },
  },
  'MATCH input and output: one entry each; "output" spells the wildcard ["MATCH"], keys sorted': {
    spec: { outputs: { id: { type: 'echo', index: MATCH }, prop: 'children' }, inputs: { id: { type: 'item', index: MATCH }, prop: 'value' } },
    fn: (value: string) => value.toUpperCase(),
    page: { ids: [id(1), id(2), id(2, 'echo')], values: ['bee'] },
  },
  'ALLSMALLER with MATCH: the smaller ones as a list': {
    spec: {
      outputs: { id: { type: 'sum', index: MATCH }, prop: 'children' },
      inputs: [
        { id: { type: 'item', index: MATCH }, prop: 'value' },
        { id: { type: 'item', index: ALLSMALLER }, prop: 'value' },
      ],
    },
    fn: (value: number, before: number[]) => [...before, value].join('+'),
    page: { ids: [id(1), id(2), id(3), id(3, 'sum')], values: [3, 1, 2] },
  },
  'ALL output: a list of {id, property}; one response key per matched id': {
    spec: { outputs: '{"type":"cell","index":"ALL"}.children', inputs: 'n.value' },
    fn: (n: string) => [`${n}1`, `${n}2`],
    page: { ids: [id(1, 'cell'), id(2, 'cell')], values: ['x'] },
  },
  'no outputs: "output" is the SHA-256 of the inputs, "outputs" left out; set_props as sideUpdate': {
    spec: { inputs: 'go.n_clicks' },
    fn: ((n: number, ctx: ServerCallbackContext) => {
      ctx.setProps('log', { title: `clicked ${n}` });
    }) as never,
    page: { ids: [], values: [1] },
  },
  "Patch: Dash's __dash_patch_update operations": {
    spec: { outputs: 'chart.figure', inputs: 'add.n_clicks' },
    fn: (n: number) => new Patch().append(['data', 0, 'y'], n).insert(['data', 0, 'x'], 0, 0),
    page: { ids: [], values: [2] },
  },
};

describe("dash-elements/server answers Dash's pattern-matching, no-output and Patch requests over HTTP", () => {
  let server: http.Server;
  let base: string;
  const seen: ServerCallbackContext[] = [];
  before(async () => {
    const dash = createDashServer();
    const registered = new Set<string>();
    for (const { spec, fn } of Object.values(registrations)) {
      const key = JSON.stringify(spec);
      if (registered.has(key)) continue;
      registered.add(key);
      dash.callback(spec as never, (...args: unknown[]) => {
        seen.push(args.at(-1) as ServerCallbackContext);
        return (fn as (...a: unknown[]) => unknown)(...args);
      });
    }
    server = http.createServer(dash.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  for (const fixture of wireFixtures) {
    it(fixture.name, async () => {
      const res = await fetch(`${base}/_dash-update-component`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fixture.request),
      });
      const text = await res.text();
      assert.equal(res.status, fixture.response ? 200 : 204, text);
      if (fixture.response) assert.equal(text, JSON.stringify(fixture.response));
    });
  }

  it("gives ctx Dash's triggeredId object and inputsList/outputsList shapes", async () => {
    const [fixture] = wireFixtures.filter((f) => f.name.startsWith('MATCH input'));
    await fetch(`${base}/_dash-update-component`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fixture.request) });
    const ctx = seen.at(-1)!;
    assert.deepEqual(ctx.triggeredId, { index: 2, type: 'item' });
    assert.deepEqual(ctx.triggered, [{ id: '{"index":2,"type":"item"}', prop: 'value', prop_id: '{"index":2,"type":"item"}.value', value: 'bee' }]);
    assert.deepEqual(ctx.inputsList, [{ id: { index: 2, type: 'item' }, property: 'value', value: 'bee' }]);
    assert.deepEqual(ctx.outputsList, { id: { index: 2, type: 'echo' }, property: 'children' });
    assert.deepEqual(ctx.inputs, { '{"index":2,"type":"item"}.value': 'bee' });
  });

  it('lists wildcard and no-output callbacks in /_dash-dependencies as Dash does', async () => {
    const list = (await (await fetch(`${base}/_dash-dependencies`)).json()) as Array<Record<string, unknown>>;
    const match = list.find((d) => d.output === '{"index":["MATCH"],"type":"echo"}.children');
    assert.deepEqual(match, {
      output: '{"index":["MATCH"],"type":"echo"}.children',
      inputs: [{ id: '{"index":["MATCH"],"type":"item"}', property: 'value' }],
      state: [],
      clientside_function: null,
      prevent_initial_call: false,
      long: null,
      dynamic_creator: null,
      no_output: false,
    });
    const none = list.find((d) => d.no_output);
    assert.equal(none?.output, createHash('sha256').update('go.n_clicks').digest('hex'));
  });

  it('answers 400 for a request whose ids do not fit the pattern', async () => {
    const res = await fetch(`${base}/_dash-update-component`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...wireFixtures[0].request, inputs: [[{ id: { index: 1, type: 'other' }, property: 'value', value: 1 }]] }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /takes input \{"index":\["ALL"\],"type":"item"\}\.value/);
  });
});

describe("the page builds the fixtures' requests byte for byte", () => {
  for (const fixture of wireFixtures) {
    it(fixture.name, async () => {
      const { spec, page } = registrations[fixture.name];
      const parse = (list: unknown, what: string) => parseDependencies(list as never, what);
      const callback = { inputs: parse(spec.inputs, 'inputs'), outputs: parse(spec.outputs, 'outputs'), state: parse(spec.state, 'state') };
      // What <dash-callback> does (src/components/callback/callback.ts runEndpoint) for the call the change triggers.
      const calls = expandCallback(callback, page.ids);
      const changed = fixture.request.changedPropIds as string[];
      const call = calls.find((c) => flatDeps(c.inputs).some((d) => changed.includes(`${d.id}.${d.prop}`))) ?? calls[0];
      const body = buildRequest({
        output: callback.outputs.length ? outputId(callback.outputs) : await noOutputId(callback.inputs),
        outputs: call.outputs.map((slot) => (slot.many ? slot.deps : slot.deps[0])),
        inputs: slotsWithValues(call.inputs, page.values),
        changedPropIds: changed,
      });
      assert.equal(JSON.stringify(body), JSON.stringify(fixture.request));
    });
  }
});
