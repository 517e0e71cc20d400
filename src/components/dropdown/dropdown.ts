import { LitElement, nothing, type ComplexAttributeConverter, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultTrueConverter, jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { normalizeOptions, type NormalizedOptions } from './options.js';
import { emitUserEdit } from '../../internal/events.js';
import type { DropdownView } from './dropdown-view.js';

export type { DropdownOption, DropdownOptionInput } from './options.js';

/** Every UI string of the dropdown (`labels` property). `{label}` in `removeChip` is the chip's label. */
export interface DropdownLabels {
  placeholder: string;
  noResults: string;
  selectAll: string;
  deselectAll: string;
  clear: string;
  removeChip: string;
}

/** `close-on-select`: absent → null (auto: `!multi`), `"false"` → false, anything else → true. */
const autoBooleanConverter: ComplexAttributeConverter<boolean | null> = {
  fromAttribute: (v: string | null) => (v === null ? null : v.trim().toLowerCase() !== 'false'),
  toAttribute: (v: boolean | null) => (v === null ? null : String(v)),
};

const EMPTY: NormalizedOptions = { options: [], keys: [], byValue: new Map(), problems: [] };

/** The combobox, its list, search and keys, and the styles: a chunk loaded before the first update (docs/dropdown.md). */
const dropdownView = new Lazy(() => import('./dropdown-view.js'));

/**
 * Dash's `dcc.Dropdown` as a form-associated combobox (WAI-ARIA APG pattern) whose option list is
 * rendered virtually, so 100,000 options open and filter instantly. Single or `multi` selection
 * with chips, search, clear, select-all / deselect-all. Labels and values are shown as text only.
 *
 * @summary A searchable single/multi select that stays fast with 100,000 options.
 *
 * @fires input - The user changed `value` (selected, removed or cleared an option).
 * @fires change - The user committed a new `value` (fires with `input`).
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`), by the user, a
 *   callback or outside code; also when changed `options` drop a value that is no longer offered.
 *
 * @csspart control - The box holding the chips / selected label, the search input and the buttons.
 * @csspart combobox - The search input (`role="combobox"`).
 * @csspart value - The selected option's label (single).
 * @csspart chip - A selected option in `multi` mode.
 * @csspart chip-remove - A chip's remove button.
 * @csspart clear-button - The button that clears the value.
 * @csspart caret - The open/closed indicator.
 * @csspart menu - The popup holding the listbox.
 * @csspart actions - The select-all / deselect-all bar (`multi`).
 * @csspart select-all - The "Select All" button (`multi`).
 * @csspart deselect-all - The "Deselect All" button (`multi`).
 * @csspart listbox - The scrolling list of options (`role="listbox"`).
 * @csspart option - One rendered option (also `option-selected`, `option-active`, `option-disabled`).
 * @csspart no-results - The text shown when the search matches nothing.
 *
 * @cssprop --dash-dropdown-background - Control and menu background (falls back to `--dash-background`).
 * @cssprop --dash-dropdown-color - Text color (falls back to `--dash-color`).
 * @cssprop --dash-dropdown-muted-color - Placeholder, caret and button color.
 * @cssprop --dash-dropdown-border-color - Border color (falls back to `--dash-border-color`).
 * @cssprop --dash-dropdown-accent - Focus ring and action color (falls back to `--dash-accent`).
 * @cssprop --dash-dropdown-option-active-background - Background of the option under the cursor.
 * @cssprop --dash-dropdown-option-selected-background - Background of selected options.
 * @cssprop --dash-dropdown-chip-background - Chip background.
 * @cssprop --dash-dropdown-radius - Corner radius (falls back to `--dash-radius`).
 * @cssprop --dash-dropdown-z-index - Stacking of the open menu (default 1000).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-dropdown
 */
export class DashDropdown extends LazyView(Persistent(DashFormElement, { props: ['value'] }), dropdownView) {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * The choices: an array of strings/numbers, of `{label, value, disabled?, title?, search?}`
   * objects, or a `{value: label}` object. JSON in the attribute.
   */
  @property({ converter: jsonConverter }) options: unknown = [];

  /** The selected value (`null` when empty), or an array of values when `multi` (`[]` when empty). */
  @property({ converter: jsonOrStringConverter, reflect: true }) value: unknown = null;

  /** Allow several values (shown as chips). */
  @property({ type: Boolean, reflect: true }) multi = false;

  /** Show a button that clears the value. Default true; `clearable="false"` turns it off. */
  @property({ converter: defaultTrueConverter, reflect: true }) clearable = true;

  /** Let the user type to filter the options. Default true; `searchable="false"` turns it off. */
  @property({ converter: defaultTrueConverter, reflect: true }) searchable = true;

  /** The text typed in the search box; callbacks may read it (server-side search) and write it. */
  @property({ attribute: 'search-value', reflect: true }) searchValue = '';

  /** Text shown when nothing is selected (default `labels.placeholder`, "Select..."). */
  @property({ reflect: true }) placeholder: string | null = null;

  /** Close the list after a choice. Default: true for single, false for `multi`. */
  @property({ attribute: 'close-on-select', converter: autoBooleanConverter }) closeOnSelect: boolean | null = null;

  /** Maximum height of the open list, in px. */
  @property({ attribute: 'max-height', type: Number }) maxHeight = 200;

  /** Height of one option row, in px (rows are virtual, so it is fixed). */
  @property({ attribute: 'option-height', type: Number }) optionHeight = 35;

  /**
   * UI strings, merged over the defaults: `placeholder` ("Select..."), `noResults` ("No results
   * found"), `selectAll` ("Select All"), `deselectAll` ("Deselect All"), `clear` ("Clear
   * selection"), `removeChip` ("Remove {label}"). snake_case keys work too. JSON in the attribute.
   */
  @property({ converter: jsonConverter }) labels: Partial<DropdownLabels> | null = null;

  /** @internal The options in one shape, with a value → index map. */
  norm: NormalizedOptions = EMPTY;
  /** The UI: null until the view's code is there (before the first update). */
  private menu: DropdownView | null = null;
  /** `show()` was called before the view was there (and `hide()` not since). */
  private openRequested = false;

  // ---- public helpers ------------------------------------------------------------------------

  /** Opens the list (as ArrowDown does). */
  show(): void {
    if (this.isDisabled) return;
    if (this.menu) {
      this.menu.openList(false);
      return;
    }
    // Before the view is there: open once it is, unless hide() is called first.
    this.openRequested = true;
    void this.updateComplete.then(() => {
      if (this.openRequested) this.menu?.openList(false);
      this.openRequested = false;
    });
  }

  /** Closes the list. */
  hide(): void {
    this.openRequested = false;
    this.menu?.close();
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'options' && value !== null && typeof value !== 'object') {
      throw new TypeError(`${this.describe()}: options must be an array or a {value: label} object`);
    }
    if (prop === 'searchValue' && typeof value !== 'string' && value !== null) {
      throw new TypeError(`${this.describe()}: searchValue must be a string`);
    }
    if (prop === 'value' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      throw new TypeError(`${this.describe()}: value must be a string, number, boolean, null or an array`);
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  protected override viewLoaded(view: typeof import('./dropdown-view.js')): void {
    this.menu = new view.DropdownView(this);
  }

  protected override formValue(): FormData | string | null {
    const values = this.valueList();
    if (this.multi) {
      if (!this.name || values.length === 0) return null;
      const data = new FormData();
      for (const v of values) data.append(this.name, String(v));
      return data;
    }
    return values.length ? String(values[0]) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('options')) {
      this.norm = normalizeOptions(this.options);
      for (const p of this.norm.problems) this.warnOnce(`options:${p}`, p);
    }
    this.menu?.willUpdate(changed);
    if (this.hasUpdated && changed.has('options') && !changed.has('value')) {
      this.dropUnoffered();
    } else if (changed.has('value') || changed.has('options') || changed.has('multi')) {
      this.checkValue();
    }
    super.willUpdate(changed);
  }

  override render(): TemplateResult | typeof nothing {
    return this.menu?.render() ?? nothing;
  }

  // ---- what the view uses ----------------------------------------------------------------------

  /** @internal The view writes `searchValue` as the user's change. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }

  /** @internal The value as a list (multi may hold a scalar written from outside). */
  valueList(): unknown[] {
    const v = this.value;
    if (v === null || v === undefined || v === '') return [];
    return Array.isArray(v) ? v : [v];
  }

  /** @internal A person's new value: written, then `input` and `change`. */
  commit(next: unknown): void {
    if (!this.setByUser('value', next)) return;
    emitUserEdit(this);
  }

  // ---- value rules -----------------------------------------------------------------------------

  /** A value written from outside that is not offered: warn once, keep it (shown as is). */
  private checkValue(): void {
    if (!this.multi && Array.isArray(this.value)) {
      this.warnOnce('value:array', 'value is an array but multi is not set; the first entry is shown');
    }
    if (this.norm.options.length === 0) return;
    for (const v of this.valueList()) {
      if (!this.norm.byValue.has(v)) {
        this.warnOnce(`value:${JSON.stringify(v)}`, `value ${JSON.stringify(v)} is not among the options; it is shown as is`);
      }
    }
  }

  /** New `options` no longer offer (part of) the value: drop it (plotly/dash#1868). */
  private dropUnoffered(): void {
    const list = this.valueList();
    if (list.length === 0) return;
    const kept = list.filter((v) => this.norm.byValue.has(v));
    if (kept.length === list.length) return;
    this.value = this.multi ? kept : null;
  }
}
