// The pure callback runtime (docs/callbacks.md), driven through an in-memory host: no DOM, no browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallbackRuntime, CycleError, type CallbackCall, type CallbackHandle, type RuntimeHost } from '../../src/runtime/runtime.js';
import { parseDependencies, type Dependency } from '../../src/runtime/dependency.js';
import { NO_UPDATE, PreventUpdate } from '../../src/runtime/sentinels.js';
import { Patch } from '../../src/runtime/patch.js';

/** A page made of plain values: `props["a.value"]`. */
class MapHost implements RuntimeHost {
  props = new Map<string, unknown>();
  errors: Array<{ name: string; error: Error }> = [];
  started: string[] = [];
  ended: string[] = [];
  rejected = new Set<string>();
  read(dep: Dependency) {
    return this.props.get(`${dep.id}.${dep.prop}`);
  }
  check(dep: Dependency, value: unknown) {
    if (this.rejected.has(`${dep.id}.${dep.prop}`)) throw new TypeError(`refused ${String(value)}`);
  }
  write(dep: Dependency, value: unknown) {
    this.props.set(`${dep.id}.${dep.prop}`, value);
  }
  onStart(cb: CallbackHandle) {
    this.started.push(cb.name);
  }
  onEnd(cb: CallbackHandle) {
    this.ended.push(cb.name);
  }
  onError(cb: CallbackHandle, error: Error) {
    this.errors.push({ name: cb.name, error });
  }
}

interface Spec {
  inputs: string;
  outputs: string;
  state?: string;
  preventInitialCall?: boolean;
  debounce?: number;
  fn: (...args: unknown[]) => unknown;
}

