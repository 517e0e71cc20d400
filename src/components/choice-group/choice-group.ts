import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { jsonConverter } from '../../internal/converters.js';
import { cssPropertyName, dashStyle } from '../../internal/dash-style.js';
import { emitUserEdit } from '../../internal/events.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { normalizeOptions, type NormalizedOptions } from '../dropdown/options.js';
import { choiceGroupStyles } from './choice-group.styles.js';

const EMPTY: NormalizedOptions = { options: [], keys: [], byValue: new Map(), problems: [] };

/** `labelClassName="a b"` → `" a b"`, appended to a `part` list so `::part(a)` styles it. */
const extraParts = (names: unknown): string =>
  typeof names === 'string' && names.trim() ? ` ${names.trim().split(/\s+/).join(' ')}` : '';

/**
 * What `<dash-checklist>` and `<dash-radio-items>` share (docs/checklist.md): Dash's option
 * shapes (parsed as the dropdown parses them), one native checkbox or radio per option inside
 * a `group` / `radiogroup` host, Dash's style and class props, dropping values whose option
 * was removed, and form association. Native inputs give the APG keyboard for free: Space
 * toggles a checkbox; a radio group is one tab stop whose arrow keys move and select.
 */
export abstract class DashChoiceGroup extends Persistent(DashFormElement, { props: ['value'] }) {
  static override styles = choiceGroupStyles;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * The choices: an array of strings/numbers, of `{label, value, disabled?, title?}` objects, or a
   * `{value: label}` object. JSON in the attribute. Labels are shown as text.
   */
  @property({ converter: jsonConverter }) options: unknown = [];

  /** Lay the options out in a row instead of a column. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** Dash style object (`{"color": "red", "marginRight": 8}`) for each option's label wrapper. JSON in the attribute. */
  @property({ attribute: 'label-style', converter: jsonConverter }) labelStyle: unknown = null;

  /** Dash style object for each checkbox / radio. JSON in the attribute. */
  @property({ attribute: 'input-style', converter: jsonConverter }) inputStyle: unknown = null;

  /** Class names for each option's label wrapper, also added as part names: `::part(my-class)`. */
  @property({ attribute: 'label-class-name' }) labelClassName = '';

  /** Class names for each checkbox / radio, also added as part names. */
  @property({ attribute: 'input-class-name' }) inputClassName = '';

  protected norm: NormalizedOptions = EMPTY;

  /** Whether rows carry `labelStyle`/`inputStyle` (so clearing them has something to undo). */
  private styled = false;

  /** `checkbox` or `radio`: the input each option renders. */
  protected abstract get inputType(): 'checkbox' | 'radio';

  /** The selected values as a list, whatever shape `value` holds. */
  protected abstract selectedValues(): unknown[];

  /** The value after a person checked (`true`) or unchecked an option. */
  protected abstract nextValue(option: unknown, checked: boolean): unknown;

  /** The value once values no longer offered are dropped (`kept` lists the offered ones). */
  protected abstract withOnly(kept: unknown[]): unknown;

  /** Warns about a value of the wrong shape (written from outside); false when it is one. */
  protected abstract checkValueShape(): boolean;

  override connectedCallback(): void {
    super.connectedCallback();
    this.internals.role = this.inputType === 'radio' ? 'radiogroup' : 'group';
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'options' && value !== null && typeof value !== 'object') {
      throw new TypeError(`${this.describe()}: options must be an array or a {value: label} object`);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('options')) {
      this.norm = normalizeOptions(this.options);
      for (const p of this.norm.problems) this.warnOnce(`options:${p}`, p);
    }
    if (this.hasUpdated && changed.has('options') && !changed.has('value')) {
      this.dropUnoffered();
    } else if (changed.has('value') || changed.has('options')) {
      this.checkValue();
    }
    if (changed.has('disabled') || changed.has('formDisabled')) {
      this.internals.ariaDisabled = this.isDisabled ? 'true' : null;
    }
    super.willUpdate(changed);
  }

  /** A value written from outside that is not offered: warn once and keep it. */
  private checkValue(): void {
    if (!this.checkValueShape() || this.norm.options.length === 0) return;
    for (const v of this.selectedValues()) {
      if (!this.norm.byValue.has(v)) {
        this.warnOnce(`value:${JSON.stringify(v)}`, `value ${JSON.stringify(v)} is not among the options; it is kept`);
      }
    }
  }

  /** New `options` no longer offer (part of) the value: drop it, as the dropdown does. */
  private dropUnoffered(): void {
    const list = this.selectedValues();
    const kept = list.filter((v) => this.norm.byValue.has(v));
    if (kept.length !== list.length) this.value = this.withOnly(kept);
  }

  declare value: unknown;

  /** One listener for every option (a thousand options need no thousand closures). */
  private onChange(e: Event): void {
    e.stopPropagation();
    const input = e.target as HTMLInputElement;
    const option = this.norm.options[Number(input.dataset.index)];
    if (!option || !this.setByUser('value', this.nextValue(option.value, input.checked))) return;
    emitUserEdit(this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('labelStyle') || changed.has('inputStyle') || changed.has('options')) this.applyStyles();
  }

  /** Dash's `labelStyle` / `inputStyle`, written through the CSSOM (strict-CSP safe), only when given. */
  private applyStyles(): void {
    const label = dashStyle(this.labelStyle);
    const input = dashStyle(this.inputStyle);
    const styled = Object.keys(label).length > 0 || Object.keys(input).length > 0;
    if (!styled && !this.styled) return;
    this.styled = styled;
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('.option')) {
      setStyle(row, label);
      setStyle(row.firstElementChild as HTMLElement, input);
    }
  }

  override render(): TemplateResult {
    const selected = new Set(this.selectedValues());
    const disabled = this.isDisabled;
    const optionParts = `option${extraParts(this.labelClassName)}`;
    const inputParts = `input${extraParts(this.inputClassName)}`;
    const labelClass = typeof this.labelClassName === 'string' ? this.labelClassName : '';
    const inputClass = typeof this.inputClassName === 'string' ? this.inputClassName : '';
    return html`<div class="options" part="options" @input=${stop} @change=${this.onChange}>
      ${this.norm.options.map((o, i) => {
        const off = disabled || o.disabled;
        return html`<label class="option ${labelClass}" part=${optionParts} title=${o.title ?? nothing} ?data-disabled=${off}
          ><input
            type=${this.inputType}
            name="choice"
            class=${inputClass}
            part=${inputParts}
            data-index=${i}
            .checked=${live(selected.has(o.value))}
            ?disabled=${off}
          /><span part="label">${o.label}</span></label
        >`;
      })}
    </div>`;
  }
}

function setStyle(el: HTMLElement, style: Record<string, string>): void {
  el.style.cssText = '';
  for (const [key, css] of Object.entries(style)) el.style.setProperty(cssPropertyName(key), css);
}

/** The inner inputs' own `input` events stay inside; the host fires its own. */
const stop = (e: Event) => e.stopPropagation();
