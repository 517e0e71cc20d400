/**
 * Moving around `<dash-table>`'s grid with the keyboard and the pointer, as the WAI-ARIA grid
 * pattern has it (docs/table.md): the grid is one tab stop; arrows, Home/End, Ctrl+Home/End and
 * PageUp/PageDown move the active cell, Shift extends the selection, Enter/F2 or typing edit,
 * Space works a row's control, Ctrl+A selects the page, Delete clears.
 */
import type { CellRef, TableSelection } from './table-selection.js';
import { DELETE_COL, SELECT_COL, type DashTable } from './table.js';

export { DELETE_COL, SELECT_COL };

/** Keyboard and pointer navigation of one `<dash-table>`'s grid. */
export class TableNavigation {
  constructor(private readonly host: DashTable) {}

  /** The table's selection, which these moves and edits change. */
  private get selection(): TableSelection {
    return this.host.selection;
  }

  /** The cell under a pointer event: its position on the page and its index in navCols. */
  cellAt(e: Event): { p: number; c: number; control: boolean } | null {
    const path = e.composedPath();
    const cell = path.find((n) => n instanceof HTMLElement && n.getAttribute('role') === 'gridcell') as HTMLElement | undefined;
    const rowEl = cell?.parentElement;
    if (!cell || !rowEl?.dataset.row) return null;
    const p = Number(rowEl.dataset.row);
    const c = Number(cell.getAttribute('aria-colindex')) - 1;
    if (!(p >= 0 && p < this.host.pageIndices.length) || !(c >= 0 && c < this.host.navCols.length)) return null;
    return { p, c, control: c < this.host.controlCount };
  }

