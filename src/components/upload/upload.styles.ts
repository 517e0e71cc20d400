import { css } from 'lit';

export const uploadStyles = css`
  :host {
    color-scheme: light dark;
    display: block;
    border: 2px dashed var(--dash-upload-border-color, var(--dash-border-color, light-dark(#9aa3ad, #6b7480)));
    border-radius: 6px;
    font: var(--dash-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  .zone {
    box-sizing: border-box;
    min-height: 3em;
    height: 100%;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 0.75em 1em;
    text-align: center;
    border-radius: inherit;
    cursor: pointer;
  }
  :host([disabled]) .zone,
  :host([disable-click]) .zone {
    cursor: default;
  }
  .zone:focus-visible {
    outline: 2px solid var(--dash-upload-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    outline-offset: 2px;
  }
`;
