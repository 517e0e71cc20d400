import { html, nothing, type ComplexAttributeConverter, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from '../../internal/style-map.js';
import { dashStyle } from '../../internal/dash-style.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { defaultTrueConverter, jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import {
  autoMarks,
  clamp,
  formatTemplate,
  fromFraction,
  keyStep,
  makeScale,
  moveHandle,
  nearestHandle,
  parseMarks,
  snap,
  toNumber,
  toPercent,
  type KeyMove,
  type Mark,
  type MarksInput,
  type RangeRules,
  type Scale,
} from './slider-math.js';
import { sliderStyles } from './slider.styles.js';
import { emitUserEdit } from '../../internal/events.js';

/** Dash's tooltip: `{alwaysVisible, placement, template}` (`always_visible` also accepted). */
export interface SliderTooltip {
  alwaysVisible?: boolean;
  always_visible?: boolean;
  placement?: 'left' | 'right' | 'top' | 'bottom' | 'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight';
  template?: string;
  /** Style for the tooltip (Dash's `tooltip.style`). */
  style?: Record<string, string | number>;
  /** Name of a function in `window.dccFunctions` that turns the value into the text shown. */
  transform?: string;
}

export type { MarksInput as SliderMarks };

interface Drag {
  pointerId: number;
  index: number;
  values: number[];
  /** Value under the pointer minus the handle's value when the drag began on a handle. */
  offset: number;
}

/** Like jsonOrStringConverter, but `null` (marks only) reflects as `step="null"`; unset removes it. */
const stepConverter: ComplexAttributeConverter<unknown> = {
  fromAttribute: jsonOrStringConverter.fromAttribute,
  toAttribute: (value: unknown) => (value === null ? 'null' : jsonOrStringConverter.toAttribute!(value)),
};

/**
 * What `<dash-slider>` and `<dash-range-slider>` share: properties, rendering, pointer and
 * keyboard handling, forms. Subclasses say how `value` maps to a list of handle values.
 */
export class SliderBase extends Persistent(DashFormElement, { props: ['value'] }) {
  static override styles = sliderStyles;

  /** Smallest value. Default: the smallest mark, else 0. */
  @property({ converter: jsonOrStringConverter, reflect: true }) min: number | null = null;

  /** Largest value. Default: the largest mark, else 100. */
  @property({ converter: jsonOrStringConverter, reflect: true }) max: number | null = null;

  /**
   * Distance between allowed values. Default (unset): 1 when `min` and `max` are integers, else a
   * 1/2/5×10ⁿ near a hundredth of the range. `null` (attribute `step="null"`): marks only.
   */
  @property({ converter: stepConverter, reflect: true }) step: number | null | undefined = undefined;

  /**
   * Marks `{value: label | {label, style}}`, drawn at their values; values also snap to them.
   * Unset: about ten marks are generated, as Dash does; `null` (attribute `marks="null"`): none.
   */
  @property({ converter: jsonConverter }) marks: MarksInput | null | undefined = undefined;

  /** `mouseup` (default): `value` changes once when a drag ends; `drag`: `value` follows the drag. */
  @property() updatemode: 'mouseup' | 'drag' = 'mouseup';

  /** `{alwaysVisible, placement, template}`; a tooltip shows the value (`template` with `{value}`). */
  @property({ converter: jsonConverter }) tooltip: SliderTooltip | null = null;

  /** Lays the slider out vertically (min at the bottom). */
  @property({ type: Boolean, reflect: true }) vertical = false;

  /** Draws a dot at every step. */
  @property({ type: Boolean }) dots = false;

  /** Highlights the part of the track that is included (turn off with `included="false"`). */
  @property({ converter: defaultTrueConverter }) included = true;

  @state() protected drag: Drag | null = null;
  @state() private focusIndex = -1;
  @state() private hoverIndex = -1;

  protected scale: Scale = makeScale(null, null, undefined, []);
  private explicitMarks: Mark[] = [];
  private shownMarks: Mark[] = [];
  private rtl = false;

  constructor() {
    super();
    // A <label for> click arrives as a click on the host itself: focus the (first) handle.
    this.addEventListener('click', (e) => {
      if (e.composedPath()[0] === this && !this.isDisabled) this.handleEl(0)?.focus();
    });
  }

