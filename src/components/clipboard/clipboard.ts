import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import type { ClipboardButton } from './clipboard-view.js';

export interface DashClipboardErrorDetail {
  error: Error;
}

/** The button, the copy and the styles: a chunk loaded before the first update (docs/clipboard.md). */
const clipboardView = new Lazy(() => import('./clipboard-view.js'));

/**
 * Dash's `dcc.Clipboard`: a copy button. A click counts in `nClicks`, then copies `content` — or
 * the text of the element whose id is `targetId` — with the async Clipboard API. A callback may
 * answer the click by writing `content`: the copy waits until that callback has finished. After
 * copying, `copiedChildren` (or the `copied` slot, or a check mark) shows for a second and screen
 * readers hear "Copied". When the page may not write to the clipboard (no secure context, permission
 * refused), `dash-clipboard-error` says so and a warning is logged.
 *
 * @summary A button that copies text to the clipboard.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 * @fires dash-clipboard-error - The clipboard could not be written (`detail: {error}`).
 *
 * @slot - The button's content (default: a copy icon).
 * @slot copied - Shown after copying (default: `copiedChildren`, else a check mark).
 *
 * @csspart button - The copy button.
 *
 * @cssprop --dash-clipboard-color - Icon colour (falls back to `--dash-color`).
 * @cssprop --dash-clipboard-accent - Focus ring colour (falls back to `--dash-accent`).
 *
 * @tagname dash-clipboard
 */
export class DashClipboard extends LazyView(DashElement, clipboardView) {

  /** The text to copy (when `targetId` is not set). */
  @property() content: string | null = null;

  /** Copy the text of this element instead (an input's or textarea's value, else its visible text). */
  @property({ attribute: 'target-id', reflect: true }) targetId: string | null = null;

  /** HTML copied beside the text (as `text/html`), for pasting into rich editors. */
  @property({ attribute: 'html-content' }) htmlContent: string | null = null;

  /** Number of clicks (Dash's `n_clicks`). */
  @property({ attribute: 'n-clicks', type: Number, reflect: true }) nClicks = 0;

  /** Text shown after copying, in place of the check mark (Dash's `copied_children`). */
  @property({ attribute: 'copied-children' }) copiedChildren: string | null = null;

  /** The button's tooltip and accessible name (default "Copy to clipboard"). */
  @property({ reflect: true }) override title = '';

  private button: ClipboardButton | null = null;

  protected override viewLoaded(view: typeof import('./clipboard-view.js')): void {
    this.button = new view.ClipboardButton(this);
  }

  protected override render() {
    return this.button?.render() ?? nothing;
  }

  /** @internal The view counts a click as the person's change. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-clipboard-error': CustomEvent<DashClipboardErrorDetail>;
  }
}
