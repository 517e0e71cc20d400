/**
 * `<dash-table>`'s virtual window (docs/table.md): with `virtualization`, only the rows in view (and
 * a few more) are in the DOM, painted by a Lit render of their own on every scroll, so scrolling a
 * million rows costs no element update. Also what scrolls a row or cell into view.
 */
import { render, type ReactiveController } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderRow } from './table-body.js';
import { cellText, type Row, type TableColumn } from './table-model.js';
import { MAX_SCROLL_HEIGHT, viewportWindow } from '../../internal/virtual-window.js';
import type { DashTable } from './table.js';

/** Rows kept in the DOM above and below the visible ones. */
const OVERSCAN = 8;
/** Width of a row's delete or select column, in px. */
export const CONTROL_WIDTH = 36;

/** The scroll state, the row window and the size observer of one `<dash-table>`. */
export class TableViewport implements ReactiveController {
  constructor(private readonly host: DashTable) {
    host.addController(this);
  }

  /** The body's scroll position; scrolling repaints only the row window, not the whole element. */
  bodyScrollTop = 0;
  /** Height of the body's visible area (repaints the window only). */
  viewportHeight = 0;
  private height = 32;
  /** Most rows the window can hold: the number of row keys (see paintWindow). */
  private slots = 0;
  private resizeObserver?: ResizeObserver;

