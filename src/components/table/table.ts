import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import {
  combineColumnQueries,
  compileFilter,
  parseColumnFilter,
  parseFilterQuery,
  splitColumnQueries,
} from '../../table/query/index.js';
import { tableStyles } from './table.styles.js';
import {
  TablePipeline,
  cellText,
  checkColumnsAgainstRows,
  nextSortBy,
  normalizeColumns,
  normalizeData,
  normalizeSortBy,
  pageOf,
  viewportWindow,
  MAX_SCROLL_HEIGHT,
  type ColumnType,
  type PageInfo,
  type Row,
  type RowPredicate,
  type SortByEntry,
  type TableColumn,
} from './table-model.js';

export type { ColumnType, SortByEntry };

/** A column as a page writes it (Dash's shape). */
export interface DashTableColumn {
  id: string;
  name?: string | string[];
  type?: ColumnType;
  format?: Record<string, unknown>;
  editable?: boolean;
  hideable?: boolean;
  [key: string]: unknown;
}

/** Dash's `active_cell`. `row` indexes the current page of the filtered, sorted rows. */
export interface ActiveCell {
  row: number;
  column: number;
  row_id?: unknown;
  column_id: string;
}

export type TableAction = 'native' | 'custom' | 'none';

/** Rows kept in the DOM above and below the visible ones. */
const OVERSCAN = 8;
/** Without virtualization, more rows than this in the DOM is slow: say so once. */
const PLAIN_ROWS_WARNING = 5000;
const READ_ONLY = new Set(['derivedVirtualData', 'derivedVirtualIndices', 'derivedViewportData', 'derivedViewportIndices']);

interface FilterState {
  query: string;
  predicate: RowPredicate | null;
  key: string;
  error: { message: string; position: number } | null;
}

/**
 * `<dash-table>`: Dash DataTable's model as a custom element — an accessible, virtualized grid
 * with Dash's native or custom (backend) paging, sorting and filter-query language.
 *
 * Data flows filter → sort → page. `derivedVirtualData`/`derivedVirtualIndices` hold every
 * filtered, sorted row; `derivedViewportData`/`derivedViewportIndices` the current page.
 * With `virtualization`, only the rows in view (plus a few) are in the DOM, so a million rows
 * scroll smoothly; set a height with `--dash-table-max-height` (default 500px).
 *
 * @fires dash-prop-change - `{prop, value, user}` whenever a public property changes, including
 *   the read-only derived ones and `activeCell`; `user` is true for changes made through the UI
 *   (sorting, filtering, paging, clicking a cell).
 *
 * @csspart table - The scroll container holding the grid.
 * @csspart header - The sticky header row group (headers, filter inputs, fixed data rows).
 * @csspart header-cell - A column header cell.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart filter-row - The row of per-column filter inputs.
 * @csspart filter-input - A per-column filter input.
 * @csspart filter-error - The message shown for an invalid `filterQuery`.
 * @csspart row - A data row.
 * @csspart cell - A data cell.
 * @csspart empty - The "No rows" message.
 * @csspart paging - The paging controls.
 * @csspart page-button - A paging button.
 * @csspart page-input - The current-page input.
 *
 * @cssprop --dash-table-max-height - Height limit of the scrolling body when virtualized or with fixed headers (default 500px).
 * @cssprop --dash-table-row-height - Height of every row (default 32px); virtualization relies on it.
 * @cssprop --dash-table-font - Font shorthand (default 14px/1.4 system-ui).
 * @cssprop --dash-table-background - Cell background.
 * @cssprop --dash-table-color - Text color.
 * @cssprop --dash-table-border-color - Grid lines.
 * @cssprop --dash-table-border-radius - Corner radius of the scroll container.
 * @cssprop --dash-table-header-background - Header background.
 * @cssprop --dash-table-stripe-background - Background of every other row (default none).
 * @cssprop --dash-table-hover-background - Background of the row under the pointer.
 * @cssprop --dash-table-accent-color - Sort indicators, focus and active cell.
 * @cssprop --dash-table-invalid-color - Invalid filter marks.
 * @cssprop --dash-table-cell-padding - Cell padding (default 0 8px).
 */
export class DashTable extends DashElement {
  static override styles = tableStyles;

