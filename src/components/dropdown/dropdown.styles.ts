import { css } from 'lit';

export const dropdownStyles = css`
  :host {
    color-scheme: light dark;
    --_bg: var(--dash-dropdown-background, var(--dash-background, light-dark(#fff, #1f2329)));
    --_fg: var(--dash-dropdown-color, var(--dash-color, light-dark(#1f2328, #e6e8eb)));
    --_muted: var(--dash-dropdown-muted-color, light-dark(#6b7280, #9aa3ad));
    --_border: var(--dash-dropdown-border-color, var(--dash-border-color, light-dark(#c9ced6, #4a515b)));
    --_accent: var(--dash-dropdown-accent, var(--dash-accent, light-dark(#2563eb, #6ea0ff)));
    --_active: var(--dash-dropdown-option-active-background, light-dark(#e8f0fe, #2c3a52));
    --_selected: var(--dash-dropdown-option-selected-background, light-dark(#f1f5ff, #26303f));
    --_chip: var(--dash-dropdown-chip-background, light-dark(#eef1f5, #343b45));
    --_radius: var(--dash-dropdown-radius, var(--dash-radius, 4px));
    display: block;
    position: relative;
    font: var(--dash-font, inherit);
    color: var(--_fg);
    min-width: 8em;
  }
  :host([hidden]) {
    display: none;
  }
  .control {
    display: flex;
    align-items: center;
    gap: 4px;
    min-height: 36px;
    box-sizing: border-box;
    padding: 2px 6px 2px 8px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: default;
  }
  .control:focus-within {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  :host([disabled]) .control,
  .control.disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .values {
    flex: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    min-width: 0;
    position: relative;
  }
  .single-value {
    position: absolute;
    inset: 0 auto 0 0;
    max-width: 100%;
    display: flex;
    align-items: center;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    pointer-events: none;
  }
  input {
    order: 1;
    flex: 1 1 4ch;
    width: 4ch;
    min-width: 2ch;
    border: 0;
    outline: 0;
    padding: 4px 0;
    background: transparent;
    color: inherit;
    font: inherit;
  }
  input::placeholder {
    color: var(--_muted);
  }
  input[readonly] {
    cursor: default;
    caret-color: transparent;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    max-width: 100%;
    border-radius: calc(var(--_radius) - 1px);
    background: var(--_chip);
    padding-left: 6px;
    line-height: 1.6;
  }
  .chip-label {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .chip-remove,
  .clear {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0 6px;
    color: var(--_muted);
    border-radius: var(--_radius);
  }
  .chip-remove:hover,
  .clear:hover {
    color: var(--_fg);
  }
  .clear {
    font-size: 1.2em;
  }
  .caret {
    width: 0;
    height: 0;
    margin: 0 4px;
    border: 5px solid transparent;
    border-top-color: var(--_muted);
    border-bottom: 0;
  }
  .menu {
    position: absolute;
    z-index: var(--dash-dropdown-z-index, 1000);
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.15);
    overflow: hidden;
  }
  .menu[hidden] {
    display: none;
  }
  .actions {
    display: flex;
    gap: 8px;
    padding: 4px 8px;
    border-bottom: 1px solid var(--_border);
  }
  .actions button {
    color: var(--_accent);
    padding: 2px 4px;
  }
  [role='listbox'] {
    position: relative;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .spacer {
    position: relative;
  }
  [role='option'] {
    position: absolute;
    left: 0;
    right: 0;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 0 10px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--_selected);
    font-weight: 600;
  }
  [role='option'].active {
    background: var(--_active);
  }
  [role='option'][aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }
  .check {
    flex: none;
    width: 1em;
    color: var(--_accent);
  }
  .label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .empty {
    padding: 8px 10px;
    color: var(--_muted);
  }
`;
