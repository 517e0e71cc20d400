import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, dayNumber, toIsoDate, weekday } from '../../src/components/date-picker/date-math.js';
import { formatDate, parseDate } from '../../src/components/date-picker/date-format.js';

test('toIsoDate keeps a datetime to its date and refuses impossible dates', () => {
  assert.equal(toIsoDate('2024-03-05'), '2024-03-05');
  assert.equal(toIsoDate('2024-03-05T23:59:59-08:00'), '2024-03-05');
  assert.equal(toIsoDate('2024-03-05 01:00'), '2024-03-05');
  assert.equal(toIsoDate(null), null);
  assert.equal(toIsoDate(''), null);
  assert.equal(toIsoDate('2024-02-30'), undefined);
  assert.equal(toIsoDate('2023-02-29'), undefined);
  assert.equal(toIsoDate('2024-02-29'), '2024-02-29');
  assert.equal(toIsoDate('March 5'), undefined);
  assert.equal(toIsoDate(20240305), undefined);
});

test('day arithmetic crosses months, years and DST changes without drifting', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-03-10', 1), '2024-03-11'); // US DST starts
  assert.equal(addDays('2024-10-27', 1), '2024-10-28'); // EU DST ends
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2024-03-31', -13), '2023-02-28');
  assert.equal(addMonths('2024-11-15', 2), '2025-01-15');
  assert.equal(weekday('2024-03-05'), 2);
  assert.equal(weekday('1969-12-31'), 3);
  assert.equal(dayNumber('1970-01-02'), 1);
});

test('formatDate writes every moment token Dash documents', () => {
  const d = '2024-03-05';
  assert.equal(formatDate(d, 'YYYY-MM-DD', 'en'), '2024-03-05');
  assert.equal(formatDate(d, 'YY M D', 'en'), '24 3 5');
  assert.equal(formatDate(d, 'MMMM Do, YYYY', 'en'), 'March 5th, 2024');
  assert.equal(formatDate('2024-03-22', 'MMM Do', 'en'), 'Mar 22nd');
  assert.equal(formatDate('2024-03-13', 'Do', 'en'), '13th');
  assert.equal(formatDate(d, 'dddd ddd', 'en'), 'Tuesday Tue');
  assert.equal(formatDate('2024-11-01', 'Q', 'en'), '4');
  assert.equal(formatDate('1970-01-02', 'X', 'en'), '86400');
  assert.equal(formatDate(d, '[Day] D [of] MMMM', 'en'), 'Day 5 of March');
  assert.equal(formatDate(d, 'D MMMM YYYY', 'de'), '5 März 2024');
});

test('parseDate reads the display format back, ISO too, and refuses partial or impossible dates', () => {
  assert.equal(parseDate('05/03/2024', 'DD/MM/YYYY', 'en'), '2024-03-05');
  assert.equal(parseDate('5/3/24', 'D/M/YY', 'en'), '2024-03-05');
  assert.equal(parseDate('5/3/69', 'D/M/YY', 'en'), '1969-03-05');
  assert.equal(parseDate('march 5th,   2024', 'MMMM Do, YYYY', 'en'), '2024-03-05');
  assert.equal(parseDate('Tue Mar 5 2024', 'ddd MMM D YYYY', 'en'), '2024-03-05');
  assert.equal(parseDate('2024-3-5', 'DD/MM/YYYY', 'en'), '2024-03-05');
  assert.equal(parseDate('86400', 'X', 'en'), '1970-01-02');
  assert.equal(parseDate('Day 5 of March 2024', '[Day] D [of] MMMM YYYY', 'en'), '2024-03-05');
  assert.equal(parseDate('31/02/2024', 'DD/MM/YYYY', 'en'), null);
  assert.equal(parseDate('March 2024', 'MMMM YYYY', 'en'), null);
  assert.equal(parseDate('yesterday', 'DD/MM/YYYY', 'en'), null);
  assert.equal(parseDate('5 März 2024', 'D MMMM YYYY', 'de'), '2024-03-05');
});
