// Dash's Patch (docs/callbacks.md, "Partial updates"): every operation, never mutating, and
// Dash's wire form both ways.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Patch, applyPatch, isPatch, isWirePatch } from '../../src/runtime/patch.js';
import { parseResponse } from '../../src/runtime/protocol.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const figure = () =>
  deepFreeze({
    data: [{ x: [1, 2, 3], y: [4, 5, 6], name: 'a' }],
    layout: { title: { text: 'Old' }, height: 300 },
  });

describe('Patch operations', () => {
  const cases: Array<[string, (p: Patch) => Patch, unknown, unknown]> = [
    ['assign by key path', (p) => p.assign(['layout', 'title', 'text'], 'New'), figure(), { ...figure(), layout: { title: { text: 'New' }, height: 300 } }],
    ['assign by index', (p) => p.assign([1], 'B'), ['a', 'b', 'c'], ['a', 'B', 'c']],
    ['assign creates a missing key', (p) => p.assign(['extra', 'deep'], 1), { a: 1 }, { a: 1, extra: { deep: 1 } }],
    ['assign at [] replaces the value', (p) => p.assign([], 7), { a: 1 }, 7],
    ['append', (p) => p.append(['data', 0, 'y'], 7), figure(), { ...figure(), data: [{ x: [1, 2, 3], y: [4, 5, 6, 7], name: 'a' }] }],
    ['prepend', (p) => p.prepend([], 0), [1, 2], [0, 1, 2]],
    ['extend', (p) => p.extend(['list'], [3, 4]), { list: [1, 2] }, { list: [1, 2, 3, 4] }],
    ['insert', (p) => p.insert([], 1, 'x'), ['a', 'b'], ['a', 'x', 'b']],
    ['insert at a negative index', (p) => p.insert([], -1, 'x'), ['a', 'b'], ['a', 'x', 'b']],
    ['remove every equal item', (p) => p.remove([], { v: 1 }), [{ v: 1 }, { v: 2 }, { v: 1 }], [{ v: 2 }]],
    ['clear a list', (p) => p.clear(['list']), { list: [1, 2] }, { list: [] }],
    ['clear an object', (p) => p.clear([]), { a: 1 }, {}],
    ['reverse', (p) => p.reverse([]), [1, 2, 3], [3, 2, 1]],
    ['merge', (p) => p.merge(['layout'], { height: 500, width: 400 }), figure(), { ...figure(), layout: { title: { text: 'Old' }, height: 500, width: 400 } }],
    ['delete a key', (p) => p.delete(['layout', 'height']), figure(), { ...figure(), layout: { title: { text: 'Old' } } }],
    ['delete an index', (p) => p.delete([0]), ['a', 'b'], ['b']],
    ['add to a number', (p) => p.add(['n'], 2), { n: 1 }, { n: 3 }],
    ['add to a string', (p) => p.add([], '!'), 'hi', 'hi!'],
    ['sub', (p) => p.sub(['n'], 2), { n: 1 }, { n: -1 }],
    ['mul', (p) => p.mul(['n'], 3), { n: 2 }, { n: 6 }],
    ['div', (p) => p.div(['n'], 4), { n: 2 }, { n: 0.5 }],
    ['a negative index in a location', (p) => p.assign(['list', -1], 'z'), { list: ['a', 'b'] }, { list: ['a', 'z'] }],
    ['operations in order', (p) => p.append([], 3).reverse([]).assign([0], 30), [1, 2], [30, 2, 1]],
  ];
  for (const [name, build, before, after] of cases) {
    it(name, () => {
      const current = deepFreeze(before);
      const snapshot = JSON.stringify(current);
      const patch = build(new Patch());
      assert.deepEqual(applyPatch(current, patch), after);
      // Never mutated (frozen: a write would throw) and unchanged.
      assert.equal(JSON.stringify(current), snapshot);
      // The same result through Dash's JSON.
      assert.deepEqual(applyPatch(current, JSON.parse(JSON.stringify(patch))), after);
    });
  }

  it('keeps what it did not touch by reference', () => {
    const current = figure();
    const next = applyPatch(current, new Patch().assign(['layout', 'title', 'text'], 'x')) as typeof current;
    assert.notEqual(next, current);
    assert.notEqual(next.layout, current.layout);
    assert.equal(next.data, current.data);
  });

  it('refuses undefined and operations that do not fit', () => {
    assert.throws(() => applyPatch(undefined, new Patch().append([], 1)), /cannot patch an undefined value/);
    assert.throws(() => applyPatch({ n: 'x' }, new Patch().sub(['n'], 1)), /Sub needs a number, found a string/);
    assert.throws(() => applyPatch({ list: 1 }, new Patch().append(['list'], 1)), /Append needs a list, found a number/);
    assert.throws(() => new Patch().append('data' as never, 1), /location first, as an array/);
  });
});

describe("Patch on Dash's wire", () => {
  // Written from Dash's dash/_patch.py format: {"operation", "location", "params"}.
  const dashJson = {
    __dash_patch_update: '__dash_patch_update',
    operations: [
      { operation: 'Assign', location: ['layout', 'title', 'text'], params: { value: 'New' } },
      { operation: 'Append', location: ['data', 0, 'y'], params: { value: 7 } },
      { operation: 'Insert', location: ['data', 0, 'x'], params: { value: 0, index: 0 } },
      { operation: 'Delete', location: ['layout', 'height'], params: {} },
      { operation: 'Merge', location: ['layout'], params: { value: { width: 10 } } },
    ],
  };

  it('serializes as Dash does', () => {
    const patch = new Patch()
      .assign(['layout', 'title', 'text'], 'New')
      .append(['data', 0, 'y'], 7)
      .insert(['data', 0, 'x'], 0, 0)
      .delete(['layout', 'height'])
      .merge(['layout'], { width: 10 });
    assert.equal(JSON.stringify(patch), JSON.stringify(dashJson));
    assert.ok(isPatch(patch));
    assert.ok(isWirePatch(JSON.parse(JSON.stringify(patch))));
  });

  it("reads a Dash server's patch in a response and in sideUpdate", () => {
    const parsed = parseResponse(
      { multi: true, response: { chart: { figure: dashJson } }, sideUpdate: { other: { data: dashJson } } },
      [{ id: 'chart', prop: 'figure' }],
    );
    assert.ok(parsed.values[0] instanceof Patch);
    assert.ok(parsed.sideUpdates!.other.data instanceof Patch);
    assert.deepEqual(applyPatch(figure(), parsed.values[0] as Patch), {
      data: [{ x: [0, 1, 2, 3], y: [4, 5, 6, 7], name: 'a' }],
      layout: { title: { text: 'New' }, width: 10 },
    });
  });

  it('rejects an unknown operation as a protocol error', () => {
    const bad = { __dash_patch_update: '__dash_patch_update', operations: [{ operation: 'Explode', location: [], params: {} }] };
    assert.throws(() => parseResponse({ multi: true, response: { c: { figure: bad } } }, [{ id: 'c', prop: 'figure' }]), /a patch in the answer is malformed/);
  });
});
