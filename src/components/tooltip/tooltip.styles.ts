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
  .card::before,
  .card::after {
    content: '';
    position: absolute;
    border: var(--_arrow) solid transparent;
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
  /* the arrow: a border triangle, outlined by a second one behind it */
  .card[data-side='right']::before {
    right: 100%;
    top: 50%;
    margin-top: calc(-1 * var(--_arrow));
    border-right-color: var(--_border);
  }
  .card[data-side='right']::after {
    right: calc(100% - 1px);
    top: 50%;
    margin-top: calc(-1 * var(--_arrow));
    border-right-color: var(--_bg);
  }
  .card[data-side='left']::before {
    left: 100%;
    top: 50%;
    margin-top: calc(-1 * var(--_arrow));
    border-left-color: var(--_border);
  }
  .card[data-side='left']::after {
    left: calc(100% - 1px);
    top: 50%;
    margin-top: calc(-1 * var(--_arrow));
    border-left-color: var(--_bg);
  }
  .card[data-side='top']::before {
    top: 100%;
    left: 50%;
    margin-left: calc(-1 * var(--_arrow));
    border-top-color: var(--_border);
  }
  .card[data-side='top']::after {
    top: calc(100% - 1px);
    left: 50%;
    margin-left: calc(-1 * var(--_arrow));
    border-top-color: var(--_bg);
  }
  .card[data-side='bottom']::before {
    bottom: 100%;
    left: 50%;
    margin-left: calc(-1 * var(--_arrow));
    border-bottom-color: var(--_border);
  }
  .card[data-side='bottom']::after {
    bottom: calc(100% - 1px);
    left: 50%;
    margin-left: calc(-1 * var(--_arrow));
    border-bottom-color: var(--_bg);
  }
`;
