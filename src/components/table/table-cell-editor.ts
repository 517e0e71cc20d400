/**
 * The cell editor of `<dash-table>` and the edits it makes to `data`: typing, Enter/F2, Escape,
 * commits that move the cursor, clearing cells, deleting rows (docs/table.md). What typed text
 * becomes is table-edit.ts, loaded with the first editable cell.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { editCode, type EditCode } from './table-lazy.js';
import { cellText, type Row, type TableColumn } from './table-model.js';
import type { CellRef, TableSelection } from './table-selection.js';
import type { DashTable } from './table.js';
import { emitUserEdit } from '../../internal/events.js';

/** The cell being edited: its data row, column id, the text typed so far, and why it was refused. */
export interface EditState {
  row: number;
  col: string;
  text: string;
  error: string | null;
}

/** Edits for one `<dash-table>`: the open editor (at most one) and every change the table makes to `data`. */
export class TableEditor {
  constructor(private readonly host: DashTable) {}

  /** The table's selection, which these moves and edits change. */
  private get selection(): TableSelection {
    return this.host.selection;
  }

  private open: EditState | null = null;
  private focusEditorPending = false;

  /** The cell being edited, or null. Setting it repaints the table. */
  get editing(): EditState | null {
    return this.open;
  }

  set editing(edit: EditState | null) {
    if (edit === this.open) return;
    this.open = edit;
    this.host.requestUpdate();
  }

