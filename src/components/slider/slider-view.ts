/**
 * What `<dash-slider>` and `<dash-range-slider>` show and how a person drives them, loaded before
 * their first update (docs/slider.md, "What loads when"): the scale and marks, pointer and keyboard
 * handling, rendering and styles. The element classes keep the Dash API: properties, the value's
 * shape, events and forms.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from '../../internal/style-map.js';
import { dashStyle } from '../../internal/dash-style.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { autoMarks, clamp, formatTemplate, fromFraction, keyStep, makeScale, moveHandle, nearestHandle, parseMarks, snap, toPercent, type KeyMove, type Mark } from './slider-math.js';
import type { SliderBase } from './slider-base.js';

export { sliderStyles as styles } from './slider.styles.js';
export { snap };

interface Drag {
  pointerId: number;
  index: number;
  values: number[];
  /** Value under the pointer minus the handle's value when the drag began on a handle. */
  offset: number;
}

/** A slider's scale, marks, drag and focus state, its event handlers and its template. */
export class SliderView {
  /** The drag in progress, if any. */
  drag: Drag | null = null;
  private focusIndex = -1;
  private hoverIndex = -1;
  private explicitMarks: Mark[] = [];
  private shownMarks: Mark[] = [];
  private rtl = false;
  private scaled = false;

  constructor(private readonly host: SliderBase) {
    // A <label for> click arrives as a click on the host itself: focus the (first) handle.
    host.addEventListener('click', (e) => {
      if (e.composedPath()[0] === host && !host.isDisabled) this.handleEl(0)?.focus();
    });
  }

