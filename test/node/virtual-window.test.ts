import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reuseRows, viewportWindow } from '../../src/internal/virtual-window.js';

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

test('reuseRows: rows in both windows keep their element, rows scrolling in take the freed ones', () => {
  // down by 2 of 5: rows 12..14 keep elements 2..4, rows 15, 16 take 0, 1 (two moves to the end)
  assert.deepEqual(reuseRows(10, 5, 12, 5), [2, 3, 4, 0, 1]);
  // up by 2: rows 8, 9 take the bottom elements 3, 4 (two moves to the front)
  assert.deepEqual(reuseRows(10, 5, 8, 5), [3, 4, 0, 1, 2]);
  // a jump past the window: every element stays where it is and shows a new row
  assert.deepEqual(reuseRows(10, 5, 100, 5), [0, 1, 2, 3, 4]);
  // the window grows (first paint, a taller viewport) and shrinks (near the end)
  assert.deepEqual(reuseRows(0, 0, 0, 3), [-1, -1, -1]);
  assert.deepEqual(reuseRows(0, 3, 1, 4), [1, 2, 0, -1]);
  assert.deepEqual(reuseRows(10, 5, 12, 3), [2, 3, 4]);
});
