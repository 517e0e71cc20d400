import { css } from 'lit';

export const linkStyles = css`
  :host {
    color-scheme: light dark;
    display: inline;
  }
  :host([hidden]) {
    display: none;
  }
  a {
    color: var(--dash-link-color, var(--dash-accent-color, light-dark(#0b57d0, #8ab4f8)));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
    border-radius: 2px;
  }
  a[aria-current='page'] {
    color: var(--dash-link-current-color, inherit);
    font-weight: 600;
  }
`;
