/**
 * `<dash-table>`'s virtual window (docs/table.md): with `virtualization`, only the rows in view (and
 * a few more) are in the DOM, painted (table-body.ts) on every scroll, so scrolling a million rows
 * costs no element update. Also what paints the other rows after an update, and what scrolls a row
 * or cell into view.
 */
import type { ReactiveController } from 'lit';
import { paintRow, paintRows } from './table-body.js';
import { cellId } from './table-navigation.js';
import { cellText, type Row, type TableColumn } from './table-model.js';
import { MAX_SCROLL_HEIGHT, reuseRows, viewportWindow } from '../../internal/virtual-window.js';
import type { DashTable } from './table.js';

/**
 * Rows kept in the DOM beyond the visible ones: one behind, and ahead in the direction of
 * scrolling. A wheel, a fling or a dragged scrollbar scrolls in the browser's compositor, which
 * goes on while the page paints the next rows: the rows it will show before they are painted must
 * be there already. At rest, MIN_AHEAD_PX of rows: the first frames of a fling (~100 px each at
 * 6,000 px/s), scrolled before the page hears of it. While scrolling fast (a paint that moved
 * more than two rows), the rows of FRAMES_AHEAD such moves (~130 ms at 60 Hz: a frame or a few
 * missed, as when the page collects garbage), up to MAX_AHEAD_VIEWPORTS viewports' worth; a
 * quarter fewer each paint as it slows down. Each row is still painted once as it comes in, only
 * sooner. None after a jump past the whole window: they would be laid out and painted for
 * nothing, as the next jump replaces them too; once jumps stop for SETTLE_MS, those of rest (a
 * fling from there found no row ahead, and painted 50 at once in its first frame).
 */
const MIN_AHEAD_PX = 320;
const FRAMES_AHEAD = 8;
const MAX_AHEAD_VIEWPORTS = 4;
const BEHIND = 1;
const SETTLE_MS = 100;
/**
 * The window's rows are placed from an anchor row that moves by this many rows (see paintWindow).
 * A move places every row in the window anew, to be painted and rasterized again: at 1,024 rows, a
 * fast wheel scroll showed a blank band at the body's bottom after about one move in five (docs/table.md,
 * "Virtualization and layout"). The window's layer is 2 × this many rows tall; only its tiles near the view are rasterized.
 */
