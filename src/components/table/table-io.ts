/**
 * Text in and out of `<dash-table>`, DOM-free: RFC 4180 CSV for export, and the tab-separated
 * text spreadsheets put on the clipboard (Excel/Sheets quoting) for copy and paste.
 */
import { cellText, type Row } from './table-model.js';

/** A plain number as text: such a cell cannot be a formula, so it is never prefixed. */
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Leading characters spreadsheets read as a formula (OWASP's list: = + - @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet will not run as a formula: text starting with `= + - @` (or a tab or
 * carriage return) gets a leading `'`. Numbers, and text that is just a number (`-5`), stay as they are.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when it holds a quote, comma, CR or LF; quotes doubled (RFC 4180). */
export function csvField(value: unknown): string {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralizeFormula(cellText(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvColumn {
  id: string;
  name: string;
}

/**
 * The rows as an RFC 4180 CSV document: a header line of column names, then one line per row,
 * CRLF line breaks, the columns in the given order, values as stored (not formatted),
 * formula-injection safe.
 */
export function buildCsv(columns: readonly CsvColumn[], rows: Iterable<Row>, headers = true): string {
  const lines: string[] = [];
  if (headers) lines.push(columns.map((c) => csvField(c.name)).join(','));
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i) line += ',';
      line += csvField(row?.[columns[i].id]);
    }
    lines.push(line);
  }
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/** A block of cells as clipboard text: tabs between cells, newlines between rows, Excel quoting. */
export function buildTsv(cells: readonly (readonly string[])[]): string {
  return cells
    .map((row) => row.map((t) => (/[\t\n\r"]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join('\t'))
    .join('\n');
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
