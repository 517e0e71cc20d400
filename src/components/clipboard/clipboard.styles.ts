import { css } from 'lit';

export const clipboardStyles = css`
  :host {
    color-scheme: light dark;
    display: inline-block;
    color: var(--dash-clipboard-color, var(--dash-color, inherit));
  }
  :host([hidden]) {
    display: none;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 2px;
    cursor: pointer;
    border-radius: 4px;
  }
  button:focus-visible {
    outline: 2px solid var(--dash-clipboard-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    outline-offset: 1px;
  }
`;