function setup(initial: Record<string, unknown> = {}) {
  const host = new MapHost();
  for (const [k, v] of Object.entries(initial)) host.props.set(k, v);
  const runtime = new CallbackRuntime(host);
  const calls: Array<{ name: string; args: unknown[]; call: CallbackCall }> = [];
  function add(spec: Spec, ready = true) {
    const outputs = parseDependencies(spec.outputs, 'outputs');
    const handle = runtime.register({
      name: spec.outputs,
      inputs: parseDependencies(spec.inputs, 'inputs'),
      outputs,
      state: parseDependencies(spec.state ?? '', 'state'),
      preventInitialCall: spec.preventInitialCall,
      debounce: spec.debounce,
      async invoke(call) {
        calls.push({ name: spec.outputs, args: [...call.inputs, ...call.state], call });
        const result = await spec.fn(...call.inputs, ...call.state, call);
        return outputs.length === 1 ? [result] : (result as unknown[]);
      },
    });
    runtime.setHostReady(handle, ready);
    return handle;
  }
  /** A person changes a property. */
  function change(key: string, value: unknown) {
    host.props.set(key, value);
    const dot = key.lastIndexOf('.');
    runtime.changed({ id: key.slice(0, dot), prop: key.slice(dot + 1) }, value);
  }
  const names = () => calls.map((c) => c.name);
  return { host, runtime, calls, add, change, names };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('callback runtime', () => {
  it('makes initial calls in chain order, each once, with triggered empty', async () => {
    const t = setup({ 'a.value': 1 });
    // Registered downstream-first on purpose.
    t.add({ inputs: 'b.value', outputs: 'c.value', fn: (b) => `c(${b})` });
    t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => `b(${a})` });
    await settle();
    assert.deepEqual(t.names(), ['b.value', 'c.value']);
    assert.equal(t.host.props.get('c.value'), 'c(b(1))');
    assert.deepEqual(t.calls[0].call.triggered, []);
  });

  it('does not make the initial call with prevent-initial-call, but runs on a change', async () => {
    const t = setup({ 'a.value': 1 });
    t.add({ inputs: 'a.value', outputs: 'b.value', preventInitialCall: true, fn: (a) => a });
    await settle();
    assert.deepEqual(t.names(), []);
    t.change('a.value', 2);
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
    assert.deepEqual(t.calls[0].call.triggered, [{ id: 'a', prop: 'value', prop_id: 'a.value', value: 2 }]);
  });

  it('runs a diamond glitch-free: the join runs once, after both branches, with fresh inputs', async () => {
    const t = setup({ 'x.value': 1 });
    t.add({ inputs: 'x.value', outputs: 'y.value', fn: async (x) => (await settle(), `y${x}`) });
    t.add({ inputs: 'x.value', outputs: 'z.value', fn: (x) => `z${x}` });
    t.add({ inputs: 'y.value, z.value', outputs: 'j.value', fn: (y, z) => `${y}+${z}` });
    await settle();
    await settle();
    t.calls.length = 0;
    t.change('x.value', 2);
    await settle();
    await settle();
    assert.deepEqual(t.names().filter((n) => n === 'j.value'), ['j.value']);
    assert.equal(t.host.props.get('j.value'), 'y2+z2');
    const join = t.calls.find((c) => c.name === 'j.value')!;
    assert.deepEqual(join.call.triggered.map((tr) => tr.prop_id), ['y.value', 'z.value']);
  });

  it('never runs a callback before a deeper producer of its inputs has settled', async () => {
    // y → A → x → C → z, and B reads y and z directly.
    const t = setup({ 'y.value': 0 });
    t.add({ inputs: 'y.value', outputs: 'x.value', fn: async (y) => (await settle(), `x${y}`) });
    t.add({ inputs: 'x.value', outputs: 'z.value', fn: async (x) => (await settle(), `z(${x})`) });
    t.add({ inputs: 'y.value, z.value', outputs: 'b.value', fn: (y, z) => `${y}/${z}` });
    for (let i = 0; i < 6; i++) await settle();
    t.calls.length = 0;
    t.change('y.value', 1);
    for (let i = 0; i < 6; i++) await settle();
    const bCalls = t.calls.filter((c) => c.name === 'b.value');
    assert.equal(bCalls.length, 1);
    assert.deepEqual(bCalls[0].args, [1, 'z(x1)']);
  });

  it('skips consumers when a producer returns NO_UPDATE, and leaves that output alone', async () => {
    const t = setup({ 'a.value': 1, 'b.value': 'kept' });
    t.add({ inputs: 'a.value', outputs: 'b.value', preventInitialCall: true, fn: () => NO_UPDATE });
    t.add({ inputs: 'b.value', outputs: 'c.value', preventInitialCall: true, fn: (b) => b });
    await settle();
    t.change('a.value', 2);
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
    assert.equal(t.host.props.get('b.value'), 'kept');
  });

  it('NO_UPDATE in one place of several outputs writes the others', async () => {
    const t = setup({ 'a.value': 1, 'b.value': 'b0', 'c.value': 'c0' });
    t.add({ inputs: 'a.value', outputs: 'b.value, c.value', fn: (a) => [NO_UPDATE, `c${a}`] });
    await settle();
    assert.equal(t.host.props.get('b.value'), 'b0');
    assert.equal(t.host.props.get('c.value'), 'c1');
  });

  it('PreventUpdate leaves every output alone and is not an error', async () => {
    const t = setup({ 'a.value': 1, 'b.value': 'b0' });
    t.add({
      inputs: 'a.value',
      outputs: 'b.value',
      fn: () => {
        throw new PreventUpdate();
      },
    });
    await settle();
    assert.equal(t.host.props.get('b.value'), 'b0');
    assert.deepEqual(t.host.errors, []);
  });

  it('ignores deep-equal changes', async () => {
    const t = setup({ 'a.value': { x: [1, 2] } });
    t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => a });
    await settle();
    t.calls.length = 0;
    t.change('a.value', { x: [1, 2] });
    await settle();
    assert.deepEqual(t.names(), []);
    t.change('a.value', { x: [1, 3] });
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
  });

  it('latest wins: a superseded call is aborted and its late result never applied', async () => {
    const t = setup({ 'a.value': 0 });
    const pending: Array<{ value: unknown; d: ReturnType<typeof deferred<string>> }> = [];
    t.add({
      inputs: 'a.value',
      outputs: 'b.value',
      preventInitialCall: true,
      fn: (a) => {
        const d = deferred<string>();
        pending.push({ value: a, d });
        return d.promise;
      },
    });
    await settle();
    t.change('a.value', 1);
    await settle();
    t.change('a.value', 2);
    await settle();
    assert.equal(t.calls.length, 2);
    assert.equal(t.calls[0].call.signal.aborted, true);
    assert.equal(t.calls[1].call.signal.aborted, false);
    pending[1].d.resolve('second');
    await settle();
    pending[0].d.resolve('first');
    await settle();
    assert.equal(t.host.props.get('b.value'), 'second');
  });

  it('a callback with the same prop as input and output settles without looping', async () => {
    const t = setup({ 'slider.value': 5, 'box.value': 5 });
    t.add({
      inputs: 'slider.value, box.value',
      outputs: 'slider.value, box.value',
      fn: (s, b, ctx) => {
        const id = (ctx as CallbackCall).triggered[0]?.id;
        const v = id === 'box' ? b : s;
        return [v, v];
      },
    });
    await settle();
    t.calls.length = 0;
    t.change('box.value', 7);
    await settle();
    await settle();
    assert.equal(t.calls.length, 1);
    assert.equal(t.host.props.get('slider.value'), 7);
  });

  it('reports a cycle naming it, does not run its callbacks, and runs the others', async () => {
    const t = setup({ 'x.value': 1, 'q.value': 1 });
    t.add({ inputs: 'x.value', outputs: 'y.value', fn: (x) => x });
    t.add({ inputs: 'y.value', outputs: 'x.value', fn: (y) => y });
    t.add({ inputs: 'q.value', outputs: 'r.value', fn: (q) => `r${q}` });
    await settle();
    assert.deepEqual(t.names(), ['r.value']);
    assert.equal(t.host.errors.length, 2);
    assert.ok(t.host.errors.every((e) => e.error instanceof CycleError));
    assert.match(t.host.errors[0].error.message, /Circular dependency: (x\.value → y\.value → x\.value|y\.value → x\.value → y\.value)/);
  });

  it('finds a cycle among callbacks that also feed and read others, in a page of many, and only that cycle', async () => {
    const t = setup({ 'a.value': 1, 'src.value': 0 });
    // a → b → c → a, with a branch off the loop (c → d) and one into it (src → b).
    t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => a });
    t.add({ inputs: 'b.value, src.value', outputs: 'c.value', fn: (b) => b });
    t.add({ inputs: 'c.value', outputs: 'a.value, d.value', fn: (c) => [c, c] });
    t.add({ inputs: 'd.value', outputs: 'e.value', fn: (d) => d });
    for (let i = 0; i < 200; i++) t.add({ inputs: `in${i}.value`, outputs: `out${i}.value`, fn: () => i });
    await settle();
    assert.equal(t.host.errors.length, 3);
    assert.match(t.host.errors[0].error.message, /^Circular dependency: (a|b|c)\.value → (a|b|c)\.value → (a|b|c)\.value → (a|b|c)\.value$/);
    assert.equal(t.names().length, 201);
    assert.ok(!t.names().includes('b.value'));
  });

  it('lets several callbacks write one output, each applied when it finishes', async () => {
    const t = setup({ 'a.value': 0, 'b.value': 0 });
    t.add({ inputs: 'a.value', outputs: 'out.value', preventInitialCall: true, fn: (a) => `from a ${a}` });
    t.add({ inputs: 'b.value', outputs: 'out.value', preventInitialCall: true, fn: (b) => `from b ${b}` });
    await settle();
    t.change('a.value', 1);
    await settle();
    assert.equal(t.host.props.get('out.value'), 'from a 1');
    t.change('b.value', 1);
    await settle();
    assert.equal(t.host.props.get('out.value'), 'from b 1');
  });

  it('waits for missing elements, then makes the initial call; unregistered callbacks stop', async () => {
    const t = setup({ 'a.value': 1 });
    const handle = t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => a }, false);
    await settle();
    assert.deepEqual(t.names(), []);
    t.runtime.setHostReady(handle, true);
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
    t.runtime.unregister(handle);
    t.change('a.value', 2);
    await settle();
    assert.equal(t.calls.length, 1);
  });

  it('an unregistered producer releases the callbacks waiting on it', async () => {
    const t = setup({ 'a.value': 1 });
    const never = deferred<unknown>();
    const producer = t.add({ inputs: 'a.value', outputs: 'b.value', preventInitialCall: true, fn: () => never.promise });
    t.add({ inputs: 'a.value, b.value', outputs: 'c.value', preventInitialCall: true, fn: (a) => `c${a}` });
    await settle();
    t.change('a.value', 2);
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
    t.runtime.unregister(producer);
    await settle();
    assert.equal(t.host.props.get('c.value'), 'c2');
  });

  it('one failing callback reports an error, others run, and it runs again next time', async () => {
    const t = setup({ 'a.value': 1 });
    let fail = true;
    t.add({
      inputs: 'a.value',
      outputs: 'b.value',
      fn: (a) => {
        if (fail) throw new Error('boom');
        return a;
      },
    });
    t.add({ inputs: 'a.value', outputs: 'c.value', fn: (a) => a });
    await settle();
    assert.equal(t.host.errors.length, 1);
    assert.equal(t.host.errors[0].error.message, 'boom');
    assert.equal(t.host.props.get('c.value'), 1);
    assert.equal(t.host.props.get('b.value'), undefined);
    fail = false;
    t.change('a.value', 2);
    await settle();
    assert.equal(t.host.props.get('b.value'), 2);
  });

  it('writes nothing when the host rejects one output value', async () => {
    const t = setup({ 'a.value': 1 });
    t.host.rejected.add('bad.value');
    t.add({ inputs: 'a.value', outputs: 'ok.value, bad.value', fn: (a) => [a, a] });
    await settle();
    assert.equal(t.host.props.get('ok.value'), undefined);
    assert.match(t.host.errors[0].error.message, /refused/);
  });

  it('runs independent callbacks concurrently', async () => {
    const t = setup({ 'a.value': 1, 'b.value': 1 });
    const gates = [deferred<unknown>(), deferred<unknown>()];
    t.add({ inputs: 'a.value', outputs: 'x.value', fn: () => gates[0].promise });
    t.add({ inputs: 'b.value', outputs: 'y.value', fn: () => gates[1].promise });
    await settle();
    assert.deepEqual(t.host.started.sort(), ['x.value', 'y.value']);
    gates[0].resolve(1);
    gates[1].resolve(2);
    await settle();
    assert.deepEqual(t.host.ended.sort(), ['x.value', 'y.value']);
  });

  it('debounce calls once after quiet, with every changed input; initial calls are not delayed', async () => {
    const t = setup({ 'a.value': 0 });
    t.add({ inputs: 'a.value', outputs: 'b.value', debounce: 40, fn: (a) => a });
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
    t.change('a.value', 1);
    t.change('a.value', 2);
    t.change('a.value', 3);
    await settle();
    assert.equal(t.calls.length, 1);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.calls.length, 2);
    assert.deepEqual(t.calls[1].args, [3]);
  });

  it('passes state values without being triggered by them', async () => {
    const t = setup({ 'btn.n_clicks': 0, 'name.value': 'Ada' });
    t.add({ inputs: 'btn.n_clicks', state: 'name.value', outputs: 'out.children', preventInitialCall: true, fn: (n, name) => `${name} ${n}` });
    await settle();
    t.change('name.value', 'Grace');
    await settle();
    assert.equal(t.calls.length, 0);
    t.change('btn.n_clicks', 1);
    await settle();
    assert.equal(t.host.props.get('out.children'), 'Grace 1');
  });

  it('treats n_clicks and nClicks as one property', async () => {
    const t = setup({ 'btn.nClicks': 0, 'btn.n_clicks': 0 });
    t.add({ inputs: 'btn.n_clicks', outputs: 'out.value', preventInitialCall: true, fn: (n) => n });
    await settle();
    t.host.props.set('btn.n_clicks', 3);
    t.runtime.changed({ id: 'btn', prop: 'nClicks' }, 3);
    await settle();
    assert.equal(t.host.props.get('out.value'), 3);
  });

  it('applies a Patch without changing the list the function returned; readers get an output as the host holds it after writing', async () => {
    const t = setup({ 'a.value': 1, 'c.value': { items: [1] } });
    const write = t.host.write.bind(t.host);
    // The host caps numbers at 10, as an element may correct a value it is given.
    t.host.write = (dep, value) => write(dep, typeof value === 'number' ? Math.min(value, 10) : value);
    const returned: unknown[][] = [];
    t.add({
      inputs: 'a.value',
      outputs: 'b.value, c.value',
      fn: (a) => {
        const list = [(a as number) * 100, new Patch().append(['items'], a)];
        returned.push(list);
        return list;
      },
    });
    t.add({ inputs: 'b.value', outputs: 'd.value', fn: (b) => b });
    await settle();
    assert.equal(t.host.props.get('b.value'), 10);
    assert.deepEqual(t.host.props.get('c.value'), { items: [1, 1] });
    assert.equal(t.host.props.get('d.value'), 10);
    assert.equal(returned[0][0], 100);
    assert.ok(returned[0][1] instanceof Patch, 'the Patch the function returned is still in its list');
    t.change('a.value', 2);
    await settle();
    assert.deepEqual(t.host.props.get('c.value'), { items: [1, 1, 2] });
    assert.equal(t.host.props.get('d.value'), 10);
  });

  it('forgets the last value of a property nobody reads any more: a later reader sees a change back to it', async () => {
    const t = setup({ 'a.value': 1 });
    const first = t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => a });
    await settle();
    t.change('a.value', 2);
    await settle();
    t.runtime.unregister(first);
    t.change('a.value', 5); // no reader: nothing runs
    t.add({ inputs: 'a.value', outputs: 'c.value', fn: (a) => a });
    await settle();
    assert.equal(t.host.props.get('c.value'), 5);
    t.change('a.value', 2); // 5 → 2 is a change, though 2 was the value the first reader last saw
    await settle();
    assert.equal(t.host.props.get('c.value'), 2);
    assert.deepEqual(t.names(), ['b.value', 'b.value', 'c.value', 'c.value']);
  });

  it('a callback made ready, unready and ready again before a flush makes one initial call; one unregistered before it makes none', async () => {
    const t = setup({ 'a.value': 1, 'p.value': 1 });
    const twice = t.add({ inputs: 'a.value', outputs: 'b.value', fn: (a) => a });
    t.runtime.setHostReady(twice, false);
    t.runtime.setHostReady(twice, true);
    const gone = t.add({ inputs: 'p.value', outputs: 'q.value', fn: (p) => p });
    t.runtime.unregister(gone);
    await settle();
    assert.deepEqual(t.names(), ['b.value']);
  });

  it('a cycle broken by unregistering one of its callbacks wires the others anew, each with one initial call', async () => {
    const t = setup({ 'x.value': 1, 'y.value': 2 });
    const xy = t.add({ inputs: 'x.value', outputs: 'y.value', fn: (x) => `xy ${x}` });
    const yx = t.add({ inputs: 'y.value', outputs: 'x.value', fn: (y) => y });
    await settle();
    assert.deepEqual(t.names(), []);
    t.runtime.unregister(yx);
    await settle();
    assert.deepEqual(t.names(), ['y.value']);
    assert.equal(t.host.props.get('y.value'), 'xy 1');
    assert.ok(xy.active);
    // Closed again, and broken the other way: the other callback comes back.
    const back = t.add({ inputs: 'y.value', outputs: 'x.value', fn: (y) => y });
    await settle();
    assert.ok(!xy.active && !back.active);
    t.runtime.unregister(xy);
    await settle();
    assert.deepEqual(t.names(), ['y.value', 'x.value']);
  });

  it('finds a cycle closed over several flushes, and breaking it leaves another cycle broken off', async () => {
    const t = setup({ 'x.value': 1, 'p.value': 1 });
    t.add({ inputs: 'p.value', outputs: 'q.value', fn: (p) => p });
    t.add({ inputs: 'q.value', outputs: 'p.value', fn: (q) => q });
    t.add({ inputs: 'x.value', outputs: 'y.value', fn: (x) => x });
    for (let i = 0; i < 100; i++) t.add({ inputs: `in${i}.value`, outputs: `out${i}.value`, fn: () => i });
    await settle();
    assert.equal(t.names().length, 101);
    t.add({ inputs: 'y.value', outputs: 'z.value', fn: (y) => y });
    await settle();
    assert.equal(t.names().length, 102);
    assert.equal(t.host.errors.length, 2, 'p ↔ q only');
    const closing = t.add({ inputs: 'z.value', outputs: 'x.value', fn: (z) => z });
    await settle();
    assert.equal(t.host.errors.length, 5);
    assert.match(t.host.errors[4].error.message, /^Circular dependency: [xyz]\.value → [xyz]\.value → [xyz]\.value → [xyz]\.value$/);
    t.runtime.unregister(closing);
    await settle();
    // x → y → z is wired again (its initial calls, in chain order); p ↔ q is still a cycle and never runs.
    assert.deepEqual(t.names().slice(102), ['y.value', 'z.value']);
    assert.ok(!t.names().includes('p.value') && !t.names().includes('q.value'));
  });

  it('wires a 10,000-callback chain and propagates one change through all of it once', async () => {
    const t = setup({ 'n0.value': 0 });
    for (let i = 0; i < 10_000; i++) {
      t.add({ inputs: `n${i}.value`, outputs: `n${i + 1}.value`, preventInitialCall: true, fn: (v) => (v as number) + 1 });
    }
    t.runtime.flush();
    t.change('n0.value', 1);
    for (let i = 0; i < 5 && t.host.props.get('n10000.value') === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(t.host.props.get('n10000.value'), 10_001);
    assert.equal(t.calls.length, 10_000);
  });
});

describe('parseDependencies', () => {
  it('splits at the last dot and trims', () => {
    assert.deepEqual(parseDependencies(' a.value , my.app.graph.figure ', 'inputs'), [
      { id: 'a', prop: 'value' },
      { id: 'my.app.graph', prop: 'figure' },
    ]);
  });
  it('rejects malformed entries with a message quoting them', () => {
    assert.throws(() => parseDependencies('a.value, nodot', 'inputs'), /inputs: "nodot" is not of the form ID\.PROP/);
    assert.throws(() => parseDependencies('a.', 'outputs'), /outputs: "a\." is not of the form/);
    assert.throws(() => parseDependencies('a.1x', 'state'), /not a property name/);
  });
});
