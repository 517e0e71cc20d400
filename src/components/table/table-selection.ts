/**
 * The table's selection: the active cell, the selected cells and the selected rows, kept in step
 * with `activeCell`, `selectedCells`, `selectedRows` and `selectedRowIds` (docs/table.md).
 * Cells are addressed by their row's index in `data`, so they follow rows through sort and filter.
 */
import type { PropertyValues } from 'lit';
import { deepEqual } from '../../internal/deep-equal.js';
import type { TableColumn } from './table-model.js';
import type { ActiveCell, DashTable, TableCell } from './table.js';

/** `selectedCells` lists at most this many cells (a selection can be bigger: copy uses all of it). */
const MAX_SELECTED_CELLS = 100_000;

/** A cell addressed by its row's index in `data` (so it follows the row through sorting and filtering). */
export interface CellRef {
  row: number;
  col: string;
}

/** Selection state of one `<dash-table>`, and the rules that keep its properties consistent. */
export class TableSelection {
  constructor(private readonly host: DashTable) {}

  /** Where the keyboard is (the end of a Shift-extended range). */
  focusCell: CellRef | null = null;
  /** The active cell (`activeCell`), also the start of a range. */
  anchor: CellRef | null = null;
  /** Selected cells: one bitmap over data indices per column id. */
  cellSel = new Map<string, Uint8Array>();
  /** Data indices with a selected cell (unsorted, distinct). */
  selRowList: number[] | Uint32Array = [];
  /** What the table last wrote to activeCell and selectedCells (anything else was written from outside). */
  private emittedActive: ActiveCell | null = null;
  private emittedCells: TableCell[] | null = null;
  /** `selectedRows` as a set, rebuilt when the array changes. */
  private selectedSet: Set<number> = new Set();
  private selectedSource: unknown = null;
  /** The bitmaps' length: `data` changed length when it differs. */
  private cellSelLength = 0;
  private filteredSelectionCache: { set: Set<number>; virtual: Uint32Array; result: { all: boolean; some: boolean } } | null = null;

  /** Keeps activeCell, selectedCells, selectedRows and selectedRowIds consistent with each other and with the view. */
  sync(changed: PropertyValues, viewChanged: boolean): void {
    // Row selection: whichever of the pair outside code wrote, derive the other.
    if (changed.has('selectedRows') && !changed.has('selectedRowIds') && this.hasIds()) {
      this.host.selectedRowIds = this.idsOf(this.validRows(this.host.selectedRows));
    } else if (changed.has('selectedRowIds') && !changed.has('selectedRows') && Array.isArray(this.host.selectedRowIds)) {
      const wanted = new Set(this.host.selectedRowIds);
      const rows: number[] = [];
      if (wanted.size) this.host.rows.forEach((r, i) => wanted.has(r.id) && rows.push(i));
      this.host.selectedRows = rows;
    }
    if (this.host.rows.length !== this.cellSelLength) this.clear();
    // Written from outside: take them as the new state.
    if (changed.has('activeCell') && this.host.activeCell !== this.emittedActive) {
      this.anchor = this.parseCell(this.host.activeCell, 'activeCell');
      this.focusCell = this.anchor;
      if (!changed.has('selectedCells')) this.clear();
      viewChanged = true;
    }
    if (changed.has('selectedCells') && this.host.selectedCells !== this.emittedCells) {
      this.clear();
      const cells = Array.isArray(this.host.selectedCells) ? this.host.selectedCells : [];
      const rows = new Set<number>();
      for (const c of cells) {
        const ref = this.parseCell(c, 'selectedCells');
        if (!ref) continue;
        this.bitmap(ref.col)[ref.row] = 1;
        rows.add(ref.row);
      }
      this.selRowList = [...rows];
      viewChanged = true;
    }
    if (!viewChanged && !changed.has('data')) return;
    // The view moved (sort, filter, page, data): recompute positions of what is active and selected.
    if (this.anchor && (this.anchor.row >= this.host.rows.length || !this.host.cols.some((c) => c.id === this.anchor?.col))) this.anchor = null;
    if (this.focusCell && this.focusCell.row >= this.host.rows.length) this.focusCell = this.anchor;
    const active = this.anchor ? this.cellOut(this.anchor) : null;
    if (!deepEqual(active, this.host.activeCell)) this.host.activeCell = active;
    this.emittedActive = this.host.activeCell;
    const cells = this.listSelectedCells();
    if (!deepEqual(cells, this.host.selectedCells)) this.host.selectedCells = cells;
    this.emittedCells = this.host.selectedCells;
  }

