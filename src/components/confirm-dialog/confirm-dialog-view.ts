/**
 * What `<dash-confirm-dialog>` shows and how it is answered, loaded before its first update
 * (docs/confirm-dialog.md, "What loads when"): the modal dialog, its buttons and the styles. The
 * element class keeps the Dash API: properties and events.
 */
import { html, type ReactiveController } from 'lit';
import { accessibleName } from '../../internal/accessible-name.js';
import type { ConfirmDialogLabels, DashConfirmDialog } from './confirm-dialog.js';

export { confirmDialogStyles as styles } from './confirm-dialog.styles.js';

const DEFAULT_LABELS: ConfirmDialogLabels = { submit: 'OK', cancel: 'Cancel' };

/** The modal of one `<dash-confirm-dialog>`: it counts the answer through the element. */
export class ConfirmPrompt implements ReactiveController {
  constructor(private readonly host: DashConfirmDialog) {
    host.addController(this);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  hostDisconnected(): void {
    this.dialog?.close();
  }

  render() {
    const host = this.host;
    const labels = { ...DEFAULT_LABELS, ...(typeof host.labels === 'object' && host.labels ? host.labels : {}) };
    const name = accessibleName(host) || 'Confirm';
    return html`<dialog part="dialog" role="alertdialog" aria-label=${name} aria-describedby="message" @cancel=${this.onEscape} @close=${this.onClose}>
      <p id="message" part="message">${host.message}</p>
      <div part="actions">
        <button part="cancel" type="button" @click=${() => this.answer('cancel')}>${labels.cancel}</button>
        <button part="submit" type="button" autofocus @click=${() => this.answer('submit')}>${labels.submit}</button>
      </div>
    </dialog>`;
  }

  /** Opens or closes the modal as `displayed` says (after an update that changed it). */
  showDisplayed(): void {
    const { dialog, host } = this;
    if (!dialog) return;
    if (host.displayed && !dialog.open && host.isConnected) dialog.showModal();
    if (!host.displayed && dialog.open) dialog.close();
  }

  private answer(which: 'submit' | 'cancel'): void {
    const host = this.host;
    if (which === 'submit') {
      host.setByUser('submitNClicks', host.submitNClicks + 1);
      host.setByUser('submitNClicksTimestamp', Date.now());
    } else {
      host.setByUser('cancelNClicks', host.cancelNClicks + 1);
      host.setByUser('cancelNClicksTimestamp', Date.now());
    }
    host.setByUser('displayed', false);
    this.dialog?.close();
  }

  /** Escape: the browser would close the dialog; answer Cancel instead. */
  private readonly onEscape = (event: Event): void => {
    event.preventDefault();
    this.answer('cancel');
  };

  /** Closed some other way while still displayed (a form method="dialog", the browser): counts as Cancel. */
  private readonly onClose = (): void => {
    if (this.host.displayed) this.answer('cancel');
  };
}
