import { css } from 'lit';

export const tableStyles = css`
  :host {
    --_bg: var(--dash-table-background, light-dark(#fff, #1e1f22));
    --_fg: var(--dash-table-color, light-dark(#1f2328, #e6e6e6));
    --_border: var(--dash-table-border-color, light-dark(#d0d7de, #3d4046));
    --_header-bg: var(--dash-table-header-background, light-dark(#f3f4f6, #2b2d31));
    --_stripe: var(--dash-table-stripe-background, transparent);
    --_hover: var(--dash-table-hover-background, light-dark(#f6f8fa, #26282c));
    --_accent: var(--dash-table-accent-color, light-dark(#0b65d8, #5ea1ff));
    --_invalid: var(--dash-table-invalid-color, light-dark(#c62828, #ff7b72));
    --_selected: var(--dash-table-selected-background, light-dark(#e3eefc, #1f3552));
    --_row-height: var(--dash-table-row-height, 32px);
    --_pad: var(--dash-table-cell-padding, 0 8px);
    color-scheme: light dark;
    display: flex;
    flex-direction: column;
    gap: 6px;
    font: var(--dash-table-font, 14px/1.4 system-ui, sans-serif);
    color: var(--_fg);
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }

  .scroller {
    position: relative;
    overflow: auto;
    min-height: 0;
    flex: 0 1 auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--dash-table-border-radius, 4px);
    overscroll-behavior: contain;
  }
  .scroller.bounded {
    max-height: var(--dash-table-max-height, 500px);
  }
  .grid {
    position: relative;
    min-width: 100%;
  }
  /* Cells side by side, each as wide as its column (a rule per column, table-view.ts): a row of flex
     boxes leaves a fifth less layout garbage than a grid row when its cells get new text
     (docs/table.md, "Virtualization and layout"). */
  .row {
    display: flex;
    height: var(--_row-height);
    box-sizing: border-box;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_header-bg);
  }
  .cell {
    box-sizing: border-box;
    padding: var(--_pad);
    border-bottom: 1px solid var(--_border);
    border-right: 1px solid var(--_border);
    /* clip, not hidden: no scroll container per cell, so a repaint of the window stays cheap. */
    overflow: clip;
    white-space: pre;
    text-overflow: ellipsis;
    line-height: calc(var(--_row-height) - 1px);
    flex: none;
  }
  /* A hidden data cell sized by its text: a change of its size (a page style changing the cells'
     font or padding) has every cell's text measured again (table-viewport.ts, observeSize). Its
     parts are "row"/"cell" for ::part() styles to reach it, with "fit-probe" so that a page's
     [part="row"] and [part="cell"] do not find it. */
  .fit-probe {
    position: absolute;
    top: 0;
    left: 0;
    visibility: hidden;
    pointer-events: none;
  }
  .fit-probe .cell {
    width: max-content;
  }
  /* Text measured to fit (table-viewport.ts, CellTextFit): no clip, so no clip node and paint chunk per cell. */
  .cell.fits {
    overflow: visible;
  }
  .cell:last-child {
    border-right: 0;
  }
  .cell.numeric {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .th {
    font-weight: 600;
    display: flex;
    align-items: stretch;
    padding: 0;
  }
  .th > .label,
  .th > button:not(.hide) {
    flex: 1;
    min-width: 0;
    display: flex;
    align-items: center;
    gap: 4px;
    padding: var(--_pad);
    overflow: hidden;
  }
  .th > button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    margin: 0;
    cursor: pointer;
    text-align: inherit;
  }
  .th.numeric > .label,
  .th.numeric > button {
    flex-direction: row-reverse;
  }
  .th .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sort-icon {
    flex: none;
    opacity: 0.45;
    font-size: 0.8em;
  }
  .th[aria-sort] .sort-icon {
    opacity: 1;
    color: var(--_accent);
  }
  .sort-order {
    font-size: 0.7em;
    vertical-align: super;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .filter-row .cell {
    padding: 2px 4px;
    background: var(--_bg);
    line-height: normal;
    /* Not a cell's pre: the template's own line breaks would push the box below the row. */
    white-space: nowrap;
  }
  .filter-row input {
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid transparent;
    border-radius: 3px;
    padding: 0 4px;
  }
  .filter-row input:hover {
    border-color: var(--_border);
  }
  .filter-row input[aria-invalid='true'] {
    border-color: var(--_invalid);
    color: var(--_invalid);
  }
  .fixed-data {
    background: var(--_bg);
  }

  .body {
    position: relative;
    overflow: clip;
    contain: layout paint style;
  }
  /* Not paint containment (strict): a row of its own clip node would split the window's paint into
     a chunk per row; its cells' text is clipped or measured to fit. */
  .window .row {
    contain: size layout style;
    position: absolute;
    left: 0;
    right: 0;
  }
  /* Its rows are placed from an anchor row (docs/table.md, "Virtualization and layout"). A layer of
     its own, opaque and of a fixed height (set by table-viewport.ts), so moving it re-rasters nothing
     and only the rows coming in are rasterized. */
  .window {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
    will-change: transform;
    background: var(--_bg);
  }
  .window.see-through {
    background: none;
  }
  /* Odd page positions, not :nth-child: a row keeps its stripe as the window scrolls, and moving
     a row element does not restyle its siblings. */
  .row[data-odd] {
    background: var(--_stripe);
  }
  .body .row:hover {
    background: var(--_hover);
  }
  .grid:focus {
    outline: none;
  }
  .grid:focus-visible:not(:has([data-focus])) {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .row[data-selected],
  .cell[data-selected] {
    background: var(--_selected);
  }
  .cell[data-active] {
    outline: 1px solid var(--_accent);
    outline-offset: -1px;
  }
  .grid:focus .cell[data-focus] {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .body .cell,
  .fixed-data .cell {
    user-select: none;
    -webkit-user-select: none;
  }
  .cell.editing {
    padding: 0;
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .editor {
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    margin: 0;
    border: 0;
    padding: var(--_pad);
    font: inherit;
    color: inherit;
    background: var(--_bg);
    text-align: inherit;
  }
  .editor:focus {
    outline: none;
  }
  .editor[aria-invalid='true'] {
    color: var(--_invalid);
    box-shadow: inset 0 0 0 2px var(--_invalid);
  }
  .edit-error {
    color: var(--_invalid);
    font-size: 0.9em;
  }
  .cell.control {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 0;
  }
  .cell.control input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .cell.control button,
  .th > button.hide {
    flex: none;
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0 6px;
    cursor: pointer;
    opacity: 0.6;
    line-height: 1;
  }
  .cell.control button:hover,
  .th > button.hide:hover {
    opacity: 1;
  }
  .toolbar {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    flex-wrap: wrap;
  }
  .toolbar > button,
  .columns-menu > summary {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 2px 10px;
    cursor: pointer;
  }
  .columns-menu > summary {
    list-style: none;
  }
  .columns-menu > summary::-webkit-details-marker {
    display: none;
  }
  .columns-menu > summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .columns-menu fieldset {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 4px 0 0;
    padding: 6px 10px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_bg);
  }

  .empty {
    position: sticky;
    left: 0;
    padding: 12px;
    opacity: 0.7;
  }
  .filter-error {
    color: var(--_invalid);
    font-size: 0.9em;
  }

  .paging {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 4px;
    flex-wrap: wrap;
  }
  .paging button {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    min-width: 2em;
    height: 2em;
    cursor: pointer;
  }
  .paging button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  .paging input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    width: 5em;
    height: 2em;
    box-sizing: border-box;
    text-align: right;
  }
`;
