import { html, LitElement, nothing, type ComplexAttributeConverter, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from '../../internal/style-map.js';
import { defaultTrueConverter, jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { dropdownStyles } from './dropdown.styles.js';
import { filterOptions, normalizeOptions, type NormalizedOptions } from './options.js';
import { emitUserEdit } from '../../internal/events.js';
import { viewportWindow } from '../../internal/virtual-window.js';

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

const DEFAULT_LABELS: DropdownLabels = {
  placeholder: 'Select...',
  noResults: 'No results found',
  selectAll: 'Select All',
  deselectAll: 'Deselect All',
  clear: 'Clear selection',
  removeChip: 'Remove {label}',
};

/** `close-on-select`: absent → null (auto: `!multi`), `"false"` → false, anything else → true. */
const autoBooleanConverter: ComplexAttributeConverter<boolean | null> = {
  fromAttribute: (v: string | null) => (v === null ? null : v.trim().toLowerCase() !== 'false'),
  toAttribute: (v: boolean | null) => (v === null ? null : String(v)),
};

const OVERSCAN = 3;
const DEFAULT_MAX_HEIGHT = 200;
const DEFAULT_OPTION_HEIGHT = 35;
const EMPTY: NormalizedOptions = { options: [], keys: [], byValue: new Map(), problems: [] };

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
export class DashDropdown extends Persistent(DashFormElement, { props: ['value'] }) {
  static override styles = dropdownStyles;
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
  @property({ attribute: 'max-height', type: Number }) maxHeight = DEFAULT_MAX_HEIGHT;

  /** Height of one option row, in px (rows are virtual, so it is fixed). */
  @property({ attribute: 'option-height', type: Number }) optionHeight = DEFAULT_OPTION_HEIGHT;

  /**
   * UI strings, merged over the defaults: `placeholder` ("Select..."), `noResults` ("No results
   * found"), `selectAll` ("Select All"), `deselectAll` ("Deselect All"), `clear` ("Clear
   * selection"), `removeChip` ("Remove {label}"). snake_case keys work too. JSON in the attribute.
   */
  @property({ converter: jsonConverter }) labels: Partial<DropdownLabels> | null = null;

  /** Whether the list is shown. */
  @state() private open = false;
  /** Position (in the filtered list) of the option under the keyboard/pointer cursor; -1 = none. */
  @state() private activePos = -1;
  @state() private scrollPos = 0;

  @query('input') private input!: HTMLInputElement;
  @query('[role="listbox"]') private listbox!: HTMLElement;

  private norm: NormalizedOptions = EMPTY;
  /** Filtered option indices, or null for all. */
  private filtered: number[] | null = null;
  private matchQuery = '';
  private scrollPending = false;
  private typeahead = '';
  private typeaheadTimer = 0;
  private readonly onDocPointerDown = (e: Event) => {
    if (!e.composedPath().includes(this)) this.close();
  };

  // ---- public helpers ------------------------------------------------------------------------

  /** Opens the list (as ArrowDown does). */
  show(): void {
    if (!this.isDisabled) this.openList(false);
  }

  /** Closes the list. */
  hide(): void {
    this.close();
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocPointerDown, true);
    this.open = false;
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

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('options')) {
      this.norm = normalizeOptions(this.options);
      for (const p of this.norm.problems) this.warnOnce(`options:${p}`, p);
      this.matchQuery = '';
      this.filtered = null;
    }
    if (changed.has('searchValue') || changed.has('options')) {
      const q = (this.searchValue ?? '').toLowerCase();
      this.filtered = filterOptions(this.norm.keys, q, { query: this.matchQuery, matches: this.filtered });
      this.matchQuery = q;
      if (this.open) {
        this.activePos = this.step(-1, 1);
        this.scrollPos = 0;
        this.scrollPending = true;
      }
    }
    if (this.hasUpdated && changed.has('options') && !changed.has('value')) {
      this.dropUnoffered();
    } else if (changed.has('value') || changed.has('options') || changed.has('multi')) {
      this.checkValue();
    }
    if (this.isDisabled && this.open) this.open = false;
    if (changed.has('maxHeight') && !(this.maxHeight > 0)) {
      this.warnOnce(`max-height:${this.maxHeight}`, `max-height must be a positive number of px, not ${JSON.stringify(this.getAttribute('max-height') ?? this.maxHeight)}; using ${DEFAULT_MAX_HEIGHT}`);
    }
    if (changed.has('optionHeight') && !(this.optionHeight > 0)) {
      this.warnOnce(`option-height:${this.optionHeight}`, `option-height must be a positive number of px, not ${JSON.stringify(this.getAttribute('option-height') ?? this.optionHeight)}; using ${DEFAULT_OPTION_HEIGHT}`);
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open')) {
      if (this.open) document.addEventListener('pointerdown', this.onDocPointerDown, true);
      else document.removeEventListener('pointerdown', this.onDocPointerDown, true);
    }
    if (this.scrollPending && this.listbox) {
      this.scrollPending = false;
      if (this.listbox.scrollTop !== this.scrollPos) this.listbox.scrollTop = this.scrollPos;
    }
  }

  // ---- derived state -------------------------------------------------------------------------

  private get ui(): DropdownLabels {
    const given = this.labels && typeof this.labels === 'object' ? this.labels : {};
    const out = { ...DEFAULT_LABELS };
    for (const [k, v] of Object.entries(given)) {
      const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof DropdownLabels;
      if (key in out && typeof v === 'string') out[key] = v;
    }
    return out;
  }

  private get count(): number {
    return this.filtered ? this.filtered.length : this.norm.options.length;
  }

  private indexAt(pos: number): number {
    return this.filtered ? this.filtered[pos] : pos;
  }

  private get pageSize(): number {
    return Math.max(1, Math.floor(this.listHeight / this.rowHeight) - 1);
  }

  /** `optionHeight`, or the default when it is not a positive number (warned in willUpdate). */
  private get rowHeight(): number {
    return this.optionHeight > 0 ? this.optionHeight : DEFAULT_OPTION_HEIGHT;
  }

  /** `maxHeight`, or the default when it is not a positive number (warned in willUpdate). */
  private get listHeight(): number {
    return this.maxHeight > 0 ? this.maxHeight : DEFAULT_MAX_HEIGHT;
  }

  /** The value as a list (multi may hold a scalar written from outside). */
  private valueList(): unknown[] {
    const v = this.value;
    if (v === null || v === undefined || v === '') return [];
    return Array.isArray(v) ? v : [v];
  }

  private labelOf(v: unknown): string {
    const i = this.norm.byValue.get(v);
    return i === undefined ? String(v) : this.norm.options[i].label;
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

  // ---- user actions ----------------------------------------------------------------------------

  private commit(next: unknown): void {
    if (!this.setByUser('value', next)) return;
    emitUserEdit(this);
  }

  private setSearch(text: string): void {
    this.setByUser('searchValue', text);
  }

  private openList(fromEnd: boolean): void {
    if (this.open || this.isDisabled) return;
    this.open = true;
    const selected = this.valueList();
    let pos = -1;
    if (selected.length && !this.multi) {
      const idx = this.norm.byValue.get(selected[0]);
      if (idx !== undefined) pos = this.filtered ? this.filtered.indexOf(idx) : idx;
    }
    if (pos < 0) pos = fromEnd ? this.step(this.count, -1) : this.step(-1, 1);
    this.setActive(pos, true);
    this.scrollPending = true; // the closed list's scroll offset is not kept: always apply ours
  }

  private close(): void {
    if (!this.open) return;
    if (this.shadowRoot?.activeElement?.closest('.menu')) this.input.focus();
    this.open = false;
    this.activePos = -1;
    if (this.searchValue) this.setSearch('');
  }

  /** The next enabled position from `from` in direction `dir`, or `from` clamped when none. */
  private step(from: number, dir: 1 | -1, by = 1): number {
    const n = this.count;
    if (n === 0) return -1;
    const opts = this.norm.options;
    let pos = Math.min(n - 1, Math.max(0, from + dir * by));
    for (let p = pos; p >= 0 && p < n; p += dir) {
      if (!opts[this.indexAt(p)].disabled) return p;
    }
    // nothing enabled that way: look back the other way from the target
    for (pos = pos - dir; pos >= 0 && pos < n; pos -= dir) {
      if (!opts[this.indexAt(pos)].disabled) return pos;
    }
    return -1;
  }

  private setActive(pos: number, center = false): void {
    this.activePos = pos;
    if (pos < 0) return;
    const h = this.rowHeight;
    const view = Math.min(this.listHeight, this.count * h);
    const top = pos * h;
    let next = this.scrollPos;
    if (center) next = Math.max(0, top - Math.max(0, (view - h) / 2));
    else if (top < next) next = top;
    else if (top + h > next + view) next = top + h - view;
    next = Math.min(next, Math.max(0, this.count * h - view));
    if (next !== this.scrollPos) {
      this.scrollPos = next;
      this.scrollPending = true;
    }
  }

  private selectAt(pos: number): void {
    if (pos < 0 || pos >= this.count) return;
    const opt = this.norm.options[this.indexAt(pos)];
    if (opt.disabled) return;
    this.activePos = pos;
    if (this.multi) {
      const list = this.valueList();
      const at = list.indexOf(opt.value);
      this.commit(at >= 0 ? list.filter((_, i) => i !== at) : [...list, opt.value]);
    } else {
      this.commit(opt.value);
      if (this.searchValue) this.setSearch('');
    }
    if (this.closeOnSelect ?? !this.multi) this.close();
  }

  private removeValue(v: unknown): void {
    this.commit(this.valueList().filter((x) => x !== v));
  }

  private clear(): void {
    this.commit(this.multi ? [] : null);
    if (this.searchValue) this.setSearch('');
  }

  private selectAll(select: boolean): void {
    const list = this.valueList();
    const inView = new Set<unknown>();
    for (let p = 0; p < this.count; p++) {
      const o = this.norm.options[this.indexAt(p)];
      if (!o.disabled) inView.add(o.value);
    }
    if (select) {
      const have = new Set(list);
      this.commit([...list, ...[...inView].filter((v) => !have.has(v))]);
    } else {
      this.commit(list.filter((v) => !inView.has(v)));
    }
  }

  // ---- event handlers ------------------------------------------------------------------------

  private onKeyDown(e: KeyboardEvent): void {
    if (this.isDisabled) return;
    const open = this.open;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) this.openList(false);
        else if (!e.altKey) this.setActive(this.step(this.activePos, 1));
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey) this.close();
        else if (!open) this.openList(true);
        else this.setActive(this.step(this.activePos, -1));
        return;
      case 'PageDown':
      case 'PageUp':
        if (!open) return;
        e.preventDefault();
        this.setActive(this.step(this.activePos, e.key === 'PageDown' ? 1 : -1, this.pageSize));
        return;
      case 'Home':
      case 'End':
        if (!open) return;
        e.preventDefault();
        this.setActive(e.key === 'Home' ? this.step(-1, 1) : this.step(this.count, -1));
        return;
      case 'Enter':
        if (open && this.activePos >= 0) {
          e.preventDefault();
          this.selectAt(this.activePos);
        } else if (!open) {
          e.preventDefault();
          this.openList(false);
        }
        return;
      case 'Escape':
        if (open) {
          e.preventDefault();
          this.close();
        } else if (this.searchValue) {
          e.preventDefault();
          this.setSearch('');
        }
        return;
      case 'Backspace':
        if (this.input.value === '' && !e.repeat) {
          const list = this.valueList();
          if (this.multi && list.length) {
            e.preventDefault();
            this.removeValue(list[list.length - 1]);
          } else if (!this.multi && list.length && this.clearable) {
            e.preventDefault();
            this.clear();
          }
        }
        return;
      case 'Tab':
        // multi: Tab reaches the select-all / deselect-all buttons of the open list
        if (!this.multi || e.shiftKey) this.close();
        return;
      case ' ':
        if (!this.searchable) {
          e.preventDefault();
          if (!open) this.openList(false);
          else if (this.activePos >= 0) this.selectAt(this.activePos);
        }
        return;
    }
    if (!this.searchable && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) this.typeAhead(e.key);
  }

  /** Not searchable: typed characters jump to the next option whose label starts with them. */
  private typeAhead(char: string): void {
    clearTimeout(this.typeaheadTimer);
    this.typeaheadTimer = window.setTimeout(() => (this.typeahead = ''), 600);
    this.typeahead += char.toLowerCase();
    if (!this.open) this.openList(false);
    const n = this.count;
    const start = this.typeahead.length === 1 ? this.activePos + 1 : Math.max(0, this.activePos);
    for (let k = 0; k < n; k++) {
      const p = (start + k) % n;
      const o = this.norm.options[this.indexAt(p)];
      if (!o.disabled && o.label.toLowerCase().startsWith(this.typeahead)) {
        this.setActive(p);
        return;
      }
    }
  }

  private onMenuKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    }
  }

  private onInput(e: Event): void {
    // The inner input's events are ours: the host fires input/change only for value changes.
    e.stopPropagation();
    if (!this.searchable) return;
    const text = (e.target as HTMLInputElement).value;
    if (!this.open) this.openList(false);
    this.setSearch(text);
  }

  private onControlMouseDown(e: MouseEvent): void {
    if (this.isDisabled || e.button !== 0) return;
    const target = e.composedPath()[0] as Element;
    if (target.closest?.('button')) return;
    if (target !== this.input) e.preventDefault();
    this.input.focus();
    if (this.open && (target !== this.input || !this.searchable)) this.close();
    else this.openList(false);
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    if (next && (next === this || this.shadowRoot!.contains(next))) return;
    this.close();
  }

  private posFromEvent(e: Event): number {
    const row = (e.composedPath()[0] as Element).closest?.('[role="option"]') as HTMLElement | null;
    return row ? Number(row.dataset.pos) : -1;
  }

  private onListClick(e: MouseEvent): void {
    const pos = this.posFromEvent(e);
    if (pos >= 0) this.selectAt(pos);
    this.input?.focus();
  }

  private onListMouseMove(e: MouseEvent): void {
    const pos = this.posFromEvent(e);
    if (pos >= 0 && pos !== this.activePos && !this.norm.options[this.indexAt(pos)].disabled) this.activePos = pos;
  }

  private onScroll(): void {
    this.scrollPos = this.listbox.scrollTop;
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderRows(): TemplateResult[] {
    const n = this.count;
    if (!this.open || n === 0) return [];
    const h = this.rowHeight;
    // Rows sit at their own offsets (pos × h): the list is never scaled, as the table's body may be.
    const { start: first, end: last } = viewportWindow(n, h, this.scrollPos, this.listHeight, OVERSCAN, Infinity);
    const selected = new Set(this.valueList());
    const rows: TemplateResult[] = [];
    for (let pos = first; pos < last; pos++) {
      const idx = this.indexAt(pos);
      const o = this.norm.options[idx];
      const sel = selected.has(o.value);
      const active = pos === this.activePos;
      const part = `option${sel ? ' option-selected' : ''}${active ? ' option-active' : ''}${o.disabled ? ' option-disabled' : ''}`;
      rows.push(html`<div
        role="option"
        id=${`o${idx}`}
        part=${part}
        class=${active ? 'active' : ''}
        data-pos=${pos}
        aria-selected=${sel ? 'true' : 'false'}
        aria-disabled=${o.disabled ? 'true' : nothing}
        aria-setsize=${n}
        aria-posinset=${pos + 1}
        title=${o.title ?? nothing}
        style=${styleMap({ top: `${pos * h}px`, height: `${h}px` })}
      >${this.multi ? html`<span class="check" aria-hidden="true">${sel ? '✓' : ''}</span>` : nothing}<span class="label">${o.label}</span></div>`);
    }
    return rows;
  }

  override render(): TemplateResult {
    const ui = this.ui;
    const name = this.accessibleName();
    const values = this.valueList();
    const disabled = this.isDisabled;
    const n = this.count;
    const open = this.open;
    const activeIdx = open && this.activePos >= 0 && this.activePos < n ? this.indexAt(this.activePos) : -1;
    const summary = values.map((v) => this.labelOf(v)).join(', ');
    const showSingle = !this.multi && values.length > 0 && !this.searchValue;
    const placeholder = values.length ? '' : this.placeholder || ui.placeholder;
    const clearable = this.clearable && values.length > 0 && !disabled;
    const prevent = (e: Event) => e.preventDefault();
    // The input comes first in tree order, so focusing the host (delegatesFocus, <label for>)
    // lands on it rather than on a chip's button; CSS `order` shows it after the chips.

    return html`<div
        class="control${disabled ? ' disabled' : ''}"
        part="control"
        @mousedown=${this.onControlMouseDown}
        @focusout=${this.onFocusOut}
      >
        <div class="values">
          <input
            part="combobox"
            role="combobox"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-autocomplete=${this.searchable ? 'list' : 'none'}
            aria-haspopup="listbox"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${activeIdx >= 0 ? `o${activeIdx}` : nothing}
            aria-label=${name || nothing}
            aria-describedby=${summary ? 'summary' : nothing}
            placeholder=${placeholder}
            ?readonly=${!this.searchable}
            ?disabled=${disabled}
            .value=${live(this.searchable ? this.searchValue ?? '' : '')}
            @input=${this.onInput}
            @change=${(e: Event) => e.stopPropagation()}
            @keydown=${this.onKeyDown}
          />
          ${this.multi
            ? values.map((v) => {
                const label = this.labelOf(v);
                return html`<span class="chip" part="chip"
                  ><span class="chip-label">${label}</span
                  ><button
                    type="button"
                    class="chip-remove"
                    part="chip-remove"
                    tabindex="-1"
                    ?disabled=${disabled}
                    aria-label=${ui.removeChip.replace('{label}', label)}
                    @mousedown=${prevent}
                    @click=${() => this.removeValue(v)}
                  >
                    <span aria-hidden="true">×</span>
                  </button></span
                >`;
              })
            : nothing}
          ${showSingle ? html`<span class="single-value" part="value">${summary}</span>` : nothing}
          <span id="summary" hidden>${summary}</span>
        </div>
        ${clearable
          ? html`<button
              type="button"
              class="clear"
              part="clear-button"
              tabindex="-1"
              aria-label=${ui.clear}
              title=${ui.clear}
              @mousedown=${prevent}
              @click=${() => this.clear()}
            >
              <span aria-hidden="true">×</span>
            </button>`
          : nothing}
        <span class="caret" part="caret" aria-hidden="true"></span>
      </div>
      <div
        class="menu"
        part="menu"
        ?hidden=${!open}
        @mousedown=${prevent}
        @focusout=${this.onFocusOut}
        @keydown=${this.onMenuKeyDown}
      >
        ${open && this.multi
          ? html`<div class="actions" part="actions">
              <button type="button" part="select-all" @click=${() => this.selectAll(true)}>${ui.selectAll}</button>
              <button type="button" part="deselect-all" @click=${() => this.selectAll(false)}>${ui.deselectAll}</button>
            </div>`
          : nothing}
        <div
          id="listbox"
          role="listbox"
          part="listbox"
          aria-label=${name || nothing}
          aria-multiselectable=${this.multi ? 'true' : nothing}
          style=${styleMap({ maxHeight: `${this.listHeight}px` })}
          @scroll=${this.onScroll}
          @click=${this.onListClick}
          @mousemove=${this.onListMouseMove}
        >
          <div class="spacer" style=${styleMap({ height: `${open ? n * this.rowHeight : 0}px` })}>${this.renderRows()}</div>
        </div>
        ${open && n === 0 ? html`<div class="empty" part="no-results" role="status">${ui.noResults}</div>` : nothing}
      </div>`;
  }
}
