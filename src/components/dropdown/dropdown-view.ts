/**
 * What `<dash-dropdown>` shows and how a person drives it, loaded before its first update
 * (docs/dropdown.md, "What loads when"): the closed combobox, the virtual option list, search,
 * keyboard and pointer handling, and the styles. The element class keeps the Dash API: properties,
 * value rules and forms.
 */
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from '../../internal/style-map.js';
import { viewportWindow } from '../../internal/virtual-window.js';
import { filterOptions } from './options.js';
import type { DashDropdown, DropdownLabels } from './dropdown.js';

export { dropdownStyles as styles } from './dropdown.styles.js';

const DEFAULT_LABELS: DropdownLabels = {
  placeholder: 'Select...',
  noResults: 'No results found',
  selectAll: 'Select All',
  deselectAll: 'Deselect All',
  clear: 'Clear selection',
  removeChip: 'Remove {label}',
};

const OVERSCAN = 3;
const DEFAULT_MAX_HEIGHT = 200;
const DEFAULT_OPTION_HEIGHT = 35;

/** The dropdown's UI state and rendering; it writes values through the element (`commit`, `setSearch`). */
export class DropdownView implements ReactiveController {
  /** Whether the list is shown. */
  open = false;
  /** Position (in the filtered list) of the option under the keyboard/pointer cursor; -1 = none. */
  private activePos = -1;
  private scrollPos = 0;
  /** Filtered option indices, or null for all. */
  private filtered: number[] | null = null;
  private matchQuery = '';
  private filteredOnce = false;
  private scrollPending = false;
  /** `open` as of the last update: the document listener follows it. */
  private wasOpen = false;
  private typeahead = '';
  private typeaheadTimer = 0;

  constructor(private readonly host: DashDropdown) {
    host.addController(this);
  }

  private readonly onDocPointerDown = (e: Event) => {
    if (!e.composedPath().includes(this.host)) this.close();
  };

  private get input(): HTMLInputElement {
    return this.host.renderRoot.querySelector('input')!;
  }

