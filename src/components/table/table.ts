import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { Persistent, type PersistenceTransform } from '../../internal/persistence.js';
import { jsonConverter } from '../../internal/converters.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { PendingWork } from '../../internal/pending-work.js';
import type { TableSelection } from './table-selection.js';
import type { TableEditor } from './table-cell-editor.js';
import type { TableClipboard } from './table-clipboard.js';
import type { TableNavigation } from './table-navigation.js';
import type { TableViewport } from './table-viewport.js';
import type { CellFormatter } from './table-format.js';
import type { TableStyles } from './table-style.js';
import type { ColumnType, PageInfo, Row, RowPredicate, SortByEntry, TableColumn } from './table-model.js';
import type { TableRenderer } from './table-view.js';

/** What renders and drives the table: a chunk loaded before its first update (docs/table.md, "What loads when"). */
const tableView = new Lazy(() => import('./table-view.js'));
type TableView = typeof import('./table-view.js');

/** Keys of the control columns in `navCols` (never column ids: those are strings users pick, these hold a NUL). */
export const DELETE_COL = '\u0000delete';
export const SELECT_COL = '\u0000select';

export type { ColumnType, SortByEntry };

const READ_ONLY = new Set(['derivedVirtualData', 'derivedVirtualIndices', 'derivedViewportData', 'derivedViewportIndices']);

/** Refuses a value a callback may not write to the table, with a TypeError saying why (docs/table.md, "Bad input"). */
function checkTableProp(prop: string, value: unknown): void {
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
 * What renders and drives the table (its view) is a chunk loaded when the first table connects,
 * before its first update; `updateComplete` waits for it (docs/table.md, "What loads when").
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
export class DashTable extends LazyView(
  Persistent(DashElement, {
    props: ['columns.name', 'data', 'filterQuery', 'hiddenColumns', 'selectedColumns', 'selectedRows', 'sortBy'],
    transforms: { 'columns.name': columnNames },
  }),
  tableView,
) {

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
  /** @internal A hidden data cell sized by its text (see TableViewport.observeSize). */
  @query('.fit-probe .cell') fitProbe?: HTMLDivElement | null;

  // The parts from the view (table-view.ts), there from the first update on (see viewLoaded).
  /** @internal */
  selection!: TableSelection;
  /** @internal */
  editor!: TableEditor;
  /** @internal */
  clipboard!: TableClipboard;
  /** @internal */
  navigation!: TableNavigation;
  /** @internal */
  viewport!: TableViewport;
  /** The update cycle from the view: null until it has loaded. */
  private renderer: TableRenderer | null = null;
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

  /** @internal */
  focusGridPending = false;
  /** @internal data index → position on the page (-1: not on it); built when needed. */
  posMap: Int32Array | null = null;
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
    // Before the first render there is nothing to scroll yet: scroll once there is.
    if (this.renderer && this.hasUpdated) this.viewport.scrollToRow(index);
    else void this.updateComplete.then(() => this.viewport?.scrollToRow(index));
  }

  /** Resolves once Lit has rendered, and the code loaded on first use (the view, number formats, filter boxes) has been applied. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
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

  /** The filtered, sorted rows (all pages, shown columns) as the CSV the export button downloads. */
  toCsv(): string {
    return this.clipboard?.csvParts().join('') ?? '';
  }

  protected override viewLoaded(view: TableView): void {
    this.selection = new view.TableSelection(this);
    this.editor = new view.TableEditor(this);
    this.clipboard = new view.TableClipboard(this);
    this.navigation = new view.TableNavigation(this);
    this.viewport = new view.TableViewport(this);
    this.renderer = new view.TableRenderer(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.renderer?.willUpdate(changed);
    super.willUpdate(changed);
  }

  override render(): TemplateResult | typeof nothing {
    return this.renderer?.render() ?? nothing;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.renderer?.updated();
  }
}