  /** The rows: an array of objects keyed by column id. */
  @property({ converter: jsonConverter }) data: Row[] = [];
  /** `[{id, name, type: any|numeric|text|datetime, format?, editable?, hideable?}]`. When empty, the first row's keys are used. */
  @property({ converter: jsonConverter }) columns: DashTableColumn[] = [];

  /** `native` pages in the browser, `custom` leaves paging to a callback, `none` shows every row. */
  @property({ attribute: 'page-action' }) pageAction: TableAction = 'native';
  /** Zero-based current page. */
  @property({ attribute: 'page-current', type: Number, reflect: true }) pageCurrent = 0;
  /** Rows per page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 250;
  /** Number of pages with `pageAction="custom"` (unknown when null). */
  @property({ attribute: 'page-count', type: Number }) pageCount: number | null = null;

  /** `native` sorts in the browser, `custom` only updates `sortBy`, `none` disables sorting. */
  @property({ attribute: 'sort-action' }) sortAction: TableAction = 'none';
  /** `single` or `multi` (shift-click a header to add a column). */
  @property({ attribute: 'sort-mode' }) sortMode: 'single' | 'multi' = 'single';
  /** `[{column_id, direction: 'asc'|'desc'}]`; `columnId` is accepted too. */
  @property({ attribute: 'sort-by', converter: jsonConverter }) sortBy: Array<SortByEntry | { columnId: string; direction: 'asc' | 'desc' }> = [];

  /** `native` filters in the browser, `custom` only updates `filterQuery`, `none` hides the filter row. */
  @property({ attribute: 'filter-action' }) filterAction: TableAction = 'none';
  /** Dash filter query, e.g. `{delay} > 100 && {origin} = "SFO"`. */
  @property({ attribute: 'filter-query', reflect: true }) filterQuery = '';

  /** Cells may be edited (interaction issue; accepted now). */
  @property({ type: Boolean }) editable = false;
  /** `single`, `multi` or false (interaction issue; accepted now). */
  @property({ attribute: 'row-selectable' }) rowSelectable: 'single' | 'multi' | false = false;
  /** Indices (into `data`) of the selected rows. */
  @property({ attribute: 'selected-rows', converter: jsonConverter }) selectedRows: number[] = [];
  /** `id` fields of the selected rows. */
  @property({ attribute: 'selected-row-ids', converter: jsonConverter }) selectedRowIds: unknown[] = [];
  /** The last cell clicked: `{row, column, row_id, column_id}` (`row` within the current page). */
  @property({ attribute: 'active-cell', converter: jsonConverter }) activeCell: ActiveCell | null = null;

  /** Keep only the rows in view in the DOM (plus a few). */
  @property({ type: Boolean }) virtualization = false;
  /** `{headers: true}` keeps the header fixed while the body scrolls; `data: n` also the first n rows of the page. */
  @property({ attribute: 'fixed-rows', converter: jsonConverter }) fixedRows: { headers?: boolean; data?: number } = { headers: false, data: 0 };

  /** Style for every cell (interaction issue). */
  @property({ attribute: 'style-cell', converter: jsonConverter }) styleCell: Record<string, unknown> | null = null;
  /** Style for header cells (interaction issue). */
  @property({ attribute: 'style-header', converter: jsonConverter }) styleHeader: Record<string, unknown> | null = null;
  /** Style for data cells (interaction issue). */
  @property({ attribute: 'style-data', converter: jsonConverter }) styleData: Record<string, unknown> | null = null;
  /** Conditional styles with Dash's `if` (interaction issue). */
  @property({ attribute: 'style-data-conditional', converter: jsonConverter }) styleDataConditional: unknown[] = [];
  /** Ids of columns not shown. */
  @property({ attribute: 'hidden-columns', converter: jsonConverter }) hiddenColumns: string[] = [];
  /** `csv` adds an export button (interaction issue). */
  @property({ attribute: 'export-format' }) exportFormat: 'csv' | 'none' | null = null;
  /** `data` before the last edit. */
  @property({ attribute: false }) dataPrevious: Row[] | null = null;
  /** Time (ms) of the last edit. */
  @property({ attribute: 'data-timestamp', type: Number }) dataTimestamp: number | null = null;