  private handleEl(index: number): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`.handle[data-index="${index}"]`);
  }

  private warn = (key: string, message: string) => this.host.warnOnce(key, message);

  /** The element's willUpdate: bounds, step and marks resolved into the scale. */
  willUpdate(changed: PropertyValues): void {
    const host = this.host;
    if (changed.has('marks') || changed.has('min') || changed.has('max') || changed.has('step') || !this.scaled) {
      this.scaled = true;
      this.explicitMarks = parseMarks(host.marks, this.warn);
      host.scale = makeScale(host.min, host.max, host.step, this.explicitMarks, this.warn);
      this.shownMarks =
        host.marks === undefined ? autoMarks(host.scale) : this.explicitMarks.filter((m) => m.value >= host.scale.min && m.value <= host.scale.max);
    }
  }

  /** The handle values on screen: the drag's while dragging, else from `value`. */
  private get values(): number[] {
    return this.drag ? this.drag.values : this.host.valuesFromProp();
  }

  private requestUpdate(): void {
    this.host.requestUpdate();
  }

  // ---- pointer ----------------------------------------------------------------------------

  private isRtl(): boolean {
    try {
      return this.host.matches(':dir(rtl)');
    } catch {
      return getComputedStyle(this.host).direction === 'rtl';
    }
  }

  /** The raw value under the pointer. */
  private valueAt(e: PointerEvent, el: HTMLElement): number {
    const r = el.getBoundingClientRect();
    let f = this.host.vertical ? (r.bottom - e.clientY) / r.height : (e.clientX - r.left) / r.width;
    if (!this.host.vertical && this.rtl) f = 1 - f;
    return fromFraction(f, this.host.scale);
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    const host = this.host;
    if (host.isDisabled || e.button !== 0 || this.drag) return;
    const el = e.currentTarget as HTMLElement;
    this.rtl = this.isRtl();
    const values = host.valuesFromProp();
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
    this.requestUpdate();
    this.focusHandle(index);
    if (!onHandle) this.moveTo(snap(raw, host.scale));
  };

  private readonly onPointerMove = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const raw = this.valueAt(e, e.currentTarget as HTMLElement) - drag.offset;
    this.moveTo(snap(raw, this.host.scale));
  };

  private readonly onPointerUp = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    const el = e.currentTarget as HTMLElement;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    this.drag = null;
    this.requestUpdate();
    this.host.commit(drag.values, false);
  };

  /** Moves the dragged handle to `target` (snapped) and streams the change. */
  private moveTo(target: number): void {
    const drag = this.drag!;
    const moved = moveHandle(drag.values, drag.index, target, this.host.scale, this.host.rangeRules());
    if (moved.index !== drag.index) this.focusHandle(moved.index);
    if (deepEqual(moved.values, drag.values) && moved.index === drag.index) return;
    this.drag = { ...drag, values: moved.values, index: moved.index };
    this.requestUpdate();
    this.host.commit(moved.values, true);
  }

  private focusHandle(index: number): void {
    this.focusIndex = index;
    this.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.handleEl(index)?.focus({ preventScroll: true });
    });
  }

  // ---- keyboard ---------------------------------------------------------------------------

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const host = this.host;
    if (host.isDisabled || this.drag) return;
    const index = Number((e.currentTarget as HTMLElement).dataset.index);
    const rtl = !host.vertical && this.isRtl();
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
    const moved = moveHandle(values, index, keyStep(values[index], move, host.scale), host.scale, host.rangeRules());
    if (moved.index !== index) this.focusHandle(moved.index);
    if (!deepEqual(moved.values, values)) host.commit(moved.values, false);
  };

  private readonly onHandleFocus = (e: FocusEvent): void => this.setIndex('focusIndex', e);
  private readonly onHandleBlur = (): void => this.setIndex('focusIndex', null);
  private readonly onHandleEnter = (e: PointerEvent): void => this.setIndex('hoverIndex', e);
  private readonly onHandleLeave = (): void => this.setIndex('hoverIndex', null);

  /** The focused or hovered handle: the event's handle, or none. */
  private setIndex(which: 'focusIndex' | 'hoverIndex', e: Event | null): void {
    this[which] = e ? Number((e.currentTarget as HTMLElement).dataset.index) : -1;
    this.requestUpdate();
  }

  // ---- rendering --------------------------------------------------------------------------

  /** `left` (or `bottom` when vertical) for a value, mirrored right-to-left. */
  private pos(v: number): string {
    const p = toPercent(v, this.host.scale);
    return `${!this.host.vertical && this.rtl ? 100 - p : p}%`;
  }

  private at(v: number): Record<string, string> {
    return { [this.host.vertical ? 'bottom' : 'left']: this.pos(v) };
  }

  private span(a: number, b: number): Record<string, string> {
    const pa = toPercent(a, this.host.scale);
    const pb = toPercent(b, this.host.scale);
    const start = !this.host.vertical && this.rtl ? 100 - pb : pa;
    return this.host.vertical ? { bottom: `${pa}%`, height: `${pb - pa}%` } : { left: `${start}%`, width: `${pb - pa}%` };
  }

  private markStyle(m: Mark): Record<string, string> {
    return { ...dashStyle(m.style), ...this.at(m.value) };
  }

  /** The tooltip's text: Dash's `transform` (a `window.dccFunctions` name), then `template`. */
  private tipText(v: number): string {
    const tip = this.host.tooltip;
    let shown: unknown = v;
    if (tip?.transform) {
      const fn = (globalThis as { dccFunctions?: Record<string, unknown> }).dccFunctions?.[tip.transform];
      if (typeof fn === 'function') shown = fn(v);
      else this.host.warnOnce(`transform:${tip.transform}`, `tooltip.transform "${tip.transform}" is not a function in window.dccFunctions`);
    }
    return formatTemplate(tip?.template, shown as number);
  }

  private valueText(v: number): string | undefined {
    const mark = this.explicitMarks.find((m) => m.value === v);
    if (mark?.label) return mark.label;
    return this.host.tooltip?.template || this.host.tooltip?.transform ? this.tipText(v) : undefined;
  }

  private dotValues(): number[] {
    const { min, max, step } = this.host.scale;
    const out: number[] = [];
    if (step !== null) {
      const n = Math.floor((max - min) / step + 1e-9);
      if (n <= 1000) for (let k = 0; k <= n; k++) out.push(min + k * step);
    }
    for (const m of this.shownMarks) out.push(m.value);
    return out;
  }

  private tooltipPlacement(): string {
    const p = this.host.tooltip?.placement ?? (this.host.vertical ? 'left' : 'top');
    return p.startsWith('top') ? 'top' : p.startsWith('bottom') ? 'bottom' : p === 'left' || p === 'right' ? p : 'top';
  }

  render(): TemplateResult {
    const host = this.host;
    this.rtl = !host.vertical && this.isRtl();
    const values = this.values;
    const n = values.length;
    const { scale } = host;
    const disabled = host.isDisabled;
    const name = host.accessibleName();
    const rules = host.rangeRules();
    const noCross = n > 1 && (!rules.allowCross || rules.pushable > 0);
    const lo = n > 1 ? values[0] : scale.min;
    const hi = values[n - 1];
    const inRange = (v: number) => host.included && v >= lo && v <= hi;
    const tip = host.tooltip;
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
        ${host.included ? segments.map(([a, b]) => html`<div class="range" part="range" style=${styleMap(this.span(a, b))}></div>`) : nothing}
        ${host.dots || this.shownMarks.length
          ? (host.dots ? this.dotValues() : this.shownMarks.map((m) => m.value)).map(
              (v) => html`<span class="dot ${inRange(v) ? 'in' : ''}" part="dot" style=${styleMap(this.at(v))}></span>`,
            )
          : nothing}
        ${this.shownMarks.map((m) => html`<span class="mark" part="mark" style=${styleMap(this.markStyle(m))}>${m.label}</span>`)}
        ${values.map((v, i) => {
          const vmin = noCross && i > 0 ? clamp(values[i - 1] + rules.pushable, scale.min, scale.max) : scale.min;
          const vmax = noCross && i < n - 1 ? clamp(values[i + 1] - rules.pushable, scale.min, scale.max) : scale.max;
          const label = host.handleName(name, i, n);
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
            aria-orientation=${host.vertical ? 'vertical' : 'horizontal'}
            aria-disabled=${disabled ? 'true' : nothing}
            style=${styleMap(this.at(v))}
            @keydown=${this.onKeyDown}
            @focus=${this.onHandleFocus}
            @blur=${this.onHandleBlur}
            @pointerenter=${this.onHandleEnter}
            @pointerleave=${this.onHandleLeave}
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
