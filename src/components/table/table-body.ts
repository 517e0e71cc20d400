/**
 * `<dash-table>`'s rows (docs/table.md): the body (every row of the page, or with `virtualization`
 * an empty window that table-viewport.ts paints), and the one place a row and its cells are
 * written: controls, conditional styles, formatted text, the editor.
 *
 * Rows are written straight into the DOM, not through Lit templates (docs/table.md,
 * "Virtualization and layout"): a row element keeps its cells and their text nodes, and painting
 * it again writes only the text and attributes that changed, with nothing allocated per cell, so
 * a scroll frame that shows new rows costs the text it shows and little else.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { styleMap, applyStyles } from '../../internal/style-map.js';
import { cellText, type Row, type TableColumn } from './table-model.js';
import { MAX_SCROLL_HEIGHT } from '../../internal/virtual-window.js';
import { DELETE_COL, SELECT_COL, cellId } from './table-navigation.js';
import { columnOnly, matchesCell, type StyleObject } from './table-style.js';
import type { DashTable } from './table.js';

export function renderBody(table: DashTable): TemplateResult {
  if (!table.virtualization) {
    // The page's rows are painted by paintRows() after every update.
    return html`<div role="rowgroup" class="body plain"></div>`;
  }
  const count = table.pageIndices.length - table.fixedDataCount;
  const height = Math.min(count * table.viewport.rowHeight, MAX_SCROLL_HEIGHT);
  // The window's rows are painted by the viewport, on every update and on every scroll.
  return html`<div role="rowgroup" class="body" style=${styleMap({ height: `${height}px` })}><div class="window" role="presentation"></div></div>`;
}

/** Paints rows `from`..`to` (exclusive) of the current page as the children of `container`, reusing those there. */
export function paintRows(container: HTMLElement, table: DashTable, from: number, to: number): void {
  let el = container.firstElementChild as HTMLElement | null;
  for (let r = from; r < to; r++) {
    if (!el) el = container.appendChild(document.createElement('div'));
    paintRow(el, table, r);
    el = el.nextElementSibling as HTMLElement | null;
  }
  while (el) {
    const next = el.nextElementSibling as HTMLElement | null;
    el.remove();
    el = next;
  }
}

/** What a painted cell shows now, so the next paint writes only what changed. */
interface PaintedCell {
  el: HTMLElement;
  /** A data cell's text node (also kept while the editor shows: the editor renders before it). */
  text: Text | null;
  /** A control cell's button or input. */
  control: HTMLElement | null;
  /** The class: clipped (the default), unclipped (text measured to fit), with the editor. */
  cls: string;
  clsFits: string;
  clsEditing: string;
  /** Whether `value` fits unclipped, as of the viewport's textFit epoch `fitEpoch`. */
  fits: boolean;
  fitEpoch: number;
  /** Attribute values as written, by slot (see below). */
  attrs: (string | null | undefined)[];
  style: StyleObject | null;
  styleNames: Set<string>;
  value: string;
  editing: boolean;
}

/** One row element's cells and the column layout they were built for. */
interface PaintedRow {
  shown: readonly TableColumn[];
  deletable: boolean;
  select: 'single' | 'multi' | null;
  cells: PaintedCell[];
  /** The page position painted last (-1: none), and the row's own attributes as written. */
  r: number;
  rowIndex: number;
  selected: string | null | undefined;
  /** The `generation` it was painted in (see paintRow). */
  generation: number;
}

// Attribute slots of a PaintedCell.
const ID = 0;
const ARIA_SELECTED = 1;
const ARIA_READONLY = 2;
const DATA_ACTIVE = 3;
const DATA_SELECTED = 4;
const DATA_FOCUS = 5;
const CLASS = 6;

const EMPTY_ROW: Row = {};
const NO_STYLE: StyleObject = {};

const painted = new WeakMap<HTMLElement, PaintedRow>();

/**
 * @internal Writes row `r` of the current page into `el`: its attributes and cells. The element
 * keeps its cells while the columns and controls stay the same; only changed values are written.
 * `generation` (the viewport's count of table updates) lets a row painted since the last update
 * be skipped; -1 paints regardless.
 */
