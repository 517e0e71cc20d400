import { LitElement, type PropertyValues } from 'lit';
import { deepEqual } from './deep-equal.js';
import { emit } from './events.js';

/**
 * Base class of every dash element. It gives them the behaviour docs/conventions.md asks of all:
 * - `dash-prop-change` after any public property changes (by the user, a callback, or outside
 *   code), never for a deep-equal value, with `user` telling a person's change apart;
 * - malformed JSON attributes are reported once with `console.warn` and the previous value kept;
 * - `warnOnce()` for other bad input, naming the element.
 *
 * Subclasses declare public properties with `@property({ attribute: 'kebab-name' })` and change
 * them from their UI through `setByUser()`.
 */
export class DashElement extends LitElement {
  /** Props set through `setByUser()` since the last update. */
  private readonly userChanged = new Set<PropertyKey>();
  private readonly warned = new Set<string>();
  private pendingPropEvents: Array<{ prop: string; value: unknown; user: boolean }> = [];

  /** Elements pass their accessible name on to inner controls, so a new name re-renders them. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'aria-label', 'aria-labelledby'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'aria-label' || name === 'aria-labelledby') {
      this.requestUpdate();
      return;
    }
    try {
      super.attributeChangedCallback(name, old, value);
    } catch (error) {
      // A converter refused the text (malformed JSON): keep the property as it was.
      this.warnOnce(`attr:${name}:${value}`, `attribute "${name}" is not valid JSON (${String(error)}); keeping the previous value`);
    }
  }

  /**
   * Rejects values a callback may not write (docs/callbacks.md). The runtime calls it before
   * writing an output; throw a `TypeError` with a clear message to refuse. Default: accept.
   */
  checkProp(_prop: string, _value: unknown): void {}

  /** Sets a public property as a person's change, so `dash-prop-change` says `user: true`. */
  protected setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    if (deepEqual(this[prop], value)) return false;
    this.userChanged.add(prop);
    this[prop] = value;
    return true;
  }

  /** True while an update is pending for a change made through `setByUser()` (read before `super.willUpdate`). */
  protected isUserChange(prop: PropertyKey): boolean {
    return this.userChanged.has(prop);
  }

  /** `console.warn` once per element and key: `<dash-slider id="x">: message`. */
  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`${this.describe()}: ${message}`);
  }

  /** `<dash-dropdown id="region">`, for messages. */
  describe(): string {
    const id = this.id ? ` id="${this.id}"` : '';
    return `<${this.localName}${id}>`;
  }

  /** The properties' values as the first update starts (null after it). */
  private valuesBeforeFirstUpdate: PropertyValues | null = null;

  protected override performUpdate(): void {
    if (!this.hasUpdated && this.isUpdatePending) {
      const keys = [...(this.constructor as typeof LitElement).elementProperties.keys()];
      this.valuesBeforeFirstUpdate = new Map(keys.map((key) => [key, this[key as keyof this]]));
    }
    super.performUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // In the first update the page's own values are not changes, but what the element derives or
    // corrects in it is: a reader may have read the value before (that update may wait for a
    // lazily loaded view, docs/conventions.md "Code loaded on first use").
    const changes = this.hasUpdated ? changed : (this.valuesBeforeFirstUpdate ?? new Map());
    this.valuesBeforeFirstUpdate = null;
    const declared = (this.constructor as typeof LitElement).elementProperties;
    for (const [key, old] of changes) {
      const options = declared.get(key);
      if (!options || options.state || typeof key !== 'string') continue;
      const value = this[key as keyof this];
      if (deepEqual(old, value)) continue;
      this.pendingPropEvents.push({ prop: key, value, user: this.userChanged.has(key) });
    }
    this.userChanged.clear();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.pendingPropEvents.length === 0) return;
    const events = this.pendingPropEvents;
    this.pendingPropEvents = [];
    // Announced just after the update, so listeners (callbacks) that set properties start a
    // new update instead of changing this one. Still before `updateComplete` resolves.
    queueMicrotask(() => {
      for (const detail of events) emit(this, 'dash-prop-change', detail);
    });
  }
}
