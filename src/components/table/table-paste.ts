/**
 * Clipboard text into `<dash-table>`, DOM-free: the tab-separated text spreadsheets put on the
 * clipboard, and the edits a paste makes. Only a paste needs it, so the table imports this module
 * on the first paste.
 */
import { coerceEdit } from './table-edit.js';
import type { TableColumn } from './table-model.js';

/** Where a paste goes: the active cell's position on the page and among the shown columns. */
export interface PasteTarget {
  p0: number;
  c0: number;
  /** The shown columns. */
  columns: readonly TableColumn[];
  /** Data index of each row on the page. */
  rows: ArrayLike<number>;
  /** Column names, when a first line made of them is a header line to skip. */
  headers: readonly string[] | null;
  isEditable(column: TableColumn): boolean;
}

export interface PastePlan {
  /** The values that fit their column, coerced to its type. */
  edits: Array<{ row: number; col: TableColumn; value: unknown }>;
  /** `"text" in "column"` for values that do not fit their column. */
  rejected: string[];
  /** The last page position and shown column index the block covers. */
  lastP: number;
  lastC: number;
  /** Rows of the block fell beyond the last row of the page. */
  overflow: boolean;
}

/**
 * The edits that pasting clipboard text at a cell makes: into editable cells only, each value
 * validated by its column's type; rows beyond the page and columns beyond the last are dropped.
 */
export function planPaste(text: string, { p0, c0, columns, rows, headers, isEditable }: PasteTarget): PastePlan {
  let cells = parseTsv(text);
  if (headers && cells.length > 1) {
    const names = new Set(headers);
    if (cells[0].every((t) => names.has(t))) cells = cells.slice(1);
  }
  const edits: PastePlan['edits'] = [];
  const rejected: string[] = [];
  let lastP = p0;
  let lastC = c0;
  cells.forEach((line, i) => {
    const p = p0 + i;
    if (p >= rows.length) return;
    lastP = Math.max(lastP, p);
    line.forEach((t, j) => {
      const col = columns[c0 + j];
      if (!col) return;
      lastC = Math.max(lastC, c0 + j);
      if (!isEditable(col)) return;
      const result = coerceEdit(t, col);
      if (result.ok) edits.push({ row: rows[p], col, value: result.value });
      else rejected.push(`${JSON.stringify(t)} in "${col.id}"`);
    });
  });
  return { edits, rejected, lastP, lastC, overflow: cells.length > rows.length - p0 };
}

/**
 * Clipboard text → rows of cells. Understands what spreadsheets write: tabs and newlines (LF or
 * CRLF), quoted cells holding tabs, newlines or doubled quotes; a trailing newline ends the
 * last row rather than adding an empty one.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell only when the closing quote ends the cell; otherwise the quote is text.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += text[j++];
      }
      const next = text[j];
      if (closed && (j >= n || next === '\t' || next === '\n' || next === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
