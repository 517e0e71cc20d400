import { css } from 'lit';

/** The element's box and the overlay; the spinners' own CSS loads with them (loading-spinner.ts). */
export const loadingStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  .overlay {
    --_c: var(--_color, var(--dash-loading-color, #119dff));
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    min-height: 48px;
    z-index: 1;
  }
  :host([fullscreen]) .overlay {
    position: fixed;
    z-index: 10000;
    background: var(--dash-loading-fullscreen-background, light-dark(rgb(255 255 255 / 0.7), rgb(13 17 23 / 0.7)));
    color-scheme: light dark;
  }
`;
