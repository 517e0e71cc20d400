/**
 * The two number helpers the slider classes need without their view (docs/slider.md, "What loads
 * when"): reading a number from a property, and clamping one. The rest of the value math is in
 * slider-math.ts, which loads with the view.
 */

/** A finite number from a number or numeric string; otherwise undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}