  clear(): void {
    this.cellSel = new Map();
    this.selRowList = [];
    this.cellSelLength = this.host.rows.length;
  }

  bitmap(col: string): Uint8Array {
    let b = this.cellSel.get(col);
    if (!b || b.length !== this.host.rows.length) {
      b = new Uint8Array(this.host.rows.length);
      this.cellSel.set(col, b);
    }
    return b;
  }

  isCellSelected(row: number, col: string): boolean {
    const b = this.cellSel.get(col);
    return !!b && b[row] === 1;
  }

  /** `{row, column, row_id, column_id}` (either spelling) → a data-indexed cell, or null. */
  private parseCell(value: unknown, prop: string): CellRef | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'object') {
      this.host.warnOnce(`${prop}:shape`, `${prop} must be {row, column, row_id, column_id}; ignoring ${JSON.stringify(value)}`);
      return null;
    }
    const v = value as Record<string, unknown>;
    const columnId = v.column_id ?? v.columnId;
    let col: TableColumn | undefined;
    if (columnId !== undefined && columnId !== null) col = this.host.cols.find((c) => c.id === String(columnId));
    else if (typeof v.column === 'number') col = this.host.cols[v.column];
    const row = Number(v.row);
    const rowId = v.row_id ?? v.rowId;
    let dataIndex = Number.isInteger(row) && row >= 0 && row < this.host.pageIndices.length ? this.host.pageIndices[row] : -1;
    if (dataIndex < 0 && rowId !== undefined) dataIndex = this.host.rows.findIndex((r) => r.id === rowId);
    if (!col || dataIndex < 0) {
      this.host.warnOnce(`${prop}:missing:${JSON.stringify(value)}`, `${prop} ${JSON.stringify(value)} is not a cell of the current page; ignoring it`);
      return null;
    }
    return { row: dataIndex, col: col.id };
  }

  /** A data-indexed cell in Dash's shape, or null when its row is not on the current page. */
  private cellOut(ref: CellRef): ActiveCell | null {
    const p = this.host.positionOf(ref.row);
    const column = this.host.cols.findIndex((c) => c.id === ref.col);
    if (p < 0 || column < 0) return null;
    const out: ActiveCell = { row: p, column, column_id: ref.col };
    const id = this.host.rows[ref.row]?.id;
    if (id !== undefined) out.row_id = id;
    return out;
  }

  /** The selected cells on the current page, in page then column order (at most MAX_SELECTED_CELLS). */
  private listSelectedCells(): TableCell[] {
    if (!this.selRowList.length) return [];
    const positions: number[] = [];
    for (const r of this.selRowList) {
      const p = this.host.positionOf(r);
      if (p >= 0) positions.push(p);
    }
    positions.sort((a, b) => a - b);
    const cols = this.host.cols.map((c, i) => ({ c, i, b: this.cellSel.get(c.id) })).filter((x) => x.b);
    const out: TableCell[] = [];
    for (const p of positions) {
      const r = this.host.pageIndices[p];
      const id = this.host.rows[r]?.id;
      for (const { c, i, b } of cols) {
        if (!b || b[r] !== 1) continue;
        if (out.length >= MAX_SELECTED_CELLS) {
          this.host.warnOnce('selected-cells-cap', `more than ${MAX_SELECTED_CELLS} cells are selected; selectedCells lists the first ${MAX_SELECTED_CELLS} (copy uses all)`);
          return out;
        }
        const cell: TableCell = { row: p, column: i, column_id: c.id };
        if (id !== undefined) cell.row_id = id;
        out.push(cell);
      }
    }
    return out;
  }

  private hasIds(): boolean {
    const n = Math.min(this.host.rows.length, 100);
    for (let i = 0; i < n; i++) if (this.host.rows[i]?.id !== undefined) return true;
    return false;
  }

  validRows(rows: unknown): number[] {
    return Array.isArray(rows) ? rows.filter((r): r is number => Number.isInteger(r) && r >= 0 && r < this.host.rows.length) : [];
  }

  private idsOf(rows: number[]): unknown[] {
    const out: unknown[] = [];
    for (const r of rows) {
      const id = this.host.rows[r]?.id;
      if (id !== undefined) out.push(id);
    }
    return out;
  }

  /** Whether every / some filtered row (all pages) is selected. */
  filteredSelection(): { all: boolean; some: boolean } {
    const set = this.selectedRowSet();
    const cache = this.filteredSelectionCache;
    if (cache && cache.set === set && cache.virtual === this.host.virtual) return cache.result;
    let count = 0;
    if (set.size) for (let i = 0; i < this.host.virtual.length; i++) if (set.has(this.host.virtual[i])) count++;
    const result = { all: count > 0 && count === this.host.virtual.length, some: count > 0 };
    this.filteredSelectionCache = { set, virtual: this.host.virtual, result };
    return result;
  }

  selectedRowSet(): Set<number> {
    if (this.selectedSource !== this.host.selectedRows) {
      this.selectedSource = this.host.selectedRows;
      this.selectedSet = new Set(this.validRows(this.host.selectedRows));
    }
    return this.selectedSet;
  }

  /** Selects the rectangle between two data cells (by their current page positions). */
  selectRect(a: CellRef, b: CellRef): void {
    const pa = this.host.positionOf(a.row);
    const pb = this.host.positionOf(b.row);
    const ia = this.host.shown.findIndex((c) => c.id === a.col);
    const ib = this.host.shown.findIndex((c) => c.id === b.col);
    this.clear();
    if (pa < 0 || pb < 0 || ia < 0 || ib < 0) return;
    const rows = this.host.pageIndices.slice(Math.min(pa, pb), Math.max(pa, pb) + 1);
    for (let i = Math.min(ia, ib); i <= Math.max(ia, ib); i++) {
      const bits = this.bitmap(this.host.shown[i].id);
      for (let k = 0; k < rows.length; k++) bits[rows[k]] = 1;
    }
    this.selRowList = rows;
  }

  /** Writes activeCell and selectedCells from the internal state, as the user's change. */
  publish(): void {
    const active = this.anchor ? this.cellOut(this.anchor) : null;
    this.host.setByUser('activeCell', active);
    this.emittedActive = this.host.activeCell;
    this.host.setByUser('selectedCells', this.listSelectedCells());
    this.emittedCells = this.host.selectedCells;
  }

  toggleRow(dataIndex: number): void {
    const current = this.validRows(this.host.selectedRows);
    let next: number[];
    if (this.host.rowSelectable === 'single') next = [dataIndex];
    else next = current.includes(dataIndex) ? current.filter((r) => r !== dataIndex) : [...current, dataIndex];
    this.setRowSelection(next);
  }

  /** The header checkbox: selects (or deselects) every row that passes the filter, on all pages. */
  selectAll(select: boolean): void {
    const current = this.validRows(this.host.selectedRows);
    const filtered = this.host.virtual;
    let next: number[];
    if (select) {
      const have = new Set(current);
      next = current.slice();
      for (let i = 0; i < filtered.length; i++) if (!have.has(filtered[i])) next.push(filtered[i]);
    } else {
      const drop = new Set(filtered);
      next = current.filter((r) => !drop.has(r));
    }
    this.setRowSelection(next);
  }

  private setRowSelection(rows: number[]): void {
    this.host.setByUser('selectedRows', rows);
    this.host.setByUser('selectedRowIds', this.idsOf(rows));
    this.host.requestUpdate();
  }
}
