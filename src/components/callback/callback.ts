import { emit } from '../../internal/events.js';
import { type Dependency, DependencyError, depText, outputId, parseDependencies } from '../../runtime/dependency.js';
import { isPattern } from '../../runtime/patterns.js';
import { type CallbackContext, type CallbackInvocation, contextFor, describeValue, valuesPerOutput } from '../../runtime/context.js';
import type { TransportRequest } from '../../runtime/transport.js';
import { type CallbackScope, type CallbackSource, scopeOf, wireWhenConnected } from '../../runtime/dom/scope.js';

export type { CallbackContext };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CallbackFunction = (...args: any[]) => unknown;

/** Detail of `dash-callback-error`. */
export interface DashCallbackErrorDetail {
  error: Error;
  /** The outputs the failed call would have written, as `id.prop`. */
  outputs: string[];
}

/**
 * Declares a callback: when any of `inputs` changes, call a function (or a Dash endpoint) with
 * the inputs' and `state`'s current values, and write what it returns into `outputs`.
 * Renders nothing.
 *
 * ```html
 * <dash-callback inputs="region.value" outputs="label.children" fn="myApp.describe"></dash-callback>
 * <dash-callback inputs="region.value" outputs="chart.figure" endpoint="/_dash-update-component"></dash-callback>
 * ```
 *
 * @attr {string} inputs - Comma-separated `id.prop` dependencies that trigger the callback.
 * @attr {string} outputs - Comma-separated `id.prop` dependencies it writes.
 * @attr {string} state - Comma-separated `id.prop` values passed along without triggering.
 * @attr {string} endpoint - URL of a Dash `/_dash-update-component` endpoint to POST to, instead of `fn`.
 * @attr {string} fn - Name of a global function (`myApp.update`, `dash_clientside.ns.name`), looked up each time the callback runs; a call waits for the page to load (and a second more) for a name a later script defines.
 * @attr {boolean} prevent-initial-call - Skip the call made when the callback is wired.
 * @attr {number} debounce - Milliseconds of quiet to wait after a change before calling.
 * @attr {string} running - `id.prop` list set to true while the callback runs and false after.
 * @attr {number} timeout - Milliseconds an endpoint may take before the call fails (default 30000).
 * @attr {boolean} loading - Present while a call runs (read-only; set by the runtime).
 *
 * @fires dash-callback-start - A call started that runs asynchronously (returned a promise, or an endpoint). Bubbles.
 * @fires dash-callback-end - That call ended (finished, failed or superseded). Bubbles.
 * @fires dash-callback-error - A call failed, or the callback is malformed or in a cycle; `detail: {error, outputs}`. Bubbles.
 * @fires dash-callback-request - Before an endpoint request: `detail: {url, headers, body}` may be changed in place; `preventDefault()` skips the request. Bubbles, composed, cancelable.
 *
 * @tagname dash-callback
 */
export class DashCallback extends HTMLElement implements CallbackSource {
  static get observedAttributes() {
    return OBSERVED;
  }

  private implementation: CallbackFunction | null = null;
  /**
   * The observed attributes as the element last saw them: read from here, not from the DOM, as a
   * page wiring 10,000 callbacks asks each several times (every one arrives through
   * attributeChangedCallback, on upgrade too).
   */
  private readonly observed: Partial<Record<Observed, string | null>> = {};

  /**
   * The function to call: `fn(...inputValues, ...stateValues, ctx)`. May be async. A callback
   * with neither `fn` nor `endpoint` waits (no initial call) until one is given, so a page may
   * set it from a later script.
   */
  get fn(): CallbackFunction | null {
    return this.implementation;
  }
  set fn(value: CallbackFunction | null) {
    const wasRunnable = this.runnable;
    this.implementation = typeof value === 'function' ? value : null;
    if (value !== null && value !== undefined && typeof value !== 'function') {
      this.reportError(new TypeError(`fn must be a function, got ${describeValue(value)}`));
    }
    if (this.runnable !== wasRunnable) this.scope?.refresh(this);
  }

  /** Has something to call: an fn property, an fn attribute, or an endpoint. */
  get runnable(): boolean {
    return this.implementation !== null || this.attr('fn') !== null || this.attr('endpoint') !== null;
  }