  private get listbox(): HTMLElement | null {
    return this.host.renderRoot.querySelector('[role="listbox"]');
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocPointerDown, true);
    this.open = this.wasOpen = false;
    this.host.requestUpdate();
  }

  /** The element's willUpdate: search, the cursor, and warnings about sizes. */
  willUpdate(changed: PropertyValues<DashDropdown>): void {
    const host = this.host;
    if (changed.has('options')) {
      this.matchQuery = '';
      this.filtered = null;
    }
    if (changed.has('searchValue') || changed.has('options') || !this.filteredOnce) {
      this.filteredOnce = true;
      const q = (host.searchValue ?? '').toLowerCase();
      this.filtered = filterOptions(host.norm.keys, q, { query: this.matchQuery, matches: this.filtered });
      this.matchQuery = q;
      if (this.open) {
        this.activePos = this.step(-1, 1);
        this.scrollPos = 0;
        this.scrollPending = true;
      }
    }
    if (host.isDisabled && this.open) this.open = false;
    if (changed.has('maxHeight') && !(host.maxHeight > 0)) {
      host.warnOnce(`max-height:${host.maxHeight}`, `max-height must be a positive number of px, not ${JSON.stringify(host.getAttribute('max-height') ?? host.maxHeight)}; using ${DEFAULT_MAX_HEIGHT}`);
    }
    if (changed.has('optionHeight') && !(host.optionHeight > 0)) {
      host.warnOnce(`option-height:${host.optionHeight}`, `option-height must be a positive number of px, not ${JSON.stringify(host.getAttribute('option-height') ?? host.optionHeight)}; using ${DEFAULT_OPTION_HEIGHT}`);
    }
  }

  hostUpdated(): void {
    if (this.open !== this.wasOpen) {
      this.wasOpen = this.open;
      if (this.open) document.addEventListener('pointerdown', this.onDocPointerDown, true);
      else document.removeEventListener('pointerdown', this.onDocPointerDown, true);
    }
    const listbox = this.listbox;
    if (this.scrollPending && listbox) {
      this.scrollPending = false;
      if (listbox.scrollTop !== this.scrollPos) listbox.scrollTop = this.scrollPos;
    }
  }

  // ---- derived state -------------------------------------------------------------------------

  private get ui(): DropdownLabels {
    const labels = this.host.labels;
    const given = labels && typeof labels === 'object' ? labels : {};
    const out = { ...DEFAULT_LABELS };
    for (const [k, v] of Object.entries(given)) {
      const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof DropdownLabels;
      if (key in out && typeof v === 'string') out[key] = v;
    }
    return out;
  }

  private get count(): number {
    return this.filtered ? this.filtered.length : this.host.norm.options.length;
  }

  private indexAt(pos: number): number {
    return this.filtered ? this.filtered[pos] : pos;
  }

  private get pageSize(): number {
    return Math.max(1, Math.floor(this.listHeight / this.rowHeight) - 1);
  }

  /** `optionHeight`, or the default when it is not a positive number (warned in willUpdate). */
  private get rowHeight(): number {
    return this.host.optionHeight > 0 ? this.host.optionHeight : DEFAULT_OPTION_HEIGHT;
  }

  /** `maxHeight`, or the default when it is not a positive number (warned in willUpdate). */
  private get listHeight(): number {
    return this.host.maxHeight > 0 ? this.host.maxHeight : DEFAULT_MAX_HEIGHT;
  }

  private labelOf(v: unknown): string {
    const { norm } = this.host;
    const i = norm.byValue.get(v);
    return i === undefined ? String(v) : norm.options[i].label;
  }

  // ---- user actions ----------------------------------------------------------------------------

  private setSearch(text: string): void {
    this.host.setByUser('searchValue', text);
  }

  openList(fromEnd: boolean): void {
    const host = this.host;
    if (this.open || host.isDisabled) return;
    this.open = true;
    const selected = host.valueList();
    let pos = -1;
    if (selected.length && !host.multi) {
      const idx = host.norm.byValue.get(selected[0]);
      if (idx !== undefined) pos = this.filtered ? this.filtered.indexOf(idx) : idx;
    }
    if (pos < 0) pos = fromEnd ? this.step(this.count, -1) : this.step(-1, 1);
    this.setActive(pos, true);
    this.scrollPending = true; // the closed list's scroll offset is not kept: always apply ours
    host.requestUpdate();
  }

  close(): void {
    if (!this.open) return;
    if (this.host.shadowRoot?.activeElement?.closest('.menu')) this.input.focus();
    this.open = false;
    this.activePos = -1;
    if (this.host.searchValue) this.setSearch('');
    this.host.requestUpdate();
  }

  /** The next enabled position from `from` in direction `dir`, or `from` clamped when none. */
  private step(from: number, dir: 1 | -1, by = 1): number {
    const n = this.count;
    if (n === 0) return -1;
    const opts = this.host.norm.options;
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
    this.host.requestUpdate();
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
    const host = this.host;
    if (pos < 0 || pos >= this.count) return;
    const opt = host.norm.options[this.indexAt(pos)];
    if (opt.disabled) return;
    this.activePos = pos;
    if (host.multi) {
      const list = host.valueList();
      const at = list.indexOf(opt.value);
      host.commit(at >= 0 ? list.filter((_, i) => i !== at) : [...list, opt.value]);
    } else {
      host.commit(opt.value);
      if (host.searchValue) this.setSearch('');
    }
    if (host.closeOnSelect ?? !host.multi) this.close();
  }

  private removeValue(v: unknown): void {
    this.host.commit(this.host.valueList().filter((x) => x !== v));
  }

  private clear(): void {
    this.host.commit(this.host.multi ? [] : null);
    if (this.host.searchValue) this.setSearch('');
  }

  private selectAll(select: boolean): void {
    const list = this.host.valueList();
    const inView = new Set<unknown>();
    for (let p = 0; p < this.count; p++) {
      const o = this.host.norm.options[this.indexAt(p)];
      if (!o.disabled) inView.add(o.value);
    }
    if (select) {
      const have = new Set(list);
      this.host.commit([...list, ...[...inView].filter((v) => !have.has(v))]);
    } else {
      this.host.commit(list.filter((v) => !inView.has(v)));
    }
  }

  // ---- event handlers ------------------------------------------------------------------------

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const host = this.host;
    if (host.isDisabled) return;
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
        } else if (host.searchValue) {
          e.preventDefault();
          this.setSearch('');
        }
        return;
      case 'Backspace':
        if (this.input.value === '' && !e.repeat) {
          const list = host.valueList();
          if (host.multi && list.length) {
            e.preventDefault();
            this.removeValue(list[list.length - 1]);
          } else if (!host.multi && list.length && host.clearable) {
            e.preventDefault();
            this.clear();
          }
        }
        return;
      case 'Tab':
        // multi: Tab reaches the select-all / deselect-all buttons of the open list
        if (!host.multi || e.shiftKey) this.close();
        return;
      case ' ':
        if (!host.searchable) {
          e.preventDefault();
          if (!open) this.openList(false);
          else if (this.activePos >= 0) this.selectAt(this.activePos);
        }
        return;
    }
    if (!host.searchable && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) this.typeAhead(e.key);
  };

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
      const o = this.host.norm.options[this.indexAt(p)];
      if (!o.disabled && o.label.toLowerCase().startsWith(this.typeahead)) {
        this.setActive(p);
        return;
      }
    }
  }

  private readonly onMenuKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    }
  };

  private readonly onInput = (e: Event): void => {
    // The inner input's events are ours: the host fires input/change only for value changes.
    e.stopPropagation();
    if (!this.host.searchable) return;
    const text = (e.target as HTMLInputElement).value;
    if (!this.open) this.openList(false);
    this.setSearch(text);
  };

  private readonly onControlMouseDown = (e: MouseEvent): void => {
    if (this.host.isDisabled || e.button !== 0) return;
    const target = e.composedPath()[0] as Element;
    if (target.closest?.('button')) return;
    const input = this.input;
    if (target !== input) e.preventDefault();
    input.focus();
    if (this.open && (target !== input || !this.host.searchable)) this.close();
    else this.openList(false);
  };

  private readonly onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (next && (next === this.host || this.host.shadowRoot!.contains(next))) return;
    this.close();
  };

  private posFromEvent(e: Event): number {
    const row = (e.composedPath()[0] as Element).closest?.('[role="option"]') as HTMLElement | null;
    return row ? Number(row.dataset.pos) : -1;
  }

  private readonly onListClick = (e: MouseEvent): void => {
    const pos = this.posFromEvent(e);
    if (pos >= 0) this.selectAt(pos);
    this.input.focus();
  };

  private readonly onListMouseMove = (e: MouseEvent): void => {
    const pos = this.posFromEvent(e);
    if (pos >= 0 && pos !== this.activePos && !this.host.norm.options[this.indexAt(pos)].disabled) {
      this.activePos = pos;
      this.host.requestUpdate();
    }
  };

  private readonly onScroll = (): void => {
    this.scrollPos = this.listbox!.scrollTop;
    this.host.requestUpdate();
  };

  // ---- rendering -------------------------------------------------------------------------------

  private renderRows(): TemplateResult[] {
    const n = this.count;
    if (!this.open || n === 0) return [];
    const { norm, multi } = this.host;
    const h = this.rowHeight;
    // Rows sit at their own offsets (pos × h): the list is never scaled, as the table's body may be.
    const { start: first, end: last } = viewportWindow(n, h, this.scrollPos, this.listHeight, OVERSCAN, Infinity);
    const selected = new Set(this.host.valueList());
    const rows: TemplateResult[] = [];
    for (let pos = first; pos < last; pos++) {
      const idx = this.indexAt(pos);
      const o = norm.options[idx];
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
      >${multi ? html`<span class="check" aria-hidden="true">${sel ? '✓' : ''}</span>` : nothing}<span class="label">${o.label}</span></div>`);
    }
    return rows;
  }

  render(): TemplateResult {
    const host = this.host;
    const ui = this.ui;
    const name = host.accessibleName();
    const values = host.valueList();
    const disabled = host.isDisabled;
    const n = this.count;
    const open = this.open;
    const activeIdx = open && this.activePos >= 0 && this.activePos < n ? this.indexAt(this.activePos) : -1;
    const summary = values.map((v) => this.labelOf(v)).join(', ');
    const showSingle = !host.multi && values.length > 0 && !host.searchValue;
    const placeholder = values.length ? '' : host.placeholder || ui.placeholder;
    const clearable = host.clearable && values.length > 0 && !disabled;
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
            aria-autocomplete=${host.searchable ? 'list' : 'none'}
            aria-haspopup="listbox"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${activeIdx >= 0 ? `o${activeIdx}` : nothing}
            aria-label=${name || nothing}
            aria-describedby=${summary ? 'summary' : nothing}
            placeholder=${placeholder}
            ?readonly=${!host.searchable}
            ?disabled=${disabled}
            .value=${live(host.searchable ? host.searchValue ?? '' : '')}
            @input=${this.onInput}
            @change=${(e: Event) => e.stopPropagation()}
            @keydown=${this.onKeyDown}
          />
          ${host.multi
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
        ${open && host.multi
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
          aria-multiselectable=${host.multi ? 'true' : nothing}
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
