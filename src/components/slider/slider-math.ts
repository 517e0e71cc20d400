/**
 * The value math of `<dash-slider>` and `<dash-range-slider>`, free of any DOM: bounds, the
 * default step, marks, snapping, keyboard steps, and how range handles cross or push each other.
 * Every function is pure; bad input is reported through the `warn(key, message)` callback.
 */

import { clamp, toNumber } from './slider-number.js';

export { clamp, toNumber };

export type Warn = (key: string, message: string) => void;

/** A mark as a page writes it: `"label"` or `{label, style}`. */
export type MarkInput = string | number | { label?: string | number; style?: Record<string, string | number> };
export type MarksInput = Record<string, MarkInput>;

export interface Mark {
  value: number;
  label: string;
  style?: Record<string, string | number>;
}

/** Everything snapping needs, resolved from the element's properties. */
export interface Scale {
  min: number;
  max: number;
  /** A positive number, or null: values snap to `points` (the marks) only. */
  step: number | null;
  /** Sorted, de-duplicated snap targets besides the step grid (the explicit marks). */
  points: number[];
  /** Decimal places values are rounded to, so 0.1 + 0.2 reads back as 0.3. */
  decimals: number;
}

const noWarn: Warn = () => {};

export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const text = String(n);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]) + (text.split('e')[0].split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

export function roundTo(n: number, decimals: number): number {
  return decimals > 0 ? Number(n.toFixed(Math.min(decimals, 15))) : Math.round(n);
}

/**
 * Marks as `{value, label, style}` sorted by value. Keys that are not numbers and labels of the
 * wrong shape are warned about and left out. `undefined` marks are not handled here (see autoMarks).
 */
export function parseMarks(marks: unknown, warn: Warn = noWarn): Mark[] {
  if (marks === null || marks === undefined) return [];
  if (typeof marks !== 'object' || Array.isArray(marks)) {
    warn('marks', 'marks must be an object {value: label | {label, style}}; ignoring it');
    return [];
  }
  const out: Mark[] = [];
  for (const [key, raw] of Object.entries(marks as Record<string, unknown>)) {
    const value = toNumber(key);
    if (value === undefined) {
      warn(`marks:${key}`, `marks key "${key}" is not a number; ignoring that mark`);
      continue;
    }
    if (typeof raw === 'string' || typeof raw === 'number') {
      out.push({ value, label: String(raw) });
    } else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const { label, style } = raw as { label?: unknown; style?: unknown };
      out.push({
        value,
        label: label === undefined || label === null ? '' : String(label),
        style: style && typeof style === 'object' && !Array.isArray(style) ? (style as Mark['style']) : undefined,
      });
    } else {
      warn(`marks:${key}`, `mark ${key} must be a label or {label, style}; ignoring it`);
    }
  }
  return out.sort((a, b) => a.value - b.value);
}

/**
 * `min`/`max` as Dash resolves them: unset bounds come from the marks, else 0 and 100.
 * Non-numbers are warned about and replaced; `min > max` is warned about and swapped.
 */
export function resolveBounds(min: unknown, max: unknown, marks: Mark[], warn: Warn = noWarn): { min: number; max: number } {
  let lo = toNumber(min);
  let hi = toNumber(max);
  if (lo === undefined && min !== null && min !== undefined) warn('min', `min ${JSON.stringify(min)} is not a number; using the default`);
  if (hi === undefined && max !== null && max !== undefined) warn('max', `max ${JSON.stringify(max)} is not a number; using the default`);
  lo ??= marks.length ? marks[0].value : 0;
  hi ??= marks.length ? marks[marks.length - 1].value : Math.max(100, lo);
  if (lo > hi) {
    warn('min>max', `min (${lo}) is greater than max (${hi}); swapping them`);
    [lo, hi] = [hi, lo];
  }
  return { min: lo, max: hi };
}

/** Dash's step when none is given: 1 for integer bounds, else a 1/2/5×10ⁿ near a hundredth of the range. */
export function defaultStep(min: number, max: number): number {
  if (Number.isInteger(min) && Number.isInteger(max)) return 1;
  const v = (Math.abs(max - min) + Number.EPSILON) / 100;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return [p, 2 * p, 5 * p].sort((a, b) => Math.abs(a - v) - Math.abs(b - v))[0];
}

