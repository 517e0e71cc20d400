import { css } from 'lit';

/** Shared by `<dash-slider>` and `<dash-range-slider>`. Colours follow `color-scheme` (light and dark). */
export const sliderStyles = css`
  :host {
    --_size: var(--dash-slider-handle-size, 16px);
    --_thick: var(--dash-slider-track-size, 4px);
    --_track: var(--dash-slider-track-color, light-dark(#dfe3ea, #3d4452));
    --_range: var(--dash-slider-range-color, var(--dash-accent-color, light-dark(#1f6feb, #58a6ff)));
    --_handle: var(--dash-slider-handle-color, light-dark(#ffffff, #1c2230));
    --_handle-border: var(--dash-slider-handle-border-color, var(--_range));
    --_mark: var(--dash-slider-mark-color, light-dark(#4b5563, #c9d1d9));
    --_tip-bg: var(--dash-slider-tooltip-background, light-dark(#1f2937, #e6edf3));
    --_tip-fg: var(--dash-slider-tooltip-color, light-dark(#ffffff, #111827));
    --_focus: var(--dash-focus-ring-color, light-dark(rgb(31 111 235 / 0.35), rgb(88 166 255 / 0.45)));
    color-scheme: light dark;
    display: block;
    box-sizing: border-box;
    padding: 8px calc(var(--_size) / 2 + 2px) 28px;
    font: var(--dash-font-size, 12px) / 1.2 var(--dash-font-family, inherit);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  :host([vertical]) {
    display: inline-block;
    padding: calc(var(--_size) / 2 + 2px) 40px calc(var(--_size) / 2 + 2px) 8px;
  }
  :host([disabled]) {
    opacity: 0.55;
  }
  .slider {
    position: relative;
    height: var(--_size);
    touch-action: none;
    cursor: pointer;
    user-select: none;
  }
  :host([vertical]) .slider {
    height: var(--dash-slider-vertical-height, 400px);
    width: var(--_size);
  }
  :host([disabled]) .slider {
    cursor: not-allowed;
  }
  .track,
  .range {
    position: absolute;
    top: 50%;
    height: var(--_thick);
    transform: translateY(-50%);
    border-radius: var(--_thick);
  }
  .track {
    left: 0;
    right: 0;
    background: var(--_track);
  }
  .range {
    background: var(--_range);
  }
  :host([vertical]) .track,
  :host([vertical]) .range {
    top: auto;
    left: 50%;
    height: auto;
    width: var(--_thick);
    transform: translateX(-50%);
  }
  :host([vertical]) .track {
    top: 0;
    bottom: 0;
  }
  .dot,
  .handle {
    position: absolute;
    top: 50%;
    box-sizing: border-box;
    border-radius: 50%;
    transform: translate(-50%, -50%);
  }
  :host([vertical]) .dot,
  :host([vertical]) .handle {
    top: auto;
    left: 50%;
    transform: translate(-50%, 50%);
  }
  .dot {
    width: 8px;
    height: 8px;
    background: var(--_handle);
    border: 2px solid var(--_track);
  }
  .dot.in {
    border-color: var(--_range);
  }
  .handle {
    width: var(--_size);
    height: var(--_size);
    background: var(--_handle);
    border: 2px solid var(--_handle-border);
    cursor: grab;
    outline: none;
    z-index: 1;
  }
  .handle.active {
    z-index: 2;
  }
  .handle:focus-visible,
  .handle.dragging {
    box-shadow: 0 0 0 4px var(--_focus);
  }
  .handle.dragging {
    cursor: grabbing;
  }
  :host([disabled]) .handle {
    cursor: not-allowed;
  }
  .mark {
    position: absolute;
    top: calc(100% + 6px);
    transform: translateX(-50%);
    white-space: nowrap;
    color: var(--_mark);
  }
  :host([vertical]) .mark {
    top: auto;
    left: calc(100% + 8px);
    transform: translateY(50%);
  }
  .tooltip {
    position: absolute;
    bottom: calc(100% + 8px);
    left: 50%;
    transform: translateX(-50%);
    padding: 3px 7px;
    border-radius: 4px;
    background: var(--_tip-bg);
    color: var(--_tip-fg);
    white-space: nowrap;
    pointer-events: none;
  }
  .tooltip[data-place='bottom'] {
    bottom: auto;
    top: calc(100% + 8px);
  }
  .tooltip[data-place='left'],
  .tooltip[data-place='right'] {
    bottom: auto;
    top: 50%;
    transform: translateY(-50%);
  }
  .tooltip[data-place='left'] {
    left: auto;
    right: calc(100% + 8px);
  }
  .tooltip[data-place='right'] {
    left: calc(100% + 8px);
  }
  @media (forced-colors: active) {
    .range,
    .handle {
      background: Highlight;
    }
    .track {
      outline: 1px solid CanvasText;
    }
  }
`;
