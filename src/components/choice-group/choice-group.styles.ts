import { css } from 'lit';

export const choiceGroupStyles = css`
  :host {
    color-scheme: light dark;
    --_fg: var(--dash-choice-color, var(--dash-color, inherit));
    --_accent: var(--dash-choice-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    --_gap: var(--dash-choice-gap, 0.25em 1em);
    display: block;
    font: var(--dash-font, inherit);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  .options {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_gap);
  }
  :host([inline]) .options {
    flex-direction: row;
    flex-wrap: wrap;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    cursor: pointer;
  }
  .option[data-disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input {
    margin: 0;
    accent-color: var(--_accent);
    cursor: inherit;
  }
`;
