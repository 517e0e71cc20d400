import { type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { NAVIGATE_EVENT, navigate } from './navigate.js';

type Refresh = boolean | 'callback-nav';

const ADDRESS_PROPS = ['pathname', 'search', 'hash', 'href'] as const;

/**
 * Dash's `dcc.Location`: the browser's address as properties, for multi-page apps. It reads the
 * address on start, follows back/forward and every `<dash-link>` click, and a callback (or any
 * code) writing `pathname`, `search`, `hash` or `href` navigates: with `refresh` true (default) by
 * loading the page, with `false` by pushing the address (only this element hears of it), with
 * `"callback-nav"` by pushing it and telling every `<dash-location>`, as a link click does.
 * Renders nothing.
 *
 * @summary The address bar as properties: callbacks read and write it.
 *
 * @fires dash-prop-change - The address changed (`user: true` for back/forward and link clicks), or a property was set.
 *
 * @tagname dash-location
 */
export class DashLocation extends DashElement {
  /** The address's path, e.g. `/page-2`. */
  @property({ reflect: true }) pathname: string | null = null;

  /** The query string with its `?`, e.g. `?a=1` (`""` when none). */
  @property({ reflect: true }) search: string | null = null;

  /** The fragment with its `#`, e.g. `#top` (`""` when none). */
  @property({ reflect: true }) hash: string | null = null;

  /** The whole address. Writing it (a relative URL works) navigates there. */
  @property() href: string | null = null;

  /**
   * How a write navigates: `true` (default) loads the new address, `false` pushes it without a
   * reload, `"callback-nav"` pushes it and updates every `<dash-location>`, as a link click does.
   */
  @property({ converter: jsonOrStringConverter }) refresh: Refresh = true;

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onAddress);
    window.addEventListener(NAVIGATE_EVENT, this.onAddress);
    // The address wins on start (before the first update, so initial callbacks see it).
    this.readAddress(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onAddress);
    window.removeEventListener(NAVIGATE_EVENT, this.onAddress);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.hasUpdated) {
      const written = ADDRESS_PROPS.filter((p) => changed.has(p) && !this.isUserChange(p));
      if (written.length > 0) this.go(written.includes('href'));
    }
    super.willUpdate(changed);
  }

  /** A callback or code wrote the address: navigate as `refresh` says. */
  private go(byHref: boolean): void {
    let url: URL;
    try {
      url = byHref ? new URL(this.href ?? '', location.href) : new URL(`${this.pathname ?? location.pathname}${this.search ?? ''}${this.hash ?? ''}`, location.href);
    } catch {
      this.warnOnce(`href:${this.href}`, `"${this.href}" is not a URL; staying at ${location.href}`);
      this.readAddress(false);
      return;
    }
    if (url.href === location.href) {
      this.readAddress(false);
      return;
    }
    const refresh = this.refresh as unknown;
    if (refresh === true || refresh === 'true' || refresh === '') {
      location.assign(url.href);
    } else if (refresh === 'callback-nav') {
      navigate(url.href);
    } else {
      if (refresh !== false && refresh !== 'false') this.warnOnce(`refresh:${String(refresh)}`, `refresh "${String(refresh)}" is not true, false or "callback-nav"; using false`);
      history.pushState(null, '', url.href);
      this.readAddress(false);
    }
  }

  private readonly onAddress = (): void => this.readAddress(true);

  /** Copies the address into the properties; `user` when a person navigated. */
  private readAddress(user: boolean): void {
    for (const prop of ADDRESS_PROPS) {
      const value = location[prop];
      if (user) this.setByUser(prop, value);
      else this[prop] = value;
    }
  }
}
