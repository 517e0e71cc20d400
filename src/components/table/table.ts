import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from '../../internal/style-map.js';
import { DashElement } from '../../internal/dash-element.js';
import { Persistent, type PersistenceTransform } from '../../internal/persistence.js';
import { jsonConverter } from '../../internal/converters.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { tableStyles } from './table.styles.js';
import { TableSelection } from './table-selection.js';
import { TableEditor } from './table-cell-editor.js';
import { TableClipboard } from './table-clipboard.js';
import { DELETE_COL, SELECT_COL, TableNavigation } from './table-navigation.js';
import { CONTROL_WIDTH, TableViewport, columnWidths } from './table-viewport.js';
import { renderPaging } from './table-paging.js';
import { checkTableProp, correctInputs, correctPageCurrent } from './table-inputs.js';
import { renderBody, renderRows } from './table-body.js';
import { renderControlHeaders, renderFilterRow, renderHeaderCell, renderToolbar } from './table-header.js';
import { columnQueries, editCode, filterCode, sortCode } from './table-lazy.js';
import { Lazy } from '../../internal/lazy.js';
import { PendingWork } from '../../internal/pending-work.js';
import { columnFormatter, specifierFormatsPending, type CellFormatter } from './table-format.js';
import { compileTableStyles, usesFilterQuery, type TableStyles } from './table-style.js';
import {
  TablePipeline,
  checkColumnsAgainstRows,
  normalizeColumns,
  normalizeData,
  normalizeSortBy,
  pageOf,
  type ColumnType,
  type PageInfo,
  type Row,
  type RowPredicate,
  type SortByEntry,
  type TableColumn,
} from './table-model.js';
import { accessibleName } from '../../internal/accessible-name.js';

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

/** Without virtualization, more rows than this in the DOM is slow: say so once. */
const PLAIN_ROWS_WARNING = 5000;

interface FilterState {
  query: string;
  predicate: RowPredicate | null;
  key: string;
  error: { message: string; position: number } | null;
}

