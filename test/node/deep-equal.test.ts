import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepEqual } from '../../src/internal/deep-equal.js';

test('JSON-like values compare by structure', () => {
  assert.equal(deepEqual({ a: [1, { b: null }], d: new Date(5) }, { a: [1, { b: null }], d: new Date(5) }), true);
  assert.equal(deepEqual({ a: 1 }, { a: 2 }), false);
  assert.equal(deepEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 }), true);
  assert.equal(deepEqual([1, 2], { 0: 1, 1: 2 }), false);
});

test('other objects (files, maps, class instances) are equal only to themselves', () => {
  class Chosen {
    constructor(readonly name: string) {}
  }
  const a = new Blob(['a']);
  assert.equal(deepEqual(a, a), true);
  assert.equal(deepEqual(new Blob(['a']), new Blob(['b'])), false, 'a Blob keeps its contents off its own keys');
  assert.equal(deepEqual(new Map([[1, 1]]), new Map([[1, 2]])), false);
  assert.equal(deepEqual([new Chosen('x')], [new Chosen('x')]), false);
  assert.equal(deepEqual({ file: a }, { file: a }), true, 'the same object inside plain values is equal');
});
