/**
 * `<dash-table>`'s header (docs/table.md): the toolbar (CSV export, the columns menu), the column
 * headers with their sort buttons and hide buttons, the select-all checkbox, and the per-column
 * filter boxes that write `filterQuery`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from '../../internal/style-map.js';
import { columnQueries, type ColumnQueries } from './table-lazy.js';
import { nextSortBy, type TableColumn } from './table-model.js';
import type { DashTable } from './table.js';

export function renderToolbar(table: DashTable): TemplateResult | typeof nothing {
  const hideable = table.cols.filter((c) => c.source.hideable === true);
  const csv = table.exportFormat === 'csv';
  if (!csv && !hideable.length) return nothing;
  const hidden = new Set(Array.isArray(table.hiddenColumns) ? table.hiddenColumns.map(String) : []);
  return html`<div class="toolbar" part="toolbar">
    ${csv ? html`<button type="button" part="export-button" @click=${() => table.clipboard.exportCsv()}>Export</button>` : nothing}
    ${hideable.length
      ? html`<details part="columns-menu" class="columns-menu">
          <summary>Columns</summary>
          <fieldset>
            <legend class="visually-hidden">Shown columns</legend>
            ${hideable.map(
              (c) => html`<label
                ><input type="checkbox" .checked=${live(!hidden.has(c.id))} @change=${(e: Event) => setHidden(table, c.id, !(e.target as HTMLInputElement).checked)} />
                ${c.name}</label
              >`,
            )}
          </fieldset>
        </details>`
      : nothing}
  </div>`;
}

export function renderControlHeaders(table: DashTable): TemplateResult[] {
  const out: TemplateResult[] = [];
  let i = 0;
  if (table.rowDeletable) {
    out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}><span class="visually-hidden">Delete</span></div>`);
  }
  if (table.rowSelectable === 'multi') {
    const { all, some } = table.selection.filteredSelection();
    out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}>
      <input
        type="checkbox"
        part="select-input"
        tabindex="-1"
        aria-label="Select all rows"
        .checked=${live(all)}
        .indeterminate=${some && !all}
        ?disabled=${table.pageIndices.length === 0}
        @change=${(e: Event) => table.selection.selectAll((e.target as HTMLInputElement).checked)}
      />
    </div>`);
  } else if (table.rowSelectable === 'single') {
    out.push(html`<div role="columnheader" class="cell th control" part="header-cell" aria-colindex=${++i}><span class="visually-hidden">Select</span></div>`);
  }
  return out;
}

export function renderHeaderCell(table: DashTable, col: TableColumn, index: number): TemplateResult {
  const sortIndex = table.sort.findIndex((s) => s.column_id === col.id);
  const sorted = sortIndex >= 0 ? table.sort[sortIndex] : null;
  const ariaSort = sorted ? (sorted.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const name = html`<span class="name">${col.name}</span>`;
  const sortable = table.sortAction !== 'none';
  const icon = sorted ? (sorted.direction === 'asc' ? '▲' : '▼') : '⇅';
  const order = sorted && table.sort.length > 1 ? html`<span class="sort-order">${sortIndex + 1}</span>` : nothing;
  return html`<div
    role="columnheader"
    class="cell th ${col.type}"
    part="header-cell"
    aria-colindex=${index + 1}
    aria-sort=${ariaSort ?? nothing}
    data-column-id=${col.id}
    style=${styleMap(table.styles.headerStyles.get(col.id) ?? {})}
  >
    ${sortable
      ? html`<button
          type="button"
          part="sort-button"
          @click=${(e: MouseEvent) => onSort(table, col, e.shiftKey || e.metaKey || e.ctrlKey)}
          @keydown=${(e: KeyboardEvent) => onSortKey(table, col, e)}
        >${name}<span class="sort-icon" aria-hidden="true">${icon}${order}</span></button>`
      : html`<span class="label">${name}</span>`}
    ${col.source.hideable === true
      ? html`<button type="button" class="hide" part="hide-button" aria-label=${`Hide column ${col.name}`} title="Hide column" @click=${() => setHidden(table, col.id, true)}>
          <span aria-hidden="true">×</span>
        </button>`
      : nothing}
  </div>`;
}

export function renderFilterRow(table: DashTable, cols: TableColumn[]): TemplateResult {
  const error = !!table.filter.error;
  const controls = table.controlCount;
  return html`<div role="row" class="row filter-row" part="filter-row" aria-rowindex="2">
    ${Array.from({ length: controls }, (_, i) => html`<div role="gridcell" class="cell control" aria-colindex=${i + 1}></div>`)}
    ${cols.map(
      (c, i) => html`<div role="gridcell" class="cell" aria-colindex=${controls + i + 1} style=${styleMap(table.styles.filterStyle)}>
        <input
          type="text"
          part="filter-input"
          data-column-id=${c.id}
          aria-label=${`Filter ${c.name}`}
          placeholder="filter data…"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${error || table.invalidBoxes.has(c.id) ? 'true' : 'false'}
          aria-describedby=${error ? 'filter-error' : nothing}
          .value=${live(table.boxTexts.get(c.id) ?? '')}
          @change=${(e: Event) => onFilterInput(table, c, e.target as HTMLInputElement)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') onFilterInput(table, c, e.target as HTMLInputElement);
          }}
        />
      </div>`,
    )}
  </div>`;
}

function onSortKey(table: DashTable, col: TableColumn, e: KeyboardEvent): void {
  if ((e.key === 'Enter' || e.key === ' ') && (e.shiftKey || e.metaKey || e.ctrlKey)) {
    e.preventDefault();
    onSort(table, col, true);
  }
}

function onSort(table: DashTable, col: TableColumn, add: boolean): void {
  const next = nextSortBy(table.sort, col.id, add && table.sortMode === 'multi');
  table.setByUser('sortBy', next);
}

function onFilterInput(table: DashTable, col: TableColumn, input: HTMLInputElement): void {
  const text = input.value;
  table.withModule(columnQueries, (q) => applyFilterBox(table, q, col, text));
}

function applyFilterBox(table: DashTable, { parseColumnFilter, combineColumnQueries }: ColumnQueries, col: TableColumn, text: string): void {
  const texts = new Map(table.boxTexts);
  if (text.trim()) texts.set(col.id, text);
  else texts.delete(col.id);
  const parts = new Map<string, string>();
  const invalid = new Set<string>();
  for (const c of table.cols) {
    const t = texts.get(c.id);
    if (!t) continue;
    const r = parseColumnFilter(c.id, c.type, t);
    if (!r.ok) invalid.add(c.id);
    else if (r.query) parts.set(c.id, r.query);
  }
  table.boxTexts = texts;
  table.invalidBoxes = invalid;
  const query = combineColumnQueries(parts);
  table.ownQuery = query;
  table.setByUser('filterQuery', query);
}

function setHidden(table: DashTable, id: string, hide: boolean): void {
  const hidden = Array.isArray(table.hiddenColumns) ? table.hiddenColumns.map(String) : [];
  const next = hide ? (hidden.includes(id) ? hidden : [...hidden, id]) : hidden.filter((h) => h !== id);
  table.setByUser('hiddenColumns', next);
}