const ANCHOR_ROWS = 4096;
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
  /** Whether the last scroll went up (the window's overscan follows it). */
  private scrolledUp = false;
  /** Rows kept ahead in the direction of scrolling (see MIN_AHEAD_PX), and the first row in view when last painted. */
  private ahead = 0;
  private firstInView = 0;
  /** Set while a look after this frame's animation frame callbacks is queued (see onScrollEvent). */
  private recheckQueued = false;
  private height = 32;
  /** The window's row elements in DOM order (see placeRows), the row the first shows, and their parent. */
  private rowEls: HTMLElement[] = [];
  private rowsStart = 0;
  private rowsIn: HTMLElement | null = null;
  private spareRows: HTMLElement[] = [];
  /** Table updates painted so far: a window row painted in this one needs no paint on scroll. */
  private generation = 0;
  /** Each window row's offset in the window, as written. */
  private rowTops = new WeakMap<HTMLElement, number>();
  private resizeObserver?: ResizeObserver;
  /** Set after a jump, until the rows of rest ahead are painted (see MIN_AHEAD_PX). */
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Which cells' text fits unclipped (see CellTextFit). */
  readonly textFit = new CellTextFit();

  hostConnected(): void {
    if (this.host.hasUpdated) this.observeSize();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    clearTimeout(this.settleTimer);
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
    this.resizeObserver = new ResizeObserver((entries) => {
      if (entries.some((entry) => entry.target === this.host.fitProbe)) this.checkCellStyle();
      this.measureViewport();
    });
    this.resizeObserver.observe(this.host.scroller);
    this.resizeObserver.observe(this.host.head);
    // A hidden data cell sized by its text: the page's styles (::part, custom properties, a font
    // loading) reach it as they reach the data cells, without an update of the table.
    if (this.host.fitProbe) this.resizeObserver.observe(this.host.fitProbe, { box: 'border-box' });
    this.measureViewport();
  }

  /** The probe's size changed: if the cells' text is in another style than when measured, it is measured again. */
  private checkCellStyle(): void {
    if (this.host.fitProbe && this.textFit.measuredIn !== fitStyle(this.host.fitProbe)) this.paintBody();
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

  /**
   * The scroller's `scroll` event: paints the window at once, and once more after the frame's
   * animation frame callbacks if one of them scrolled again. A page scrolling by script in an
   * animation frame (an animation, the table bench) moves the scroller after this event, which
   * tells of the previous frame's move: without the second look, each frame would paint the rows
   * of the position before and show blank where the new ones go.
   */
  onScrollEvent = (): void => {
    if (!this.recheckQueued) {
      this.recheckQueued = true;
      requestAnimationFrame(this.recheckScroll);
    }
    this.onScroll();
  };

  private readonly recheckScroll = (): void => {
    this.recheckQueued = false;
    if (this.host.scroller) this.onScroll();
  };

  /** Paints the window if the scroller moved since it was last painted. */
  private onScroll(): void {
    const top = this.host.scroller.scrollTop;
    if (top === this.bodyScrollTop) return;
    this.scrolledUp = top < this.bodyScrollTop;
    this.bodyScrollTop = top;
    this.paintWindow();
  }

  /** After an update: paints the fixed rows, the page's rows (without virtualization) or the window. */
  paintBody(): void {
    // Every row in the window is written again: the update may have changed any of them.
    this.generation++;
    this.textFit.reset(this.host.fitProbe);
    const root = this.host.renderRoot;
    const fixed = this.host.fixedDataCount;
    const fixedEl = root.querySelector<HTMLElement>('.fixed-data');
    if (fixedEl) paintRows(fixedEl, this.host, 0, fixed);
    const plain = this.host.virtualization ? null : root.querySelector<HTMLElement>('.body.plain');
    if (plain) paintRows(plain, this.host, fixed, this.host.pageIndices.length);
    if (this.host.windowEl) this.matchBackground(this.host.windowEl);
    // Back to the rows a fling from rest needs (paintWindow keeps those): the rows a fast scroll
    // kept ahead stay in the DOM once it stops, and an update (a sort, new data) would paint them all again.
    this.ahead = 0;
    this.paintWindow();
  }

  /**
   * The window paints the table's background to be an opaque layer (table.styles.ts), which looks
   * the same only where the scroller shows that one opaque colour: not with a see-through or other
   * background (`::part(table)`), where the window paints none.
   */
  private matchBackground(win: HTMLElement): void {
    win.classList.remove('see-through');
    const under = getComputedStyle(this.host.scroller);
    const own = getComputedStyle(win).backgroundColor;
    if (under.backgroundImage !== 'none' || under.backgroundColor !== own || !own.startsWith('rgb(')) win.classList.add('see-through');
  }

  /** Paints the rows in view into the virtual body (no element update: scrolling costs only the rows). */
  paintWindow(): void {
    const el = this.host.windowEl;
    if (!this.host.virtualization || !el) return;
    const fixed = this.host.fixedDataCount;
    const viewportHeight = this.viewportHeight || 600;
    const bodyRows = this.host.pageIndices.length - fixed;
    let win = viewportWindow(bodyRows, this.rowHeight, this.bodyScrollTop, viewportHeight, 0);
    const jumped = this.rowsIn === el && (fixed + win.end <= this.rowsStart || fixed + win.start >= this.rowsStart + this.rowEls.length);
    const moved = Math.abs(win.start - this.firstInView);
    this.firstInView = win.start;
    clearTimeout(this.settleTimer);
    if (jumped) {
      // Rows ahead once the jumps stop, and as many as at rest: not those of the scrolling before them.
      this.ahead = 0;
      this.settleTimer = setTimeout(() => this.paintWindow(), SETTLE_MS);
    } else {
      const fast = moved > 2 ? Math.min(MAX_AHEAD_VIEWPORTS * Math.ceil(viewportHeight / this.rowHeight), FRAMES_AHEAD * moved) : 0;
      this.ahead = Math.max(Math.ceil(MIN_AHEAD_PX / this.rowHeight), fast, this.ahead - Math.ceil(this.ahead / 4));
      const overscan = this.scrolledUp ? { before: this.ahead, after: BEHIND } : { before: BEHIND, after: this.ahead };
      win = viewportWindow(bodyRows, this.rowHeight, this.bodyScrollTop, viewportHeight, overscan);
    }
    // Rows sit at their offset from an anchor row that changes only every ANCHOR_ROWS rows, and the
    // window moves to put them in place: a row that stays in view keeps its offset, and a row that
    // comes in moves no other, so neither is restyled or laid out again as the window scrolls.
    // `top`, not a transform, for the window: transforms are float32, which past ~8M px is off by whole pixels.
    const anchor = win.start - (win.start % ANCHOR_ROWS);
    const rh = this.rowHeight;
    el.style.top = `${Math.round(win.top - (win.start - anchor) * rh)}px`;
    // The window is a compositor layer with an opaque background (table.styles.ts), as tall as the
    // rows it can hold between two anchors: its bounds stay put while rows come and go, so its
    // tiles stay valid, and moving it (a scaled body moves it every frame) re-rasters nothing.
    const height = `${2 * ANCHOR_ROWS * rh}px`;
    if (el.style.height !== height) el.style.height = height;
    const start = fixed + win.start;
    const count = win.end - win.start;
    const editing = this.host.editor.editing;
    const editRow = editing ? this.host.positionOf(editing.row) : -1;
    if (editing && editRow >= fixed && (editRow < start || editRow >= start + count)) {
      // The row being edited scrolled out of the DOM: commit what was typed (or drop it when invalid).
      queueMicrotask(() => this.host.editor.editing === editing && this.host.editor.commit(null, false, true));
    }
    const rows = this.placeRows(el, start, count);
    for (let i = 0; i < count; i++) {
      const y = (win.start + i - anchor) * rh;
      if (this.rowTops.get(rows[i]) !== y) {
        this.rowTops.set(rows[i], y);
        rows[i].style.top = `${y}px`;
      }
      paintRow(rows[i], this.host, start + i, this.generation);
    }
    this.host.navigation.syncActiveDescendant();
  }

  /**
   * The window's row elements, in DOM order, for rows `start`…`start + count`: a row that stays in
   * view keeps its element, and the rows scrolling in take the elements of those that left
   * (docs/table.md, "Virtualization and layout"). Elements move only at the window's ends, and a
   * jump moves none: a moved element is styled and laid out anew, a reused one only gets new text.
   */
  private placeRows(el: HTMLElement, start: number, count: number): HTMLElement[] {
    if (this.rowsIn !== el) {
      // A new body (first paint, virtualization toggled): nothing to reuse.
      this.rowsIn = el;
      this.rowEls = [];
      this.spareRows = [];
    }
    const prev = this.rowEls;
    const reuse = reuseRows(this.rowsStart, prev.length, start, count);
    // Rows the window no longer holds (it holds fewer after a jump) are kept, cells and all, for when it grows again.
    const next = reuse.map((i) => (i >= 0 ? prev[i] : (this.spareRows.pop() ?? document.createElement('div'))));
    const used = new Set(next);
    for (const row of prev) {
      if (used.has(row)) continue;
      row.remove();
      this.spareRows.push(row);
    }
    // Rows kept in view form one block already in order: place the others around it.
    const anchor = Math.max(0, reuse.findIndex((i, k) => i >= 0 && this.rowsStart + i === start + k));
    for (let k = anchor - 1; k >= 0; k--) if (next[k].nextSibling !== next[k + 1]) el.insertBefore(next[k], next[k + 1]);
    if (next.length && !next[anchor].isConnected) el.append(next[anchor]);
    for (let k = anchor + 1; k < next.length; k++) {
      if (next[k - 1].nextSibling !== next[k]) el.insertBefore(next[k], next[k - 1].nextSibling);
    }
    this.rowEls = next;
    this.rowsStart = start;
    return next;
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
        this.host.renderRoot.querySelector(`#${cellId(p, c)}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      });
    }
  }
}

/** How a column's cells hold text: the width it may take unclipped (0: always clipped), and the font it is measured in. */
interface ColumnRoom {
  room: number;
  font: string;
  /** The advance of each printable ASCII character (from 32): ASCII text is at most their sum wide. */
  advances: Float64Array;
  /** With tabular digits, digits are measured as the widest one (every digit takes that width). */
  digit: string | null;
}

const ALWAYS_CLIP: ColumnRoom = { room: 0, font: '', advances: new Float64Array(95), digit: null };
/** Style properties that change neither a cell's font nor its room for text (widths size the column, see styledColumnWidth). */
const ROOM_NEUTRAL = /^(background|color$|textalign$|cursor$|opacity$|outline|verticalalign$|width$|minwidth$|maxwidth$)/;

/**
 * Which data cells' text fits its cell (docs/table.md, "Virtualization and layout"). Such a cell
 * needs no clip (and its ellipsis would never show): a cell without one is no clip node and paint
 * chunk of its own, which keeps the paint, layerizing and raster of a scroll frame small. Text
 * measured too wide, or in a column whose styles may change its font or room (padding, font,
 * borders…), is clipped with an ellipsis. Measured on a canvas in the cells' own computed font; the
 * room is remeasured after every update of the table.
 */
export class CellTextFit {
  private rooms = new Map<string, ColumnRoom>();
  /** Counts the updates: a cell's fit measured in an earlier one is measured again. */
  epoch = 0;
  /** The cells' style (fitStyle) as of the last reset. */
  measuredIn: string | undefined;

  /** After an update: columns, widths, styles or fonts may have changed. `probe`: a data cell the page's styles reach. */
  reset(probe: HTMLElement | null | undefined): void {
    this.rooms.clear();
    this.epoch++;
    this.measuredIn = probe ? fitStyle(probe) : undefined;
  }

  /** Whether `text`, shown in `cellEl` (a data cell of `col`), fits without a clip. */
  fits(table: DashTable, col: TableColumn, cellEl: HTMLElement, text: string): boolean {
    let fit = this.rooms.get(col.id);
    if (!fit) {
      fit = columnRoom(table, col, cellEl);
      this.rooms.set(col.id, fit);
    }
    if (fit.room <= 0) return false;
    // ASCII text is measured as the sum of its characters' advances (kerning and ligatures only
    // narrow it), other text on the canvas.
    const { advances } = fit;
    const digit = fit.digit ? advances[fit.digit.charCodeAt(0) - 32] : 0;
    let ascii = true;
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Tabs and line breaks are laid out as the canvas does not: clipped.
      if (c < 32) return false;
      if (c > 126) ascii = false;
      else width += digit && c >= 48 && c <= 57 ? digit : advances[c - 32];
    }
    if (ascii) return width <= fit.room;
    const ctx = measureContext(fit.font);
    if (!ctx) return false;
    return ctx.measureText(fit.digit ? text.replace(/[0-9]/g, fit.digit) : text).width <= fit.room;
  }
}

function columnRoom(table: DashTable, col: TableColumn, cellEl: HTMLElement): ColumnRoom {
  const neutral = (style: Readonly<Record<string, unknown>> | undefined) =>
    !style || Object.keys(style).every((name) => ROOM_NEUTRAL.test(name.replaceAll('-', '').toLowerCase()));
  if (!neutral(table.styles.dataBase.get(col.id)) || !(table.styles.dataConds.get(col.id) ?? []).every((c) => neutral(c.style))) return ALWAYS_CLIP;
  const s = fitInputs(cellEl);
  const plain = s.letterSpacing === 'normal' && s.wordSpacing === '0px' && s.textTransform === 'none' && s.fontStretch === '100%' && s.fontVariantCaps === 'normal';
  // A font not loaded yet would be measured in its fallback; one too tall for the row would spill out of it.
  if (!plain || !s.fontLoaded || !(parseFloat(s.fontSize) * 1.25 <= table.viewport.rowHeight)) return ALWAYS_CLIP;
  const px = (v: string) => parseFloat(v) || 0;
  // One pixel to spare for rounding between the canvas and the cell's own layout.
  const room = (table.widths.get(col.id) ?? 120) - px(s.paddingLeft) - px(s.paddingRight) - px(s.borderLeftWidth) - px(s.borderRightWidth) - 1;
  const ctx = measureContext(s.font);
  if (!ctx || !Number.isFinite(room)) return ALWAYS_CLIP;
  const { advances, digit } = fontWidths(ctx, s.font);
  return { room, font: s.font, advances, digit: s.fontVariantNumeric.includes('tabular-nums') ? digit : null };
}

/**
 * What of a data cell's style its text's fit depends on: everything columnRoom reads, and only
 * from here, so that fitStyle (a change of which measures every cell again) covers it all.
 */
function fitInputs(cell: HTMLElement) {
  const cs = getComputedStyle(cell);
  const font = cellFont(cs);
  return {
    font,
    fontLoaded: fontLoaded(font),
    fontSize: cs.fontSize,
    letterSpacing: cs.letterSpacing,
    wordSpacing: cs.wordSpacing,
    textTransform: cs.textTransform,
    fontStretch: cs.fontStretch,
    fontVariantCaps: cs.fontVariantCaps,
    fontVariantNumeric: cs.fontVariantNumeric,
    paddingLeft: cs.paddingLeft,
    paddingRight: cs.paddingRight,
    borderLeftWidth: cs.borderLeftWidth,
    borderRightWidth: cs.borderRightWidth,
  };
}

/** fitInputs as one string, to tell whether the cells' style changed. */
function fitStyle(cell: HTMLElement): string {
  return Object.values(fitInputs(cell)).join('|');
}

/** A cell's font for the canvas. (The computed `font` shorthand is empty when a longhand it cannot express is set, such as tabular digits.) */
function cellFont(cs: CSSStyleDeclaration): string {
  return `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
}

function fontLoaded(font: string): boolean {
  try {
    return document.fonts.check(font);
  } catch {
    return false; // (a font the canvas could not parse either)
  }
}

const widthsByFont = new Map<string, { advances: Float64Array; digit: string }>();

/** A font's printable ASCII characters' advances, and its widest digit (`ctx` is in that font). */
function fontWidths(ctx: CanvasRenderingContext2D, font: string): { advances: Float64Array; digit: string } {
  let known = widthsByFont.get(font);
  if (!known) {
    known = { advances: new Float64Array(95), digit: '0' };
    for (let c = 32; c <= 126; c++) {
      known.advances[c - 32] = ctx.measureText(String.fromCharCode(c)).width;
      if (c >= 48 && c <= 57 && known.advances[c - 32] > known.advances[known.digit.charCodeAt(0) - 32]) known.digit = String.fromCharCode(c);
    }
    widthsByFont.set(font, known);
  }
  return known;
}

/** Fixed column widths from the header and a sample of rows: one template for header and body. */
export function columnWidths(el: Element, cols: readonly TableColumn[], rows: readonly Row[]): Map<string, number> {
  const ctx = measureContext(getComputedStyle(el).font || '14px system-ui');
  const measure = (text: string) => (ctx ? ctx.measureText(text).width : text.length * 8);
  const widest = measure('W');
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
      // Measured unless even in its widest letters it would fit.
      if (text.length * widest > w) w = Math.max(w, measure(text.length > 80 ? text.slice(0, 80) : text));
    }
    widths.set(col.id, Math.ceil(Math.min(360, Math.max(64, w + 20))));
  }
  return widths;
}

let canvas: HTMLCanvasElement | null = null;
let canvasFont = '';
/** The measuring canvas, in `font` (set only when it changes: setting a font parses it). */
function measureContext(font: string): CanvasRenderingContext2D | null {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx && canvasFont !== font) {
    ctx.font = font;
    canvasFont = font;
  }
  return ctx;
}
