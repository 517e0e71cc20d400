import { css } from 'lit';

export const downloadStyles = css`
  :host {
    display: none;
  }
`;