/**
 * The step in force: a positive number as given, `null` for marks only (needs marks in range),
 * `undefined` for the default. Anything else is warned about and the default used.
 */
export function resolveStep(step: unknown, min: number, max: number, markValues: number[], warn: Warn = noWarn): number | null {
  if (step === null) {
    if (markValues.length) return null;
    warn('step:null', 'step is null (snap to marks) but there are no marks in range; using the default step');
    return defaultStep(min, max);
  }
  if (step === undefined) return defaultStep(min, max);
  const n = toNumber(step);
  if (n === undefined || n <= 0) {
    warn('step', `step ${JSON.stringify(step)} must be a positive number or null; using the default`);
    return defaultStep(min, max);
  }
  return n;
}

/** Resolves everything snapping needs. `marks` are the explicit marks (already parsed). */
export function makeScale(min: unknown, max: unknown, step: unknown, marks: Mark[], warn: Warn = noWarn): Scale {
  const b = resolveBounds(min, max, marks, warn);
  const points = [...new Set(marks.map((m) => m.value).filter((v) => v >= b.min && v <= b.max))];
  const s = resolveStep(step, b.min, b.max, points, warn);
  const decimals = Math.max(decimalsOf(b.min), s === null ? 0 : decimalsOf(s), ...points.map(decimalsOf));
  return { min: b.min, max: b.max, step: s, points, decimals };
}

/** The allowed value nearest to `v`: a step-grid point (or max) or a mark; marks only when step is null. */
export function snap(v: number, scale: Scale): number {
  const { min, max, step, points } = scale;
  v = clamp(v, min, max);
  let best = NaN;
  let bestDist = Infinity;
  const consider = (p: number) => {
    const d = Math.abs(p - v);
    if (d < bestDist) {
      best = p;
      bestDist = d;
    }
  };
  if (step !== null) {
    const k = Math.round((v - min) / step);
    consider(clamp(roundTo(min + k * step, scale.decimals), min, max));
    consider(max);
  }
  for (const p of nearestPoints(points, v)) consider(p);
  return Number.isNaN(best) ? v : best;
}

/** The (up to two) sorted points around v, found by binary search. */
function nearestPoints(points: number[], v: number): number[] {
  if (!points.length) return [];
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? [points[lo - 1], points[lo]] : [points[lo]];
}

export type KeyMove = 'inc' | 'dec' | 'pageInc' | 'pageDec' | 'home' | 'end';

/**
 * The value after a keyboard move (APG slider): one step, a page (10 steps, or a tenth of the
 * marks), or an end. With `step = null` arrows go to the next or previous mark.
 */
