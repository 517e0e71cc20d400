import { Lazy } from '../../internal/lazy.js';
import { fetchAppData } from './app-data.js';

const appLoader = new Lazy(() => import('./app-loader.js'));

/**
 * An optional scope for callbacks: `<dash-callback>`s inside resolve ids inside it, so a page can
 * hold several apps that reuse ids. Without one, the document (or shadow root) is the scope.
 * Renders its children as they are.
 *
 * With `src`, it is a whole Dash app (docs/layout.md): it loads the layout and callbacks of the
 * Dash server at that URL (its `requests_pathname_prefix`: `/_dash-layout`,
 * `/_dash-dependencies`), renders the layout with our elements and wires every callback to the
 * server's `/_dash-update-component`, or to `window.dash_clientside` for clientside callbacks.
 * An empty `src` takes the prefix from the page's `<script id="_dash-config">`, as Dash's own
 * index page has it. The loading code is fetched on first use.
 *
 * @fires dash-app-load - The layout is rendered and its callbacks are declared. Bubbles.
 * @fires dash-app-error - The layout or the callbacks could not be loaded (`detail: {error}`); the app shows the error. Bubbles.
 *
 * @attr {string} src - URL of a Dash app (its `requests_pathname_prefix`), whose layout and callbacks to load.
 *
 * @slot - The app's layout and callbacks.
 *
 * @tagname dash-app
 */
export class DashApp extends HTMLElement {
  static get observedAttributes() {
    return ['src'];
  }

  private loading: AbortController | null = null;

  get src(): string | null {
    return this.getAttribute('src');
  }
  set src(value: string | null) {
    if (value === null) this.removeAttribute('src');
    else this.setAttribute('src', value);
  }

  connectedCallback(): void {
    this.load();
  }

  disconnectedCallback(): void {
    this.loading?.abort();
    this.loading = null;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.load();
  }

  private load(): void {
    const src = this.src;
    if (src === null) return;
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    // The layout and callbacks are fetched while the loader's code loads, not after it.
    const data = fetchAppData(src, this.ownerDocument, loading.signal);
    data.catch(() => {}); // the loader reports it
    appLoader.load().then(
      ({ loadDashApp }) => loadDashApp(this, src, data, loading.signal),
      (error: unknown) => console.error('<dash-app>: the app loader failed to load', error),
    );
  }
}
