import { css } from 'lit';

/** The box and buttons of both date pickers. Colours follow `color-scheme` (light and dark). */
export const datePickerStyles = css`
  :host {
    --_accent: var(--dash-accent-color, light-dark(#1f6feb, #58a6ff));
    --_bg: var(--dash-date-picker-background, light-dark(#ffffff, #161b22));
    --_fg: var(--dash-date-picker-color, light-dark(#1f2328, #e6edf3));
    --_border: var(--dash-date-picker-border-color, light-dark(#8c959f, #6e7681));
    --_muted: light-dark(#57606a, #9198a1);
    --_range: var(--dash-date-picker-range-color, light-dark(#ddeafe, #1f3a5f));
    --_focus: var(--dash-focus-ring-color, light-dark(rgb(31 111 235 / 0.35), rgb(88 166 255 / 0.45)));
    color-scheme: light dark;
    display: inline-block;
    position: relative;
    font: var(--dash-font-size, 14px) / 1.3 var(--dash-font-family, inherit);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host([disabled]) {
    opacity: 0.55;
  }
  .field {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_bg);
    padding: 0 4px;
  }
  .box {
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    padding: 6px 4px;
    width: 11ch;
    min-width: 0;
  }
  .box:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 0;
  }
  .box[aria-invalid='true'] {
    outline: 2px solid light-dark(#cf222e, #ff7b72);
  }
  .arrow {
    color: var(--_muted);
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 0;
    border-radius: 4px;
    padding: 4px 6px;
    cursor: pointer;
  }
  button:focus-visible,
  td:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  button:disabled {
    cursor: not-allowed;
  }
  .open svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
    vertical-align: middle;
  }
`;
