/**
 * `<dash-table>`'s view: everything that turns its properties into the grid on screen and drives
 * it (the row pipeline, styles, formats, header, body, paging, selection, keyboard, editor,
 * clipboard, virtual window). A chunk loaded before the table's first update (docs/table.md,
 * "What loads when"); the class in table.ts keeps the properties, events and public methods.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { addStyleSheet } from '../../internal/add-style-sheet.js';
import { styleMap } from '../../internal/style-map.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { tableStyles as ownStyles } from './table.styles.js';
import { correctInputs, correctPageCurrent } from './table-inputs.js';
import { renderBody } from './table-body.js';
import { renderControlHeaders, renderFilterRow, renderHeaderCell, renderToolbar } from './table-header.js';
import { renderPaging } from './table-paging.js';
import { CONTROL_WIDTH, columnWidths } from './table-viewport.js';
import { columnQueries, editCode, filterCode, sortCode } from './table-lazy.js';
import { columnFormatter, specifierFormatsPending } from './table-format.js';
import { compileTableStyles, styledColumnWidth, usesFilterQuery } from './table-style.js';
import { TablePipeline, checkColumnsAgainstRows, normalizeColumns, normalizeData, normalizeSortBy, pageOf, type ColumnType, type Row } from './table-model.js';
import type { DashTable } from './table.js';

export { TableSelection } from './table-selection.js';
export { TableEditor } from './table-cell-editor.js';
export { TableClipboard } from './table-clipboard.js';
export { TableNavigation } from './table-navigation.js';
export { TableViewport } from './table-viewport.js';

/** The shadow root's styles, adopted when the view arrives. */
export const styles = [visuallyHidden, ownStyles];

/** Without virtualization, more rows than this in the DOM is slow: say so once. */
const PLAIN_ROWS_WARNING = 5000;

const STYLE_PROPS = ['styleCell', 'styleHeader', 'styleData', 'styleCellConditional', 'styleHeaderConditional', 'styleDataConditional', 'editable'];
const PIPELINE_INPUTS = ['data', 'columns', 'sortBy', 'sortAction', 'filterQuery', 'filterAction'];
const PAGE_INPUTS = ['pageAction', 'pageCurrent', 'pageSize', 'pageCount'];

/** One table's update cycle: derives rows, columns, styles and formats from its properties, and renders them. */
export class TableRenderer {
  private readonly pipeline: TablePipeline;
  /** A filterQuery is waiting for the filter language to load: native filtering holds the rows until it has. */
  private filterPending = false;
  /** A sortBy is waiting for the sort code to load: native sorting holds the rows until it has. */
  private sortPending = false;
  /** No update has run with this view yet (the table may have updated without it, when its load failed). */
  private first = true;
  /** The columns' widths from their header and values (or their `width`), before their styles have their say. */
  private measuredWidths = new Map<string, number>();
  /** The columns' widths as CSS rules (see setColumnWidths). */
  private readonly columnSheet = new CSSStyleSheet();
  private columnRules: string | null = null;

  constructor(private readonly table: DashTable) {
    this.pipeline = new TablePipeline((k, m) => table.warnOnce(k, m));
  }

  private readonly warn = (k: string, m: string) => this.table.warnOnce(k, m);

