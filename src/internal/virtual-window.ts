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
  overscan: number,
  maxHeight = MAX_SCROLL_HEIGHT,
): ViewportWindow {
  const total = rows * rowHeight;
  const bodyHeight = Math.min(total, maxHeight);
  const vh = Math.max(0, Math.min(viewportHeight, bodyHeight));
  const top = Math.max(0, Math.min(scrollTop, bodyHeight - vh));
  const position = total > maxHeight && bodyHeight > vh ? (top * (total - vh)) / (bodyHeight - vh) : top;
  const first = Math.min(Math.max(0, rows - 1), Math.floor(position / rowHeight));
  const visible = Math.ceil(vh / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(rows, first + visible + overscan);
  return { bodyHeight, start, end, top: top - position + start * rowHeight };
}
