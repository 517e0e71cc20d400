import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';

/**
 * Dash's `dcc.Tab`: one tab of a `<dash-tabs>`. Its content is shown (in the tabs' panel) only
 * while it is selected; otherwise it is out of the layout and the accessibility tree, though its
 * elements stay in the page for callbacks.
 *
 * @summary One tab of `<dash-tabs>`: a label and the content shown while it is selected.
 *
 * @slot - The tab's content.
 *
 * @tagname dash-tab
 */
export class DashTab extends DashElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** The text on the tab (text, never HTML). */
  @property() label = '';

  /** The value `<dash-tabs>` holds while this tab is selected (default `tab-N`, N counted from 1). */
  @property() value: string | null = null;

  /** A disabled tab cannot be selected, and the keyboard skips it. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override render() {
    return html`<slot></slot>`;
  }
}
