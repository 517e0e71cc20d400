import { type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { isRecord } from '../../internal/is-record.js';
import { scopeOf } from '../../runtime/dom/scope.js';

/** `EventSource.readyState`: 0 connecting, 1 open, 2 closed. */
export type EventSourceReadyState = 0 | 1 | 2;

const isUpdates = (v: unknown): v is Record<string, Record<string, unknown>> => isRecord(v) && Object.values(v).every(isRecord);

/**
 * Pushed updates from the server (docs/server.md, "Pushed updates"): listens to Server-Sent Events
 * at `src` (such as `dash.stream` from dash-elements/server serves) and applies each event's
 * `{id: {prop: value}}` to the elements in its app as `set_props` does, so callbacks on those
 * props run. Reconnects as `EventSource` does; closes when removed or when `src` is emptied.
 * Renders nothing.
 *
 * @summary Applies Server-Sent Events to the page as set_props.
 *
 * @fires dash-prop-change - `lastMessage`, `nMessages` or `readyState` changed (`user: true`).
 *
 * @tagname dash-event-source
 */
export class DashEventSource extends DashElement {
  /** The URL of the event stream; empty: not connected. */
  @property() src = '';

  /** Sends cookies with a cross-origin stream (`EventSource`'s `withCredentials`). */
  @property({ attribute: 'with-credentials', type: Boolean }) withCredentials = false;

  /** The updates of the last event, as applied (`{id: {prop: value}}`), or null. */
  @property({ attribute: false }) lastMessage: Record<string, Record<string, unknown>> | null = null;

  /** Events received so far. */
  @property({ attribute: 'n-messages', type: Number, reflect: true }) nMessages = 0;

  /** As `EventSource.readyState`: 0 connecting, 1 open, 2 closed. */
  @property({ attribute: 'ready-state', type: Number, reflect: true }) readyState: EventSourceReadyState = 2;

  private source: EventSource | null = null;

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.isConnected && (changed.has('src') || changed.has('withCredentials')) && this.hasUpdated && this.source?.url !== this.absoluteSrc()) this.open();
  }

  private absoluteSrc(): string {
    return this.src ? new URL(this.src, document.baseURI).href : '';
  }

  private open(): void {
    this.close();
    if (!this.src) return;
    let source: EventSource;
    try {
      source = new EventSource(this.src, { withCredentials: this.withCredentials });
    } catch (error) {
      this.warnOnce(`src:${this.src}`, `src "${this.src}" cannot be opened (${String(error)})`);
      return;
    }
    this.source = source;
    this.setByUser('readyState', 0);
    source.onopen = () => this.setByUser('readyState', 1);
    // EventSource retries by itself (readyState 0), or gives up (2, for an HTTP error or a wrong type).
    source.onerror = () => this.setByUser('readyState', source.readyState as EventSourceReadyState);
    source.onmessage = (event) => this.apply(event.data);
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    this.setByUser('readyState', 2);
  }

  private apply(data: string): void {
    let updates: unknown;
    try {
      updates = JSON.parse(data);
    } catch {
      updates = undefined;
    }
    if (!isUpdates(updates)) {
      this.warnOnce('data', `an event from "${this.src}" is not {id: {prop: value}} JSON; ignored`);
      return;
    }
    try {
      scopeOf(this).setPropsOf(updates);
    } catch (error) {
      this.warnOnce(`apply:${(error as Error).message}`, `an event from "${this.src}" was not applied: ${(error as Error).message}`);
      return;
    }
    this.setByUser('lastMessage', updates);
    this.setByUser('nMessages', this.nMessages + 1);
  }
}