export function paintRow(el: HTMLElement, table: DashTable, r: number, generation = -1): void {
  let row = painted.get(el);
  // Painted with this row since the table last updated (a scroll keeps it in view): nothing to write.
  if (row && row.r === r && generation >= 0 && row.generation === generation) return;
  const select = table.rowSelectable === 'single' || table.rowSelectable === 'multi' ? table.rowSelectable : null;
  const deletable = !!table.rowDeletable;
  if (!row || row.deletable !== deletable || row.select !== select || !sameCells(row.shown, table.shown)) {
    row = buildRow(el, table.shown, deletable, select);
    painted.set(el, row);
  }
  row.shown = table.shown;
  row.generation = generation;
  const dataIndex = table.pageIndices[r];
  const selectedRow = select !== null && table.selection.selectedRowSet().has(dataIndex);
  if (row.r !== r) {
    row.r = r;
    el.setAttribute('data-row', String(r));
    if (r % 2 === 1) el.setAttribute('data-odd', '');
    else el.removeAttribute('data-odd');
  }
  // (The header has one row or two, with the filter row.)
  const rowIndex = table.headerRowCount + 1 + r;
  if (row.rowIndex !== rowIndex) {
    row.rowIndex = rowIndex;
    el.setAttribute('aria-rowindex', String(rowIndex));
  }
  const rowSelected = select === null ? null : String(selectedRow);
  if (row.selected !== rowSelected) {
    row.selected = rowSelected;
    if (rowSelected === null) el.removeAttribute('aria-selected');
    else el.setAttribute('aria-selected', rowSelected);
    if (selectedRow) el.setAttribute('data-selected', '');
    else el.removeAttribute('data-selected');
  }

  const data = table.rows[dataIndex] ?? EMPTY_ROW;
  const f = table.selection.focusCell;
  const focusCol = f && f.row === dataIndex ? f.col : null;
  const cells = row.cells;
  let k = 0;
  if (deletable) {
    const cell = cells[k];
    paintControl(cell, r, k, focusCol === DELETE_COL, 'Delete row');
    k++;
  }
  if (select !== null) {
    const cell = cells[k];
    paintControl(cell, r, k, focusCol === SELECT_COL, 'Select row');
    const input = cell.control as HTMLInputElement;
    if (input.checked !== selectedRow) input.checked = selectedRow;
    k++;
  }
  const shown = row.shown;
  const anchor = table.selection.anchor;
  const edit = table.editor.editing;
  const textFit = table.viewport.textFit;
  for (let i = 0; i < shown.length; i++, k++) {
    const col = shown[i];
    const cell = cells[k];
    const active = !!anchor && anchor.row === dataIndex && anchor.col === col.id;
    const selected = table.selection.isCellSelected(dataIndex, col.id);
    const editable = table.isEditable(col);
    const editing = !!edit && edit.row === dataIndex && edit.col === col.id;
    write(cell, ID, cell.el, 'id', focusCol === col.id ? cellId(r, k) : null);
    write(cell, ARIA_SELECTED, cell.el, 'aria-selected', selected ? 'true' : 'false');
    write(cell, ARIA_READONLY, cell.el, 'aria-readonly', editable ? null : 'true');
    write(cell, DATA_ACTIVE, cell.el, 'data-active', active ? '' : null);
    write(cell, DATA_SELECTED, cell.el, 'data-selected', selected ? '' : null);
    write(cell, DATA_FOCUS, cell.el, 'data-focus', focusCol === col.id ? '' : null);
    const style = cellStyle(table, data, r, col, editable, active, selected);
    if (style !== cell.style) {
      cell.style = style;
      applyStyles(cell.el, cell.styleNames, style);
    }
    const text = cell.text as Text;
    if (editing) {
      write(cell, CLASS, cell.el, 'class', cell.clsEditing);
      // The editor is a Lit template of table-cell-editor.ts, rendered in front of the (emptied) text.
      if (cell.value !== '') text.data = cell.value = '';
      render(table.editor.render(edit, col), cell.el, { host: table, renderBefore: text });
      cell.editing = true;
      continue;
    }
    if (cell.editing) {
      render(nothing, cell.el, { host: table, renderBefore: text });
      cell.editing = false;
      // (Its own class again before its text is measured in it: the editor's has no padding.)
      write(cell, CLASS, cell.el, 'class', cell.cls);
    }
    const value = formatCell(table, data[col.id], col);
    if (value !== cell.value || cell.fitEpoch !== textFit.epoch) {
      cell.fits = textFit.fits(table, col, cell.el, value);
      cell.fitEpoch = textFit.epoch;
    }
    if (value !== cell.value) text.data = cell.value = value;
    write(cell, CLASS, cell.el, 'class', cell.fits ? cell.clsFits : cell.cls);
  }
}

