import { css } from 'lit';

export const confirmDialogStyles = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--dash-confirm-dialog-background, var(--dash-background, light-dark(#fff, #1f2329)));
    --_fg: var(--dash-confirm-dialog-color, var(--dash-color, light-dark(#1f2328, #e6e8eb)));
    --_accent: var(--dash-confirm-dialog-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    display: contents;
  }
  dialog {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid light-dark(#c9ced6, #4a515b);
    border-radius: 8px;
    padding: 1.25em 1.5em 1em;
    max-width: min(32em, calc(100vw - 2em));
    font: var(--dash-font, inherit);
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  [part='message'] {
    margin: 0 0 1em;
    white-space: pre-wrap;
  }
  [part='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5em;
  }
  button {
    font: inherit;
    padding: 0.35em 1em;
    border-radius: 4px;
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_fg);
    cursor: pointer;
  }
  button[part='submit'] {
    background: var(--_accent);
    color: light-dark(#fff, #0b1220);
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
