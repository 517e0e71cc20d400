/**
 * What `<dash-clipboard>` shows and does when clicked, loaded before its first update
 * (docs/clipboard.md, "What loads when"): the button, the copy itself, the "Copied" feedback and the
 * styles. The element class keeps the Dash API: properties and events.
 */
import { html, svg, nothing, type ReactiveController } from 'lit';
import { emit } from '../../internal/events.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { visuallyHidden } from '../../internal/visually-hidden.styles.js';
import { clipboardStyles } from './clipboard.styles.js';
import type { DashClipboard, DashClipboardErrorDetail } from './clipboard.js';

export const styles = [visuallyHidden, clipboardStyles];

const COPIED_FOR_MS = 1000;

const copyIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M4 1.5A1.5 1.5 0 0 1 5.5 0h7A1.5 1.5 0 0 1 14 1.5v9a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 4 10.5zm1.5 0v9h7v-9zM2 4.5v10h8V16H1.5A1.5 1.5 0 0 1 0 14.5V4.5z"/></svg>`;
const checkIcon = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M13.8 3.2a1 1 0 0 1 0 1.4l-7 7a1 1 0 0 1-1.4 0l-3.2-3.2a1 1 0 1 1 1.4-1.4l2.5 2.5 6.3-6.3a1 1 0 0 1 1.4 0"/></svg>`;

/** The copy button of one `<dash-clipboard>`: it counts the click through the element, then copies. */
export class ClipboardButton implements ReactiveController {
  /** Whether the "copied" content shows (for a second after copying). */
  private copied = false;
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: DashClipboard) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.copiedTimer);
    this.copied = false;
  }

  render() {
    const host = this.host;
    const name = accessibleName(host) || host.title || 'Copy to clipboard';
    // The name includes the text shown after copying (speech users say what they see).
    const shown = this.copied && host.copiedChildren ? `${name}, ${host.copiedChildren}` : name;
    return html`<button part="button" type="button" aria-label=${shown} @click=${this.onClick}>
        ${this.copied
          ? html`<slot name="copied">${host.copiedChildren !== null ? host.copiedChildren : checkIcon}</slot>`
          : html`<slot>${copyIcon}</slot>`}
      </button>
      <span class="visually-hidden" role="status">${this.copied ? 'Copied' : nothing}</span>`;
  }

  private readonly onClick = async (): Promise<void> => {
    const host = this.host;
    host.setByUser('nClicks', host.nClicks + 1);
    // Callbacks on nClicks run once the change is announced; one that writes `content` marks this
    // element `loading` while it runs (docs/clipboard.md), and the copy waits for it.
    await host.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.notLoading();
    await this.copy();
  };

  private notLoading(): Promise<void> {
    const host = this.host;
    if (!host.hasAttribute('loading')) return Promise.resolve();
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (host.hasAttribute('loading')) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(host, { attributes: true, attributeFilter: ['loading'] });
    });
  }

  /** The text to copy now: the target's, else `content`. */
  private text(): string {
    const { targetId, content } = this.host;
    if (!targetId) return content ?? '';
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(targetId) ?? document.getElementById(targetId);
    if (!target) {
      this.host.warnOnce(`target:${targetId}`, `attribute "target-id": no element with id "${targetId}"; copying nothing`);
      return '';
    }
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.value;
    return target.innerText;
  }

  private async copy(): Promise<void> {
    const host = this.host;
    const text = this.text();
    try {
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard) throw new Error('the Clipboard API is not available (the page is not a secure context)');
      if (host.htmlContent !== null && typeof ClipboardItem === 'function') {
        const item = new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([host.htmlContent], { type: 'text/html' }),
        });
        await clipboard.write([item]);
      } else {
        await clipboard.writeText(text);
      }
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      host.warnOnce('clipboard', `could not write to the clipboard: ${reason.message}`);
      emit<DashClipboardErrorDetail>(host, 'dash-clipboard-error', { error: reason });
      return;
    }
    this.showCopied(true);
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => this.showCopied(false), COPIED_FOR_MS);
  }

  private showCopied(copied: boolean): void {
    this.copied = copied;
    this.host.requestUpdate();
  }
}
