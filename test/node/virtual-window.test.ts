import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewportWindow } from '../../src/internal/virtual-window.js';

test('a list that is never scaled (the dropdown): rows in view plus overscan, at their own offsets', () => {
  // 100,000 options of 35px, 200px tall, scrolled to option 1000
  const win = viewportWindow(100_000, 35, 35_000, 200, 3, Infinity);
  assert.equal(win.bodyHeight, 3_500_000);
  assert.equal(win.start, 997);
  assert.ok(win.end >= 1000 + Math.ceil(200 / 35) && win.end <= 1000 + Math.ceil(200 / 35) + 1 + 3);
  assert.equal(win.top, 997 * 35);
});

test('an empty or short list', () => {
  assert.deepEqual(viewportWindow(0, 35, 0, 200, 3, Infinity), { bodyHeight: 0, start: 0, end: 0, top: 0 });
  const short = viewportWindow(3, 35, 0, 200, 3, Infinity);
  assert.deepEqual([short.start, short.end], [0, 3]);
});
