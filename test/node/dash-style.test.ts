import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cssPropertyName, dashStyle } from '../../src/internal/dash-style.js';

test('Dash style objects become CSS: keys as written, px for lengths, unitless properties bare', () => {
  assert.deepEqual(dashStyle({ zoom: 2, zIndex: 3, opacity: 0.5, fontWeight: 700, lineHeight: 1.5, flexGrow: 1 }), {
    zoom: '2',
    zIndex: '3',
    opacity: '0.5',
    fontWeight: '700',
    lineHeight: '1.5',
    flexGrow: '1',
  });
  assert.deepEqual(dashStyle({ width: 10, marginTop: -4, padding: 0, color: 'red' }), {
    width: '10px',
    marginTop: '-4px',
    padding: '0',
    color: 'red',
  });
});

test('kebab-case and custom properties are kept; numbers in custom properties stay bare', () => {
  assert.deepEqual(dashStyle({ 'border-top': '1px solid', '--gap': 4, 'z-index': 2 }), {
    'border-top': '1px solid',
    '--gap': '4',
    'z-index': '2',
  });
  assert.equal(cssPropertyName('backgroundColor'), 'background-color');
});

test('anything but an object is no style; values that are not strings or numbers are left out', () => {
  for (const bad of [null, undefined, 'color: red', 7, [1, 2]]) assert.deepEqual(dashStyle(bad), {});
  assert.deepEqual(dashStyle({ color: null, width: undefined, hidden: false, nested: { a: 1 }, height: 3 }), { height: '3px' });
});