/** A row's delete or select cell: its `id` and focus mark, and its control's label (row numbers count from 1). */
function paintControl(cell: PaintedCell, r: number, k: number, focused: boolean, label: string): void {
  write(cell, ID, cell.el, 'id', focused ? cellId(r, k) : null);
  write(cell, DATA_FOCUS, cell.el, 'data-focus', focused ? '' : null);
  if (cell.value !== String(r)) {
    cell.value = String(r);
    (cell.control as HTMLElement).setAttribute('aria-label', `${label} ${r + 1}`);
  }
}

/**
 * Whether cells built for columns `a` serve columns `b`: the same ids and types (new data derives
 * new column objects, which must not cost every row its cells).
 */
function sameCells(a: readonly TableColumn[], b: readonly TableColumn[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].type !== b[i].type) return false;
  return true;
}

/** Sets (or, for null, removes) an attribute when it differs from what was written last. */
function write(cell: PaintedCell, slot: number, el: HTMLElement, name: string, value: string | null): void {
  if (cell.attrs[slot] === value) return;
  cell.attrs[slot] = value;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

/** A row element's cells for these columns and controls (what stays the same as it shows other rows). */
function buildRow(el: HTMLElement, shown: readonly TableColumn[], deletable: boolean, select: 'single' | 'multi' | null): PaintedRow {
  // A row built for other columns: its cells (and any editor rendered in them) go.
  el.replaceChildren();
  el.setAttribute('role', 'row');
  el.setAttribute('class', 'row');
  el.setAttribute('part', 'row');
  const cells: PaintedCell[] = [];
  const add = (cls: string, part: string | null, control: HTMLElement | null): PaintedCell => {
    const cellEl = document.createElement('div');
    cellEl.setAttribute('role', 'gridcell');
    cellEl.setAttribute('class', cls);
    if (part) cellEl.setAttribute('part', part);
    cellEl.setAttribute('aria-colindex', String(cells.length + 1));
    const text = control ? null : document.createTextNode('');
    cellEl.append((control ?? text) as Node);
    const cell: PaintedCell = {
      el: cellEl, text, control, cls, clsFits: `${cls} fits`, clsEditing: `${cls} editing`, fits: false, fitEpoch: -1,
      attrs: [], style: null, styleNames: new Set(), value: '', editing: false,
    };
    cells.push(cell);
    el.append(cellEl);
    return cell;
  };
  if (deletable) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('part', 'delete-button');
    button.tabIndex = -1;
    button.title = 'Delete row';
    const mark = document.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '×';
    button.append(mark);
    add('cell control', null, button);
  }
  if (select !== null) {
    const input = document.createElement('input');
    input.type = select === 'single' ? 'radio' : 'checkbox';
    input.setAttribute('part', 'select-input');
    input.tabIndex = -1;
    add('cell control', 'select-cell', input);
  }
  for (const col of shown) add(`cell ${col.type}`, 'cell', null);
  return { shown, deletable, select, cells, r: -1, rowIndex: -1, selected: undefined, generation: -1 };
}

function cellStyle(table: DashTable, row: Row, r: number, col: TableColumn, editable: boolean, active: boolean, selected: boolean): StyleObject {
  const base = table.styles.dataBase.get(col.id);
  const conds = table.styles.dataConds.get(col.id);
  if (!conds || !conds.length) return base ?? NO_STYLE;
  let out: StyleObject | null = null;
  for (const c of conds) {
    if (columnOnly(c) || matchesCell(c, { column: col, editable, rowIndex: r, row, active, selected })) {
      out ??= { ...base };
      Object.assign(out, c.style);
    }
  }
  return out ?? base ?? NO_STYLE;
}

/** Cell text, through the column's `format` when it has one. */
function formatCell(table: DashTable, value: unknown, col: TableColumn): string {
  if (col.type === 'numeric' && value !== null && value !== undefined && value !== '' && typeof value !== 'number') {
    table.warnOnce(`mixed-render:${col.id}`, `column "${col.id}" is numeric but has the value ${JSON.stringify(value)}; shown as text`);
  }
  const f = table.formatters.get(col.id);
  return f ? f(value) : cellText(value);
}
