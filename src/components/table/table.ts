import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from '../../internal/style-map.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { parseFilterQuery } from '../../filter-query/parser.js';
import { compileFilter } from '../../filter-query/evaluate.js';
import { tableStyles } from './table.styles.js';
import { TableSelection } from './table-selection.js';
import { TableEditor } from './table-cell-editor.js';
import { TableClipboard } from './table-clipboard.js';
import { DELETE_COL, SELECT_COL, TableNavigation } from './table-navigation.js';
import { Lazy, PendingWork, columnQueries, editCode, type ColumnQueries } from './table-lazy.js';
import { columnFormatter, specifierFormatsPending, type CellFormatter } from './table-format.js';
import {
  compileConditions,
  columnOnly,
  matchesCell,
  matchesColumn,
  matchesHeader,
  toStyle,
  type Condition,
  type StyleObject,
} from './table-style.js';
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

/** An entry of Dash's `selected_cells` (same shape as `active_cell`). */
export type TableCell = ActiveCell;

export type TableAction = 'native' | 'custom' | 'none';

/** Rows kept in the DOM above and below the visible ones. */
const OVERSCAN = 8;
/** Without virtualization, more rows than this in the DOM is slow: say so once. */
const PLAIN_ROWS_WARNING = 5000;
const READ_ONLY = new Set(['derivedVirtualData', 'derivedVirtualIndices', 'derivedViewportData', 'derivedViewportIndices']);
const CONTROL_WIDTH = 36;

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
 * Interaction follows Dash and the WAI-ARIA grid pattern: the grid is one tab stop; arrows,
 * Home/End, Ctrl+Home/End and PageUp/PageDown move the active cell (scrolling it into view, also
 * in a virtualized million-row body); Shift extends a cell selection; Enter or F2 (or typing)
 * edits an editable cell, Escape cancels, Enter/Tab commit and move; Ctrl+C copies the selected
 * cells as tab-separated text, Ctrl+V pastes such text into editable cells.
 *
 * @fires dash-prop-change - `{prop, value, user}` whenever a public property changes, including
 *   the read-only derived ones and `activeCell`; `user` is true for changes made through the UI
 *   (sorting, filtering, paging, moving the active cell, selecting, editing).
 * @fires input - After the user changed `data` (an edit, a paste, a deleted row).
 * @fires change - After the user changed `data` (an edit, a paste, a deleted row).
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
 * @csspart cell-editor - The input of the cell being edited.
 * @csspart edit-error - The message under an invalid edit.
 * @csspart select-cell - The cell holding a row's checkbox or radio.
 * @csspart select-input - A row's checkbox or radio, and the select-all checkbox.
 * @csspart delete-button - A row's delete button.
 * @csspart hide-button - The button hiding a `hideable` column.
 * @csspart toolbar - The bar above the table with the export button and the column menu.
 * @csspart export-button - The CSV export button.
 * @csspart columns-menu - The "Columns" menu listing `hideable` columns (a `details` element).
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
 * @cssprop --dash-table-invalid-color - Invalid filter marks and invalid edits.
 * @cssprop --dash-table-selected-background - Background of selected cells and rows.
 * @cssprop --dash-table-cell-padding - Cell padding (default 0 8px).
 *
 * @tagname dash-table
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

  /** Cells may be edited (a column's `editable` overrides it). */
  @property({ type: Boolean }) editable = false;
  /** Each row gets a delete button. */
  @property({ attribute: 'row-deletable', type: Boolean }) rowDeletable = false;
  /** `single` (radios) or `multi` (checkboxes, with a select-all of the filtered rows); false for none. */
  @property({ attribute: 'row-selectable', converter: { fromAttribute: (v: string | null) => (v === 'single' || v === 'multi' ? v : false) } })
  rowSelectable: 'single' | 'multi' | false = false;
  /** Indices (into `data`) of the selected rows. */
  @property({ attribute: 'selected-rows', converter: jsonConverter }) selectedRows: number[] = [];
  /** `id` fields of the selected rows. */
  @property({ attribute: 'selected-row-ids', converter: jsonConverter }) selectedRowIds: unknown[] = [];
  /** The active cell: `{row, column, row_id, column_id}` (`row` within the current page, `column` in `columns`). `rowId`/`columnId` accepted when written. */
  @property({ attribute: 'active-cell', converter: jsonConverter }) activeCell: ActiveCell | null = null;
  /** The selected cells, `[{row, column, row_id, column_id}]`, in page order (cells of the current page; at most 100,000 listed). */
  @property({ attribute: 'selected-cells', converter: jsonConverter }) selectedCells: TableCell[] = [];
  /** Copying puts the column names on the first line; pasting skips a first line of column names. */
  @property({ attribute: 'include-headers-on-copy-paste', type: Boolean }) includeHeadersOnCopyPaste = false;

  /** Keep only the rows in view in the DOM (plus a few). */
  @property({ type: Boolean }) virtualization = false;
  /** `{headers: true}` keeps the header fixed while the body scrolls; `data: n` also the first n rows of the page. */
  @property({ attribute: 'fixed-rows', converter: jsonConverter }) fixedRows: { headers?: boolean; data?: number } = { headers: false, data: 0 };

  /** Style (camelCase CSS keys) of every cell: headers, filter boxes and data. */
  @property({ attribute: 'style-cell', converter: jsonConverter }) styleCell: Record<string, unknown> | null = null;
  /** Style of header cells (over `styleCell`). */
  @property({ attribute: 'style-header', converter: jsonConverter }) styleHeader: Record<string, unknown> | null = null;
  /** Style of data cells (over `styleCell`). */
  @property({ attribute: 'style-data', converter: jsonConverter }) styleData: Record<string, unknown> | null = null;
  /** `[{if: {column_id, column_type}, ...style}]` for every cell of matching columns. */
  @property({ attribute: 'style-cell-conditional', converter: jsonConverter }) styleCellConditional: unknown[] = [];
  /** `[{if: {column_id, column_type, header_index}, ...style}]` for header cells. */
  @property({ attribute: 'style-header-conditional', converter: jsonConverter }) styleHeaderConditional: unknown[] = [];
  /** `[{if: {column_id, column_type, column_editable, filter_query, row_index, state}, ...style}]` for data cells; later entries win. */
  @property({ attribute: 'style-data-conditional', converter: jsonConverter }) styleDataConditional: unknown[] = [];
  /** Ids of columns not shown. Columns marked `hideable` get hide/show controls. */
  @property({ attribute: 'hidden-columns', converter: jsonConverter }) hiddenColumns: string[] = [];
  /** `csv` adds a button downloading the filtered, sorted rows (all pages, shown columns) as CSV. */
  @property({ attribute: 'export-format' }) exportFormat: 'csv' | 'none' | null = null;
  /** `data` before the last edit made in the table. */
  @property({ attribute: false }) dataPrevious: Row[] | null = null;
  /** Time (ms since the epoch) of the last edit made in the table. */
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
  /** @internal Height of the body's visible area (repaints the window only). */
  viewportHeight = 0;
  /** @internal */
  @state() rowHeight = 32;
  /** Per-column filter box text, as typed. */
  @state() private boxTexts = new Map<string, string>();
  @state() private invalidBoxes = new Set<string>();

  @query('.scroller') private scroller!: HTMLDivElement;
  /** @internal */
  @query('.head') head!: HTMLDivElement;
  @query('.window') private windowEl?: HTMLDivElement | null;
  /** @internal */
  @query('.grid') gridEl?: HTMLDivElement | null;

  /** @internal */
  readonly selection = new TableSelection(this);
  /** @internal */
  readonly editor = new TableEditor(this);
  private readonly clipboard = new TableClipboard(this);
  /** @internal */
  readonly navigation = new TableNavigation(this);
  private readonly pipeline = new TablePipeline((k, m) => this.warnOnce(k, m));
  /** @internal */
  rows: Row[] = [];
  /** @internal */
  cols: TableColumn[] = [];
  /** @internal */
  shown: TableColumn[] = [];
  private widths = new Map<string, number>();
  private sort: SortByEntry[] = [];
  private filter: FilterState = { query: '', predicate: null, key: '', error: null };
  /** @internal */
  virtual: Uint32Array = new Uint32Array(0);
  private page: PageInfo = { page: 0, pageCount: 1, start: 0, end: 0 };
  /** @internal Indices into `data` of the rows on the current page, in display order. */
  view: Uint32Array = new Uint32Array(0);
  /** The filterQuery the boxes last wrote: re-splitting it would undo what the user typed. */
  private ownQuery: string | null = null;
  private resizeObserver?: ResizeObserver;

  /** @internal */
  focusGridPending = false;
  /** data index → position on the page (-1: not on it); built when needed. */
  private posMap: Int32Array | null = null;
  private formatters = new Map<string, CellFormatter | null>();
  /** Code loaded on first use and the work waiting for it (d3-format, the filter boxes' language): updateComplete waits for them. */
  private readonly pending = new PendingWork();
  private dataBase = new Map<string, StyleObject>();
  private dataConds = new Map<string, Condition[]>();
  private headerStyles = new Map<string, StyleObject>();
  private filterStyle: StyleObject = {};
  /** @internal */
  ownEdit = false;

  /** @internal The parts beside this file write properties as the user's change too. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
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
    if ((prop === 'selectedRows' || prop === 'selectedRowIds' || prop === 'selectedCells') && value !== null && !Array.isArray(value)) {
      throw new TypeError(`${prop} must be an array`);
    }
    if (prop === 'activeCell' && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new TypeError('activeCell must be {row, column, row_id, column_id} or null');
    }
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
  /** Resolves once Lit has rendered, and the code loaded on first use (number formats, filter boxes) has been applied. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pending.size || this.isUpdatePending) {
      await this.pending.settled();
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // Derived state

  /** The columns' formatters; again once d3-format has loaded, when a column's `format.specifier` needs it. */
  private makeFormatters(): void {
    const warn = (k: string, m: string) => this.warnOnce(k, m);
    const cols = this.cols;
    this.formatters = new Map(cols.map((c) => [c.id, columnFormatter(c, warn)]));
    const pending = specifierFormatsPending(cols);
    if (pending) {
      this.track(
        pending.then(
          () => {
            if (this.cols === cols) this.makeFormatters();
            this.requestUpdate();
          },
          (error: unknown) => this.warnOnce('format-load', `d3-format could not be loaded (${String(error)}); number formats show raw values`),
        ),
      );
    }
  }

  /** @internal Work waiting for lazily loaded code (it handles its own errors): updateComplete waits for it. */
  track(work: Promise<void>): void {
    this.pending.track(work);
  }

  /** @internal Runs `task` with a module loaded on first use: now when it is there, else once it is. */
  withModule<T>(lazy: Lazy<T>, task: (module: T) => void): void {
    if (lazy.module) return task(lazy.module);
    this.track(
      lazy.load().then(task, (error: unknown) => {
        this.warnOnce(`load:${String(error)}`, `code this table needs could not be loaded (${String(error)})`);
      }),
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    const warn = (k: string, m: string) => this.warnOnce(k, m);
    const dataChanged = changed.has('data');
    if (dataChanged) this.rows = normalizeData(this.data, warn);
    const ownEdit = this.ownEdit;
    this.ownEdit = false;
    const colsChanged = (dataChanged && !ownEdit) || changed.has('columns') || changed.has('hiddenColumns');
    if (colsChanged) {
      this.cols = normalizeColumns(this.columns, this.rows, warn);
      const hidden = new Set(Array.isArray(this.hiddenColumns) ? this.hiddenColumns.map(String) : []);
      this.shown = this.cols.filter((c) => !hidden.has(c.id));
      checkColumnsAgainstRows(this.cols, this.rows, warn);
      this.measureColumns();
      this.makeFormatters();
    }
    const styleProps = ['styleCell', 'styleHeader', 'styleData', 'styleCellConditional', 'styleHeaderConditional', 'styleDataConditional', 'editable'];
    if (colsChanged || styleProps.some((p) => changed.has(p))) this.compileStyles();
    if (changed.has('sortBy')) this.sort = normalizeSortBy(this.sortBy, warn);
    if (changed.has('filterQuery') || changed.has('columns') || dataChanged) this.updateFilter();
    // Filter boxes are shown: their language loads now, so it is there when the user types.
    if (this.filterAction !== 'none' && !columnQueries.module) columnQueries.load().catch(() => {});
    // Editable cells: so is what turns typed text into values (the editor opens once it is there).
    if (!editCode.module && this.cols.some((c) => this.isEditable(c))) this.withModule(editCode, () => {});

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
      this.posMap = null;
    }
    const viewChanged = virtualChanged || pageInputs.some((p) => changed.has(p));
    this.selection.sync(changed, viewChanged);
    super.willUpdate(changed);
  }

  /** @internal Position of a data row on the current page, or -1. */
  positionOf(dataIndex: number): number {
    if (!this.posMap) {
      const map = new Int32Array(this.rows.length).fill(-1);
      const view = this.view;
      for (let p = 0; p < view.length; p++) map[view[p]] = p;
      this.posMap = map;
    }
    return dataIndex >= 0 && dataIndex < this.posMap.length ? this.posMap[dataIndex] : -1;
  }

  private compileStyles(): void {
    const warn = (k: string, m: string) => this.warnOnce(k, m);
    const types: Record<string, ColumnType> = {};
    for (const c of this.cols) types[c.id] = c.type;
    const cellConds = compileConditions(this.styleCellConditional, types, warn, 'styleCellConditional');
    const headerConds = compileConditions(this.styleHeaderConditional, types, warn, 'styleHeaderConditional');
    const dataConds = compileConditions(this.styleDataConditional, types, warn, 'styleDataConditional');
    const cell = toStyle(this.styleCell);
    const header = toStyle(this.styleHeader);
    const data = toStyle(this.styleData);
    this.dataBase = new Map();
    this.dataConds = new Map();
    this.headerStyles = new Map();
    this.filterStyle = cell;
    for (const c of this.cols) {
      const editable = this.isEditable(c);
      const forCol = cellConds.filter((x) => columnOnly(x) && matchesColumn(x, c, editable)).map((x) => x.style);
      this.dataBase.set(c.id, Object.assign({}, cell, ...forCol, data));
      this.dataConds.set(c.id, dataConds.filter((x) => matchesColumn(x, c, editable)));
      const forHeader = headerConds.filter((x) => matchesHeader(x, c, editable, 0)).map((x) => x.style);
      this.headerStyles.set(c.id, Object.assign({}, cell, ...forCol, header, ...forHeader));
    }
  }

  /** @internal */
  isEditable(col: TableColumn): boolean {
    const own = col.source.editable;
    return typeof own === 'boolean' ? own : this.editable;
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
      this.boxTexts = new Map();
      this.invalidBoxes = new Set();
      if (parsed.ok && query) {
        this.withModule(columnQueries, (q) => {
          if (this.filter.query === query && this.ownQuery === null) this.boxTexts = q.splitColumnQueries(query, types) ?? new Map();
        });
      }
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

  /** @internal Keys of the columns the keyboard moves over: control columns first (Dash's order), then the shown columns. */
  get navCols(): string[] {
    const out: string[] = [];
    if (this.rowDeletable) out.push(DELETE_COL);
    if (this.rowSelectable === 'single' || this.rowSelectable === 'multi') out.push(SELECT_COL);
    for (const c of this.shown) out.push(c.id);
    return out;
  }

  /** @internal */
  get controlCount(): number {
    return (this.rowDeletable ? 1 : 0) + (this.rowSelectable === 'single' || this.rowSelectable === 'multi' ? 1 : 0);
  }

  override render(): TemplateResult {
    const cols = this.shown;
    const controls = this.controlCount;
    const template = [...Array(controls).fill(`${CONTROL_WIDTH}px`), ...cols.map((c) => `${this.widths.get(c.id) ?? 120}px`)].join(' ') || '1fr';
    const totalWidth = controls * CONTROL_WIDTH + cols.reduce((sum, c) => sum + (this.widths.get(c.id) ?? 120), 0);
    const bounded = this.virtualization || !!this.fixedRows?.headers;
    const label = this.getAttribute('aria-label');
    const fixed = this.fixedDataCount;
    const error = this.filter.error;
    const anyEditable = this.cols.some((c) => this.isEditable(c));
    return html`
      ${this.renderToolbar()}
      ${this.editor.editing?.error
        ? html`<div part="edit-error" class="edit-error" id="edit-error" role="alert">${this.editor.editing.error}</div>`
        : nothing}
      ${error && this.filterAction !== 'none'
        ? html`<div part="filter-error" class="filter-error" id="filter-error" role="alert">
            Invalid filter query: ${error.message} (at ${error.position})
          </div>`
        : nothing}
      <div part="table" class="scroller ${bounded ? 'bounded' : ''}" @scroll=${this.onScroll}>
        <div
          class="grid"
          role="grid"
          tabindex="0"
          aria-label=${label ?? nothing}
          aria-rowcount=${this.headerRowCount + this.view.length}
          aria-colcount=${controls + cols.length}
          aria-readonly=${anyEditable ? 'false' : 'true'}
          aria-multiselectable="true"
          style=${styleMap({ '--_columns': template, width: `${totalWidth}px` })}
          @keydown=${this.navigation.onGridKey}
          @focus=${this.navigation.onGridFocus}
        >
          <div role="rowgroup" class="head" part="header">
            <div role="row" class="row header-row" aria-rowindex="1">
              ${this.renderControlHeaders()}${cols.map((c, i) => this.renderHeaderCell(c, controls + i))}
            </div>
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

  private renderToolbar(): TemplateResult | typeof nothing {
    const hideable = this.cols.filter((c) => c.source.hideable === true);
    const csv = this.exportFormat === 'csv';
    if (!csv && !hideable.length) return nothing;
    const hidden = new Set(Array.isArray(this.hiddenColumns) ? this.hiddenColumns.map(String) : []);
    return html`<div class="toolbar" part="toolbar">
      ${csv ? html`<button type="button" part="export-button" @click=${() => this.clipboard.exportCsv()}>Export</button>` : nothing}
      ${hideable.length
        ? html`<details part="columns-menu" class="columns-menu">
            <summary>Columns</summary>
            <fieldset>
              <legend class="visually-hidden">Shown columns</legend>
              ${hideable.map(
                (c) => html`<label
                  ><input type="checkbox" .checked=${live(!hidden.has(c.id))} @change=${(e: Event) => this.setHidden(c.id, !(e.target as HTMLInputElement).checked)} />
                  ${c.name}</label
                >`,
              )}
            </fieldset>
          </details>`
        : nothing}
    </div>`;
  }

  private renderControlHeaders(): TemplateResult[] {
    const out: TemplateResult[] = [];
    let i = 0;
    if (this.rowDeletable) {
      out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}><span class="visually-hidden">Delete</span></div>`);
    }
    if (this.rowSelectable === 'multi') {
      const { all, some } = this.selection.filteredSelection();
      out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}>
        <input
          type="checkbox"
          part="select-input"
          tabindex="-1"
          aria-label="Select all rows"
          .checked=${live(all)}
          .indeterminate=${some && !all}
          ?disabled=${this.view.length === 0}
          @change=${(e: Event) => this.selection.selectAll((e.target as HTMLInputElement).checked)}
        />
      </div>`);
    } else if (this.rowSelectable === 'single') {
      out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}><span class="visually-hidden">Select</span></div>`);
    }
    return out;
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
      style=${styleMap(this.headerStyles.get(col.id) ?? {})}
    >
      ${sortable
        ? html`<button
            type="button"
            part="sort-button"
            @click=${(e: MouseEvent) => this.onSort(col, e.shiftKey || e.metaKey || e.ctrlKey)}
            @keydown=${(e: KeyboardEvent) => this.onSortKey(col, e)}
          >${name}<span class="sort-icon" aria-hidden="true">${icon}${order}</span></button>`
        : html`<span class="label">${name}</span>`}
      ${col.source.hideable === true
        ? html`<button type="button" class="hide" part="hide-button" aria-label=${`Hide column ${col.name}`} title="Hide column" @click=${() => this.setHidden(col.id, true)}>
            <span aria-hidden="true">×</span>
          </button>`
        : nothing}
    </div>`;
  }

  private renderFilterRow(cols: TableColumn[]): TemplateResult {
    const error = !!this.filter.error;
    const controls = this.controlCount;
    return html`<div role="row" class="row filter-row" part="filter-row" aria-rowindex="2">
      ${Array.from({ length: controls }, (_, i) => html`<div role="gridcell" class="cell control" aria-colindex=${i + 1}></div>`)}
      ${cols.map(
        (c, i) => html`<div role="gridcell" class="cell" aria-colindex=${controls + i + 1} style=${styleMap(this.filterStyle)}>
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
    return html`<div role="rowgroup" class="body" style=${styleMap({ height: `${height}px` })}><div class="window" role="presentation"></div></div>`;
  }

  /** Renders the rows in view into the virtual body (a Lit render of its own: scrolling costs no element update). */
  private paintWindow(): void {
    const el = this.windowEl;
    if (!this.virtualization || !el) return;
    const fixed = this.fixedDataCount;
    const win = viewportWindow(this.view.length - fixed, this.rowHeight, this.bodyScrollTop, this.viewportHeight || 600, OVERSCAN);
    // `top`, not a transform: transforms are float32, which past ~8M px is off by whole pixels.
    el.style.top = `${win.top}px`;
    const rows: number[] = [];
    for (let r = fixed + win.start; r < fixed + win.end; r++) rows.push(r);
    const editing = this.editor.editing;
    if (editing && !rows.includes(this.positionOf(editing.row)) && this.positionOf(editing.row) >= fixed) {
      // The row being edited scrolled out of the DOM: commit what was typed (or drop it when invalid).
      queueMicrotask(() => this.editor.editing === editing && this.editor.commit(null, false, true));
    }
    render(repeat(rows, (r) => r, (r) => this.renderRow(r)), el, { host: this });
    this.navigation.syncActiveDescendant();
  }

  /** Rows `from`..`to` (exclusive) of the current page. */
  private renderRows(from: number, to: number): TemplateResult[] {
    const out: TemplateResult[] = [];
    for (let r = from; r < to; r++) out.push(this.renderRow(r));
    return out;
  }

  /** Row `r` of the current page: the one place rows and cells are rendered. */
  private renderRow(r: number): TemplateResult {
    const dataIndex = this.view[r];
    const row = this.rows[dataIndex] ?? {};
    const rowSelectable = this.rowSelectable === 'single' || this.rowSelectable === 'multi';
    const selected = rowSelectable && this.selection.selectedRowSet().has(dataIndex);
    const controls = this.controlCount;
    const f = this.selection.focusCell;
    const focusCol = f && f.row === dataIndex ? f.col : null;
    let ci = 0;
    const control: TemplateResult[] = [];
    if (this.rowDeletable) {
      const c = ci++;
      control.push(html`<div role="gridcell" class="cell control" id=${`cell-${r}-${c}`} aria-colindex=${c + 1} ?data-focus=${focusCol === DELETE_COL}>
        <button type="button" part="delete-button" tabindex="-1" aria-label=${`Delete row ${r + 1}`} title="Delete row">
          <span aria-hidden="true">×</span>
        </button>
      </div>`);
    }
    if (rowSelectable) {
      const c = ci++;
      control.push(html`<div role="gridcell" class="cell control" part="select-cell" id=${`cell-${r}-${c}`} aria-colindex=${c + 1} ?data-focus=${focusCol === SELECT_COL}>
        <input
          type=${this.rowSelectable === 'single' ? 'radio' : 'checkbox'}
          part="select-input"
          tabindex="-1"
          aria-label=${`Select row ${r + 1}`}
          .checked=${live(selected)}
        />
      </div>`);
    }
    return html`<div
      role="row"
      class="row"
      part="row"
      aria-rowindex=${this.headerRowCount + 1 + r}
      aria-selected=${rowSelectable ? String(selected) : nothing}
      ?data-selected=${selected}
      data-row=${r}
    >
      ${control}${this.shown.map((c, i) => this.renderCell(row, dataIndex, r, c, controls + i, focusCol === c.id))}
    </div>`;
  }

  private renderCell(row: Row, dataIndex: number, r: number, col: TableColumn, index: number, focused: boolean): TemplateResult {
    const a = this.selection.anchor;
    const active = !!a && a.row === dataIndex && a.col === col.id;
    const selected = this.selection.isCellSelected(dataIndex, col.id);
    const editable = this.isEditable(col);
    const style = this.cellStyle(row, r, col, editable, active, selected);
    const edit = this.editor.editing;
    const isEditing = !!edit && edit.row === dataIndex && edit.col === col.id;
    return html`<div
      role="gridcell"
      class="cell ${col.type} ${isEditing ? 'editing' : ''}"
      part="cell"
      id=${`cell-${r}-${index}`}
      aria-colindex=${index + 1}
      aria-selected=${selected ? 'true' : 'false'}
      aria-readonly=${editable ? nothing : 'true'}
      ?data-active=${active}
      ?data-selected=${selected}
      ?data-focus=${focused}
      style=${styleMap(style)}
    >${isEditing ? this.editor.render(edit, col) : this.formatCell(row[col.id], col)}</div>`;
  }

  private cellStyle(row: Row, r: number, col: TableColumn, editable: boolean, active: boolean, selected: boolean): StyleObject {
    const base = this.dataBase.get(col.id);
    const conds = this.dataConds.get(col.id);
    if (!conds || !conds.length) return base ?? {};
    let out: StyleObject | null = null;
    for (const c of conds) {
      if (columnOnly(c) || matchesCell(c, { column: col, editable, rowIndex: r, row, active, selected })) {
        out ??= { ...base };
        Object.assign(out, c.style);
      }
    }
    return out ?? base ?? {};
  }

  /** Cell text, through the column's `format` when it has one. */
  private formatCell(value: unknown, col: TableColumn): string {
    if (col.type === 'numeric' && value !== null && value !== undefined && value !== '' && typeof value !== 'number') {
      this.warnOnce(`mixed-render:${col.id}`, `column "${col.id}" is numeric but has the value ${JSON.stringify(value)}; shown as text`);
    }
    const f = this.formatters.get(col.id);
    return f ? f(value) : cellText(value);
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
    this.navigation.syncActiveDescendant();
    this.editor.focusIfPending();
    if (this.focusGridPending) {
      this.focusGridPending = false;
      this.gridEl?.focus({ preventScroll: true });
    }
  }

  protected override firstUpdated(): void {
    this.observeSize();
    this.scroller.addEventListener('click', (e) => this.navigation.onCellClick(e as MouseEvent));
    this.scroller.addEventListener('dblclick', (e) => this.navigation.onCellDoubleClick(e));
    this.scroller.addEventListener('mousedown', (e) => {
      // Shift-click extends the cell selection, not the text selection.
      if (e.shiftKey && this.navigation.cellAt(e)) e.preventDefault();
    });
    // The editor's and filter boxes' `input` events are composed: they would reach the page as
    // the table's own. The table fires `input`/`change` itself when `data` changes.
    this.renderRoot.addEventListener('input', (e) => e.stopPropagation());
    this.addEventListener('copy', this.clipboard.onCopy);
    this.addEventListener('paste', this.clipboard.onPaste);
  }

  private observeSize(): void {
    if (this.resizeObserver || !this.scroller) return;
    this.resizeObserver = new ResizeObserver(() => this.measureViewport());
    this.resizeObserver.observe(this.scroller);
    this.resizeObserver.observe(this.head);
    this.measureViewport();
  }

  /** @internal */
  measureViewport(): void {
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
    this.withModule(columnQueries, (q) => this.applyFilterBox(q, col, text));
  }

  private applyFilterBox({ parseColumnFilter, combineColumnQueries }: ColumnQueries, col: TableColumn, text: string): void {
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

  /** @internal Scrolls so the cell at page position p, nav column c is in view (the virtual body included). */
  ensureVisible(p: number, c: number): void {
    const sc = this.scroller;
    if (!sc) return;
    this.measureViewport();
    const fixed = this.fixedDataCount;
    const scrollsVertically = sc.scrollHeight > sc.clientHeight + 1;
    if (p >= fixed && scrollsVertically) {
      const k = p - fixed;
      const rh = this.rowHeight;
      const total = (this.view.length - fixed) * rh;
      const bodyHeight = Math.min(total, MAX_SCROLL_HEIGHT);
      const vh = Math.max(rh, this.viewportHeight || sc.clientHeight - this.head.offsetHeight);
      const scale = this.virtualization && total > bodyHeight && bodyHeight > vh ? (total - vh) / (bodyHeight - vh) : 1;
      const pos = sc.scrollTop * scale;
      let next = pos;
      if (k * rh < pos) next = k * rh;
      else if ((k + 1) * rh > pos + vh) next = (k + 1) * rh - vh;
      if (next !== pos) {
        // Scroll offsets snap to (device) pixels: nudge until the row is wholly inside.
        const down = next > pos;
        // (Chromium keeps offsets this large at 2px steps.)
        const wanted = down ? Math.ceil(next / scale) : Math.floor(next / scale);
        sc.scrollTop = wanted;
        for (let i = 1; i <= 4 && (down ? sc.scrollTop * scale < next : sc.scrollTop * scale > next); i++) {
          sc.scrollTop = wanted + (down ? i : -i);
        }
        this.onScroll();
      }
    }
    const controls = this.controlCount;
    let x = Math.min(c, controls) * CONTROL_WIDTH;
    for (let i = 0; i < c - controls; i++) x += this.widths.get(this.shown[i].id) ?? 120;
    const w = c < controls ? CONTROL_WIDTH : (this.widths.get(this.shown[c - controls]?.id) ?? 120);
    if (x < sc.scrollLeft) sc.scrollLeft = x;
    else if (x + w > sc.scrollLeft + sc.clientWidth) sc.scrollLeft = x + w - sc.clientWidth;
    if (!scrollsVertically) {
      // The table is as tall as its rows: the page scrolls instead.
      this.updateComplete.then(() => {
        this.renderRoot.querySelector(`#cell-${p}-${c}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      });
    }
  }

  // --- editing -----------------------------------------------------------------------------

  // --- rows --------------------------------------------------------------------------------

  private setHidden(id: string, hide: boolean): void {
    const hidden = Array.isArray(this.hiddenColumns) ? this.hiddenColumns.map(String) : [];
    const next = hide ? (hidden.includes(id) ? hidden : [...hidden, id]) : hidden.filter((h) => h !== id);
    this.setByUser('hiddenColumns', next);
  }

  // --- clipboard and export ----------------------------------------------------------------

  /** The filtered, sorted rows (all pages, shown columns) as the CSV the export button downloads. */
  toCsv(): string {
    return this.clipboard.csvParts().join('');
  }

}


let canvas: HTMLCanvasElement | null = null;
function measureContext(): CanvasRenderingContext2D | null {
  canvas ??= document.createElement('canvas');
  return canvas.getContext('2d');
}
