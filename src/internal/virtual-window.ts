/**
 * The virtual scroll window shared by long lists (the dropdown's options, the table's rows): which
 * rows to put in the DOM for a scroll position. Pure: no DOM.
 */

/** Scroll heights above this are scaled: Chromium caps element heights near 33.5M px, Firefox at 17.9M. */
export const MAX_SCROLL_HEIGHT = 15_000_000;

export interface ViewportWindow {
  /** Height of the scrollable body. */
  bodyHeight: number;
  /** First and last (exclusive) rows to put in the DOM. */
  start: number;
  end: number;
  /** Body-relative y of the first rendered row. */
  top: number;
}

/** Rows rendered beyond those in view: as many on each side, or more on the side being scrolled towards. */
export type Overscan = number | { readonly before: number; readonly after: number };

/**
 * Maps a scroll position to the rows to render. When `rows × rowHeight` exceeds
 * MAX_SCROLL_HEIGHT, the scroll range is scaled so the first and last rows are still reachable and
 * rows keep their real height on screen.
 */
export function viewportWindow(
  rows: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: Overscan,
  maxHeight = MAX_SCROLL_HEIGHT,
): ViewportWindow {
  const before = typeof overscan === 'number' ? overscan : overscan.before;
  const after = typeof overscan === 'number' ? overscan : overscan.after;
  const total = rows * rowHeight;
  const bodyHeight = Math.min(total, maxHeight);
  const vh = Math.max(0, Math.min(viewportHeight, bodyHeight));
  const top = Math.max(0, Math.min(scrollTop, bodyHeight - vh));
  const position = total > maxHeight && bodyHeight > vh ? (top * (total - vh)) / (bodyHeight - vh) : top;
  const first = Math.min(Math.max(0, rows - 1), Math.floor(position / rowHeight));
  const visible = Math.ceil(vh / rowHeight) + 1;
  const start = Math.max(0, first - before);
  const end = Math.min(rows, first + visible + after);
  return { bodyHeight, start, end, top: top - position + start * rowHeight };
}

/**
 * Which element of the previous window shows each row of the next one, when the window's rows
 * `prevStart`… (`prevCount` of them) become `start`… (`count`): a row in both windows keeps its
 * element (so an open editor keeps focus), and the rows scrolling in take the elements freed, in
 * order. Scrolling by k rows thus moves k elements from one end to the other, and a jump past the
 * whole window moves none. Returns an index into the previous elements for each next row, or -1
 * where a new element is needed (the window grew).
 */
export function reuseRows(prevStart: number, prevCount: number, start: number, count: number): number[] {
  const keptFrom = Math.max(prevStart, start);
  const keptTo = Math.min(prevStart + prevCount, start + count);
  const freed: number[] = [];
  for (let i = 0; i < prevCount; i++) {
    const row = prevStart + i;
    if (row < keptFrom || row >= keptTo) freed.push(i);
  }
  const out: number[] = new Array(count);
  let next = 0;
  for (let i = 0; i < count; i++) {
    const row = start + i;
    out[i] = row >= keptFrom && row < keptTo ? row - prevStart : next < freed.length ? freed[next++] : -1;
  }
  return out;
}
