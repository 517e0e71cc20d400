import { css } from 'lit';

/** Shared by `<dash-input>` and `<dash-textarea>`: one native box filling the host. */
export const inputStyles = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--dash-input-background, var(--dash-background, light-dark(#fff, #1f2329)));
    --_fg: var(--dash-input-color, var(--dash-color, light-dark(#1f2328, #e6e8eb)));
    --_border: var(--dash-input-border-color, var(--dash-border-color, light-dark(#8c939d, #6b737d)));
    --_accent: var(--dash-input-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    --_radius: var(--dash-input-radius, var(--dash-radius, 4px));
    display: inline-block;
    font: var(--dash-font, inherit);
    vertical-align: middle;
  }
  :host([hidden]),
  :host([type='hidden']) {
    display: none;
  }
  input,
  textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 8px;
    margin: 0;
  }
  input[type='range'] {
    padding: 0;
    border: 0;
    background: none;
    accent-color: var(--_accent);
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  input:disabled,
  textarea:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
