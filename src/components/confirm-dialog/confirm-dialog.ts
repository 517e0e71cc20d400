import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';

/** The dialog's button texts (`labels` property). */
export interface ConfirmDialogLabels {
  submit: string;
  cancel: string;
}

const DEFAULT_LABELS: ConfirmDialogLabels = { submit: 'OK', cancel: 'Cancel' };

/**
 * Dash's `dcc.ConfirmDialog` as a real modal `<dialog>` (WAI-ARIA APG alert dialog) instead of
 * `window.confirm`: writing `displayed = true` opens it, focus moves to OK and returns where it was
 * when the dialog closes, the rest of the page is inert, and Escape cancels. OK counts in
 * `submitNClicks`, Cancel (or Escape) in `cancelNClicks`, each with a timestamp; either answer sets
 * `displayed` back to false. The message is shown as text.
 *
 * @summary A modal confirm dialog opened by a callback.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart message - The message.
 * @csspart actions - The row of buttons.
 * @csspart submit - The OK button.
 * @csspart cancel - The Cancel button.
 *
 * @cssprop --dash-confirm-dialog-background - Dialog background (falls back to `--dash-background`).
 * @cssprop --dash-confirm-dialog-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-confirm-dialog-accent - OK button and focus colour (falls back to `--dash-accent`).
 *
 * @tagname dash-confirm-dialog
 */
export class DashConfirmDialog extends DashElement {
  static override styles = confirmDialogStyles;

  /** The question asked (text, never HTML). */
  @property() message = '';

  /** Whether the dialog is open; write `true` to ask, it turns false when answered. */
  @property({ type: Boolean, reflect: true }) displayed = false;

  /** Times OK was pressed. */
  @property({ attribute: 'submit-n-clicks', type: Number, reflect: true }) submitNClicks = 0;

  /** When OK was last pressed (ms since the epoch; -1 never). */
  @property({ attribute: 'submit-n-clicks-timestamp', type: Number }) submitNClicksTimestamp = -1;

  /** Times Cancel (or Escape) was pressed. */
  @property({ attribute: 'cancel-n-clicks', type: Number, reflect: true }) cancelNClicks = 0;

  /** When Cancel was last pressed (ms since the epoch; -1 never). */
  @property({ attribute: 'cancel-n-clicks-timestamp', type: Number }) cancelNClicksTimestamp = -1;

  /** Button texts: `{submit: 'OK', cancel: 'Cancel'}` (either may be left out). JSON in the attribute. */
  @property({ converter: jsonConverter }) labels: Partial<ConfirmDialogLabels> = {};

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override render() {
    const labels = { ...DEFAULT_LABELS, ...(typeof this.labels === 'object' && this.labels ? this.labels : {}) };
    const name = accessibleName(this) || 'Confirm';
    return html`<dialog part="dialog" role="alertdialog" aria-label=${name} aria-describedby="message" @cancel=${this.onEscape} @close=${this.onClose}>
      <p id="message" part="message">${this.message}</p>
      <div part="actions">
        <button part="cancel" type="button" @click=${() => this.answer('cancel')}>${labels.cancel}</button>
        <button part="submit" type="button" autofocus @click=${() => this.answer('submit')}>${labels.submit}</button>
      </div>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('displayed')) return;
    if (this.displayed && !this.dialog.open && this.isConnected) this.dialog.showModal();
    if (!this.displayed && this.dialog.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dialog?.close();
  }

  private answer(which: 'submit' | 'cancel'): void {
    if (which === 'submit') {
      this.setByUser('submitNClicks', this.submitNClicks + 1);
      this.setByUser('submitNClicksTimestamp', Date.now());
    } else {
      this.setByUser('cancelNClicks', this.cancelNClicks + 1);
      this.setByUser('cancelNClicksTimestamp', Date.now());
    }
    this.setByUser('displayed', false);
    this.dialog.close();
  }

  /** Escape: the browser would close the dialog; answer Cancel instead. */
  private onEscape(event: Event): void {
    event.preventDefault();
    this.answer('cancel');
  }

  /** Closed some other way while still displayed (a form method="dialog", the browser): counts as Cancel. */
  private onClose(): void {
    if (this.displayed) this.answer('cancel');
  }
}