export function keyStep(v: number, move: KeyMove, scale: Scale): number {
  const { min, max, step, points } = scale;
  if (move === 'home') return step === null ? points[0] : min;
  if (move === 'end') return step === null ? points[points.length - 1] : max;
  const up = move === 'inc' || move === 'pageInc';
  const page = move === 'pageInc' || move === 'pageDec';
  if (step === null) {
    const n = points.length;
    const jump = page ? Math.max(1, Math.round(n / 10)) : 1;
    // Index of the mark at or just past v in the moving direction.
    let i = up ? points.findIndex((p) => p > v) : findLastIndex(points, (p) => p < v);
    if (i < 0) return up ? points[n - 1] : points[0];
    i += up ? jump - 1 : -(jump - 1);
    return points[clamp(i, 0, n - 1)];
  }
  const steps = page ? Math.max(1, Math.round((max - min) / step / 10)) : 1;
  // Count whole steps from the grid point at (or just past) v, so off-grid values re-align.
  const k = (v - min) / step;
  const kNext = up ? Math.floor(k + 1e-9) + steps : Math.ceil(k - 1e-9) - steps;
  return clamp(roundTo(min + kNext * step, scale.decimals), min, max);
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** Position of a value along the track, 0–100. */
export function toPercent(v: number, scale: Pick<Scale, 'min' | 'max'>): number {
  const span = scale.max - scale.min;
  return span > 0 ? clamp(((v - scale.min) / span) * 100, 0, 100) : 0;
}

/** The raw (unsnapped) value at a fraction 0–1 along the track. */
export function fromFraction(f: number, scale: Pick<Scale, 'min' | 'max'>): number {
  return scale.min + clamp(f, 0, 1) * (scale.max - scale.min);
}

export interface RangeRules {
  allowCross: boolean;
  /** Minimum distance between neighbouring handles (value units); 0 for none. */
  pushable: number;
}

/**
 * Moves handle `index` to `target` (already snapped) under the range rules and returns the new
 * sorted values and where the moved handle ended up:
 * - `pushable > 0`: neighbours are pushed to keep that distance; handles never cross, and a
 *   handle stops where its neighbours can be pushed no further;
 * - `allowCross = false`: the handle stops at its neighbours;
 * - otherwise it may pass them, and the values are re-sorted (the moved handle's index follows).
 */
export function moveHandle(values: number[], index: number, target: number, scale: Scale, rules: RangeRules): { values: number[]; index: number } {
  const { min, max } = scale;
  const n = values.length;
  target = clamp(target, min, max);
  const fix = (x: number) => roundTo(x, scale.decimals);
  if (rules.pushable > 0) {
    const d = rules.pushable;
    const lowest = fix(min + index * d);
    const highest = fix(max - (n - 1 - index) * d);
    const next = values.slice();
    next[index] = lowest <= highest ? clamp(target, lowest, highest) : clamp(target, min, max);
    for (let j = index + 1; j < n; j++) if (next[j] < next[j - 1] + d) next[j] = fix(Math.min(max, next[j - 1] + d));
    for (let j = index - 1; j >= 0; j--) if (next[j] > next[j + 1] - d) next[j] = fix(Math.max(min, next[j + 1] - d));
    return { values: next, index };
  }
  if (!rules.allowCross) {
    const lo = index > 0 ? values[index - 1] : min;
    const hi = index < n - 1 ? values[index + 1] : max;
    const next = values.slice();
    next[index] = clamp(target, lo, hi);
    return { values: next, index };
  }
  const others = values.filter((_, i) => i !== index);
  const movingUp = target > values[index];
  let at = 0;
  while (at < others.length && (others[at] < target || (movingUp && others[at] === target))) at++;
  // Keep the handle's place among equal values when it has not moved past them.
  if (!movingUp && target === values[index]) at = Math.min(index, others.length);
  others.splice(at, 0, target);
  return { values: others, index: at };
}

/** The handle a track click at `v` should move: the nearest one (ties go toward the click). */
export function nearestHandle(values: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    const d = Math.abs(values[i] - v);
    const bd = Math.abs(values[best] - v);
    if (d < bd || (d === bd && values[i] === values[best] && v > values[i])) best = i;
  }
  return best;
}

/**
 * Marks Dash draws when `marks` is not given: about ten, on the step grid, plus min and max.
 * Labels are the plain numbers.
 */
export function autoMarks(scale: Scale, maxMarks = 11): Mark[] {
  const { min, max } = scale;
  const span = max - min;
  if (!(span > 0)) return [{ value: min, label: String(min) }];
  const step = scale.step ?? defaultStep(min, max);
  const ideal = span / (maxMarks - 1);
  // A 1/2/2.5/5×10ⁿ interval near the ideal, as a whole number of steps.
  const p = Math.pow(10, Math.floor(Math.log10(ideal)));
  const nice = [p, 2 * p, 2.5 * p, 5 * p, 10 * p].reduce((a, b) => (Math.abs(b - ideal) < Math.abs(a - ideal) ? b : a));
  const interval = Math.max(1, Math.round(nice / step)) * step;
  const values = [min];
  for (let v = min + interval; v < max - interval * 0.5; v += interval) values.push(roundTo(v, scale.decimals));
  values.push(max);
  return values.map((value) => ({ value, label: markLabel(value) }));
}

/** Plain numbers, large ones shortened as Dash does (`250000` → `250K`). */
function markLabel(v: number): string {
  return Math.abs(v) >= 1e4 ? new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 3 }).format(v) : String(v);
}

/** Dash's tooltip template: every `{value}` replaced by the value. */
export function formatTemplate(template: string | undefined, value: number): string {
  return template ? template.split('{value}').join(String(value)) : String(value);
}