/** Persisting `columns.name` keeps only the columns' names (Dash's persistence transform), by position. */
const columnNames: PersistenceTransform = {
  extract: (columns) => (Array.isArray(columns) ? columns.map((c: { name?: unknown }) => c?.name) : columns),
  apply: (names, columns) =>
    Array.isArray(names) && Array.isArray(columns)
      ? columns.map((c: object, i) => (i < names.length ? { ...c, name: names[i] } : c))
      : columns,
};

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
export class DashTable extends Persistent(DashElement, {
  props: ['columns.name', 'data', 'filterQuery', 'hiddenColumns', 'selectedColumns', 'selectedRows', 'sortBy'],
  transforms: { 'columns.name': columnNames },
}) {
  static override styles = [visuallyHidden, tableStyles];

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

  // What the parts beside this file (table-*.ts) share. `@internal`: not public API, and kept out
  // of custom-elements.json.

  /** @internal Per-column filter box text, as typed. */
  @state() boxTexts = new Map<string, string>();
  /** @internal */
  @state() invalidBoxes = new Set<string>();

  /** @internal */
  @query('.scroller') scroller!: HTMLDivElement;
  /** @internal */
  @query('.head') head!: HTMLDivElement;
  /** @internal */
  @query('.window') windowEl?: HTMLDivElement | null;
  /** @internal */
  @query('.grid') gridEl?: HTMLDivElement | null;

  /** @internal */
  readonly selection = new TableSelection(this);
  /** @internal */
  readonly editor = new TableEditor(this);
  /** @internal */
  readonly clipboard = new TableClipboard(this);
  /** @internal */
  readonly navigation = new TableNavigation(this);
  /** @internal */
  readonly viewport = new TableViewport(this);
  private readonly pipeline = new TablePipeline((k, m) => this.warnOnce(k, m));
  /** @internal */
  rows: Row[] = [];
  /** @internal */
  cols: TableColumn[] = [];
  /** @internal */
  shown: TableColumn[] = [];
  /** @internal */
  widths = new Map<string, number>();
  /** @internal */
  sort: SortByEntry[] = [];
  /** @internal */
  filter: FilterState = { query: '', predicate: null, key: '', error: null };
  /** @internal */
  virtual: Uint32Array = new Uint32Array(0);
  /** @internal */
  page: PageInfo = { page: 0, pageCount: 1, start: 0, end: 0 };
  /** @internal Indices into `data` of the rows on the current page, in display order. */
  pageIndices: Uint32Array = new Uint32Array(0);
  /** @internal The filterQuery the boxes last wrote: re-splitting it would undo what the user typed. */
  ownQuery: string | null = null;

  /** A filterQuery is waiting for the filter language to load: native filtering holds the rows until it has. */
  private filterPending = false;
  /** A sortBy is waiting for the sort code to load: native sorting holds the rows until it has. */
  private sortPending = false;
  /** @internal */
  focusGridPending = false;
  /** data index → position on the page (-1: not on it); built when needed. */
  private posMap: Int32Array | null = null;
  /** @internal */
  formatters = new Map<string, CellFormatter | null>();
  /** Code loaded on first use and the work waiting for it (d3-format, the filter boxes' language): updateComplete waits for them. */
  private readonly pending = new PendingWork();
  /** @internal Every column's styles, from the style props. */
  styles: TableStyles = { dataBase: new Map(), dataConds: new Map(), headerStyles: new Map(), filterStyle: {} };
  /** @internal */
  ownEdit = false;

  /** @internal The parts beside this file write properties as the user's change too. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    if (prop === 'selectedRows') this.ownSelectedRows = value;
    return super.setByUser(prop, value);
  }

  /** @internal The selectedRows the table itself last wrote: valid by construction, not checked again. */
  ownSelectedRows: unknown = null;

  override checkProp(prop: string, value: unknown): void {
    checkTableProp(prop, value);
  }

  /** Scrolls the body so the row at `index` (within the current page) is in view. */
  scrollToRow(index: number): void {
    this.viewport.scrollToRow(index);
  }

  /** Resolves once Lit has rendered, and the code loaded on first use (number formats, filter boxes) has been applied. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
  }

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
    correctInputs(this, changed);
    const ownEdit = this.ownEdit;
    this.ownEdit = false;
    const colsChanged = (dataChanged && !ownEdit) || changed.has('columns') || changed.has('hiddenColumns');
    if (colsChanged) {
      this.cols = normalizeColumns(this.columns, this.rows, warn);
      const hidden = new Set(Array.isArray(this.hiddenColumns) ? this.hiddenColumns.map(String) : []);
      this.shown = this.cols.filter((c) => !hidden.has(c.id));
      checkColumnsAgainstRows(this.cols, this.rows, warn);
      this.widths = columnWidths(this, this.cols, this.rows);
      this.makeFormatters();
    }
    const styleProps = ['styleCell', 'styleHeader', 'styleData', 'styleCellConditional', 'styleHeaderConditional', 'styleDataConditional', 'editable'];
    if (colsChanged || styleProps.some((p) => changed.has(p))) this.compileStyles();
    if (changed.has('sortBy')) this.sort = normalizeSortBy(this.sortBy, warn);
    const filterArrived = this.filterPending && filterCode.module !== null;
    if (filterArrived || changed.has('filterQuery') || changed.has('columns') || dataChanged) this.updateFilter();
    // Filter boxes are shown: their language loads now, so it is there when the user types.
    if (this.filterAction !== 'none' && !columnQueries.module) columnQueries.load().catch(() => {});
    // Editable cells: so is what turns typed text into values (the editor opens once it is there).
    if (!editCode.module && this.cols.some((c) => this.isEditable(c))) this.withModule(editCode, () => {});

    // Sortable: the sort code loads now, so a click on a header sorts at once.
    if (this.sortAction === 'native' && !sortCode.module) sortCode.load().catch(() => {});
    const sortArrived = this.sortPending && sortCode.module !== null;
    this.sortPending = this.sortAction === 'native' && this.sort.length > 0 && !sortCode.module;
    if (this.sortPending) this.withModule(sortCode, () => this.requestUpdate());

    const pipelineInputs = ['data', 'columns', 'sortBy', 'sortAction', 'filterQuery', 'filterAction'];
    const pageInputs = ['pageAction', 'pageCurrent', 'pageSize', 'pageCount'];
    const virtualChanged = !this.hasUpdated || filterArrived || sortArrived || pipelineInputs.some((p) => changed.has(p));
    // Until the filter language and the sort code are there, the rows are held rather than shown unfiltered or unsorted.
    if (virtualChanged && !(this.filterPending && this.filterAction === 'native') && !this.sortPending) {
      const virtual = this.pipeline.run({
        data: this.rows,
        columns: this.cols,
        filter: this.filterAction === 'native' ? this.filter.predicate : null,
        filterKey: this.filter.key,
        sortBy: this.sortAction === 'native' ? this.sort : [],
        sorting: sortCode.module,
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
      if (changed.has('pageCurrent') || changed.has('pageAction')) correctPageCurrent(this);
      this.page = pageOf(this.virtual.length, this.pageAction, this.pageCurrent, this.pageSize, this.pageCount);
      const { start, end } = this.page;
      this.pageIndices = this.virtual.subarray(start, end);
      const whole = start === 0 && end === this.virtual.length;
      // One page of everything shares the virtual arrays (no copy of a million rows).
      this.derivedViewportIndices = whole ? this.derivedVirtualIndices : this.derivedVirtualIndices.slice(start, end);
      this.derivedViewportData = whole ? this.derivedVirtualData : this.derivedVirtualData.slice(start, end);
      if (this.page.page !== oldPage && this.scroller) {
        this.scroller.scrollTop = 0;
        this.viewport.bodyScrollTop = 0;
      }
      if (!this.virtualization && this.pageIndices.length > PLAIN_ROWS_WARNING) {
        this.warnOnce('plain-rows', `${this.pageIndices.length} rows without virtualization are slow: set "virtualization" or page the data`);
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
      const page = this.pageIndices;
      for (let p = 0; p < page.length; p++) map[page[p]] = p;
      this.posMap = map;
    }
    return dataIndex >= 0 && dataIndex < this.posMap.length ? this.posMap[dataIndex] : -1;
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
    const language = filterCode.module;
    this.filterPending = query.trim() !== '' && !language;
    if (this.filterPending) {
      this.withModule(filterCode, () => this.requestUpdate());
      return;
    }
    const parsed = language ? language.parseFilterQuery(query) : ({ ok: true, ast: null } as const);
    if (!parsed.ok) {
      this.warnOnce(`filter:${query}`, `filterQuery ${JSON.stringify(query)} is invalid (${parsed.error} at ${parsed.position}); not filtering`);
      this.filter = { query, predicate: null, key, error: { message: parsed.error, position: parsed.position } };
    } else {
      this.filter = { query, predicate: parsed.ast && language ? language.compileFilter(parsed.ast, types) : null, key, error: null };
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

  /** Compiles the style props; again once the filter language has loaded, when a conditional style has a `filter_query`. */
  private compileStyles(): void {
    const warn = (k: string, m: string) => this.warnOnce(k, m);
    this.styles = compileTableStyles(this, this.cols, (c) => this.isEditable(c), warn, filterCode.module);
    if (!filterCode.module && usesFilterQuery(this)) {
      const cols = this.cols;
      this.withModule(filterCode, () => {
        if (this.cols === cols) this.compileStyles();
        this.requestUpdate();
      });
    }
  }

  /** @internal */
  get fixedDataCount(): number {
    const n = Number(this.fixedRows?.data ?? 0);
    return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), this.pageIndices.length) : 0;
  }

  /** @internal */
  get bodyRowCount(): number {
    return this.pageIndices.length - this.fixedDataCount;
  }

  /** @internal */
  get headerRowCount(): number {
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
    const label = accessibleName(this);
    const fixed = this.fixedDataCount;
    const error = this.filter.error;
    const anyEditable = this.cols.some((c) => this.isEditable(c));
    return html`
      ${renderToolbar(this)}
      ${this.editor.editing?.error
        ? html`<div part="edit-error" class="edit-error" id="edit-error" role="alert">${this.editor.editing.error}</div>`
        : nothing}
      ${error && this.filterAction !== 'none'
        ? html`<div part="filter-error" class="filter-error" id="filter-error" role="alert">
            Invalid filter query: ${error.message} (at ${error.position})
          </div>`
        : nothing}
      <div part="table" class="scroller ${bounded ? 'bounded' : ''}" @scroll=${this.viewport.onScroll}>
        <div
          class="grid"
          role="grid"
          tabindex="0"
          aria-label=${label || nothing}
          aria-rowcount=${this.headerRowCount + this.pageIndices.length}
          aria-colcount=${controls + cols.length}
          aria-readonly=${anyEditable ? 'false' : 'true'}
          aria-multiselectable="true"
          style=${styleMap({ '--_columns': template, width: `${totalWidth}px` })}
          @keydown=${this.navigation.onGridKey}
          @focus=${this.navigation.onGridFocus}
        >
          <div role="rowgroup" class="head" part="header">
            <div role="row" class="row header-row" aria-rowindex="1">
              ${renderControlHeaders(this)}${cols.map((c, i) => renderHeaderCell(this, c, controls + i))}
            </div>
            ${this.filterAction === 'none' ? nothing : renderFilterRow(this, cols)}
            ${fixed ? html`<div class="fixed-data" role="presentation">${renderRows(this, 0, fixed)}</div>` : nothing}
          </div>
          ${renderBody(this)}
        </div>
        ${this.pageIndices.length === 0 ? html`<div class="empty" part="empty" role="status">No rows</div>` : nothing}
      </div>
      ${renderPaging(this)}
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.viewport.paintWindow();
    this.navigation.syncActiveDescendant();
    this.editor.focusIfPending();
    if (this.focusGridPending) {
      this.focusGridPending = false;
      this.gridEl?.focus({ preventScroll: true });
    }
  }

  protected override firstUpdated(): void {
    this.viewport.observeSize();
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

  /** The filtered, sorted rows (all pages, shown columns) as the CSV the export button downloads. */
  toCsv(): string {
    return this.clipboard.csvParts().join('');
  }
}
