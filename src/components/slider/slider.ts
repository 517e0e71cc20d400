import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { SliderBase } from './slider-base.js';
import { clamp, toNumber } from './slider-number.js';

/**
 * Dash's `dcc.Slider`: one handle on a track, with marks, steps (or marks only when
 * `step="null"`), dots, a tooltip, and a vertical layout. Drag it (mouse, touch, pen), click the
 * track, or use the keyboard (arrows, PageUp/PageDown, Home/End). Form-associated: submits `value`
 * under `name` and resets with its form.
 *
 * @summary A slider with a single handle, as Dash's `dcc.Slider`.
 *
 * @fires input - While the user moves the handle (each new `dragValue`, and each keyboard step).
 * @fires change - When the user changes `value` (once per drag with `updatemode="mouseup"`).
 * @fires dash-prop-change - After any public property changes: `detail: {prop, value, user}`.
 *
 * @csspart track - The full track.
 * @csspart range - The included part of the track (from `min` to the handle).
 * @csspart handle - The handle (`role="slider"`).
 * @csspart mark - A mark's label.
 * @csspart dot - A dot at a mark or step.
 * @csspart tooltip - The tooltip showing the value.
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
 * @cssprop --dash-focus-ring-color - Focus ring around the handle.
 * @cssprop --dash-accent-color - Accent shared by dash elements.
 *
 * @tagname dash-slider
 */
export class DashSlider extends SliderBase {
  /** The value (a number). `null` until set: the handle sits at `min`. Reflects. */
  @property({ converter: jsonOrStringConverter, reflect: true }) value: number | null = null;

  /** The value while the user drags (streams during a drag; follows `value` otherwise). */
  @property({ attribute: 'drag-value', converter: jsonOrStringConverter }) dragValue: number | null = null;

  override checkProp(prop: string, value: unknown): void {
    super.checkProp(prop, value);
    if (prop === 'value' && value !== null && toNumber(value) === undefined) {
      throw new TypeError(`${this.describe()}: value must be a number or null`);
    }
  }

  /** @internal */
  override valuesFromProp(): number[] {
    const { min, max } = this.scale;
    const raw: unknown = this.value;
    if (raw === null || raw === undefined) return [min];
    const v = toNumber(raw);
    if (v === undefined) {
      this.warnOnce(`value:${String(raw)}`, `value ${JSON.stringify(raw)} is not a number; showing min`);
      return [min];
    }
    if (v < min || v > max) {
      this.warnOnce(`value:out:${v}:${min}:${max}`, `value ${v} is outside ${min}..${max}; showing it clamped`);
      return [clamp(v, min, max)];
    }
    return [v];
  }

  protected override toProp(values: number[]): number {
    return values[0];
  }

  protected override formValue(): string | null {
    return this.value === null || this.value === undefined ? null : String(this.valuesFromProp()[0]);
  }
}
