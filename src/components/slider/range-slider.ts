import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultTrueConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { SliderBase } from './slider-base.js';
import { clamp, toNumber } from './slider-number.js';
import type { RangeRules } from './slider-math.js';

/**
 * Dash's `dcc.RangeSlider`: two or more handles on one track. `value` is the sorted array of
 * handle values. With `allowCross` (default) a handle may pass another; `allow-cross="false"`
 * stops it at its neighbours; `pushable` keeps a minimum distance, pushing neighbours along.
 * Form-associated: each handle's value is submitted under `name`.
 *
 * @summary A slider with several handles, as Dash's `dcc.RangeSlider`.
 *
 * @fires input - While the user moves a handle (each new `dragValue`, and each keyboard step).
 * @fires change - When the user changes `value` (once per drag with `updatemode="mouseup"`).
 * @fires dash-prop-change - After any public property changes: `detail: {prop, value, user}`.
 *
 * @csspart track - The full track.
 * @csspart range - The included part of the track between neighbouring handles.
 * @csspart handle - A handle (`role="slider"`).
 * @csspart mark - A mark's label.
 * @csspart dot - A dot at a mark or step.
 * @csspart tooltip - The tooltip showing a handle's value.
 *
 * @cssprop --dash-slider-handle-size - Handle diameter (16px).
 * @cssprop --dash-slider-track-size - Track thickness (4px).
 * @cssprop --dash-slider-track-color - Track colour.
 * @cssprop --dash-slider-range-color - Included range colour (defaults to `--dash-accent-color`).
 * @cssprop --dash-slider-handle-color - Handle fill.
 * @cssprop --dash-slider-handle-border-color - Handle border (defaults to the range colour).
 * @cssprop --dash-slider-mark-color - Mark label colour.
 * @cssprop --dash-slider-tooltip-background - Tooltip background.
 * @cssprop --dash-slider-tooltip-color - Tooltip text colour.
 * @cssprop --dash-slider-vertical-height - Track length when `vertical` (400px, Dash's verticalHeight).
 * @cssprop --dash-focus-ring-color - Focus ring around a handle.
 * @cssprop --dash-accent-color - Accent shared by dash elements.
 *
 * @tagname dash-range-slider
 */
export class DashRangeSlider extends SliderBase {
  /**
   * The handle values in ascending order, e.g. `[20, 80]` (any number of handles). Unsorted
   * values are sorted (with a warning). `null` until set: `count + 1` handles from min to max.
   */
  @property({ converter: jsonOrStringConverter }) value: number[] | null = null;

  /** Dash's `count`: how many ranges, so `count + 1` handles while `value` is `null`. Default 1. */
  @property({ type: Number }) count = 1;

  /** The values while the user drags (streams during a drag; follows `value` otherwise). */
  @property({ attribute: 'drag-value', converter: jsonOrStringConverter }) dragValue: number[] | null = null;

  /** Whether a handle may pass its neighbours (turn off with `allow-cross="false"`). */
  @property({ attribute: 'allow-cross', converter: defaultTrueConverter }) allowCross = true;

  /**
   * Minimum distance between neighbouring handles, in value units; `true` (or the bare attribute)
   * is one step. Moving a handle pushes its neighbours; handles never cross.
   */
  @property({ converter: jsonOrStringConverter }) pushable: number | boolean = false;

  override checkProp(prop: string, value: unknown): void {
    super.checkProp(prop, value);
    if (prop === 'value' && value !== null && (!Array.isArray(value) || value.some((v) => toNumber(v) === undefined))) {
      throw new TypeError(`${this.describe()}: value must be an array of numbers or null`);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('count') && !(Number.isInteger(this.count) && this.count >= 1)) {
      this.warnOnce(`count:${this.count}`, `count must be a whole number of ranges, 1 or more, not ${JSON.stringify(this.getAttribute('count') ?? this.count)}; using 1`);
    }
    if (changed.has('value')) this.normalizeValue();
    super.willUpdate(changed);
  }

  /** `[]` becomes `null` and numbers out of order are sorted, each with a warning; other bad values are warned about when shown. */
  private normalizeValue(): void {
    const raw: unknown = this.value;
    if (!Array.isArray(raw)) return;
    if (raw.length === 0) {
      this.warnOnce('value:empty', 'value [] has no handles; using null (handles from min to max)');
      this.value = null;
      return;
    }
    const numbers = raw.map(toNumber);
    if (numbers.some((n) => n === undefined)) return;
    const sorted = (numbers as number[]).slice().sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== numbers[i])) {
      this.warnOnce(`value:unsorted:${JSON.stringify(raw)}`, `value ${JSON.stringify(raw)} is not in ascending order; using ${JSON.stringify(sorted)}`);
      this.value = sorted;
    }
  }

  /** Handles while `value` is null: `count + 1` of them, spread evenly from min to max. */
  private defaultValues(): number[] {
    const { min, max } = this.scale;
    const ranges = Number.isInteger(this.count) && this.count >= 1 ? this.count : 1;
    return Array.from({ length: ranges + 1 }, (_, i) => (i === 0 ? min : i === ranges ? max : this.snapped(min + ((max - min) * i) / ranges)));
  }

  /** @internal */
  override rangeRules(): RangeRules {
    const p: unknown = this.pushable;
    let d = 0;
    if (p === true || p === '' || p === 'true') d = this.scale.step ?? 0;
    else if (p !== false && p !== null && p !== undefined && p !== 'false') {
      const n = toNumber(p);
      if (n === undefined || n < 0) this.warnOnce('pushable', `pushable ${JSON.stringify(p)} must be a number or true; ignoring it`);
      else d = n;
    }
    const on = d > 0 || p === true || p === '' || p === 'true';
    return { allowCross: this.allowCross && !on, pushable: d };
  }

  /** @internal */
  override valuesFromProp(): number[] {
    const { min, max } = this.scale;
    const raw: unknown = this.value;
    if (raw === null || raw === undefined) return this.defaultValues();
    if (!Array.isArray(raw)) {
      this.warnOnce(`value:${String(raw)}`, `value ${JSON.stringify(raw)} is not an array of numbers; showing [min, max]`);
      return this.defaultValues();
    }
    const out: number[] = [];
    for (const item of raw) {
      const v = toNumber(item);
      if (v === undefined) {
        this.warnOnce(`value:item:${String(item)}`, `value entry ${JSON.stringify(item)} is not a number; ignoring it`);
      } else {
        if (v < min || v > max) this.warnOnce(`value:out:${v}:${min}:${max}`, `value ${v} is outside ${min}..${max}; showing it clamped`);
        out.push(clamp(v, min, max));
      }
    }
    return out.length ? out.sort((a, b) => a - b) : this.defaultValues();
  }

  protected override toProp(values: number[]): number[] {
    return values.slice();
  }

  /** @internal */
  override handleName(name: string, index: number, count: number): string {
    const which = count === 2 ? (index === 0 ? 'lower' : 'upper') : `${index + 1} of ${count}`;
    return name ? `${name} ${which}` : which;
  }

  protected override formValue(): FormData | null {
    if (!this.name || this.value === null || this.value === undefined) return null;
    const data = new FormData();
    for (const v of this.valuesFromProp()) data.append(this.name, String(v));
    return data;
  }
}