  /** Focuses the editor opened since the last update (its input is rendered by now). */
  focusIfPending(): void {
    if (!this.focusEditorPending) return;
    this.focusEditorPending = false;
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('input.editor');
    if (input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  /** Opens the editor on a cell; `text` null starts from the cell's value. False when the cell is not editable. */
  start(ref: CellRef, text: string | null): boolean {
    const col = this.host.cols.find((c) => c.id === ref.col);
    if (!col || !this.host.isEditable(col) || this.host.positionOf(ref.row) < 0) return false;
    // Commits need table-edit.js (loaded with the first editable cell): the editor opens once it is there.
    this.host.withModule(editCode, () => {
      this.editing = { row: ref.row, col: ref.col, text: text ?? cellText(this.host.rows[ref.row]?.[col.id]), error: null };
      this.focusEditorPending = true;
      this.host.requestUpdate();
    });
    return true;
  }

  /** Keys in the editor: Escape cancels, Enter commits and moves down (Shift: up), Tab right (Shift: left). */
  onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.editing = null;
      this.host.focusGridPending = true;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.commit(e.shiftKey ? 'up' : 'down', true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.commit(e.shiftKey ? 'left' : 'right', true);
    }
  };

  /**
   * Validates and stores the edit. Invalid text keeps the editor open with a message, except when
   * the editor is left otherwise (blur, scrolled away): then the cell keeps its value (Dash's reject).
   */
  commit(move: 'up' | 'down' | 'left' | 'right' | null, refocus: boolean, leaving = false): boolean {
    const edit = this.editing;
    if (!edit) return false;
    const col = this.host.cols.find((c) => c.id === edit.col);
    // Loaded: the editor only opens once it is (start).
    const result = col ? editCode.module!.coerceEdit(edit.text, col) : null;
    if (!col || !result || !result.ok) {
      if (leaving || !col) {
        this.editing = null;
        return false;
      }
      edit.error = result && !result.ok ? result.message : 'Invalid value';
      this.host.requestUpdate();
      return false;
    }
    const p = this.host.positionOf(edit.row);
    const c = this.host.navCols.indexOf(edit.col);
    this.editing = null;
    if (refocus) this.host.focusGridPending = true;
    this.applyEdits([{ row: edit.row, col, value: result.value }]);
    if (move && p >= 0 && c >= 0) {
      const controls = this.host.controlCount;
      const lastCol = this.host.navCols.length - 1;
      let [np, nc] = [p, c];
      if (move === 'down') np = p + 1;
      else if (move === 'up') np = p - 1;
      else if (move === 'right') [np, nc] = c < lastCol ? [p, c + 1] : [p + 1, controls];
      else [np, nc] = c > controls ? [p, c - 1] : [p - 1, lastCol];
      if (np >= 0 && np < this.host.pageIndices.length) this.host.navigation.setCursor(np, nc, false);
    }
    this.host.requestUpdate();
    return true;
  }

  /** Writes new values into a copy of `data` (rows copied, not mutated); false when nothing changed. */
  applyEdits(edits: Array<{ row: number; col: TableColumn; value: unknown }>): boolean {
    let next: Row[] | null = null;
    for (const { row, col, value } of edits) {
      const current = (next ?? this.host.rows)[row];
      if (!current || deepEqual(current[col.id], value)) continue;
      next ??= this.host.rows.slice();
      next[row] = { ...current, [col.id]: value };
    }
    if (!next) return false;
    this.commitData(next);
    return true;
  }

  /** Stores new rows as the user's change, with Dash's data_previous and data_timestamp, and fires input + change. */
  private commitData(next: Row[]): void {
    const previous = this.host.data;
    this.host.ownEdit = true;
    this.host.setByUser('dataPrevious', previous);
    this.host.setByUser('dataTimestamp', Date.now());
    this.host.setByUser('data', next);
    emitUserEdit(this.host);
  }

  /** Delete/Backspace: empties the selected editable cells (null in numeric and datetime columns). */
  clearSelected(): void {
    this.host.withModule(editCode, ({ coerceEdit }) => this.clearCells(coerceEdit));
  }

  private clearCells(coerceEdit: EditCode['coerceEdit']): void {
    const edits: Array<{ row: number; col: TableColumn; value: unknown }> = [];
    const rows = this.selection.selRowList.length ? this.selection.selRowList : this.selection.anchor ? [this.selection.anchor.row] : [];
    for (const col of this.host.shown) {
      if (!this.host.isEditable(col)) continue;
      const bits = this.selection.cellSel.get(col.id);
      const anchorOnly = !this.selection.selRowList.length && this.selection.anchor?.col === col.id;
      if (!bits && !anchorOnly) continue;
      const cleared = coerceEdit('', col);
      if (!cleared.ok) continue;
      for (const r of rows) if (anchorOnly || bits?.[r]) edits.push({ row: r, col, value: cleared.value });
    }
    this.applyEdits(edits);
  }

  /** Removes a row from `data`; the selection and the keyboard follow the rows that move up. */
  deleteRow(dataIndex: number): void {
    if (dataIndex < 0 || dataIndex >= this.host.rows.length) return;
    const p = this.host.positionOf(dataIndex);
    const next = this.host.rows.slice(0, dataIndex).concat(this.host.rows.slice(dataIndex + 1));
    const shift = (r: number) => (r > dataIndex ? r - 1 : r);
    // Keyboard focus goes to the row that takes the deleted one's place on the page.
    const neighbour = p >= 0 ? (p + 1 < this.host.pageIndices.length ? this.host.pageIndices[p + 1] : p > 0 ? this.host.pageIndices[p - 1] : -1) : -1;
    const { focusCell, anchor } = this.selection;
    if (focusCell) {
      const row = focusCell.row === dataIndex ? neighbour : focusCell.row;
      this.selection.focusCell = row >= 0 ? { row: shift(row), col: focusCell.col } : null;
    }
    if (anchor) this.selection.anchor = anchor.row === dataIndex ? null : { row: shift(anchor.row), col: anchor.col };
    this.editing = null;
    this.selection.clear();
    const selected = this.selection.validRows(this.host.selectedRows).filter((r) => r !== dataIndex).map(shift);
    this.commitData(next);
    this.host.setByUser('selectedRows', selected);
    const ids: unknown[] = [];
    for (const r of selected) if (next[r]?.id !== undefined) ids.push(next[r].id);
    this.host.setByUser('selectedRowIds', ids);
    this.host.focusGridPending = true;
  }

  /** The editor's input, in the cell being edited. */
  render(edit: EditState, col: TableColumn): TemplateResult {
    return html`<input
        class="editor"
        part="cell-editor"
        type="text"
        inputmode=${col.type === 'numeric' ? 'decimal' : nothing}
        placeholder=${col.type === 'datetime' ? 'YYYY-MM-DD' : nothing}
        autocomplete="off"
        spellcheck="false"
        aria-label=${`Edit ${col.name}`}
        aria-invalid=${edit.error ? 'true' : 'false'}
        aria-describedby=${edit.error ? 'edit-error' : nothing}
        .value=${live(edit.text)}
        @input=${(e: Event) => {
          edit.text = (e.target as HTMLInputElement).value;
          if (edit.error) {
            edit.error = null;
            this.host.requestUpdate();
          }
        }}
        @keydown=${this.onKey}
        @blur=${() => this.editing === edit && this.commit(null, false, true)}
      />`;
  }
}