  private handleEl(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.handle[data-index="${index}"]`);
  }

  override checkProp(prop: string, value: unknown): void {
    if ((prop === 'min' || prop === 'max') && value !== null && toNumber(value) === undefined) {
      throw new TypeError(`${this.describe()}: ${prop} must be a number`);
    }
    if (prop === 'step' && value !== null && !((toNumber(value) ?? 0) > 0)) {
      throw new TypeError(`${this.describe()}: step must be a positive number or null`);
    }
  }

  // ---- hooks for the two tags -------------------------------------------------------------

  /** Handle values from `value` (clamped, sorted); warns about bad input. */
  protected valuesFromProp(): number[] {
    return [this.scale.min];
  }

  /** The property shape (`number` or `number[]`) of a list of handle values. */
  protected toProp(values: number[]): unknown {
    return values[0];
  }

  protected rangeRules(): RangeRules {
    return { allowCross: true, pushable: 0 };
  }

  /** Accessible name of handle `index` of `count`, given the slider's own name. */
  protected handleName(name: string, _index: number, _count: number): string {
    return name;
  }

  // ---- state ------------------------------------------------------------------------------

  private warn = (key: string, message: string) => this.warnOnce(key, message);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('marks') || changed.has('min') || changed.has('max') || changed.has('step') || !this.hasUpdated) {
      this.explicitMarks = parseMarks(this.marks, this.warn);
      this.scale = makeScale(this.min, this.max, this.step, this.explicitMarks, this.warn);
      this.shownMarks =
        this.marks === undefined
          ? autoMarks(this.scale)
          : this.explicitMarks.filter((m) => m.value >= this.scale.min && m.value <= this.scale.max);
    }
    if (changed.has('updatemode') && this.updatemode !== 'mouseup' && this.updatemode !== 'drag') {
      this.warnOnce('updatemode', `updatemode must be "mouseup" or "drag", not ${JSON.stringify(this.updatemode)}; using "mouseup"`);
    }
    // dragValue follows value, except while a drag streams it (as Dash's drag_value does).
    const self = this as unknown as { value: unknown; dragValue: unknown };
    if (changed.has('value') && !this.drag && !deepEqual(self.dragValue, self.value)) {
      self.dragValue = typeof self.value === 'object' && self.value !== null ? structuredClone(self.value) : self.value;
    }
    super.willUpdate(changed);
  }

  /** The handle values on screen: the drag's while dragging, else from `value`. */
  protected get values(): number[] {
    return this.drag ? this.drag.values : this.valuesFromProp();
  }

  protected override restoreFormState(state: unknown): void {
    this.drag = null;
    super.restoreFormState(state);
  }

  /** Writes handle values as the user's change and fires the events (docs/conventions.md). */
  private commit(values: number[], live: boolean): void {
    const next = this.toProp(values);
    const dragChanged = this.setByUser('dragValue' as keyof this, next as this[keyof this]);
    const writeValue = !live || this.updatemode === 'drag';
    const valueChanged = writeValue && this.setByUser('value' as keyof this, structuredClone(next) as this[keyof this]);
    emitUserEdit(this, { input: dragChanged || valueChanged, change: valueChanged });
  }

  // ---- pointer ----------------------------------------------------------------------------

  private isRtl(): boolean {
    try {
      return this.matches(':dir(rtl)');
    } catch {
      return getComputedStyle(this).direction === 'rtl';
    }
  }

  /** The raw value under the pointer. */
  private valueAt(e: PointerEvent, el: HTMLElement): number {
    const r = el.getBoundingClientRect();
    let f = this.vertical ? (r.bottom - e.clientY) / r.height : (e.clientX - r.left) / r.width;
    if (!this.vertical && this.rtl) f = 1 - f;
    return fromFraction(f, this.scale);
  }

  private onPointerDown(e: PointerEvent): void {
    if (this.isDisabled || e.button !== 0 || this.drag) return;
    const el = e.currentTarget as HTMLElement;
    this.rtl = this.isRtl();
    const values = this.valuesFromProp();
    const raw = this.valueAt(e, el);
    const handle = (e.target as Element).closest<HTMLElement>('.handle');
    const onHandle = handle !== null;
    const index = onHandle ? Number(handle.dataset.index) : nearestHandle(values, raw);
    e.preventDefault();
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // A synthetic event's pointer cannot be captured; the drag still follows its moves.
    }
    this.drag = { pointerId: e.pointerId, index, values, offset: onHandle ? raw - values[index] : 0 };
    this.focusHandle(index);
    if (!onHandle) this.moveTo(snap(raw, this.scale));
  }

  private onPointerMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const raw = this.valueAt(e, e.currentTarget as HTMLElement) - drag.offset;
    this.moveTo(snap(raw, this.scale));
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const el = e.currentTarget as HTMLElement;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    this.drag = null;
    this.commit(drag.values, false);
  }

  /** Moves the dragged handle to `target` (snapped) and streams the change. */
  private moveTo(target: number): void {
    const drag = this.drag!;
    const moved = moveHandle(drag.values, drag.index, target, this.scale, this.rangeRules());
    if (moved.index !== drag.index) this.focusHandle(moved.index);
    if (deepEqual(moved.values, drag.values) && moved.index === drag.index) return;
    this.drag = { ...drag, values: moved.values, index: moved.index };
    this.commit(moved.values, true);
  }

  private focusHandle(index: number): void {
    this.focusIndex = index;
    void this.updateComplete.then(() => {
      this.handleEl(index)?.focus({ preventScroll: true });
    });
  }

  // ---- keyboard ---------------------------------------------------------------------------

  private onKeyDown(e: KeyboardEvent): void {
    if (this.isDisabled || this.drag) return;
    const index = Number((e.currentTarget as HTMLElement).dataset.index);
    const rtl = !this.vertical && this.isRtl();
    let move: KeyMove | undefined;
    switch (e.key) {
      case 'ArrowUp':
        move = 'inc';
        break;
      case 'ArrowDown':
        move = 'dec';
        break;
      case 'ArrowRight':
        move = rtl ? 'dec' : 'inc';
        break;
      case 'ArrowLeft':
        move = rtl ? 'inc' : 'dec';
        break;
      case 'PageUp':
        move = 'pageInc';
        break;
      case 'PageDown':
        move = 'pageDec';
        break;
      case 'Home':
        move = 'home';
        break;
      case 'End':
        move = 'end';
        break;
    }
    if (!move) return;
    e.preventDefault();
    const values = this.values;
    const moved = moveHandle(values, index, keyStep(values[index], move, this.scale), this.scale, this.rangeRules());
    if (moved.index !== index) this.focusHandle(moved.index);
    if (!deepEqual(moved.values, values)) this.commit(moved.values, false);
  }

  // ---- rendering --------------------------------------------------------------------------

  /** `left` (or `bottom` when vertical) for a value, mirrored right-to-left. */
  private pos(v: number): string {
    const p = toPercent(v, this.scale);
    return `${!this.vertical && this.rtl ? 100 - p : p}%`;
  }

  private at(v: number): Record<string, string> {
    return { [this.vertical ? 'bottom' : 'left']: this.pos(v) };
  }

  private span(a: number, b: number): Record<string, string> {
    const pa = toPercent(a, this.scale);
    const pb = toPercent(b, this.scale);
    const start = !this.vertical && this.rtl ? 100 - pb : pa;
    return this.vertical ? { bottom: `${pa}%`, height: `${pb - pa}%` } : { left: `${start}%`, width: `${pb - pa}%` };
  }

  private markStyle(m: Mark): Record<string, string> {
    return { ...dashStyle(m.style), ...this.at(m.value) };
  }

  /** The tooltip's text: Dash's `transform` (a `window.dccFunctions` name), then `template`. */
  private tipText(v: number): string {
    const tip = this.tooltip;
    let shown: unknown = v;
    if (tip?.transform) {
      const fn = (globalThis as { dccFunctions?: Record<string, unknown> }).dccFunctions?.[tip.transform];
      if (typeof fn === 'function') shown = fn(v);
      else this.warnOnce(`transform:${tip.transform}`, `tooltip.transform "${tip.transform}" is not a function in window.dccFunctions`);
    }
    return formatTemplate(tip?.template, shown as number);
  }

  private valueText(v: number): string | undefined {
    const mark = this.explicitMarks.find((m) => m.value === v);
    if (mark?.label) return mark.label;
    return this.tooltip?.template || this.tooltip?.transform ? this.tipText(v) : undefined;
  }

  private dotValues(): number[] {
    const { min, max, step } = this.scale;
    const out: number[] = [];
    if (step !== null) {
      const n = Math.floor((max - min) / step + 1e-9);
      if (n <= 1000) for (let k = 0; k <= n; k++) out.push(min + k * step);
    }
    for (const m of this.shownMarks) out.push(m.value);
    return out;
  }

  private tooltipPlacement(): string {
    const p = this.tooltip?.placement ?? (this.vertical ? 'left' : 'top');
    return p.startsWith('top') ? 'top' : p.startsWith('bottom') ? 'bottom' : p === 'left' || p === 'right' ? p : 'top';
  }

  protected override render(): TemplateResult {
    this.rtl = !this.vertical && this.isRtl();
    const values = this.values;
    const n = values.length;
    const { scale } = this;
    const disabled = this.isDisabled;
    const name = this.accessibleName();
    const rules = this.rangeRules();
    const noCross = n > 1 && (!rules.allowCross || rules.pushable > 0);
    const lo = n > 1 ? values[0] : scale.min;
    const hi = values[n - 1];
    const inRange = (v: number) => this.included && v >= lo && v <= hi;
    const tip = this.tooltip;
    const always = !!(tip && (tip.alwaysVisible ?? tip.always_visible));
    const segments = n > 1 ? values.slice(1).map((v, i) => [values[i], v]) : [[scale.min, values[0]]];
    return html`
      <div
        class="slider"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @lostpointercapture=${this.onPointerUp}
      >
        <div class="track" part="track"></div>
        ${this.included ? segments.map(([a, b]) => html`<div class="range" part="range" style=${styleMap(this.span(a, b))}></div>`) : nothing}
        ${this.dots || this.shownMarks.length
          ? (this.dots ? this.dotValues() : this.shownMarks.map((m) => m.value)).map(
              (v) => html`<span class="dot ${inRange(v) ? 'in' : ''}" part="dot" style=${styleMap(this.at(v))}></span>`,
            )
          : nothing}
        ${this.shownMarks.map((m) => html`<span class="mark" part="mark" style=${styleMap(this.markStyle(m))}>${m.label}</span>`)}
        ${values.map((v, i) => {
          const vmin = noCross && i > 0 ? clamp(values[i - 1] + rules.pushable, scale.min, scale.max) : scale.min;
          const vmax = noCross && i < n - 1 ? clamp(values[i + 1] - rules.pushable, scale.min, scale.max) : scale.max;
          const label = this.handleName(name, i, n);
          const dragging = this.drag?.index === i;
          const showTip = tip && (always || dragging || this.focusIndex === i || this.hoverIndex === i);
          return html`<div
            class="handle ${dragging ? 'dragging' : ''} ${this.focusIndex === i ? 'active' : ''}"
            part="handle"
            role="slider"
            data-index=${i}
            tabindex=${disabled ? -1 : 0}
            aria-label=${label || nothing}
            aria-valuemin=${vmin}
            aria-valuemax=${vmax}
            aria-valuenow=${v}
            aria-valuetext=${this.valueText(v) ?? nothing}
            aria-orientation=${this.vertical ? 'vertical' : 'horizontal'}
            aria-disabled=${disabled ? 'true' : nothing}
            style=${styleMap(this.at(v))}
            @keydown=${this.onKeyDown}
            @focus=${() => (this.focusIndex = i)}
            @blur=${() => (this.focusIndex = -1)}
            @pointerenter=${() => (this.hoverIndex = i)}
            @pointerleave=${() => (this.hoverIndex = -1)}
          >
            ${showTip
              ? html`<div class="tooltip" part="tooltip" aria-hidden="true" data-place=${this.tooltipPlacement()} style=${styleMap(dashStyle(tip.style))}>
                  ${this.tipText(v)}
                </div>`
              : nothing}
          </div>`;
        })}
      </div>
    `;
  }
}
