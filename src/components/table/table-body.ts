/**
 * `<dash-table>`'s rows (docs/table.md): the body (every row of the page, or with `virtualization`
 * an empty window that table-viewport.ts paints), and the one place a row and its cells are
 * rendered: controls, conditional styles, formatted text, the editor.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from '../../internal/style-map.js';
import { cellText, type Row, type TableColumn } from './table-model.js';
import { MAX_SCROLL_HEIGHT } from '../../internal/virtual-window.js';
import { DELETE_COL, SELECT_COL } from './table-navigation.js';
import { columnOnly, matchesCell, type StyleObject } from './table-style.js';
import type { DashTable } from './table.js';

export function renderBody(table: DashTable): TemplateResult {
  const fixed = table.fixedDataCount;
  const count = table.pageIndices.length - fixed;
  if (!table.virtualization) {
    return html`<div role="rowgroup" class="body plain">${renderRows(table, fixed, table.pageIndices.length)}</div>`;
  }
  const height = Math.min(count * table.viewport.rowHeight, MAX_SCROLL_HEIGHT);
  // The window's rows are painted by paintWindow(), on every update and on every scroll.
  return html`<div role="rowgroup" class="body" style=${styleMap({ height: `${height}px` })}><div class="window" role="presentation"></div></div>`;
}

/** Rows `from`..`to` (exclusive) of the current page. */
export function renderRows(table: DashTable, from: number, to: number): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let r = from; r < to; r++) out.push(renderRow(table, r));
  return out;
}

/** @internal Row `r` of the current page: the one place rows and cells are rendered. */
export function renderRow(table: DashTable, r: number): TemplateResult {
  const dataIndex = table.pageIndices[r];
  const row = table.rows[dataIndex] ?? {};
  const rowSelectable = table.rowSelectable === 'single' || table.rowSelectable === 'multi';
  const selected = rowSelectable && table.selection.selectedRowSet().has(dataIndex);
  const controls = table.controlCount;
  const f = table.selection.focusCell;
  const focusCol = f && f.row === dataIndex ? f.col : null;
  let ci = 0;
  const control: TemplateResult[] = [];
  if (table.rowDeletable) {
    const c = ci++;
    control.push(html`<div role="gridcell" class="cell control" id=${`cell-${r}-${c}`} aria-colindex=${c + 1} ?data-focus=${focusCol === DELETE_COL}>
      <button type="button" part="delete-button" tabindex="-1" aria-label=${`Delete row ${r + 1}`} title="Delete row">
        <span aria-hidden="true">×</span>
      </button>
    </div>`);
  }
  if (rowSelectable) {
    const c = ci++;
    control.push(html`<div role="gridcell" class="cell control" part="select-cell" id=${`cell-${r}-${c}`} aria-colindex=${c + 1} ?data-focus=${focusCol === SELECT_COL}>
      <input
        type=${table.rowSelectable === 'single' ? 'radio' : 'checkbox'}
        part="select-input"
        tabindex="-1"
        aria-label=${`Select row ${r + 1}`}
        .checked=${live(selected)}
      />
    </div>`);
  }
  return html`<div
    role="row"
    class="row"
    part="row"
    aria-rowindex=${table.headerRowCount + 1 + r}
    aria-selected=${rowSelectable ? String(selected) : nothing}
    ?data-selected=${selected}
    data-row=${r}
  >
    ${control}${table.shown.map((c, i) => renderCell(table, row, dataIndex, r, c, controls + i, focusCol === c.id))}
  </div>`;
}

function renderCell(table: DashTable, row: Row, dataIndex: number, r: number, col: TableColumn, index: number, focused: boolean): TemplateResult {
  const a = table.selection.anchor;
  const active = !!a && a.row === dataIndex && a.col === col.id;
  const selected = table.selection.isCellSelected(dataIndex, col.id);
  const editable = table.isEditable(col);
  const style = cellStyle(table, row, r, col, editable, active, selected);
  const edit = table.editor.editing;
  const isEditing = !!edit && edit.row === dataIndex && edit.col === col.id;
  return html`<div
    role="gridcell"
    class="cell ${col.type} ${isEditing ? 'editing' : ''}"
    part="cell"
    id=${`cell-${r}-${index}`}
    aria-colindex=${index + 1}
    aria-selected=${selected ? 'true' : 'false'}
    aria-readonly=${editable ? nothing : 'true'}
    ?data-active=${active}
    ?data-selected=${selected}
    ?data-focus=${focused}
    style=${styleMap(style)}
  >${isEditing ? table.editor.render(edit, col) : formatCell(table, row[col.id], col)}</div>`;
}

function cellStyle(table: DashTable, row: Row, r: number, col: TableColumn, editable: boolean, active: boolean, selected: boolean): StyleObject {
  const base = table.styles.dataBase.get(col.id);
  const conds = table.styles.dataConds.get(col.id);
  if (!conds || !conds.length) return base ?? {};
  let out: StyleObject | null = null;
  for (const c of conds) {
    if (columnOnly(c) || matchesCell(c, { column: col, editable, rowIndex: r, row, active, selected })) {
      out ??= { ...base };
      Object.assign(out, c.style);
    }
  }
  return out ?? base ?? {};
}

/** Cell text, through the column's `format` when it has one. */
function formatCell(table: DashTable, value: unknown, col: TableColumn): string {
  if (col.type === 'numeric' && value !== null && value !== undefined && value !== '' && typeof value !== 'number') {
    table.warnOnce(`mixed-render:${col.id}`, `column "${col.id}" is numeric but has the value ${JSON.stringify(value)}; shown as text`);
  }
  const f = table.formatters.get(col.id);
  return f ? f(value) : cellText(value);
}
