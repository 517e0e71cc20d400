import { css } from 'lit';

/** Shared by both date pickers. Colours follow `color-scheme` (light and dark). */
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
  .popup {
    position: absolute;
    z-index: 1000;
    top: calc(100% + 4px);
    inset-inline-start: 0;
  }
  .popup.portal,
  .popup.full-screen {
    position: fixed;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    background: rgb(0 0 0 / 0.45);
  }
  .popup.full-screen .calendar {
    width: 100%;
    height: 100%;
    box-sizing: border-box;
    border-radius: 0;
  }
  .calendar {
    position: relative;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    padding: 8px 12px 12px;
  }
  .nav {
    position: absolute;
    inset: 8px 8px auto;
    display: flex;
    justify-content: space-between;
    pointer-events: none;
  }
  .nav button {
    pointer-events: auto;
    font-size: 18px;
    line-height: 1;
    border: 1px solid var(--_border);
  }
  .months {
    display: flex;
    gap: 16px;
  }
  .months.vertical {
    flex-direction: column;
  }
  .month-title {
    text-align: center;
    font-weight: 600;
    padding: 4px 0 8px;
  }
  table {
    border-collapse: collapse;
  }
  th {
    font-weight: normal;
    font-size: 0.85em;
    color: var(--_muted);
    padding-bottom: 4px;
  }
  td {
    width: var(--_day, 39px);
    height: calc(var(--_day, 39px) - 6px);
    text-align: center;
    cursor: pointer;
    border: 1px solid transparent;
  }
  td.empty {
    cursor: default;
  }
  td.today {
    font-weight: 700;
    text-decoration: underline;
  }
  td.outside {
    color: var(--_muted);
  }
  td.in-range {
    background: var(--_range);
  }
  td.disabled {
    color: var(--_muted);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  td.selected {
    background: var(--_accent);
    color: light-dark(#ffffff, #0d1117);
  }
  td:hover:not(.disabled, .empty) {
    border-color: var(--_accent);
  }
`;