  willUpdate(changedNow: PropertyValues): void {
    const t = this.table;
    const warn = this.warn;
    const first = this.first;
    // The first update with this view derives everything, whatever changed since an update without it.
    const changed: PropertyValues = first ? new Map([...(t.constructor as typeof DashTable).elementProperties.keys()].map((k) => [k, undefined])) : changedNow;
    const dataChanged = changed.has('data');
    if (dataChanged) t.rows = normalizeData(t.data, warn);
    correctInputs(t, changed);
    const ownEdit = t.ownEdit;
    t.ownEdit = false;
    const colsChanged = (dataChanged && !ownEdit) || changed.has('columns') || changed.has('hiddenColumns');
    if (colsChanged) {
      t.cols = normalizeColumns(t.columns, t.rows, warn);
      const hidden = new Set(Array.isArray(t.hiddenColumns) ? t.hiddenColumns.map(String) : []);
      t.shown = t.cols.filter((c) => !hidden.has(c.id));
      checkColumnsAgainstRows(t.cols, t.rows, warn);
      this.measuredWidths = columnWidths(t, t.cols, t.rows);
      this.makeFormatters();
    }
    if (colsChanged || STYLE_PROPS.some((p) => changed.has(p))) this.compileStyles();
    if (changed.has('sortBy')) t.sort = normalizeSortBy(t.sortBy, warn);
    const filterArrived = this.filterPending && filterCode.module !== null;
    if (filterArrived || changed.has('filterQuery') || changed.has('columns') || dataChanged) this.updateFilter();
    // Filter boxes are shown: their language, and for native filtering the filter code, load now,
    // so a person's first filter applies at once.
    if (t.filterAction !== 'none' && !columnQueries.module) columnQueries.load().catch(() => {});
    if (t.filterAction === 'native' && !filterCode.module) filterCode.load().catch(() => {});
    // Editable cells: so is what turns typed text into values (the editor opens once it is there).
    if (!editCode.module && t.cols.some((c) => t.isEditable(c))) t.withModule(editCode, () => {});

    // Sortable: the sort code loads now, so a click on a header sorts at once.
    if (t.sortAction === 'native' && !sortCode.module) sortCode.load().catch(() => {});
    const sortArrived = this.sortPending && sortCode.module !== null;
    this.sortPending = t.sortAction === 'native' && t.sort.length > 0 && !sortCode.module;
    if (this.sortPending) t.withModule(sortCode, () => t.requestUpdate());

    const virtualChanged = first || filterArrived || sortArrived || PIPELINE_INPUTS.some((p) => changed.has(p));
    // Until the filter language and the sort code are there, the rows are held rather than shown unfiltered or unsorted.
    if (virtualChanged && !(this.filterPending && t.filterAction === 'native') && !this.sortPending) {
      const virtual = this.pipeline.run({
        data: t.rows,
        columns: t.cols,
        filter: t.filterAction === 'native' ? t.filter.predicate : null,
        filterKey: t.filter.key,
        sortBy: t.sortAction === 'native' ? t.sort : [],
        sorting: sortCode.module,
      });
      if (virtual !== t.virtual || dataChanged) {
        t.virtual = virtual;
        // One pass into arrays of their final length (a million pushes cost several times more).
        const n = virtual.length;
        const indices = new Array<number>(n);
        const rows = new Array<Row>(n);
        for (let i = 0; i < n; i++) {
          const row = virtual[i];
          indices[i] = row;
          rows[i] = t.rows[row];
        }
        t.derivedVirtualIndices = indices;
        t.derivedVirtualData = rows;
      }
    }
    const viewChanged = virtualChanged || PAGE_INPUTS.some((p) => changed.has(p));
    if (viewChanged) {
      const oldPage = t.page.page;
      if (changed.has('pageCurrent') || changed.has('pageAction')) correctPageCurrent(t);
      t.page = pageOf(t.virtual.length, t.pageAction, t.pageCurrent, t.pageSize, t.pageCount);
      const { start, end } = t.page;
      t.pageIndices = t.virtual.subarray(start, end);
      const whole = start === 0 && end === t.virtual.length;
      // One page of everything shares the virtual arrays (no copy of a million rows).
      t.derivedViewportIndices = whole ? t.derivedVirtualIndices : t.derivedVirtualIndices.slice(start, end);
      t.derivedViewportData = whole ? t.derivedVirtualData : t.derivedVirtualData.slice(start, end);
      if (t.page.page !== oldPage && t.scroller) {
        t.scroller.scrollTop = 0;
        t.viewport.bodyScrollTop = 0;
      }
      if (!t.virtualization && t.pageIndices.length > PLAIN_ROWS_WARNING) {
        warn('plain-rows', `${t.pageIndices.length} rows without virtualization are slow: set "virtualization" or page the data`);
      }
      t.posMap = null;
    }
    t.selection.sync(changed, viewChanged);
  }

