import { css } from 'lit';

export const buttonStyles = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--dash-button-background, var(--dash-background, light-dark(#f6f7f9, #2a2f36)));
    --_fg: var(--dash-button-color, var(--dash-color, light-dark(#1f2328, #e6e8eb)));
    --_border: var(--dash-button-border-color, var(--dash-border-color, light-dark(#8c939d, #6b737d)));
    --_accent: var(--dash-button-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    --_radius: var(--dash-button-radius, var(--dash-radius, 4px));
    display: inline-block;
    font: var(--dash-font, inherit);
    vertical-align: middle;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 14px;
    margin: 0;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    filter: brightness(0.96);
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
