import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { NAVIGATE_EVENT, navigate, sameOrigin } from '../location/navigate.js';
import { linkStyles } from './link.styles.js';

/**
 * Dash's `dcc.Link`: a real `<a>` (middle-click, open in a new tab and copy link work) whose
 * plain click on an address of this site changes the page without a reload: the address is
 * pushed and every `<dash-location>` follows, so callbacks on `pathname` swap the content.
 * Modified clicks, other origins, a `target` other than `_self`, and `refresh` load normally.
 * The link to the current page carries `aria-current="page"`.
 *
 * @summary A link that navigates a multi-page app without reloading.
 *
 * @slot - The link's text (or any content).
 *
 * @csspart link - The `<a>` element (also `current` while it points at the current page).
 *
 * @cssprop --dash-link-color - Link colour (falls back to `--dash-accent-color`).
 * @cssprop --dash-link-current-color - Colour of the link to the current page.
 *
 * @tagname dash-link
 */
export class DashLink extends DashElement {
  static override styles = linkStyles;

  /** The address to go to (relative URLs work). */
  @property({ reflect: true }) href = '';

  /** Where to open it (`_blank` …), as an `<a>`'s `target`; set, clicks load normally. */
  @property({ reflect: true }) target: string | null = null;

  /** The link's tooltip (`title` of the `<a>`). */
  @property() override title = '';

  /** `true`: load the page on click (a full reload), as a plain `<a>`. */
  @property({ converter: jsonOrStringConverter }) refresh = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onAddress);
    window.addEventListener(NAVIGATE_EVENT, this.onAddress);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onAddress);
    window.removeEventListener(NAVIGATE_EVENT, this.onAddress);
  }

  override render() {
    const url = this.url();
    const current = url !== null && url.href === location.href;
    return html`<a
      part=${current ? 'link current' : 'link'}
      href=${this.href}
      target=${this.target || nothing}
      title=${this.title || nothing}
      aria-current=${current ? 'page' : nothing}
      @click=${this.onClick}
      ><slot></slot
    ></a>`;
  }

  private url(): URL | null {
    try {
      return new URL(this.href, location.href);
    } catch {
      return null;
    }
  }

  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (this.target && this.target !== '_self') return;
    const refresh = this.refresh as unknown;
    if (refresh === true || refresh === 'true' || refresh === '') return;
    const url = this.url();
    if (!url || !sameOrigin(url)) return;
    event.preventDefault();
    if (url.href !== location.href) navigate(url.href);
    // A new page starts at the top, as after a load (and as Dash's Link does).
    if (url.hash === '') window.scrollTo(0, 0);
  };

  private readonly onAddress = (): void => this.requestUpdate();
}