  hostConnected(): void {
    if (this.host.hasUpdated) this.observeSize();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Height of every row, from --dash-table-row-height; a change repaints the table. */
  get rowHeight(): number {
    return this.height;
  }

  set rowHeight(px: number) {
    if (px === this.height) return;
    this.height = px;
    this.host.requestUpdate();
  }

  /** Scrolls the body so the row at `index` (within the current page) is in view. */
  scrollToRow(index: number): void {
    if (!this.host.scroller) return;
    const n = this.host.bodyRowCount;
    const win = viewportWindow(n, this.rowHeight, 0, this.viewportHeight, 0);
    const total = n * this.rowHeight;
    const y = index * this.rowHeight;
    const vh = Math.min(this.viewportHeight, win.bodyHeight);
    const scrolled = total > win.bodyHeight ? (y * (win.bodyHeight - vh)) / Math.max(1, total - vh) : y;
    this.host.scroller.scrollTop = scrolled;
    this.onScroll();
  }

  observeSize(): void {
    if (this.resizeObserver || !this.host.scroller) return;
    this.resizeObserver = new ResizeObserver(() => this.measureViewport());
    this.resizeObserver.observe(this.host.scroller);
    this.resizeObserver.observe(this.host.head);
    this.measureViewport();
  }

  measureViewport(): void {
    if (!this.host.scroller || !this.host.head) return;
    const rh = parseFloat(getComputedStyle(this.host).getPropertyValue('--dash-table-row-height'));
    const rowHeight = Number.isFinite(rh) && rh > 0 ? rh : 32;
    if (rowHeight !== this.rowHeight) this.rowHeight = rowHeight;
    const vh = Math.max(0, this.host.scroller.clientHeight - this.host.head.offsetHeight);
    if (vh !== this.viewportHeight) {
      this.viewportHeight = vh;
      this.paintWindow();
    }
  }

  onScroll = (): void => {
    const top = this.host.scroller.scrollTop;
    if (top === this.bodyScrollTop) return;
    this.bodyScrollTop = top;
    this.paintWindow();
  };

  /** Renders the rows in view into the virtual body (a Lit render of its own: scrolling costs no element update). */
  paintWindow(): void {
    const el = this.host.windowEl;
    if (!this.host.virtualization || !el) return;
    const fixed = this.host.fixedDataCount;
    const viewportHeight = this.viewportHeight || 600;
    const win = viewportWindow(this.host.pageIndices.length - fixed, this.rowHeight, this.bodyScrollTop, viewportHeight, OVERSCAN);
    // `top`, not a transform: transforms are float32, which past ~8M px is off by whole pixels.
    el.style.top = `${win.top}px`;
    const rows: number[] = [];
    for (let r = fixed + win.start; r < fixed + win.end; r++) rows.push(r);
    const editing = this.host.editor.editing;
    if (editing && !rows.includes(this.host.positionOf(editing.row)) && this.host.positionOf(editing.row) >= fixed) {
      // The row being edited scrolled out of the DOM: commit what was typed (or drop it when invalid).
      queueMicrotask(() => this.host.editor.editing === editing && this.host.editor.commit(null, false, true));
    }
    // Rows are keyed by slot (row mod the most rows the window can hold), not by row: a row that
    // stays in view keeps its DOM (and an open editor its focus), and a row scrolling in takes over
    // the DOM of one that left, so even a jump of a whole window only updates text and attributes.
    const fullWindow = Math.ceil(viewportHeight / this.rowHeight) + 1 + 2 * OVERSCAN;
    this.slots = Math.max(this.slots, rows.length, fullWindow);
    const slots = this.slots;
    render(repeat(rows, (r) => r % slots, (r) => renderRow(this.host, r)), el, { host: this.host });
    this.host.navigation.syncActiveDescendant();
  }

  /** Scrolls so the cell at page position p, nav column c is in view (the virtual body included). */
  ensureVisible(p: number, c: number): void {
    const sc = this.host.scroller;
    if (!sc) return;
    this.measureViewport();
    const fixed = this.host.fixedDataCount;
    const scrollsVertically = sc.scrollHeight > sc.clientHeight + 1;
    if (p >= fixed && scrollsVertically) {
      const k = p - fixed;
      const rh = this.rowHeight;
      const total = (this.host.pageIndices.length - fixed) * rh;
      const bodyHeight = Math.min(total, MAX_SCROLL_HEIGHT);
      const vh = Math.max(rh, this.viewportHeight || sc.clientHeight - this.host.head.offsetHeight);
      const scale = this.host.virtualization && total > bodyHeight && bodyHeight > vh ? (total - vh) / (bodyHeight - vh) : 1;
      const pos = sc.scrollTop * scale;
      let next = pos;
      if (k * rh < pos) next = k * rh;
      else if ((k + 1) * rh > pos + vh) next = (k + 1) * rh - vh;
      if (next !== pos) {
        // Scroll offsets snap to (device) pixels: nudge until the row is wholly inside.
        const down = next > pos;
        // (Chromium keeps offsets this large at 2px steps.)
        const wanted = down ? Math.ceil(next / scale) : Math.floor(next / scale);
        sc.scrollTop = wanted;
        for (let i = 1; i <= 4 && (down ? sc.scrollTop * scale < next : sc.scrollTop * scale > next); i++) {
          sc.scrollTop = wanted + (down ? i : -i);
        }
        this.onScroll();
      }
    }
    const controls = this.host.controlCount;
    let x = Math.min(c, controls) * CONTROL_WIDTH;
    for (let i = 0; i < c - controls; i++) x += this.host.widths.get(this.host.shown[i].id) ?? 120;
    const w = c < controls ? CONTROL_WIDTH : (this.host.widths.get(this.host.shown[c - controls]?.id) ?? 120);
    if (x < sc.scrollLeft) sc.scrollLeft = x;
    else if (x + w > sc.scrollLeft + sc.clientWidth) sc.scrollLeft = x + w - sc.clientWidth;
    if (!scrollsVertically) {
      // The table is as tall as its rows: the page scrolls instead.
      this.host.updateComplete.then(() => {
        this.host.renderRoot.querySelector(`#cell-${p}-${c}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      });
    }
  }
}

/** Fixed column widths from the header and a sample of rows: one template for header and body. */
export function columnWidths(el: Element, cols: readonly TableColumn[], rows: readonly Row[]): Map<string, number> {
  const ctx = measureContext();
  const font = getComputedStyle(el).font || '14px system-ui';
  if (ctx) ctx.font = font;
  const measure = (text: string) => (ctx ? ctx.measureText(text).width : text.length * 8);
  const sample: Row[] = [];
  const n = rows.length;
  const step = Math.max(1, Math.floor(n / 100));
  for (let i = 0; i < Math.min(n, 100); i++) sample.push(rows[i]);
  for (let i = 0; i < n && sample.length < 200; i += step) sample.push(rows[i]);
  const widths = new Map<string, number>();
  for (const col of cols) {
    const fixed = Number(col.source.width);
    if (Number.isFinite(fixed) && fixed > 0) {
      widths.set(col.id, fixed);
      continue;
    }
    let w = measure(col.name) + 28; // sort indicator
    for (const row of sample) {
      const text = cellText(row[col.id]);
      if (text.length * 4 > w) w = Math.max(w, measure(text.length > 80 ? text.slice(0, 80) : text));
    }
    widths.set(col.id, Math.ceil(Math.min(360, Math.max(64, w + 20))));
  }
  return widths;
}

let canvas: HTMLCanvasElement | null = null;
function measureContext(): CanvasRenderingContext2D | null {
  canvas ??= document.createElement('canvas');
  return canvas.getContext('2d');
}