  /** A click moves the active cell (Shift: extends the selection) or works a row's control. */
  onCellClick(e: MouseEvent): void {
    const at = this.cellAt(e);
    if (!at) return;
    const target = e.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLInputElement && target.classList.contains('editor')) return;
    if (at.control) {
      // A click anywhere in the cell works its control; the keyboard stays in the grid, on that cell.
      const ref = { row: this.host.pageIndices[at.p], col: this.host.navCols[at.c] };
      this.selection.focusCell = ref;
      this.host.focusGridPending = true;
      this.activateControl(ref);
      return;
    }
    this.setCursor(at.p, at.c, e.shiftKey);
  }

  /** A double click edits the cell. */
  onCellDoubleClick(e: MouseEvent): void {
    const at = this.cellAt(e);
    if (!at || at.control) return;
    const ref = { row: this.host.pageIndices[at.p], col: this.host.navCols[at.c] };
    this.host.editor.start(ref, null);
  }

  /** Focus entering the grid lands on a cell: the active one, else the first data cell. */
  onGridFocus = (): void => {
    if (this.selection.focusCell && this.host.positionOf(this.selection.focusCell.row) >= 0 && this.host.navCols.includes(this.selection.focusCell.col)) return;
    if (!this.host.pageIndices.length || !this.host.navCols.length) return;
    // APG: focus lands on a cell — the active one, else the first data cell.
    const a = this.selection.anchor && this.host.positionOf(this.selection.anchor.row) >= 0 && this.host.navCols.includes(this.selection.anchor.col) ? this.selection.anchor : null;
    this.selection.focusCell = a ?? { row: this.host.pageIndices[0], col: this.host.navCols[Math.min(this.host.controlCount, this.host.navCols.length - 1)] };
    this.host.requestUpdate();
  };

  /** Position and nav-column index of the keyboard focus (the first data cell when there is none on the page). */
  private focusPosition(): [number, number] {
    const f = this.selection.focusCell;
    const p = f ? this.host.positionOf(f.row) : -1;
    const c = f ? this.host.navCols.indexOf(f.col) : -1;
    if (p >= 0 && c >= 0) return [p, c];
    return [0, Math.min(this.host.controlCount, this.host.navCols.length - 1)];
  }

  /** Rows PageUp/PageDown move by: what fits in view, less one for context. */
  private get pageRows(): number {
    this.host.viewport.measureViewport();
    const visible = Math.min(this.host.viewport.viewportHeight || Infinity, window.innerHeight - this.host.head.offsetHeight);
    return Math.max(1, Math.floor(visible / this.host.viewport.rowHeight) - 1);
  }

  /** Moves the keyboard (and, on a data cell, the active cell) to page position p, nav column c; `extend` grows the selection. */
  setCursor(p: number, c: number, extend: boolean): void {
    const nav = this.host.navCols;
    if (!this.host.pageIndices.length || !nav.length) return;
    const controls = this.host.controlCount;
    p = Math.max(0, Math.min(this.host.pageIndices.length - 1, p));
    c = Math.max(0, Math.min(nav.length - 1, c));
    const anchorOnPage = !!this.selection.anchor && this.host.positionOf(this.selection.anchor.row) >= 0 && nav.includes(this.selection.anchor.col);
    if (extend && anchorOnPage && this.selection.anchor) {
      c = Math.max(c, controls);
      const ref = { row: this.host.pageIndices[p], col: nav[c] };
      this.selection.focusCell = ref;
      this.selection.selectRect(this.selection.anchor, ref);
    } else {
      const ref = { row: this.host.pageIndices[p], col: nav[c] };
      this.selection.focusCell = ref;
      if (c >= controls) {
        this.selection.anchor = ref;
        this.selection.selectRect(ref, ref);
      }
    }
    this.selection.publish();
    this.host.viewport.ensureVisible(p, c);
    this.host.requestUpdate();
  }

  /** The grid's keys (see the top of this file); the editor and the filter boxes handle their own. */
  onGridKey = (e: KeyboardEvent): void => {
    if (e.composedPath()[0] !== this.host.gridEl || this.host.editor.editing) return;
    const nav = this.host.navCols;
    if (!nav.length || !this.host.pageIndices.length) return;
    const [p, c] = this.focusPosition();
    const ctrl = e.ctrlKey || e.metaKey;
    const lastRow = this.host.pageIndices.length - 1;
    const lastCol = nav.length - 1;
    const firstData = Math.min(this.host.controlCount, lastCol);
    let to: [number, number] | null = null;
    switch (e.key) {
      case 'ArrowDown': to = [p + 1, c]; break;
      case 'ArrowUp': to = [p - 1, c]; break;
      case 'ArrowRight': to = [p, c + 1]; break;
      case 'ArrowLeft': to = [p, c - 1]; break;
      // Home goes to the first data cell: the row controls stay one ArrowLeft away.
      case 'Home': to = ctrl ? [0, e.shiftKey ? c : firstData] : [p, firstData]; break;
      case 'End': to = ctrl ? [lastRow, e.shiftKey ? c : lastCol] : [p, lastCol]; break;
      case 'PageDown': to = [Math.min(lastRow, p + this.pageRows), c]; break;
      case 'PageUp': to = [Math.max(0, p - this.pageRows), c]; break;
    }
    if (to) {
      e.preventDefault();
      this.setCursor(to[0], to[1], e.shiftKey);
      return;
    }
    const ref: CellRef = { row: this.host.pageIndices[p], col: nav[c] };
    const control = c < this.host.controlCount;
    if (control && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.activateControl(ref);
      return;
    }
    if (e.key === ' ' && e.shiftKey && (this.host.rowSelectable === 'single' || this.host.rowSelectable === 'multi')) {
      e.preventDefault();
      this.selection.toggleRow(ref.row);
      return;
    }
    if (control) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (!this.selection.anchor || this.selection.anchor.row !== ref.row || this.selection.anchor.col !== ref.col) this.setCursor(p, c, false);
      this.host.editor.start(ref, null);
    } else if (ctrl && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      const first = this.host.shown[0];
      const last = this.host.shown[this.host.shown.length - 1];
      if (!first || !this.selection.anchor) return;
      this.selection.selectRect({ row: this.host.pageIndices[0], col: first.id }, { row: this.host.pageIndices[lastRow], col: last.id });
      this.selection.publish();
      this.host.requestUpdate();
    } else if (e.key === 'Escape') {
      if (this.selection.anchor) {
        this.selection.selectRect(this.selection.anchor, this.selection.anchor);
        this.selection.focusCell = this.selection.anchor;
        this.selection.publish();
        this.host.requestUpdate();
      }
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.host.editor.clearSelected();
    } else if (e.key.length === 1 && !ctrl && !e.altKey) {
      // Typing replaces the cell's content, as in a spreadsheet.
      if (this.host.editor.start(ref, e.key)) e.preventDefault();
    }
  };

  private activateControl(ref: CellRef): void {
    if (ref.col === DELETE_COL) this.host.editor.deleteRow(ref.row);
    else this.selection.toggleRow(ref.row);
    this.host.requestUpdate();
  }

  /** Points the grid's aria-activedescendant at the focused cell when it is in the DOM. */
  syncActiveDescendant(): void {
    const grid = this.host.gridEl;
    if (!grid) return;
    const f = this.selection.focusCell;
    const p = f ? this.host.positionOf(f.row) : -1;
    const c = f ? this.host.navCols.indexOf(f.col) : -1;
    const id = p >= 0 && c >= 0 ? `cell-${p}-${c}` : '';
    if (id && this.host.renderRoot.querySelector(`#${id}`)) grid.setAttribute('aria-activedescendant', id);
    else grid.removeAttribute('aria-activedescendant');
  }
}