  /** Read-only: every row after filtering and sorting (all pages). */
  @property({ attribute: false }) derivedVirtualData: Row[] = [];
  /** Read-only: indices into `data` of `derivedVirtualData`. */
  @property({ attribute: false }) derivedVirtualIndices: number[] = [];
  /** Read-only: the rows of the current page. */
  @property({ attribute: false }) derivedViewportData: Row[] = [];
  /** Read-only: indices into `data` of the current page's rows. */
  @property({ attribute: false }) derivedViewportIndices: number[] = [];

  /** The body's scroll position; scrolling repaints only the row window, not the whole element. */
  private bodyScrollTop = 0;
  /** Height of the body's visible area (repaints the window only). */
  private viewportHeight = 0;
  @state() private rowHeight = 32;
  /** Per-column filter box text, as typed. */
  @state() private boxTexts = new Map<string, string>();
  @state() private invalidBoxes = new Set<string>();

  @query('.scroller') private scroller!: HTMLDivElement;
  @query('.head') private head!: HTMLDivElement;
  @query('.window') private windowEl?: HTMLDivElement | null;

  private readonly pipeline = new TablePipeline((k, m) => this.warnOnce(k, m));
  private rows: Row[] = [];
  private cols: TableColumn[] = [];
  private shown: TableColumn[] = [];
  private widths = new Map<string, number>();
  private sort: SortByEntry[] = [];
  private filter: FilterState = { query: '', predicate: null, key: '', error: null };
  private virtual: Uint32Array = new Uint32Array(0);
  private page: PageInfo = { page: 0, pageCount: 1, start: 0, end: 0 };
  /** Indices into `data` of the rows on the current page, in display order. */
  private view: Uint32Array = new Uint32Array(0);
  /** The filterQuery the boxes last wrote: re-splitting it would undo what the user typed. */
  private ownQuery: string | null = null;
  private resizeObserver?: ResizeObserver;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'aria-label'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'aria-label') this.requestUpdate();
  }

  override checkProp(prop: string, value: unknown): void {
    if (READ_ONLY.has(prop)) throw new TypeError(`${prop} is read-only`);
    if ((prop === 'data' || prop === 'columns' || prop === 'sortBy' || prop === 'hiddenColumns') && value !== null && !Array.isArray(value)) {
      throw new TypeError(`${prop} must be an array`);
    }
    if ((prop === 'pageCurrent' || prop === 'pageSize') && (typeof value !== 'number' || !Number.isInteger(value) || value < (prop === 'pageSize' ? 1 : 0))) {
      throw new TypeError(`${prop} must be a ${prop === 'pageSize' ? 'positive' : 'non-negative'} integer`);
    }
    if (prop === 'filterQuery' && value !== null && typeof value !== 'string') throw new TypeError('filterQuery must be a string');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeSize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Scrolls the body so the row at `index` (within the current page) is in view. */
  scrollToRow(index: number): void {
    if (!this.scroller) return;
    const n = this.bodyRowCount;
    const win = viewportWindow(n, this.rowHeight, 0, this.viewportHeight, 0);
    const total = n * this.rowHeight;
    const y = index * this.rowHeight;
    const vh = Math.min(this.viewportHeight, win.bodyHeight);
    const scrolled = total > win.bodyHeight ? (y * (win.bodyHeight - vh)) / Math.max(1, total - vh) : y;
    this.scroller.scrollTop = scrolled;
    this.onScroll();
  }

  // ------------------------------------------------------------------------------------------
  // Derived state

  protected override willUpdate(changed: PropertyValues): void {
    const warn = (k: string, m: string) => this.warnOnce(k, m);
    const dataChanged = changed.has('data');
    if (dataChanged) this.rows = normalizeData(this.data, warn);
    if (dataChanged || changed.has('columns') || changed.has('hiddenColumns')) {
      this.cols = normalizeColumns(this.columns, this.rows, warn);
      const hidden = new Set(Array.isArray(this.hiddenColumns) ? this.hiddenColumns.map(String) : []);
      this.shown = this.cols.filter((c) => !hidden.has(c.id));
      checkColumnsAgainstRows(this.cols, this.rows, warn);
      this.measureColumns();
    }
    if (changed.has('sortBy')) this.sort = normalizeSortBy(this.sortBy, warn);
    if (changed.has('filterQuery') || changed.has('columns') || dataChanged) this.updateFilter();

    const pipelineInputs = ['data', 'columns', 'sortBy', 'sortAction', 'filterQuery', 'filterAction'];
    const pageInputs = ['pageAction', 'pageCurrent', 'pageSize', 'pageCount'];
    const virtualChanged = !this.hasUpdated || pipelineInputs.some((p) => changed.has(p));
    if (virtualChanged) {
      const virtual = this.pipeline.run({
        data: this.rows,
        columns: this.cols,
        filter: this.filterAction === 'native' ? this.filter.predicate : null,
        filterKey: this.filter.key,
        sortBy: this.sortAction === 'native' ? this.sort : [],
      });
      if (virtual !== this.virtual || dataChanged) {
        this.virtual = virtual;
        const indices: number[] = [];
        const rows: Row[] = new Array(virtual.length);
        for (let i = 0; i < virtual.length; i++) {
          indices.push(virtual[i]);
          rows[i] = this.rows[virtual[i]];
        }
        this.derivedVirtualIndices = indices;
        this.derivedVirtualData = rows;
      }
    }
    if (virtualChanged || pageInputs.some((p) => changed.has(p))) {
      const oldPage = this.page.page;
      this.page = pageOf(this.virtual.length, this.pageAction, this.pageCurrent, this.pageSize, this.pageCount);
      const { start, end } = this.page;
      this.view = this.virtual.subarray(start, end);
      const whole = start === 0 && end === this.virtual.length;
      // One page of everything shares the virtual arrays (no copy of a million rows).
      this.derivedViewportIndices = whole ? this.derivedVirtualIndices : this.derivedVirtualIndices.slice(start, end);
      this.derivedViewportData = whole ? this.derivedVirtualData : this.derivedVirtualData.slice(start, end);
      if (this.page.page !== oldPage && this.scroller) {
        this.scroller.scrollTop = 0;
        this.bodyScrollTop = 0;
      }
      if (!this.virtualization && this.view.length > PLAIN_ROWS_WARNING) {
        this.warnOnce('plain-rows', `${this.view.length} rows without virtualization are slow: set "virtualization" or page the data`);
      }
    }
    super.willUpdate(changed);
  }

  private updateFilter(): void {
    const query = typeof this.filterQuery === 'string' ? this.filterQuery : '';
    const types: Record<string, ColumnType> = {};
    for (const c of this.cols) types[c.id] = c.type;
    const key = `${query}\u0000${JSON.stringify(types)}`;
    if (key === this.filter.key && this.filter.query === query) return;
    const parsed = parseFilterQuery(query);
    if (!parsed.ok) {
      this.warnOnce(`filter:${query}`, `filterQuery ${JSON.stringify(query)} is invalid (${parsed.error} at ${parsed.position}); not filtering`);
      this.filter = { query, predicate: null, key, error: { message: parsed.error, position: parsed.position } };
    } else {
      this.filter = { query, predicate: parsed.ast ? compileFilter(parsed.ast, types) : null, key, error: null };
    }
    if (query !== this.ownQuery) {
      // Set from outside: show it in the column boxes when it is a plain && of column filters.
      this.ownQuery = null;
      const parts = parsed.ok ? splitColumnQueries(query, types) : null;
      this.boxTexts = parts ?? new Map();
      this.invalidBoxes = new Set();
    }
  }

  /** Fixed column widths from the header and a sample of rows: one template for header and body. */
  private measureColumns(): void {
    const ctx = measureContext();
    const font = getComputedStyle(this).font || '14px system-ui';
    if (ctx) ctx.font = font;
    const measure = (text: string) => (ctx ? ctx.measureText(text).width : text.length * 8);
    const sample: Row[] = [];
    const n = this.rows.length;
    const step = Math.max(1, Math.floor(n / 100));
    for (let i = 0; i < Math.min(n, 100); i++) sample.push(this.rows[i]);
    for (let i = 0; i < n && sample.length < 200; i += step) sample.push(this.rows[i]);
    this.widths = new Map();
    for (const col of this.cols) {
      const fixed = Number(col.source.width);
      if (Number.isFinite(fixed) && fixed > 0) {
        this.widths.set(col.id, fixed);
        continue;
      }
      let w = measure(col.name) + 28; // sort indicator
      for (const row of sample) {
        const text = cellText(row[col.id]);
        if (text.length * 4 > w) w = Math.max(w, measure(text.length > 80 ? text.slice(0, 80) : text));
      }
      this.widths.set(col.id, Math.ceil(Math.min(360, Math.max(64, w + 20))));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private get fixedDataCount(): number {
    const n = Number(this.fixedRows?.data ?? 0);
    return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), this.view.length) : 0;
  }

  private get bodyRowCount(): number {
    return this.view.length - this.fixedDataCount;
  }

  private get headerRowCount(): number {
    return this.filterAction === 'none' ? 1 : 2;
  }

  override render(): TemplateResult {
    const cols = this.shown;
    const template = cols.map((c) => `${this.widths.get(c.id) ?? 120}px`).join(' ') || '1fr';
    const totalWidth = cols.reduce((sum, c) => sum + (this.widths.get(c.id) ?? 120), 0);
    const bounded = this.virtualization || !!this.fixedRows?.headers;
    const label = this.getAttribute('aria-label');
    const fixed = this.fixedDataCount;
    const error = this.filter.error;
    return html`
      ${error && this.filterAction !== 'none'
        ? html`<div part="filter-error" class="filter-error" id="filter-error" role="alert">
            Invalid filter query: ${error.message} (at ${error.position})
          </div>`
        : nothing}
      <div part="table" class="scroller ${bounded ? 'bounded' : ''}" @scroll=${this.onScroll}>
        <div
          class="grid"
          role="grid"
          aria-label=${label ?? nothing}
          aria-rowcount=${this.headerRowCount + this.view.length}
          aria-colcount=${cols.length}
          aria-readonly="true"
          style="--_columns: ${template}; width: ${totalWidth}px"
        >
          <div role="rowgroup" class="head" part="header">
            <div role="row" class="row header-row" aria-rowindex="1">${cols.map((c, i) => this.renderHeaderCell(c, i))}</div>
            ${this.filterAction === 'none' ? nothing : this.renderFilterRow(cols)}
            ${fixed ? html`<div class="fixed-data" role="presentation">${this.renderRows(0, fixed)}</div>` : nothing}
          </div>
          ${this.renderBody()}
        </div>
        ${this.view.length === 0 ? html`<div class="empty" part="empty" role="status">No rows</div>` : nothing}
      </div>
      ${this.renderPaging()}
    `;
  }

  private renderHeaderCell(col: TableColumn, index: number): TemplateResult {
    const sortIndex = this.sort.findIndex((s) => s.column_id === col.id);
    const sorted = sortIndex >= 0 ? this.sort[sortIndex] : null;
    const ariaSort = sorted ? (sorted.direction === 'asc' ? 'ascending' : 'descending') : undefined;
    const name = html`<span class="name">${col.name}</span>`;
    const sortable = this.sortAction !== 'none';
    const icon = sorted ? (sorted.direction === 'asc' ? '▲' : '▼') : '⇅';
    const order = sorted && this.sort.length > 1 ? html`<span class="sort-order">${sortIndex + 1}</span>` : nothing;
    return html`<div
      role="columnheader"
      class="cell th ${col.type}"
      part="header-cell"
      aria-colindex=${index + 1}
      aria-sort=${ariaSort ?? nothing}
      data-column-id=${col.id}
    >
      ${sortable
        ? html`<button
            type="button"
            part="sort-button"
            @click=${(e: MouseEvent) => this.onSort(col, e.shiftKey || e.metaKey || e.ctrlKey)}
            @keydown=${(e: KeyboardEvent) => this.onSortKey(col, e)}
          >${name}<span class="sort-icon" aria-hidden="true">${icon}${order}</span></button>`
        : html`<span class="label">${name}</span>`}
    </div>`;
  }

  private renderFilterRow(cols: TableColumn[]): TemplateResult {
    const error = !!this.filter.error;
    return html`<div role="row" class="row filter-row" part="filter-row" aria-rowindex="2">
      ${cols.map(
        (c, i) => html`<div role="gridcell" class="cell" aria-colindex=${i + 1}>
          <input
            type="text"
            part="filter-input"
            data-column-id=${c.id}
            aria-label=${`Filter ${c.name}`}
            placeholder="filter data…"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${error || this.invalidBoxes.has(c.id) ? 'true' : 'false'}
            aria-describedby=${error ? 'filter-error' : nothing}
            .value=${live(this.boxTexts.get(c.id) ?? '')}
            @change=${(e: Event) => this.onFilterInput(c, e.target as HTMLInputElement)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') this.onFilterInput(c, e.target as HTMLInputElement);
            }}
          />
        </div>`,
      )}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const fixed = this.fixedDataCount;
    const count = this.view.length - fixed;
    if (!this.virtualization) {
      return html`<div role="rowgroup" class="body plain">${this.renderRows(fixed, this.view.length)}</div>`;
    }
    const height = Math.min(count * this.rowHeight, MAX_SCROLL_HEIGHT);
    // The window's rows are painted by paintWindow(), on every update and on every scroll.
    return html`<div role="rowgroup" class="body" style="height: ${height}px"><div class="window" role="presentation"></div></div>`;
  }

  /** Renders the rows in view into the virtual body (a Lit render of its own: scrolling costs no element update). */
  private paintWindow(): void {
    const el = this.windowEl;
    if (!this.virtualization || !el) return;
    const fixed = this.fixedDataCount;
    const win = viewportWindow(this.view.length - fixed, this.rowHeight, this.bodyScrollTop, this.viewportHeight || 600, OVERSCAN);
    el.style.transform = `translateY(${win.top}px)`;
    const rows: number[] = [];
    for (let r = fixed + win.start; r < fixed + win.end; r++) rows.push(r);
    render(repeat(rows, (r) => r, (r) => this.renderRow(r)), el, { host: this });
  }

  /** Rows `from`..`to` (exclusive) of the current page. */
  private renderRows(from: number, to: number): TemplateResult[] {
    const out: TemplateResult[] = [];
    for (let r = from; r < to; r++) out.push(this.renderRow(r));
    return out;
  }

  /** Row `r` of the current page: the one place rows and cells are rendered. */
  private renderRow(r: number): TemplateResult {
    const row = this.rows[this.view[r]] ?? {};
    const active = this.activeCell;
    const activeCol = active && active.row === r ? active.column_id : null;
    return html`<div role="row" class="row" part="row" aria-rowindex=${this.headerRowCount + 1 + r} data-row=${r}>
      ${this.shown.map((c, ci) => this.renderCell(row, c, ci, c.id === activeCol))}
    </div>`;
  }

  private renderCell(row: Row, col: TableColumn, index: number, active: boolean): TemplateResult {
    return html`<div
      role="gridcell"
      class="cell ${col.type}"
      part="cell"
      aria-colindex=${index + 1}
      ?data-active=${active}
    >${this.formatCell(row[col.id], col)}</div>`;
  }

  /** Cell text (the interaction issue adds column formats here). */
  private formatCell(value: unknown, col: TableColumn): string {
    if (col.type === 'numeric' && value !== null && value !== undefined && value !== '' && typeof value !== 'number') {
      this.warnOnce(`mixed-render:${col.id}`, `column "${col.id}" is numeric but has the value ${JSON.stringify(value)}; shown as text`);
    }
    return cellText(value);
  }

  private renderPaging(): TemplateResult | typeof nothing {
    if (this.pageAction === 'none') return nothing;
    const { page, pageCount } = this.page;
    const custom = this.pageAction === 'custom';
    const knownCount = !custom || (this.pageCount !== null && this.pageCount !== undefined);
    if (knownCount && pageCount <= 1 && page === 0) return nothing;
    const last = knownCount ? pageCount - 1 : Infinity;
    const button = (label: string, text: string, target: number, disabled: boolean) =>
      html`<button type="button" part="page-button" aria-label=${label} title=${label} ?disabled=${disabled} @click=${() => this.goToPage(target)}>${text}</button>`;
    return html`<nav part="paging" class="paging" aria-label="Pagination">
      ${button('First page', '«', 0, page <= 0)} ${button('Previous page', '‹', page - 1, page <= 0)}
      <label for="page-input">Page</label>
      <input
        id="page-input"
        part="page-input"
        type="number"
        min="1"
        max=${knownCount ? pageCount : nothing}
        .value=${live(String(page + 1))}
        @change=${(e: Event) => this.goToPage(Number((e.target as HTMLInputElement).value) - 1)}
      />
      ${knownCount ? html`<span>of ${pageCount}</span>` : nothing}
      ${button('Next page', '›', page + 1, page >= last)} ${button('Last page', '»', last, !knownCount || page >= last)}
      <span class="visually-hidden" role="status">Page ${page + 1}${knownCount ? ` of ${pageCount}` : ''}</span>
    </nav>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.paintWindow();
  }

  protected override firstUpdated(): void {
    this.observeSize();
    this.scroller.addEventListener('click', (e) => this.onCellClick(e));
  }

  private observeSize(): void {
    if (this.resizeObserver || !this.scroller) return;
    this.resizeObserver = new ResizeObserver(() => this.measureViewport());
    this.resizeObserver.observe(this.scroller);
    this.resizeObserver.observe(this.head);
    this.measureViewport();
  }

  private measureViewport(): void {
    if (!this.scroller || !this.head) return;
    const rh = parseFloat(getComputedStyle(this).getPropertyValue('--dash-table-row-height'));
    const rowHeight = Number.isFinite(rh) && rh > 0 ? rh : 32;
    if (rowHeight !== this.rowHeight) this.rowHeight = rowHeight;
    const vh = Math.max(0, this.scroller.clientHeight - this.head.offsetHeight);
    if (vh !== this.viewportHeight) {
      this.viewportHeight = vh;
      this.paintWindow();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Events

  private onScroll = (): void => {
    const top = this.scroller.scrollTop;
    if (top === this.bodyScrollTop) return;
    this.bodyScrollTop = top;
    this.paintWindow();
  };

  private onSortKey(col: TableColumn, e: KeyboardEvent): void {
    if ((e.key === 'Enter' || e.key === ' ') && (e.shiftKey || e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      this.onSort(col, true);
    }
  }

  private onSort(col: TableColumn, add: boolean): void {
    const next = nextSortBy(this.sort, col.id, add && this.sortMode === 'multi');
    this.setByUser('sortBy', next);
  }

  private onFilterInput(col: TableColumn, input: HTMLInputElement): void {
    const text = input.value;
    const texts = new Map(this.boxTexts);
    if (text.trim()) texts.set(col.id, text);
    else texts.delete(col.id);
    const parts = new Map<string, string>();
    const invalid = new Set<string>();
    for (const c of this.cols) {
      const t = texts.get(c.id);
      if (!t) continue;
      const r = parseColumnFilter(c.id, c.type, t);
      if (!r.ok) invalid.add(c.id);
      else if (r.query) parts.set(c.id, r.query);
    }
    this.boxTexts = texts;
    this.invalidBoxes = invalid;
    const query = combineColumnQueries(parts);
    this.ownQuery = query;
    this.setByUser('filterQuery', query);
  }

  private goToPage(target: number): void {
    if (!Number.isFinite(target)) return;
    let page = Math.max(0, Math.floor(target));
    if (this.pageAction === 'native' || this.pageCount !== null) page = Math.min(page, this.page.pageCount - 1);
    this.setByUser('pageCurrent', page);
  }

  private onCellClick(e: Event): void {
    const path = e.composedPath();
    const cell = path.find((n) => n instanceof HTMLElement && n.getAttribute('role') === 'gridcell') as HTMLElement | undefined;
    const rowEl = cell?.parentElement;
    if (!cell || !rowEl?.dataset.row) return;
    const r = Number(rowEl.dataset.row);
    const ci = Number(cell.getAttribute('aria-colindex')) - 1;
    const col = this.shown[ci];
    const row = this.rows[this.view[r]];
    if (!col || !row) return;
    const next: ActiveCell = { row: r, column: this.cols.indexOf(col), column_id: col.id };
    if (row.id !== undefined) next.row_id = row.id;
    this.setByUser('activeCell', next);
  }
}

let canvas: HTMLCanvasElement | null = null;
function measureContext(): CanvasRenderingContext2D | null {
  canvas ??= document.createElement('canvas');
  return canvas.getContext('2d');
}
