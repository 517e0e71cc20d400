import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  autoMarks,
  defaultStep,
  formatTemplate,
  keyStep,
  makeScale,
  moveHandle,
  nearestHandle,
  parseMarks,
  resolveBounds,
  snap,
  toNumber,
  toPercent,
} from '../../src/components/slider/slider-math.js';

function collect() {
  const warnings: string[] = [];
  return { warnings, warn: (_key: string, message: string) => warnings.push(message) };
}

test('toNumber accepts numbers and numeric strings only', () => {
  assert.equal(toNumber(3), 3);
  assert.equal(toNumber('2.5'), 2.5);
  assert.equal(toNumber(''), undefined);
  assert.equal(toNumber('x'), undefined);
  assert.equal(toNumber(NaN), undefined);
  assert.equal(toNumber(null), undefined);
});

test('parseMarks sorts, keeps styles, ignores bad keys and shapes with a warning', () => {
  const { warnings, warn } = collect();
  const marks = parseMarks({ 10: 'ten', x: 'bad', 2: { label: 'two', style: { color: 'red' } }, 5: 5, 7: [1] }, warn);
  assert.deepEqual(marks, [
    { value: 2, label: 'two', style: { color: 'red' } },
    { value: 5, label: '5' },
    { value: 10, label: 'ten' },
  ]);
  assert.equal(warnings.length, 2);
  assert.deepEqual(parseMarks(null), []);
  assert.deepEqual(parseMarks('nope', warn), []);
  assert.equal(warnings.length, 3);
});

test('bounds: from marks, else 0..100; min > max is swapped with a warning', () => {
  const marks = parseMarks({ 3: 'a', 9: 'b' });
  assert.deepEqual(resolveBounds(null, null, marks), { min: 3, max: 9 });
  assert.deepEqual(resolveBounds(null, null, []), { min: 0, max: 100 });
  assert.deepEqual(resolveBounds(200, null, []), { min: 200, max: 200 });
  const { warnings, warn } = collect();
  assert.deepEqual(resolveBounds(10, 0, [], warn), { min: 0, max: 10 });
  assert.deepEqual(resolveBounds('a', 5, [], warn), { min: 0, max: 5 });
  assert.equal(warnings.length, 2);
});

test('default step is 1 for integer bounds, else a 1/2/5×10ⁿ near range/100', () => {
  assert.equal(defaultStep(0, 10), 1);
  assert.equal(defaultStep(-50, 1000), 1);
  assert.equal(defaultStep(0, 0.5), 0.005);
  assert.equal(defaultStep(0, 2.5), 0.02);
  assert.equal(defaultStep(0.5, 100.5), 1);
});

test('snap: to the step grid, to marks, to max when it is off the grid', () => {
  const s = makeScale(0, 100, 10, parseMarks({ 33: 'x' }));
  assert.equal(snap(14, s), 10);
  assert.equal(snap(32, s), 33);
  assert.equal(snap(-5, s), 0);
  assert.equal(snap(500, s), 100);
  const off = makeScale(0, 95, 10, []);
  assert.equal(snap(94, off), 95);
  assert.equal(snap(88, off), 90);
  const dec = makeScale(0, 1, 0.1, []);
  assert.equal(snap(0.30000000000000004, dec), 0.3);
});

test('snap with step = null lands only on marks', () => {
  const s = makeScale(null, null, null, parseMarks({ 0: 'a', 10: 'b', 25: 'c', 100: 'd' }));
  assert.equal(s.step, null);
  assert.deepEqual([0, 4, 6, 17, 18, 60, 63, 99].map((v) => snap(v, s)), [0, 0, 10, 10, 25, 25, 100, 100]);
});

test('step = null with no marks falls back to the default step, warning', () => {
  const { warnings, warn } = collect();
  const s = makeScale(0, 10, null, [], warn);
  assert.equal(s.step, 1);
  assert.equal(warnings.length, 1);
});

test('keyStep: steps, pages, ends; re-aligns off-grid values', () => {
  const s = makeScale(0, 200, 2, []);
  assert.equal(keyStep(50, 'inc', s), 52);
  assert.equal(keyStep(50, 'dec', s), 48);
  assert.equal(keyStep(50, 'pageInc', s), 70);
  assert.equal(keyStep(5, 'pageDec', s), 0);
  assert.equal(keyStep(51, 'inc', s), 52);
  assert.equal(keyStep(51, 'dec', s), 50);
  assert.equal(keyStep(199, 'inc', s), 200);
  assert.equal(keyStep(200, 'inc', s), 200);
  assert.equal(keyStep(7, 'home', s), 0);
  assert.equal(keyStep(7, 'end', s), 200);
  const off = makeScale(0, 95, 10, []);
  assert.equal(keyStep(90, 'inc', off), 95);
  assert.equal(keyStep(95, 'dec', off), 90);
  const dec = makeScale(0, 1, 0.1, []);
  assert.equal(keyStep(0.2, 'inc', dec), 0.3);
});

