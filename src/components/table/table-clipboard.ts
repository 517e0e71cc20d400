/**
 * `<dash-table>`'s text in and out: Ctrl+C copies the selected cells as tab-separated text, Ctrl+V
 * pastes such text into editable cells, and the export button downloads CSV (docs/table.md). The
 * text formats are table-io.ts; the paste reader (table-paste.ts) loads on the first paste.
 */
import { csvChunks, tsvLine } from './table-io.js';
import { pasteCode } from './table-lazy.js';
import { cellText } from './table-model.js';
import type { TableSelection } from './table-selection.js';
import type { DashTable } from './table.js';

type PastePlanner = NonNullable<typeof pasteCode.module>['planPaste'];

/** Copy, paste and CSV export for one `<dash-table>`. */
export class TableClipboard {
  constructor(private readonly host: DashTable) {}

  /** The table's selection, which these moves and edits change. */
  private get selection(): TableSelection {
    return this.host.selection;
  }

  /** The grid has the keyboard. (Clipboard events target the text selection when there is one, so their target says little.) */
  private get gridFocused(): boolean {
    return !!this.host.gridEl && this.host.renderRoot instanceof ShadowRoot && this.host.renderRoot.activeElement === this.host.gridEl;
  }

  onCopy = (e: ClipboardEvent): void => {
    if (!this.gridFocused || !e.clipboardData || this.host.editor.editing) return;
    const text = this.selectionText();
    if (text === null) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };

  /** The selected cells of the current page as tab-separated text (the active cell when none is selected). */
  private selectionText(): string | null {
    let positions: number[] = [];
    for (const r of this.selection.selRowList) {
      const p = this.host.positionOf(r);
      if (p >= 0) positions.push(p);
    }
    let cols = this.host.shown.filter((c) => this.selection.cellSel.has(c.id));
    if (!positions.length || !cols.length) {
      const a = this.selection.anchor;
      const p = a ? this.host.positionOf(a.row) : -1;
      const col = a && this.host.shown.find((c) => c.id === a.col);
      if (p < 0 || !col || !a) return null;
      positions = [p];
      cols = [col];
      this.selection.bitmap(col.id)[a.row] = 1;
    }
    positions = Array.from(new Uint32Array(positions).sort());
    const lines: string[] = [];
    if (this.host.includeHeadersOnCopyPaste) lines.push(tsvLine(cols.map((c) => c.name)));
    const bits = cols.map((c) => this.selection.cellSel.get(c.id));
    const cells: string[] = new Array(cols.length);
    for (const p of positions) {
      const r = this.host.pageIndices[p];
      const row = this.host.rows[r];
      for (let i = 0; i < cols.length; i++) cells[i] = bits[i]?.[r] ? cellText(row?.[cols[i].id]) : '';
      lines.push(tsvLine(cells));
    }
    return lines.join('\n');
  }

  onPaste = (e: ClipboardEvent): void => {
    if (!this.gridFocused || !e.clipboardData || this.host.editor.editing) return;
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    // The clipboard text reader loads on the first paste.
    this.host.track(
      pasteCode.load().then(
        ({ planPaste }) => this.pasteText(planPaste, text),
        (error: unknown) => this.host.warnOnce('paste-load', `paste could not be loaded (${String(error)})`),
      ),
    );
  };

  /** Pastes a block of tab-separated text at the active cell, into editable cells, validated by column type. */
  private pasteText(planPaste: PastePlanner, text: string): void {
    const a = this.selection.anchor;
    const p0 = a ? this.host.positionOf(a.row) : -1;
    const c0 = a ? this.host.shown.findIndex((c) => c.id === a.col) : -1;
    if (!a || p0 < 0 || c0 < 0) return;
    const { edits, rejected, lastP, lastC, overflow } = planPaste(text, {
      p0,
      c0,
      columns: this.host.shown,
      rows: this.host.pageIndices,
      headers: this.host.includeHeadersOnCopyPaste ? this.host.cols.map((c) => c.name) : null,
      isEditable: (col) => this.host.isEditable(col),
    });
    if (rejected.length) {
      console.warn(`${this.host.describe()}: pasted values that do not fit their column were skipped: ${rejected.slice(0, 5).join(', ')}${rejected.length > 5 ? ' …' : ''}`);
    }
    if (overflow) {
      this.host.warnOnce('paste-overflow', 'pasted rows beyond the last row of the page were dropped');
    }
    // Select the block written to, then store it.
    this.selection.selectRect(a, { row: this.host.pageIndices[lastP], col: this.host.shown[lastC].id });
    this.host.editor.applyEdits(edits);
    this.selection.publish();
    this.host.requestUpdate();
  }

  csvParts(): string[] {
    return csvChunks(this.host.shown.map((c) => ({ id: c.id, name: c.name })), this.host.derivedVirtualData);
  }

  exportCsv(): void {
    const url = URL.createObjectURL(new Blob(this.csvParts(), { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'Data.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
