import { nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import type { ConfirmPrompt } from './confirm-dialog-view.js';

/** The dialog's button texts (`labels` property). */
export interface ConfirmDialogLabels {
  submit: string;
  cancel: string;
}

/** The modal, its buttons and the styles: a chunk loaded before the first update (docs/confirm-dialog.md). */
const confirmDialogView = new Lazy(() => import('./confirm-dialog-view.js'));

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
export class DashConfirmDialog extends LazyView(DashElement, confirmDialogView) {

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

  private prompt: ConfirmPrompt | null = null;

  protected override viewLoaded(view: typeof import('./confirm-dialog-view.js')): void {
    this.prompt = new view.ConfirmPrompt(this);
  }

  protected override render() {
    return this.prompt?.render() ?? nothing;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('displayed')) this.prompt?.showDisplayed();
  }

  /** @internal The view counts a person's answer. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }
}
