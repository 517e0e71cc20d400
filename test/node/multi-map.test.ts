// MultiMap (src/runtime/multi-map.ts): keys to sets of values, a lone value kept without a Set.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MultiMap } from '../../src/runtime/multi-map.js';

describe('MultiMap', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const c = { name: 'c' };
  const values = (map: MultiMap<string, { name: string }>, key: string) => [...map.get(key)].map((v) => v.name);

  it('holds each value once per key, in insertion order, and forgets a key left empty', () => {
    const map = new MultiMap<string, { name: string }>();
    assert.deepEqual(values(map, 'k'), []);
    assert.equal(map.has('k'), false);
    map.add('k', a);
    map.add('k', a);
    assert.deepEqual(values(map, 'k'), ['a']);
    map.add('k', b);
    map.add('k', c);
    assert.deepEqual(values(map, 'k'), ['a', 'b', 'c']);
    assert.equal(map.delete('k', b), false);
    assert.deepEqual(values(map, 'k'), ['a', 'c']);
    assert.equal(map.delete('k', a), false);
    assert.deepEqual(values(map, 'k'), ['c']);
    assert.equal(map.delete('k', a), false, 'a value not held changes nothing');
    assert.deepEqual(values(map, 'k'), ['c']);
    assert.equal(map.delete('k', c), true);
    assert.equal(map.has('k'), false);
    assert.deepEqual(values(map, 'k'), []);
  });

  it('keeps keys apart', () => {
    const map = new MultiMap<string, { name: string }>();
    map.add('x', a);
    map.add('y', a);
    map.add('y', b);
    map.delete('y', a);
    assert.deepEqual(values(map, 'x'), ['a']);
    assert.deepEqual(values(map, 'y'), ['b']);
  });
});
