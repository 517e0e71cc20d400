import { nothing, type ComplexAttributeConverter, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { defaultTrueConverter, jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { toNumber } from './slider-number.js';
import type { MarksInput, RangeRules, Scale } from './slider-math.js';
import type { SliderView } from './slider-view.js';
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

/** Like jsonOrStringConverter, but `null` (marks only) reflects as `step="null"`; unset removes it. */
const stepConverter: ComplexAttributeConverter<unknown> = {
  fromAttribute: jsonOrStringConverter.fromAttribute,
  toAttribute: (value: unknown) => (value === null ? 'null' : jsonOrStringConverter.toAttribute!(value)),
};

/** The scale, pointer and keyboard handling, rendering and styles: a chunk loaded before the first update (docs/slider.md). */
const sliderView = new Lazy(() => import('./slider-view.js'));

/** The scale until the view resolves the real one: 0..100 in steps of 1. */
const DEFAULT_SCALE: Scale = { min: 0, max: 100, step: 1, points: [], decimals: 0 };

/**
 * What `<dash-slider>` and `<dash-range-slider>` share: properties, events, forms; the view
 * (slider-view.ts) renders and handles input. Subclasses say how `value` maps to a list of handle values.
 */
export class SliderBase extends LazyView(Persistent(DashFormElement, { props: ['value'] }), sliderView) {
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

  /** @internal Bounds, step and snap points, resolved by the view from `min`, `max`, `step` and `marks`. */
  scale: Scale = DEFAULT_SCALE;
  /** The UI: null until the view's code is there (before the first update). */
  private ui: SliderView | null = null;

  protected override viewLoaded(view: typeof import('./slider-view.js')): void {
    this.ui = new view.SliderView(this);
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

  /** @internal Handle values from `value` (clamped, sorted); warns about bad input. */
  valuesFromProp(): number[] {
    return [this.scale.min];
  }

  /** The property shape (`number` or `number[]`) of a list of handle values. */
  protected toProp(values: number[]): unknown {
    return values[0];
  }

  /** @internal */
  rangeRules(): RangeRules {
    return { allowCross: true, pushable: 0 };
  }

  /** @internal Accessible name of handle `index` of `count`, given the slider's own name. */
  handleName(name: string, _index: number, _count: number): string {
    return name;
  }

  /** `v` on the step grid and marks; as it is until the view (and the scale) is there. */
  protected snapped(v: number): number {
    return this.view ? this.view.snap(v, this.scale) : v;
  }

  // ---- state ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    this.ui?.willUpdate(changed);
    if (changed.has('updatemode') && this.updatemode !== 'mouseup' && this.updatemode !== 'drag') {
      this.warnOnce('updatemode', `updatemode must be "mouseup" or "drag", not ${JSON.stringify(this.updatemode)}; using "mouseup"`);
    }
    // dragValue follows value, except while a drag streams it (as Dash's drag_value does).
    const self = this as unknown as { value: unknown; dragValue: unknown };
    if (changed.has('value') && !this.ui?.drag && !deepEqual(self.dragValue, self.value)) {
      self.dragValue = typeof self.value === 'object' && self.value !== null ? structuredClone(self.value) : self.value;
    }
    super.willUpdate(changed);
  }

  protected override restoreFormState(state: unknown): void {
    if (this.ui) this.ui.drag = null;
    super.restoreFormState(state);
  }

  /** @internal Writes handle values as the user's change and fires the events (docs/conventions.md). */
  commit(values: number[], live: boolean): void {
    const next = this.toProp(values);
    const dragChanged = this.setByUser('dragValue' as keyof this, next as this[keyof this]);
    const writeValue = !live || this.updatemode === 'drag';
    const valueChanged = writeValue && this.setByUser('value' as keyof this, structuredClone(next) as this[keyof this]);
    emitUserEdit(this, { input: dragChanged || valueChanged, change: valueChanged });
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.ui?.render() ?? nothing;
  }
}