test('keyStep with step = null goes mark to mark', () => {
  const marks = parseMarks(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i * 5, String(i)])));
  const s = makeScale(null, null, null, marks);
  assert.equal(keyStep(10, 'inc', s), 15);
  assert.equal(keyStep(12, 'inc', s), 15);
  assert.equal(keyStep(12, 'dec', s), 10);
  assert.equal(keyStep(10, 'pageInc', s), 20);
  assert.equal(keyStep(100, 'inc', s), 100);
  assert.equal(keyStep(0, 'dec', s), 0);
  assert.equal(keyStep(50, 'home', s), 0);
  assert.equal(keyStep(50, 'end', s), 100);
});

test('moveHandle with allowCross re-sorts and follows the moved handle', () => {
  const s = makeScale(0, 100, 1, []);
  const rules = { allowCross: true, pushable: 0 };
  assert.deepEqual(moveHandle([20, 40], 0, 60, s, rules), { values: [40, 60], index: 1 });
  assert.deepEqual(moveHandle([20, 40], 1, 10, s, rules), { values: [10, 20], index: 0 });
  assert.deepEqual(moveHandle([20, 40], 0, 40, s, rules), { values: [40, 40], index: 1 });
  assert.deepEqual(moveHandle([40, 40], 1, 40, s, rules), { values: [40, 40], index: 1 });
  assert.deepEqual(moveHandle([40, 40], 0, 39, s, rules), { values: [39, 40], index: 0 });
});

test('moveHandle without crossing stops at neighbours', () => {
  const s = makeScale(0, 100, 1, []);
  const rules = { allowCross: false, pushable: 0 };
  assert.deepEqual(moveHandle([20, 40, 60], 1, 90, s, rules).values, [20, 60, 60]);
  assert.deepEqual(moveHandle([20, 40, 60], 1, 0, s, rules).values, [20, 20, 60]);
  assert.deepEqual(moveHandle([20, 40], 0, -5, s, rules).values, [0, 40]);
});

test('moveHandle with pushable pushes neighbours and stops at the ends', () => {
  const s = makeScale(0, 100, 1, []);
  const rules = { allowCross: false, pushable: 10 };
  assert.deepEqual(moveHandle([20, 40, 90], 0, 75, s, rules).values, [75, 85, 95]);
  assert.deepEqual(moveHandle([20, 40, 90], 0, 95, s, rules).values, [80, 90, 100]);
  assert.deepEqual(moveHandle([20, 40, 90], 2, 0, s, rules).values, [0, 10, 20]);
  assert.deepEqual(moveHandle([20, 40, 90], 1, 35, s, rules).values, [20, 35, 90]);
  const dec = makeScale(0, 1, 0.1, []);
  assert.deepEqual(moveHandle([0.1, 0.2], 0, 0.2, dec, { allowCross: false, pushable: 0.1 }).values, [0.2, 0.3]);
});

test('nearestHandle picks the closest, and for stacked handles the side of the click', () => {
  assert.equal(nearestHandle([20, 80], 70), 1);
  assert.equal(nearestHandle([20, 80], 30), 0);
  assert.equal(nearestHandle([50, 50], 60), 1);
  assert.equal(nearestHandle([50, 50], 40), 0);
});

test('autoMarks: about ten marks on the step grid, including min and max', () => {
  const marks = autoMarks(makeScale(0, 100, 1, []));
  assert.deepEqual(marks.map((m) => m.value), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  const odd = autoMarks(makeScale(0, 23, 1, [])).map((m) => m.value);
  assert.equal(odd[0], 0);
  assert.equal(odd[odd.length - 1], 23);
  assert.ok(odd.length >= 5 && odd.length <= 13, String(odd));
  const big = autoMarks(makeScale(0, 1e6, 1, []));
  assert.ok(big.length <= 13);
});

test('template and percent', () => {
  assert.equal(formatTemplate('$ {value} ({value})', 5), '$ 5 (5)');
  assert.equal(formatTemplate(undefined, 5), '5');
  assert.equal(toPercent(25, { min: 0, max: 50 }), 50);
  assert.equal(toPercent(3, { min: 3, max: 3 }), 0);
});

test('autoMarks shortens large labels', () => {
  const labels = autoMarks(makeScale(0, 1e6, 1, [])).map((m) => m.label);
  assert.equal(labels[1], '100K');
  assert.equal(labels[labels.length - 1], '1M');
});