  /** The columns' formatters; again once d3-format has loaded, when a column's `format.specifier` needs it. */
  private makeFormatters(): void {
    const t = this.table;
    const cols = t.cols;
    t.formatters = new Map(cols.map((c) => [c.id, columnFormatter(c, this.warn)]));
    const pending = specifierFormatsPending(cols);
    if (pending) {
      t.track(
        pending.then(
          () => {
            if (t.cols === cols) this.makeFormatters();
            t.requestUpdate();
          },
          (error: unknown) => t.warnOnce('format-load', `d3-format could not be loaded (${String(error)}); number formats show raw values`),
        ),
      );
    }
  }

  private updateFilter(): void {
    const t = this.table;
    const query = typeof t.filterQuery === 'string' ? t.filterQuery : '';
    const types: Record<string, ColumnType> = {};
    for (const c of t.cols) types[c.id] = c.type;
    const key = `${query}\u0000${JSON.stringify(types)}`;
    if (key === t.filter.key && t.filter.query === query) return;
    const language = filterCode.module;
    this.filterPending = query.trim() !== '' && !language;
    if (this.filterPending) {
      t.withModule(filterCode, () => t.requestUpdate());
      return;
    }
    const parsed = language ? language.parseFilterQuery(query) : ({ ok: true, ast: null } as const);
    if (!parsed.ok) {
      t.warnOnce(`filter:${query}`, `filterQuery ${JSON.stringify(query)} is invalid (${parsed.error} at ${parsed.position}); not filtering`);
      t.filter = { query, predicate: null, key, error: { message: parsed.error, position: parsed.position } };
    } else {
      t.filter = { query, predicate: parsed.ast && language ? language.compileFilter(parsed.ast, types) : null, key, error: null };
    }
    if (query !== t.ownQuery) {
      // Set from outside: show it in the column boxes when it is a plain && of column filters.
      t.ownQuery = null;
      t.boxTexts = new Map();
      t.invalidBoxes = new Set();
      if (parsed.ok && query) {
        t.withModule(columnQueries, (q) => {
          if (t.filter.query === query && t.ownQuery === null) t.boxTexts = q.splitColumnQueries(query, types) ?? new Map();
        });
      }
    }
  }

  /** Compiles the style props; again once the filter language has loaded, when a conditional style has a `filter_query`. */
  private compileStyles(): void {
    const t = this.table;
    t.styles = compileTableStyles(t, t.cols, (c) => t.isEditable(c), this.warn, filterCode.module);
    t.widths = new Map([...this.measuredWidths].map(([id, w]) => [id, styledColumnWidth(t.styles.dataBase.get(id) ?? {}, w)]));
    if (!filterCode.module && usesFilterQuery(t)) {
      const cols = t.cols;
      t.withModule(filterCode, () => {
        if (t.cols === cols) this.compileStyles();
        t.requestUpdate();
      });
    }
  }

