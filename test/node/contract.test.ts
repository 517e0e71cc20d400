// One callback contract for the page and dash-elements/server (docs/callbacks.md): one table of
// dependency lists fed to both sides, one property identity, one rule for "one value per output",
// one ctx shape.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DependencyError, canonicalProp, depKey, parseDependencies, sameProp } from '../../src/runtime/dependency.js';
import { checkCallbackDependencies } from '../../src/runtime/pattern-matching.js';
import { valuesPerOutput, triggeredIdOf, triggeredInput } from '../../src/runtime/context.js';
import { readPropId } from '../../src/runtime/protocol.js';
import { NO_UPDATE } from '../../src/runtime/sentinels.js';
import { createDashServer } from '../../src/server/index.js';
import { dependencyCases } from '../fixtures/dependency-cases.js';

/** What the page does with `<dash-callback inputs="…" outputs="out.children">` (the scope checks the wildcard rules). */
function pageParse(inputs: string) {
  const parsed = parseDependencies(inputs, 'inputs');
  checkCallbackDependencies({ inputs: parsed, outputs: [{ id: 'out', prop: 'children' }], state: [] });
  return parsed;
}

/** What the server does with `dash.callback({inputs, outputs: 'out.children'})`; returns what it registered. */
function serverParse(inputs: string) {
  const dash = createDashServer();
  dash.callback({ outputs: 'out.children', inputs }, () => 1);
  return dash.dependencies()[0].inputs.map(({ id, property }) => ({ id, prop: property }));
}

describe('one parser of dependency lists, page and server', () => {
  for (const { name, inputs, expect } of dependencyCases) {
    it(`${name}: ${JSON.stringify(inputs)}`, () => {
      for (const [side, parse] of [
        ['page', pageParse],
        ['server', serverParse],
      ] as const) {
        if (Array.isArray(expect)) {
          assert.deepEqual(parse(inputs), expect, side);
        } else {
          assert.throws(() => parse(inputs), (error: Error) => {
            assert.ok(error instanceof DependencyError, `${side} throws a DependencyError`);
            assert.ok(error instanceof TypeError, `${side}: a DependencyError is a TypeError`);
            assert.equal(error.message, expect.error, side);
            return true;
          });
        }
      }
    });
  }

  it('reads {id, prop} objects and arrays of entries the same as text', () => {
    assert.deepEqual(parseDependencies([{ id: 'a', prop: 'value' }, 'b.value, c.n_clicks'], 'inputs'), [
      { id: 'a', prop: 'value' },
      { id: 'b', prop: 'value' },
      { id: 'c', prop: 'n_clicks' },
    ]);
    assert.deepEqual(parseDependencies({ id: { type: 'item', index: 'ALL' }, prop: 'value' }, 'inputs'), [
      { id: '{"index":["ALL"],"type":"item"}', prop: 'value' },
    ]);
    assert.throws(() => parseDependencies(['a.value', ''], 'inputs'), { message: 'inputs: an empty entry in the list' });
    assert.throws(() => parseDependencies([{ id: 'a', prop: 'va-lue' }], 'inputs'), { message: 'inputs: "va-lue" in {"id":"a","prop":"va-lue"} is not a property name' });
  });

  it('reads wire ids (changedPropIds, output) with the same parser', () => {
    assert.deepEqual(readPropId('{"type":"item","index":1}.value'), { id: '{"index":1,"type":"item"}', prop: 'value' });
    assert.deepEqual(readPropId('btn.n_clicks'), { id: 'btn', prop: 'n_clicks' });
    assert.equal(readPropId('a.va-lue'), null);
    assert.equal(readPropId('nodot'), null);
  });
});

describe('one property identity', () => {
  it('treats both spellings and any @hash as one property', () => {
    assert.equal(canonicalProp('page_current'), 'pageCurrent');
    assert.equal(canonicalProp('n_clicks'), 'nClicks');
    assert.equal(canonicalProp('figure@a1b2'), 'figure');
    assert.equal(canonicalProp('n_clicks@x9'), 'nClicks');
    assert.equal(depKey({ id: 't', prop: 'page_current' }), depKey({ id: 't', prop: 'pageCurrent' }));
    assert.equal(depKey({ id: 'g', prop: 'figure@a1b2' }), depKey({ id: 'g', prop: 'figure' }));
    assert.ok(sameProp('selected_rows', 'selectedRows'));
    assert.ok(!sameProp('value', 'values'));
  });

  it('the server refuses a second callback for an output written another way', () => {
    const dash = createDashServer();
    dash.callback({ outputs: 'g.figure', inputs: 'a.value' }, () => 1);
    assert.throws(() => dash.callback({ outputs: 'g.figure@a1b2', inputs: 'b.value' }, () => 1), /already have a callback/);
  });
});

describe('one value per output', () => {
  const cases: Array<[string, unknown, number, boolean, unknown[] | string]> = [
    ['one output takes the value as it is', [1, 2], 1, false, [[1, 2]]],
    ['a list of one output takes an array of one', [7], 1, true, [7]],
    ['several outputs take an array as long', ['a', 'b'], 2, true, ['a', 'b']],
    ['NO_UPDATE alone leaves every output', NO_UPDATE, 2, true, [NO_UPDATE, NO_UPDATE]],
    ['no outputs: nothing is returned', undefined, 0, false, []],
    ['no outputs: a returned value is an error, as in Dash', 'oops', 0, false, 'a callback without outputs returned string; it should return nothing (use ctx.setProps)'],
    ['a short array is an error', ['a'], 2, true, 'expected an array of 2 values (one per output), got an array of 1'],
    ['a non-array is an error', 'a', 2, true, 'expected an array of 2 values (one per output), got string'],
    ['null is an error', null, 2, true, 'expected an array of 2 values (one per output), got null'],
  ];
  for (const [name, result, count, list, expected] of cases) {
    it(name, () => {
      if (typeof expected === 'string') assert.throws(() => valuesPerOutput(result, count, list), { name: 'TypeError', message: expected });
      else assert.deepEqual(valuesPerOutput(result, count, list), expected);
    });
  }
});

describe('one ctx shape', () => {
  it("triggered entries carry Dash's prop_id; triggeredId is the id (an object for an object id)", () => {
    const plain = triggeredInput({ id: 'btn', prop: 'n_clicks' }, 3);
    assert.deepEqual(plain, { id: 'btn', prop: 'n_clicks', prop_id: 'btn.n_clicks', value: 3 });
    assert.equal(triggeredIdOf([plain]), 'btn');
    assert.equal(triggeredIdOf([]), null);
    const object = triggeredInput({ id: '{"index":2,"type":"item"}', prop: 'value' }, 'x');
    assert.equal(object.prop_id, '{"index":2,"type":"item"}.value');
    assert.deepEqual(triggeredIdOf([object]), { index: 2, type: 'item' });
  });
});
