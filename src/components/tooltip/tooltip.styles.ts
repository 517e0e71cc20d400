import { css } from 'lit';

export const tooltipStyles = css`
  :host {
    --_border: #d6d6d6;
    --_bg: white;
    --_arrow: 8px;
    position: absolute;
    display: block;
    pointer-events: none;
    visibility: hidden;
    color: var(--dash-tooltip-color, var(--dash-color, #1f2328));
    font: var(--dash-font, inherit);
  }
  :host([data-visible]) {
    visibility: visible;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    position: absolute;
    box-sizing: border-box;
    width: max-content;
    max-width: min(320px, calc(100vw - 16px));
    padding: 6px 10px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    box-shadow: var(--dash-tooltip-shadow, 0 2px 8px rgb(0 0 0 / 0.18));
  }
  :host([targetable]) .card {
    pointer-events: auto;
  }
  /* the arrow: a square with two borders, turned so its corner points at the box (and kept there when the card slides) */
  .card::before {
    content: '';
    position: absolute;
    width: 10px;
    height: 10px;
    box-sizing: border-box;
    background: var(--_bg);
    border: solid var(--_border);
    border-width: 0 0 1px 1px;
    translate: var(--_arrow-shift, 0 0);
  }
  .card[data-side='right'] {
    left: calc(100% + var(--_arrow));
    top: 50%;
    transform: translateY(-50%);
  }
  .card[data-side='left'] {
    right: calc(100% + var(--_arrow));
    top: 50%;
    transform: translateY(-50%);
  }
  .card[data-side='top'] {
    bottom: calc(100% + var(--_arrow));
    left: 50%;
    transform: translateX(-50%);
  }
  .card[data-side='bottom'] {
    top: calc(100% + var(--_arrow));
    left: 50%;
    transform: translateX(-50%);
  }
  .card[data-side='right']::before,
  .card[data-side='left']::before {
    top: calc(50% - 5px);
  }
  .card[data-side='top']::before,
  .card[data-side='bottom']::before {
    left: calc(50% - 5px);
  }
  .card[data-side='right']::before {
    left: -6px;
    rotate: 45deg;
  }
  .card[data-side='left']::before {
    right: -6px;
    rotate: 225deg;
  }
  .card[data-side='top']::before {
    bottom: -6px;
    rotate: -45deg;
  }
  .card[data-side='bottom']::before {
    top: -6px;
    rotate: 135deg;
  }
`;