  /** @internal parsed `inputs` */
  inputDeps: Dependency[] = [];
  /** @internal parsed `outputs` */
  outputDeps: Dependency[] = [];
  /** @internal parsed `state` */
  stateDeps: Dependency[] = [];
  /** @internal parsed `running` */
  runningDeps: Dependency[] = [];
  /** @internal the outputs as Dash names them, for messages (made when first asked: most callbacks never are) */
  get callbackName(): string {
    return (this.messageName ??= this.malformed || !this.outputDeps.length ? this.describe() : outputId(this.outputDeps));
  }
  private messageName: string | undefined;
  private malformed = false;

  private scope: CallbackScope | undefined;
  private rewireQueued = false;
  /** Connected and not wired yet: the batch of callbacks connected in this task wires it (wireWhenConnected). */
  private connecting = false;

  /** @internal Its dependency attributes changed: it registers again a microtask later. */
  get rewirePending(): boolean {
    return this.rewireQueued;
  }

  /** URL of the Dash endpoint (`/_dash-update-component`), when the callback runs on a server. */
  get endpoint(): string | null {
    return this.attr('endpoint');
  }
  set endpoint(value: string | null) {
    if (value === null) this.removeAttribute('endpoint');
    else this.setAttribute('endpoint', value);
  }

  get preventInitialCall(): boolean {
    const value = this.attr('prevent-initial-call');
    return value !== null && value !== 'false';
  }
  set preventInitialCall(value: boolean) {
    this.toggleAttribute('prevent-initial-call', value);
  }

  get debounce(): number {
    const ms = Number(this.attr('debounce'));
    return Number.isFinite(ms) && ms > 0 ? ms : 0;
  }
  set debounce(value: number) {
    this.setAttribute('debounce', String(value));
  }

  get timeout(): number {
    const ms = Number(this.getAttribute('timeout') ?? 30000);
    return Number.isFinite(ms) && ms > 0 ? ms : 30000;
  }
  set timeout(value: number) {
    this.setAttribute('timeout', String(value));
  }

