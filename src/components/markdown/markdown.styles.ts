import { css } from 'lit';

export const markdownStyles = css`
  :host {
    color-scheme: light dark;
    --_link: var(--dash-markdown-link-color, var(--dash-accent, light-dark(#1d4ed8, #8ab4ff)));
    --_fg: var(--dash-markdown-color, var(--dash-color, light-dark(#1f2328, #e6e8eb)));
    --_code-bg: var(--dash-markdown-code-background, light-dark(#f3f4f6, #262b33));
    --_border: var(--dash-markdown-border-color, var(--dash-border-color, light-dark(#d0d7de, #4a515b)));
    display: block;
    color: var(--_fg);
    font: var(--dash-font, inherit);
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  .body > :first-child {
    margin-top: 0;
  }
  .body > :last-child {
    margin-bottom: 0;
  }
  a {
    color: var(--_link);
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    background: var(--_code-bg);
    border-radius: 4px;
    padding: 0.1em 0.3em;
  }
  pre {
    background: var(--_code-bg);
    border-radius: 6px;
    padding: 0.75em 1em;
    overflow: auto;
  }
  pre > code {
    background: none;
    padding: 0;
    display: block;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.3em 0.7em;
  }
  blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--_border);
  }
  hr {
    border: 0;
    border-top: 1px solid var(--_border);
  }
  img {
    max-width: 100%;
  }
  li:has(> input[type='checkbox']) {
    list-style: none;
  }
  .dash-math[data-display='block'] {
    display: block;
    text-align: center;
    margin: 1em 0;
  }
  /* highlightConfig.theme pins code blocks to one scheme; token colours load with the highlighter */
  .code-dark pre {
    color-scheme: dark;
  }
  .code-light pre {
    color-scheme: light;
  }
  pre {
    color: light-dark(#24292f, #e6edf3);
  }
`;
