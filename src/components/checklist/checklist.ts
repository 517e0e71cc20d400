import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { DashChoiceGroup } from '../choice-group/choice-group.js';

/**
 * Dash's `dcc.Checklist`: a group of checkboxes (WAI-ARIA APG checkbox group). `value` lists the
 * checked options in the order a person checked them, as Dash builds it. Tab moves between the
 * boxes and Space toggles. Form-associated: submits one entry per checked value under `name`.
 *
 * @summary A group of checkboxes whose value is the list of checked options.
 *
 * @fires input - A person checked or unchecked an option (fires with `change`).
 * @fires change - A person checked or unchecked an option.
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`); also when changed
 *   `options` drop a value that is no longer offered.
 *
 * @csspart options - The box holding every option.
 * @csspart option - One option: the `<label>` around its checkbox and text (Dash's `labelStyle`,
 *   `labelClassName`).
 * @csspart input - An option's checkbox (Dash's `inputStyle`, `inputClassName`).
 * @csspart label - An option's text.
 *
 * @cssprop --dash-choice-accent - Checkbox colour (falls back to `--dash-accent`).
 * @cssprop --dash-choice-color - Text colour (falls back to `--dash-color`, else inherited).
 * @cssprop --dash-choice-gap - Space between options (`0.25em 1em`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-checklist
 */
export class DashChecklist extends DashChoiceGroup {
  /** The checked values, in the order they were checked (`[]` when none). JSON in the attribute. */
  @property({ converter: jsonOrStringConverter }) override value: unknown[] = [];

  protected override get inputType(): 'checkbox' {
    return 'checkbox';
  }

  override checkProp(prop: string, value: unknown): void {
    super.checkProp(prop, value);
    if (prop === 'value' && value !== null && !Array.isArray(value)) {
      throw new TypeError(`${this.describe()}: value must be an array`);
    }
  }

  protected override selectedValues(): unknown[] {
    const v: unknown = this.value;
    if (v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v))) return [];
    return Array.isArray(v) ? v : [v];
  }

  protected override checkValueShape(): boolean {
    const v: unknown = this.value;
    if (v === null || v === undefined || Array.isArray(v)) return true;
    const readAs = typeof v === 'object' ? 'nothing is checked' : `it is read as [${JSON.stringify(v)}]`;
    this.warnOnce('value:shape', `value must be an array; for ${JSON.stringify(v)} ${readAs}`);
    return typeof v !== 'object';
  }

  protected override nextValue(option: unknown, checked: boolean): unknown[] {
    const list = this.selectedValues().filter((v) => v !== option);
    return checked ? [...list, option] : list;
  }

  protected override withOnly(kept: unknown[]): unknown[] {
    return kept;
  }

  protected override formValue(): FormData | null {
    const values = this.selectedValues();
    if (!this.name || values.length === 0) return null;
    const data = new FormData();
    for (const v of values) data.append(this.name, String(v));
    return data;
  }
}
