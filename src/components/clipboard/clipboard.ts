import { html, svg, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { emit } from '../../internal/events.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { clipboardStyles } from './clipboard.styles.js';

export interface DashClipboardErrorDetail {
  error: Error;
}

const COPIED_FOR_MS = 1000;

const copyIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M4 1.5A1.5 1.5 0 0 1 5.5 0h7A1.5 1.5 0 0 1 14 1.5v9a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 4 10.5zm1.5 0v9h7v-9zM2 4.5v10h8V16H1.5A1.5 1.5 0 0 1 0 14.5V4.5z"/></svg>`;
const checkIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M13.8 3.2a1 1 0 0 1 0 1.4l-7 7a1 1 0 0 1-1.4 0l-3.2-3.2a1 1 0 1 1 1.4-1.4l2.5 2.5 6.3-6.3a1 1 0 0 1 1.4 0"/></svg>`;

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
export class DashClipboard extends DashElement {
  static override styles = [visuallyHidden, clipboardStyles];

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

  @state() private copied = false;
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  protected override render() {
    const name = accessibleName(this) || this.title || 'Copy to clipboard';
    // The name includes the text shown after copying (speech users say what they see).
    const shown = this.copied && this.copiedChildren ? `${name}, ${this.copiedChildren}` : name;
    return html`<button part="button" type="button" aria-label=${shown} @click=${this.onClick}>
        ${this.copied
          ? html`<slot name="copied">${this.copiedChildren !== null ? this.copiedChildren : checkIcon}</slot>`
          : html`<slot>${copyIcon}</slot>`}
      </button>
      <span class="visually-hidden" role="status">${this.copied ? 'Copied' : nothing}</span>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
    this.copied = false;
  }

  private async onClick(): Promise<void> {
    this.setByUser('nClicks', this.nClicks + 1);
    // Callbacks on nClicks run once the change is announced; one that writes `content` marks this
    // element `loading` while it runs (docs/clipboard.md), and the copy waits for it.
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.notLoading();
    await this.copy();
  }

  private notLoading(): Promise<void> {
    if (!this.hasAttribute('loading')) return Promise.resolve();
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (this.hasAttribute('loading')) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(this, { attributes: true, attributeFilter: ['loading'] });
    });
  }

  /** The text to copy now: the target's, else `content`. */
  private text(): string {
    if (!this.targetId) return this.content ?? '';
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(this.targetId) ?? document.getElementById(this.targetId);
    if (!target) {
      this.warnOnce(`target:${this.targetId}`, `attribute "target-id": no element with id "${this.targetId}"; copying nothing`);
      return '';
    }
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.value;
    return target.innerText;
  }

  private async copy(): Promise<void> {
    const text = this.text();
    try {
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard) throw new Error('the Clipboard API is not available (the page is not a secure context)');
      if (this.htmlContent !== null && typeof ClipboardItem === 'function') {
        const item = new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([this.htmlContent], { type: 'text/html' }),
        });
        await clipboard.write([item]);
      } else {
        await clipboard.writeText(text);
      }
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      this.warnOnce('clipboard', `could not write to the clipboard: ${reason.message}`);
      emit<DashClipboardErrorDetail>(this, 'dash-clipboard-error', { error: reason });
      return;
    }
    this.copied = true;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => (this.copied = false), COPIED_FOR_MS);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-clipboard-error': CustomEvent<DashClipboardErrorDetail>;
  }
}