  connectedCallback(): void {
    // A property set before the element was defined is an own property shadowing the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'fn')) {
      const value = (this as { fn: CallbackFunction | null }).fn;
      delete (this as { fn?: unknown }).fn;
      this.fn = value;
    }
    // Wired a microtask later with every callback connected in this task, in one pass
    // (docs/callbacks.md, "Wiring and scale"): nothing else here, 10,000 times for a big page.
    if (this.connecting) return;
    this.connecting = true;
    wireWhenConnected(this);
  }

  disconnectedCallback(): void {
    this.connecting = false;
    this.scope?.unregister(this);
    this.scope = undefined;
  }

  attributeChangedCallback(name: Observed, old: string | null, value: string | null): void {
    this.observed[name] = value;
    // On upgrade the attributes arrive before connectedCallback, which wires with them anyway.
    if (old === value || !this.scope) return;
    if (name === 'fn' || name === 'endpoint') {
      this.scope?.refresh(this);
      return;
    }
    if (this.rewireQueued) return;
    this.rewireQueued = true;
    queueMicrotask(() => {
      this.rewireQueued = false;
      if (this.isConnected) this.wire();
    });
  }

  /**
   * @internal Called by the batch of callbacks connected together: wires this one into `scope`
   * (its scope, which the batch finds once for siblings). False when it left the page since.
   */
  wireConnected(scope: CallbackScope): boolean {
    if (!this.connecting) return false;
    this.connecting = false;
    this.wire(scope);
    return true;
  }

  /** Parses the dependency lists and (re)registers with the scope; a malformed list is reported, not wired. */
  private wire(scope?: CallbackScope): void {
    this.scope?.unregister(this);
    this.scope = undefined;
    this.messageName = undefined;
    this.malformed = false;
    try {
      this.inputDeps = parseDependencies(this.attr('inputs'), 'inputs');
      this.outputDeps = parseDependencies(this.attr('outputs'), 'outputs');
      this.stateDeps = parseDependencies(this.attr('state'), 'state');
      this.runningDeps = parseDependencies(this.attr('running'), 'running');
      if (this.runningDeps.some(isPattern)) throw new DependencyError('running: wildcards are not supported here');
    } catch (error) {
      this.malformed = true;
      this.reportError(error as Error);
      return;
    }
    this.scope = scope ?? scopeOf(this);
    this.scope.register(this, scope !== undefined);
  }

  private attr(name: Observed): string | null {
    return this.observed[name] ?? null;
  }

  /** @internal Called by the runtime: runs the function or the endpoint; one value per output (an array for an ALL output). */
  run(call: CallbackInvocation, scope: CallbackScope): unknown[] | Promise<unknown[]> {
    if (this.endpoint) return this.runEndpoint(this.endpoint, call, scope);
    const fn = this.resolveFn();
    if (!fn) return this.waitForFn(call.signal).then((found) => this.callFn(found, call, scope));
    return this.callFn(fn, call, scope);
  }

  private callFn(fn: CallbackFunction, call: CallbackInvocation, scope: CallbackScope): unknown[] | Promise<unknown[]> {
    const ctx = contextFor(call, (id, props) => scope.setProps(id, props));
    const result = fn.call(this, ...call.inputs, ...call.state, ctx);
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
      return Promise.resolve(result).then((value) => this.perOutput(value));
    }
    return this.perOutput(result);
  }

  /** A function returns the value of its one output, or an array with one value per output. */
  private perOutput(result: unknown): unknown[] {
    return valuesPerOutput(result, this.outputDeps.length);
  }

  private async runEndpoint(url: string, call: CallbackInvocation, scope: CallbackScope): Promise<unknown[]> {
    // Loaded on first use: pages with only local callbacks never download the transport.
    const { runEndpoint } = await import('./callback-endpoint.js');
    return runEndpoint(this, url, call, scope);
  }

  /** The `fn` property, else the global `fn="ns.name"` names as it is now (null while it is not a function). */
  private resolveFn(): CallbackFunction | null {
    if (typeof this.fn === 'function') return this.fn;
    const path = this.getAttribute('fn');
    if (!path) throw new Error(`${this.describe()} has neither an fn nor an endpoint`);
    const target = lookupGlobal(path);
    return typeof target === 'function' ? (target as CallbackFunction) : null;
  }

  /**
   * `fn="ns.name"` is looked up when the callback runs, and a later script may still define it
   * (docs/callbacks.md): wait for the page to load, and FN_GRACE_MS more, before calling it missing.
   */
  private async waitForFn(signal: AbortSignal): Promise<CallbackFunction> {
    if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
    const deadline = performance.now() + FN_GRACE_MS;
    for (;;) {
      signal.throwIfAborted();
      const fn = this.resolveFn();
      if (fn) return fn;
      if (performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, FN_POLL_MS));
    }
    const path = this.getAttribute('fn');
    throw new Error(`fn="${path}" does not name a function (window.${path} is ${describeValue(lookupGlobal(path!))})`);
  }

  /** @internal Logs `Callback error updating …` and fires `dash-callback-error`. */
  reportError(error: Error): void {
    console.error(`Callback error updating ${this.callbackName}: ${error.message}`);
    emit<DashCallbackErrorDetail>(this, 'dash-callback-error', { error, outputs: this.outputDeps.map(depText) });
  }

  private describe(): string {
    return `<dash-callback${this.id ? ` id="${this.id}"` : ''} inputs="${this.getAttribute('inputs') ?? ''}">`;
  }
}

const OBSERVED = ['inputs', 'outputs', 'state', 'running', 'prevent-initial-call', 'debounce', 'fn', 'endpoint'] as const;
type Observed = (typeof OBSERVED)[number];

/** How long after the page has loaded a callback waits for its `fn="ns.name"` to be defined. */
const FN_GRACE_MS = 1000;
const FN_POLL_MS = 25;

/** `globalThis.ns.name` for `"ns.name"`, or undefined. */
function lookupGlobal(path: string): unknown {
  let target: unknown = globalThis;
  for (const part of path.split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
  return target;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-callback-error': CustomEvent<DashCallbackErrorDetail>;
    'dash-callback-request': CustomEvent<TransportRequest>;
    'dash-callback-start': CustomEvent<{ outputs: string }>;
    'dash-callback-end': CustomEvent<{ outputs: string }>;
  }
}
