import { css } from 'lit';

export const graphStyles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
    box-sizing: border-box;
    color-scheme: light dark;
    --dash-graph-placeholder-bg: var(--dash-surface-muted, #f3f4f6);
    --dash-graph-placeholder-color: var(--dash-text-muted, #6b7280);
    --dash-graph-error-bg: var(--dash-danger-surface, #fef2f2);
    --dash-graph-error-color: var(--dash-danger, #b91c1c);
    --dash-graph-error-border: var(--dash-danger-border, #fca5a5);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --dash-graph-placeholder-bg: var(--dash-surface-muted, #1f2937);
      --dash-graph-placeholder-color: var(--dash-text-muted, #9ca3af);
      --dash-graph-error-bg: var(--dash-danger-surface, #2a1215);
      --dash-graph-error-color: var(--dash-danger, #fca5a5);
      --dash-graph-error-border: var(--dash-danger-border, #7f1d1d);
    }
  }
  :host([hidden]) {
    display: none;
  }
  ::slotted(.dash-graph-plot) {
    width: 100%;
  }
  [part='placeholder'] {
    display: flex;
    align-items: center;
    justify-content: center;
    max-width: 100%;
    box-sizing: border-box;
    background: var(--dash-graph-placeholder-bg);
    color: var(--dash-graph-placeholder-color);
    font: var(--dash-font, 0.875rem system-ui, sans-serif);
    border-radius: var(--dash-radius, 4px);
  }
  [part='error'] {
    box-sizing: border-box;
    padding: 0.75rem 1rem;
    background: var(--dash-graph-error-bg);
    color: var(--dash-graph-error-color);
    border: 1px solid var(--dash-graph-error-border);
    border-radius: var(--dash-radius, 4px);
    font: var(--dash-font, 0.875rem system-ui, sans-serif);
    overflow-wrap: anywhere;
  }
`;
