/**
 * `<dash-table>`'s paging controls (docs/table.md): first, previous, the page number, next, last;
 * with `page-action="custom"` and no `page-count`, the last page is unknown.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DashTable } from './table.js';

export function renderPaging(table: DashTable): TemplateResult | typeof nothing {
  if (table.pageAction === 'none') return nothing;
  const { page, pageCount } = table.page;
  const custom = table.pageAction === 'custom';
  const knownCount = !custom || (table.pageCount !== null && table.pageCount !== undefined);
  if (knownCount && pageCount <= 1 && page === 0) return nothing;
  const last = knownCount ? pageCount - 1 : Infinity;
  const button = (label: string, text: string, target: number, disabled: boolean) =>
    html`<button type="button" part="page-button" aria-label=${label} title=${label} ?disabled=${disabled} @click=${() => goToPage(table, target)}>${text}</button>`;
  return html`<nav part="paging" class="paging" aria-label="Pagination">
    ${button('First page', '«', 0, page <= 0)} ${button('Previous page', '‹', page - 1, page <= 0)}
    <label for="page-input">Page</label>
    <input
      id="page-input"
      part="page-input"
      type="number"
      min="1"
      max=${knownCount ? pageCount : nothing}
      .value=${live(String(page + 1))}
      @change=${(e: Event) => goToPage(table, Number((e.target as HTMLInputElement).value) - 1)}
    />
    ${knownCount ? html`<span>of ${pageCount}</span>` : nothing}
    ${button('Next page', '›', page + 1, page >= last)} ${button('Last page', '»', last, !knownCount || page >= last)}
    <span class="visually-hidden" role="status">Page ${page + 1}${knownCount ? ` of ${pageCount}` : ''}</span>
  </nav>`;
}

function goToPage(table: DashTable, target: number): void {
  if (!Number.isFinite(target)) return;
  let page = Math.max(0, Math.floor(target));
  if (table.pageAction === 'native' || table.pageCount !== null) page = Math.min(page, table.page.pageCount - 1);
  table.setByUser('pageCurrent', page);
}