  render(): TemplateResult {
    const t = this.table;
    const cols = t.shown;
    const controls = t.controlCount;
    const widths = [...Array<number>(controls).fill(CONTROL_WIDTH), ...cols.map((c) => t.widths.get(c.id) ?? 120)];
    this.setColumnWidths(widths);
    const totalWidth = widths.reduce((sum, w) => sum + w, 0);
    const bounded = t.virtualization || !!t.fixedRows?.headers;
    const label = accessibleName(t);
    const fixed = t.fixedDataCount;
    const error = t.filter.error;
    const anyEditable = t.cols.some((c) => t.isEditable(c));
    return html`
      ${renderToolbar(t)}
      ${t.editor.editing?.error ? html`<div part="edit-error" class="edit-error" id="edit-error" role="alert">${t.editor.editing.error}</div>` : nothing}
      ${error && t.filterAction !== 'none'
        ? html`<div part="filter-error" class="filter-error" id="filter-error" role="alert">
            Invalid filter query: ${error.message} (at ${error.position})
          </div>`
        : nothing}
      <div part="table" class="scroller ${bounded ? 'bounded' : ''}" @scroll=${t.viewport.onScrollEvent}>
        <div
          class="grid"
          role="grid"
          tabindex="0"
          aria-label=${label || nothing}
          aria-rowcount=${t.headerRowCount + t.pageIndices.length}
          aria-colcount=${controls + cols.length}
          aria-readonly=${anyEditable ? 'false' : 'true'}
          aria-multiselectable="true"
          style=${styleMap({ width: `${totalWidth}px` })}
          @keydown=${t.navigation.onGridKey}
          @focus=${t.navigation.onGridFocus}
        >
          <div role="rowgroup" class="head" part="header">
            <div role="row" class="row header-row" aria-rowindex="1">
              ${renderControlHeaders(t)}${cols.map((c, i) => renderHeaderCell(t, c, controls + i))}
            </div>
            ${t.filterAction === 'none' ? nothing : renderFilterRow(t, cols)}
            ${fixed ? html`<div class="fixed-data" role="presentation"></div>` : nothing}
          </div>
          ${renderBody(t)}
          <div class="fit-probe" part="row fit-probe" aria-hidden="true"><div class="cell text" part="cell fit-probe">Mg 0123456789 Wi</div></div>
        </div>
        ${t.pageIndices.length === 0 ? html`<div class="empty" part="empty" role="status">No rows</div>` : nothing}
      </div>
      ${renderPaging(t)}
    `;
  }

  updated(): void {
    const t = this.table;
    if (this.first) {
      this.first = false;
      this.listen();
    }
    t.viewport.paintBody();
    t.navigation.syncActiveDescendant();
    t.editor.focusIfPending();
    if (t.focusGridPending) {
      t.focusGridPending = false;
      t.gridEl?.focus({ preventScroll: true });
    }
  }

  /**
   * Every row's k-th cell is exactly as wide as column k, whatever its own style says (the column's
   * width has taken that into account), so header and body stay aligned: one rule per column, in a
   * sheet of this table's own, rewritten only when a width changes.
   */
  private setColumnWidths(widths: number[]): void {
    const rules = widths
      .map((w, i) => `.row > :nth-child(${i + 1}) { width: ${w}px !important; min-width: ${w}px !important; max-width: ${w}px !important; }`)
      .join('\n');
    if (rules === this.columnRules) return;
    this.columnRules = rules;
    this.columnSheet.replaceSync(rules);
    addStyleSheet(this.table.renderRoot as ShadowRoot, this.columnSheet);
  }

  /** After the first render: the listeners that live as long as the table. */
  private listen(): void {
    const t = this.table;
    t.viewport.observeSize();
    t.scroller.addEventListener('click', (e) => t.navigation.onCellClick(e));
    t.scroller.addEventListener('dblclick', (e) => t.navigation.onCellDoubleClick(e));
    t.scroller.addEventListener('mousedown', (e) => {
      // Shift-click extends the cell selection, not the text selection.
      if (e.shiftKey && t.navigation.cellAt(e)) e.preventDefault();
    });
    // The editor's and filter boxes' `input` events are composed: they would reach the page as
    // the table's own. The table fires `input`/`change` itself when `data` changes.
    t.renderRoot.addEventListener('input', (e) => e.stopPropagation());
    t.addEventListener('copy', t.clipboard.onCopy);
    t.addEventListener('paste', t.clipboard.onPaste);
  }
}
