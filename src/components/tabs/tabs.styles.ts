import { css } from 'lit';

/** Dash's tab look: boxed tabs, the selected one open towards its content with an accent line. */
export const tabsStyles = css`
  .tabs {
    --_border-c: var(--_border, var(--dash-tabs-border-color, light-dark(#d6d6d6, #3d4452)));
    --_primary-c: var(--_primary, var(--dash-tabs-primary-color, light-dark(#1975fa, #58a6ff)));
    --_background-c: var(--_background, var(--dash-tabs-background, light-dark(#f9f9f9, #1c2230)));
    --_selected-bg: var(--dash-tabs-selected-background, light-dark(#ffffff, #0d1117));
  }
  :host {
    color-scheme: light dark;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  :host([vertical]) .tabs {
    display: flex;
    align-items: flex-start;
  }
  [role='tablist'] {
    display: flex;
  }
  :host([vertical]) [role='tablist'] {
    flex-direction: column;
    flex: none;
  }
  [role='tab'] {
    flex: 1 1 0;
    padding: 0.6em 1.2em;
    font: inherit;
    color: inherit;
    background: var(--_background-c);
    border: 1px solid var(--_border-c);
    border-inline-start-width: 0;
    cursor: pointer;
  }
  [role='tab']:first-child {
    border-inline-start-width: 1px;
  }
  :host([vertical]) [role='tab'] {
    border-inline-start-width: 1px;
    border-block-start-width: 0;
    text-align: start;
  }
  :host([vertical]) [role='tab']:first-child {
    border-block-start-width: 1px;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_selected-bg);
    border-block-start: 2px solid var(--_primary-c);
    border-block-end-color: transparent;
  }
  :host([vertical]) [role='tab'][aria-selected='true'] {
    border-block-start: 1px solid var(--_border-c);
    border-inline-start: 2px solid var(--_primary-c);
    border-block-end-color: var(--_border-c);
    border-inline-end-color: transparent;
  }
  :host([vertical]) [role='tab'][aria-selected='true']:not(:first-child) {
    border-block-start-width: 0;
  }
  [role='tab'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [role='tab']:focus-visible,
  [role='tabpanel']:focus-visible {
    outline: 2px solid var(--_primary-c);
    outline-offset: -2px;
  }
  [role='tabpanel'] {
    padding: 0.75em 0;
  }
  :host([vertical]) [role='tabpanel'] {
    flex: 1;
    padding: 0 1em;
  }
  @media (prefers-reduced-motion: no-preference) {
    [role='tab'] {
      transition: background-color 0.15s;
    }
  }
`;
