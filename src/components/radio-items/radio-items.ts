import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { DashChoiceGroup } from '../choice-group/choice-group.js';

/**
 * Dash's `dcc.RadioItems`: a group of radio buttons (WAI-ARIA APG radio group). The group is one
 * tab stop; arrow keys move to the next option and select it. Form-associated: submits `value`
 * under `name`.
 *
 * @summary A radio group whose value is the selected option (or `null`).
 *
 * @fires input - A person selected an option (fires with `change`).
 * @fires change - A person selected an option.
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`); also when changed
 *   `options` drop the value because it is no longer offered.
 *
 * @csspart options - The box holding every option.
 * @csspart option - One option: the `<label>` around its radio and text (Dash's `labelStyle`,
 *   `labelClassName`).
 * @csspart input - An option's radio button (Dash's `inputStyle`, `inputClassName`).
 * @csspart label - An option's text.
 *
 * @cssprop --dash-choice-accent - Radio colour (falls back to `--dash-accent`).
 * @cssprop --dash-choice-color - Text colour (falls back to `--dash-color`, else inherited).
 * @cssprop --dash-choice-gap - Space between options (`0.25em 1em`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-radio-items
 */
export class DashRadioItems extends DashChoiceGroup {
  /** The selected option's value, `null` when none. Reflects. */
  @property({ converter: jsonOrStringConverter, reflect: true }) override value: unknown = null;

  protected override get inputType(): 'radio' {
    return 'radio';
  }

  override checkProp(prop: string, value: unknown): void {
    super.checkProp(prop, value);
    if (prop === 'value' && value !== null && typeof value === 'object') {
      throw new TypeError(`${this.describe()}: value must be a string, number, boolean or null`);
    }
  }

  protected override selectedValues(): unknown[] {
    const v = this.value;
    return v === null || v === undefined || typeof v === 'object' ? [] : [v];
  }

  protected override checkValueShape(): boolean {
    if (this.value === null || typeof this.value !== 'object') return true;
    this.warnOnce('value:shape', `value must be a string, number, boolean or null; ${JSON.stringify(this.value)} selects nothing`);
    return false;
  }

  protected override nextValue(option: unknown): unknown {
    return option;
  }

  protected override withOnly(kept: unknown[]): unknown {
    return kept.length ? kept[0] : null;
  }

  protected override formValue(): string | null {
    const [v] = this.selectedValues();
    return v === undefined ? null : String(v);
  }
}
