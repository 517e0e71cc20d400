/**
 * The DOM side of the runtime: one scope per `<dash-app>` (or document / shadow root without
 * one). It finds the elements callbacks name, watches their inputs, writes their outputs, keeps
 * loading states, and follows elements and callbacks that come and go (docs/callbacks.md).
 * A pattern-matching callback becomes one runtime callback per concrete call (one per MATCH
 * value), re-expanded whenever elements with object ids come or go. What runs when is decided
 * by the pure CallbackRuntime.
 */
import type { Dependency } from '../dependency.js';
import { canonicalId, canonicalProp, depKey } from '../dependency.js';
import type { CallbackInvocation } from '../context.js';
import { type Expansion, flatDeps, flattenValues, groupValues, isPattern, plainExpansion } from '../patterns.js';
import { CallbackRuntime, type CallbackCall, type CallbackDefinition, type CallbackHandle, type RuntimeHost } from '../runtime.js';
import { applyPatch, isPatch } from '../patch.js';
import { CHANGE_EVENTS, NOT_ANNOUNCED, announceChanges, announcedValue, checkProp, readProp, writeCheckedProp, writeProp } from './dom-props.js';
import { Lazy } from '../../internal/lazy.js';
import { MultiMap } from '../multi-map.js';

/** What a scope needs from a `<dash-callback>`. */
export interface CallbackSource extends HTMLElement {
  /** As written: ids may be patterns (ALL, MATCH, ALLSMALLER). */
  readonly inputDeps: Dependency[];
  readonly outputDeps: Dependency[];
  readonly stateDeps: Dependency[];
  readonly runningDeps: Dependency[];
  readonly callbackName: string;
  readonly preventInitialCall: boolean;
  readonly debounce: number;
  /** Has a function or endpoint to call; until it does, the callback waits. */
  readonly runnable: boolean;
  /** Its dependencies changed and it will register again: not to be wired as it is. */
  readonly rewirePending: boolean;
  /** Connected since the last batch: wires itself into `scope`, or says false when it left the page since. */
  wireConnected(scope: CallbackScope): boolean;
  /** Runs one call; returns one value per output (an array for an ALL output). */
  run(call: CallbackInvocation, scope: CallbackScope): unknown[] | Promise<unknown[]>;
  reportError(error: Error): void;
}

type ScopeRoot = Document | ShadowRoot | HTMLElement;

/** One concrete call of a callback: what the runtime calls (its definition), and how it is bound to the page. */
class Registration implements CallbackDefinition {
  handle!: CallbackHandle;
  readonly debounce: number;
  /** Its concrete dependencies, flat. */
  readonly inputs: Dependency[];
  readonly outputs: Dependency[];
  readonly state: Dependency[];
  /** Every id it names, in this order: inputs, outputs, state, `running`. */
  readonly deps: Dependency[];
  /** Ids not found (or not defined yet) when last resolved. */
  missing: readonly string[] = NONE_MISSING;
  missingReported = false;
  /** Unregistered: the runtime's last word about it (a dropped call's end) has been heard. */
  removed = false;
  /** While wired: the element each of `deps` resolved to (inputs first), whose changes it hears. */
  bound: Element[] | undefined;

  readonly source: CallbackSource;
  /** A pattern call's expansion; a plain callback's is made only if asked for (ctx lists, an endpoint). */
  private concrete: Expansion | undefined;
  /** Without wildcards, values pass between the runtime and the function as they are (no slots to group them by). */
  readonly plain: boolean;

  /** `expansion`: the concrete call of a pattern-matching callback; none for a plain one. */
  constructor(
    private readonly scope: CallbackScope,
    source: CallbackSource,
    expansion: Expansion | undefined,
    readonly preventInitialCall: boolean,
  ) {
    this.source = source;
    this.concrete = expansion;
    this.plain = !expansion;
    this.debounce = source.debounce;
    // Without wildcards the flat lists are the callback's own.
    this.inputs = expansion ? flatDeps(expansion.inputs) : source.inputDeps;
    this.outputs = expansion ? flatDeps(expansion.outputs) : source.outputDeps;
    this.state = expansion ? flatDeps(expansion.state) : source.stateDeps;
    this.deps = [...this.inputs, ...this.outputs, ...this.state, ...source.runningDeps];
  }

  /** Its dependencies as slots (one value each, or a list for ALL/ALLSMALLER). */
  get expansion(): Expansion {
    return (this.concrete ??= plainExpansion(this));
  }

  get name(): string {
    return this.source.callbackName;
  }

  invoke(call: CallbackCall): unknown[] | Promise<unknown[]> {
    return this.scope.invoke(this, call);
  }

  /** Identity of its concrete dependencies: a changed ALL set makes a new registration (computed only when compared). */
  get signature(): string {
    return signatureOf(this.expansion);
  }
}

const NONE_MISSING: readonly string[] = Object.freeze([]);

/** The registration a runtime handle stands for (its definition), while it is registered. */
function registrationOf(handle: CallbackHandle): Registration | undefined {
  const registration = handle.definition as Registration;
  return registration.removed ? undefined : registration;
}

/** What a callback's function or endpoint is called with (a class: made once per call). */
class Invocation implements CallbackInvocation {
  readonly inputs: unknown[];
  readonly state: unknown[];
  readonly flatInputs: unknown[];
  readonly flatState: unknown[];
  readonly triggered: CallbackCall['triggered'];

  constructor(
    private readonly registration: Registration,
    private readonly call: CallbackCall,
  ) {
    this.flatInputs = call.inputs;
    this.flatState = call.state;
    const plain = registration.plain;
    this.inputs = plain ? call.inputs : groupValues(registration.expansion.inputs, call.inputs);
    this.state = plain ? call.state : groupValues(registration.expansion.state, call.state);
    this.triggered = call.triggered;
  }

  get expansion(): Expansion {
    return this.registration.expansion;
  }

  get signal() {
    return this.call.signal;
  }
}

type PatternMatching = typeof import('../pattern-matching.js');

/** A `<dash-callback>` and its concrete calls: one, or (with wildcards) one per MATCH value, by expansion key. */
interface Group {
  source: CallbackSource;
  pattern: boolean;
  /** For a pattern group, once loaded: the wildcard matching (a lazy chunk). */
  matching?: PatternMatching;
  /** A plain group's one call, once wired. */
  single?: Registration;
  /** A pattern group's calls. */
  instances?: Map<string, Registration>;
}

/** A group's concrete calls. */
function registrationsOf(group: Group): Iterable<Registration> {
  return group.instances?.values() ?? (group.single ? [group.single] : []);
}

/** Wildcard matching is loaded on first use: pages without wildcards never download it. */
const wildcardMatching = new Lazy(() => import('../pattern-matching.js'));

const scopes = new WeakMap<ScopeRoot, CallbackScope>();

/** The scope a callback belongs to: its nearest `<dash-app>`, else its document or shadow root. */
export function scopeOf(el: Element): CallbackScope {
  const root: ScopeRoot = (el.parentElement?.closest('dash-app') as HTMLElement | null) ?? (el.getRootNode() as Document | ShadowRoot);
  let scope = scopes.get(root);
  if (!scope) scopes.set(root, (scope = new CallbackScope(root)));
  return scope;
}

/** `<dash-callback>`s connected since the last batch (wireWhenConnected). */
let connected: CallbackSource[] = [];

/**
 * Wires a connected callback a microtask later, together with every other callback connected in
 * the same task: a page inserting its layout and 10,000 callbacks at once has each found in its
 * scope, registered, and its initial call made, in one pass (docs/callbacks.md, "Wiring and scale").
 */
export function wireWhenConnected(source: CallbackSource): void {
  if (connected.push(source) === 1) queueMicrotask(wireBatch);
}

/** Wires the batch of callbacks connected in the task that just ended. */
function wireBatch(): void {
  const sources = connected;
  connected = [];
  const touched: CallbackScope[] = [];
  // Siblings share a scope: it is found once for each run of them (a fragment's callbacks).
  let parent: ParentNode | null | undefined;
  let scope: CallbackScope | undefined;
  for (const source of sources) {
    if (!source.isConnected) continue;
    if (source.parentNode !== parent || !scope) {
      parent = source.parentNode;
      scope = scopeOf(source);
    }
    const wiring = scope;
    if (!source.wireConnected(wiring)) continue;
    if (touched[touched.length - 1] !== wiring && !touched.includes(wiring)) touched.push(wiring);
    // A malformed callback is reported, and a listener may have changed the page: find the next scope afresh.
    if (!wiring.has(source)) scope = undefined;
  }
  for (const wiring of touched) wiring.wireArrivals();
}

/** An element's id as dependencies name it: object ids canonical, null for a malformed JSON id. */
function idKey(raw: string): string | null {
  if (!raw.startsWith('{')) return raw;
  try {
    return canonicalId(raw, 'id');
  } catch {
    return null;
  }
}

export class CallbackScope implements RuntimeHost {
  readonly runtime = new CallbackRuntime(this);
  private readonly groups = new Map<CallbackSource, Group>();
  /** Elements found, by id. */
  private readonly elements = new Map<string, Element>();
  /** Registrations that name each id. */
  private readonly users = new MultiMap<string, Registration>();
  /** Busy callbacks per element, for `loading` / `aria-busy`. */
  private readonly busy = new Map<Element, number>();
  /** Elements with object ids, canonical id → element, in document order; rebuilt when they change. */
  private objectIds: Map<string, Element> | undefined;
  private readonly reportedIds = new Set<string>();
  private readonly observer: MutationObserver;
  /** Its change listeners are on its root. */
  private listening = false;
  /** What its mutation observer watches: id changes, or also nodes coming and going (see wireArrivals). */
  private watching: 'none' | 'ids' | 'all' = 'none';
  /** Plain callbacks connected since the last batch, wired together (see register). */
  private arriving: Group[] = [];

  constructor(private readonly root: ScopeRoot) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /**
   * Wires a callback. Callbacks connected together (a page's layout inserted at once) are wired
   * together a microtask later, so each finds its elements, fn and attributes as the page set
   * them in the same task, and the runtime orders and runs their initial calls once
   * (docs/callbacks.md, "Wiring and scale").
   */
  register(source: CallbackSource, batched = false): void {
    this.unregister(source);
    const pattern = source.inputDeps.some(isPattern) || source.outputDeps.some(isPattern) || source.stateDeps.some(isPattern);
    const group: Group = { source, pattern, instances: pattern ? new Map() : undefined };
    this.groups.set(source, group);
    this.listen();
    if (!group.pattern) {
      // `batched`: the batch of callbacks connected together calls wireArrivals itself.
      if (this.arriving.push(group) === 1 && !batched) queueMicrotask(() => this.wireArrivals());
      return;
    }
    this.observe('all');
    wildcardMatching.load().then((matching) => {
      if (this.groups.get(source) !== group) return;
      try {
        matching.checkCallbackDependencies({ inputs: source.inputDeps, outputs: source.outputDeps, state: source.stateDeps });
      } catch (error) {
        // Dash's wildcard rules: reported once, and the callback is not wired.
        source.reportError(error as Error);
        return;
      }
      group.matching = matching;
      this.expand(group, source.preventInitialCall);
    }, (error: Error) => source.reportError(error));
  }

  /** Whether `source` is registered here. */
  has(source: CallbackSource): boolean {
    return this.groups.has(source);
  }

  /** @internal Wires the plain callbacks registered since the last batch, and makes their initial calls. */
  wireArrivals(): void {
    const arriving = this.arriving;
    this.arriving = [];
    // All of them removed again (then this scope is gone, and must not start observing).
    if (arriving.length === 0 || this.groups.size === 0) return;
    // A new scope hears id changes from now on, and watches nodes come and go only after the
    // initial calls: their writes (10,000 outputs for a big page) then make no mutation records,
    // which cost more than looking at what those calls did (catchUp).
    const watchNodesAfter = this.watching === 'none';
    if (watchNodesAfter) this.observe('ids');
    const added: Registration[] = [];
    for (const group of arriving) {
      // One unregistered, registered again or about to be (its attributes changed) is passed over.
      if (this.groups.get(group.source) !== group || group.source.rewirePending || group.single) continue;
      const { source } = group;
      added.push((group.single = new Registration(this, source, undefined, source.preventInitialCall)));
    }
    this.add(added);
    this.runtime.flush();
    if (watchNodesAfter && this.watching === 'ids') {
      this.observe('all');
      this.catchUp(arriving);
    }
  }

  /**
   * What the mutation observer would have told of the initial calls made before it watched the
   * page's nodes (their functions may change the page): bound elements that left, missing ones that
   * came. Id changes it heard all along (wireArrivals).
   */
  private catchUp(groups: readonly Group[]): void {
    // Elements with object ids may have come or gone: their index is made again when next asked.
    this.objectIds = undefined;
    const stale = new Set<string>();
    for (const { single } of groups) {
      if (!single || single.removed) continue;
      const { deps, bound } = single;
      for (let i = 0; i < deps.length; i++) {
        const el = bound ? bound[i] : this.elements.get(deps[i].id);
        if (el ? !this.holds(el) : this.lookup(deps[i].id)) stale.add(deps[i].id);
      }
    }
    for (const id of stale) this.recheck(id);
  }

  unregister(source: CallbackSource): void {
    const group = this.groups.get(source);
    if (!group) return;
    this.groups.delete(source);
    for (const registration of registrationsOf(group)) this.removeInstance(registration);
    if (this.groups.size === 0) {
      this.unobserve();
      scopes.delete(this.root);
    }
  }

  /**
   * Brings a group's concrete calls in line with the elements present: new MATCH values get a
   * call (and their initial call), gone ones are unwired, and a call whose ALL set changed is
   * wired anew and runs again.
   */
  private expand(group: Group, preventInitialCall: boolean): void {
    const { source, matching, instances } = group;
    // A plain callback has its one call from wireArrivals.
    if (!matching || !instances) return;
    const callback = { inputs: source.inputDeps, outputs: source.outputDeps, state: source.stateDeps };
    const expansions = matching.expandCallback(callback, [...this.objectIndex().keys()]);
    for (const expansion of expansions) {
      const existing = instances.get(expansion.key);
      let quiet = preventInitialCall;
      if (existing) {
        const signature = signatureOf(expansion);
        if (existing.signature === signature) continue;
        // A changed ALL input set is a change of that input: the call runs again. A changed ALL
        // state never triggers (as any state); new ALL outputs get values unless prevent-initial-call.
        const [inputs, outputs] = signature.split('|');
        const [oldInputs, oldOutputs] = existing.signature.split('|');
        const wasWired = existing.handle.active;
        quiet = inputs !== oldInputs ? false : outputs !== oldOutputs ? preventInitialCall : wasWired || preventInitialCall;
        this.removeInstance(existing);
      }
      instances.set(expansion.key, this.addInstance(source, expansion, quiet));
    }
    const keep = new Set(expansions.map((expansion) => expansion.key));
    for (const [key, registration] of instances) {
      if (keep.has(key)) continue;
      instances.delete(key);
      this.removeInstance(registration);
    }
  }

  private addInstance(source: CallbackSource, expansion: Expansion, preventInitialCall: boolean): Registration {
    const registration = new Registration(this, source, expansion, preventInitialCall);
    this.add([registration]);
    return registration;
  }

  /**
   * Registers new calls with the runtime and binds them to the page: each step for all of them in
   * turn, so that a batch of 10,000 runs each step's code hot (docs/callbacks.md, "Wiring and scale").
   */
  private add(registrations: readonly Registration[]): void {
    for (const registration of registrations) registration.handle = this.runtime.register(registration);
    for (const registration of registrations) for (const { id } of registration.deps) this.users.add(id, registration);
    for (const registration of registrations) this.resolve(registration);
  }

  private removeInstance(registration: Registration): void {
    registration.bound = undefined;
    // While still known by handle, so that a call it drops clears its loading state.
    this.runtime.unregister(registration.handle);
    registration.removed = true;
    for (const { id } of registration.deps) if (this.users.delete(id, registration)) this.elements.delete(id);
  }

  /** @internal Flat values from the runtime → the function's arguments; its per-output values → flat writes. */
  invoke(registration: Registration, call: CallbackCall): unknown[] | Promise<unknown[]> {
    const result = registration.source.run(new Invocation(registration, call), this);
    if (result instanceof Promise) return result.then((values) => flatOutputs(registration, values));
    return flatOutputs(registration, result);
  }

  /** `ctx.setProps(id, props)`: writes props of any element in scope, as a change callbacks see. */
  setProps(id: string | Record<string, unknown>, props: Record<string, unknown>): void {
    this.setPropsOf({ [canonicalId(id, 'setProps')]: props });
  }

  /**
   * Writes props of several elements (an endpoint's `sideUpdate`; ids as text, object ids as
   * JSON). All or nothing: a missing id or a refused prop (docs/callbacks.md) throws before
   * anything is written. A Patch is applied to the current value.
   */
  setPropsOf(updates: Record<string, Record<string, unknown>>): void {
    const writes: Array<{ el: Element; id: string; prop: string; value: unknown }> = [];
    for (const [given, props] of Object.entries(updates)) {
      const id = canonicalId(given, 'setProps');
      const el = this.lookup(id);
      if (!el) throw new Error(`setProps: no element with id ${id.startsWith('{') ? id : `"${id}"`} in this scope`);
      for (const [prop, update] of Object.entries(props)) {
        const value = isPatch(update) ? applyPatch(readProp(el, prop), update) : update;
        checkProp(el, prop, value);
        writes.push({ el, id, prop, value });
      }
    }
    for (const { el, id, prop, value } of writes) {
      writeProp(el, prop, value);
      this.runtime.changed({ id, prop }, readProp(el, prop));
    }
  }

  // RuntimeHost

  read(dep: Dependency): unknown {
    const el = this.elements.get(dep.id);
    return el ? readProp(el, dep.prop) : undefined;
  }

  check(dep: Dependency, value: unknown): void {
    const el = this.elements.get(dep.id);
    if (!el) throw new Error(`no element with id "${dep.id}"`);
    checkProp(el, dep.prop, value);
  }

  write(dep: Dependency, value: unknown): void {
    writeCheckedProp(this.elements.get(dep.id)!, dep.prop, value);
  }

  /**
   * A call that returned a promise is running: loading states, `running` props and
   * `dash-callback-start`. A call that returned at once was never visibly running, so it gets none.
   */
  onStart(handle: CallbackHandle, pending: boolean): void {
    if (pending) this.showRunning(handle, true);
  }

  onEnd(handle: CallbackHandle, pending: boolean): void {
    if (pending) this.showRunning(handle, false);
  }

  private showRunning(handle: CallbackHandle, on: boolean): void {
    const registration = registrationOf(handle);
    if (!registration) return;
    const { source } = registration;
    const delta = on ? 1 : -1;
    this.setBusy(source, delta);
    for (const dep of registration.outputs) this.setBusy(this.elements.get(dep.id), delta, dep.prop);
    this.setRunning(source, on);
    source.dispatchEvent(new CustomEvent(on ? 'dash-callback-start' : 'dash-callback-end', { bubbles: true, composed: true, detail: { outputs: source.callbackName } }));
  }

  onError(handle: CallbackHandle, error: Error): void {
    registrationOf(handle)?.source.reportError(error);
  }

  /** `running="btn.disabled"`: true while the callback runs, false after (Dash's `running`). */
  private setRunning(source: CallbackSource, on: boolean): void {
    for (const dep of source.runningDeps) {
      const el = this.elements.get(dep.id);
      if (!el) continue;
      writeProp(el, dep.prop, on);
      this.runtime.changed(dep, readProp(el, dep.prop));
    }
  }

  /**
   * Counts the calls writing into `el`. For an output (`prop` given) it also tells enclosing
   * `<dash-loading>`s, across shadow roots, which prop started or stopped loading.
   */
  private setBusy(el: Element | undefined, delta: number, prop?: string): void {
    if (!el) return;
    if (prop !== undefined) {
      const detail = { prop: canonicalProp(prop), loading: delta > 0 };
      el.dispatchEvent(new CustomEvent('dash-output-loading', { bubbles: true, composed: true, detail }));
    }
    const count = Math.max(0, (this.busy.get(el) ?? 0) + delta);
    if (count === 0) {
      this.busy.delete(el);
      el.removeAttribute('loading');
      if (el.localName !== 'dash-callback') el.removeAttribute('aria-busy');
    } else {
      this.busy.set(el, count);
      el.setAttribute('loading', '');
      if (el.localName !== 'dash-callback') el.setAttribute('aria-busy', 'true');
    }
  }

  // Finding elements

  /**
   * Every element in scope with an object id, by canonical id, in document order. A malformed
   * JSON id is reported once (by a pattern-matching callback) and otherwise ignored.
   */
  private objectIndex(): Map<string, Element> {
    if (this.objectIds) return this.objectIds;
    const index = new Map<string, Element>();
    for (const el of this.root.querySelectorAll('[id^="{"]')) {
      const key = idKey(el.id);
      if (key !== null) {
        if (!index.has(key)) index.set(key, el);
      } else if (!this.reportedIds.has(el.id)) {
        this.reportedIds.add(el.id);
        const error = new Error(`the element id ${el.id} is not a valid JSON object id; it is ignored`);
        // Once per page: to the first pattern-matching callback.
        [...this.groups.values()].find((group) => group.matching)?.source.reportError(error);
      }
    }
    return (this.objectIds = index);
  }

  /** Whether `el` is in the page and inside this scope (an element wired here is still in place). */
  private holds(el: Element): boolean {
    return el.isConnected && this.root.contains(el);
  }

  private lookup(id: string): Element | null {
    if (id.startsWith('{')) return this.objectIndex().get(id) ?? null;
    const root = this.root;
    if (!(root instanceof HTMLElement)) return root.getElementById(id);
    // A <dash-app>: ids are looked up inside it (several apps may reuse one id).
    const candidate = (root.getRootNode() as Document | ShadowRoot).getElementById(id);
    if (candidate && root.contains(candidate)) return candidate;
    return root.querySelector(`[id="${CSS.escape(id)}"]`);
  }

  /** Finds each element a registration names; wires it when all are there. */
  private resolve(registration: Registration): void {
    const { deps, bound } = registration;
    // What each of deps resolves to (undefined when missing), found once and used for all below.
    const found: Array<Element | undefined> = [];
    let missing: string[] | undefined;
    for (const { id } of deps) {
      let el = this.elements.get(id);
      if (!el || !el.isConnected) {
        el = this.lookup(id) ?? undefined;
        if (el) this.elements.set(id, el);
        else this.elements.delete(id);
      }
      found.push(el);
      if (!el) (missing ??= []).push(id);
      else if (el.localName.includes('-') && !customElements.get(el.localName)) {
        // Not upgraded yet: its properties are not real until it is defined.
        (missing ??= []).push(id);
        customElements.whenDefined(el.localName).then(() => this.recheck(id));
      }
    }
    registration.missing = missing ?? NONE_MISSING;
    const ready = !missing && registration.source.runnable;
    // A replaced element is a new element: unwire so that wiring again makes the initial call.
    const replaced = bound !== undefined && found.some((el, i) => el !== bound[i]);
    if (replaced || !ready) {
      this.runtime.setHostReady(registration.handle, false);
      registration.bound = undefined;
    }
    if (ready) {
      // Its elements' changes reach onChangeEvent, which finds it by id: no listener of its own.
      const elements = (registration.bound = found as Element[]);
      const { inputs, outputs, state } = registration;
      for (let i = 0; i < inputs.length; i++) announceChanges(elements[i], inputs[i].prop);
      for (let i = 0, at = inputs.length + outputs.length; i < state.length; i++) announceChanges(elements[at + i], state[i].prop);
    }
    this.runtime.setHostReady(registration.handle, ready);
    if (missing) this.reportMissingLater(registration);
  }

  /**
   * Ids still missing once the page has loaded (and two frames more, for late renders) are
   * reported once per callback; the callback keeps waiting for them (docs/callbacks.md).
   */
  private reportMissingLater(registration: Registration): void {
    // A Dash app loaded by `<dash-app src>` names ids of pages not shown yet; Dash waits for them silently.
    if (registration.missingReported || (this.root instanceof HTMLElement && this.root.hasAttribute('src'))) return;
    registration.missingReported = true;
    const check = () =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const missing = [...new Set(registration.missing)].filter((id) => !this.lookup(id));
          if (missing.length === 0 || registration.removed) return;
          registration.source.reportError(
            new Error(`no element with id ${missing.map((id) => (id.startsWith('{') ? id : `"${id}"`)).join(', ')} in this ${this.root instanceof HTMLElement ? '<dash-app>' : 'page'} yet; the callback waits for it`),
          );
        }),
      );
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  /** The callback's function or endpoint came or went. */
  refresh(source: CallbackSource): void {
    const group = this.groups.get(source);
    if (group) for (const registration of registrationsOf(group)) this.resolve(registration);
  }

  private recheck(id: string): void {
    for (const registration of this.users.get(id)) this.resolve(registration);
  }

  /** Hears the changes bound inputs announce (onChangeEvent). */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    for (const type of CHANGE_EVENTS) this.root.addEventListener(type, this.onChangeEvent, true);
  }

  /** Follows elements that change id and (`all`) that come and go (onMutations). */
  private observe(what: 'ids' | 'all'): void {
    if (this.watching === what || this.watching === 'all') return;
    this.watching = what;
    const target = this.root instanceof Document ? this.root.documentElement ?? this.root : this.root;
    // Observing the same target again replaces the options; records already queued stay.
    this.observer.observe(target, { childList: what === 'all', subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['id'] });
  }

  private unobserve(): void {
    this.observer.disconnect();
    this.watching = 'none';
    this.listening = false;
    for (const type of CHANGE_EVENTS) this.root.removeEventListener(type, this.onChangeEvent, true);
  }

  /**
   * Every change a bound input announces, heard once at the scope's root: in the capture phase, so
   * that an event that does not bubble, or that the page stops, still counts (docs/callbacks.md,
   * "Wiring and scale"). The element's id finds the callbacks that read it.
   */
  private readonly onChangeEvent = (event: Event): void => {
    const origin = event.composedPath()[0];
    if (!(origin instanceof Element) || !origin.id) return;
    const id = idKey(origin.id);
    if (id === null) return;
    for (const registration of this.users.get(id)) {
      const { inputs } = registration;
      // Read afresh each time: a callback run by the previous change may have unwired it.
      for (let i = 0; i < inputs.length; i++) {
        if (registration.bound?.[i] !== origin) continue;
        const value = announcedValue(event, origin, inputs[i].prop);
        if (value !== NOT_ANNOUNCED) this.runtime.changed(inputs[i], value);
      }
    }
  };

  /** Elements that appeared, left, or changed id: rewire the callbacks that name them. */
  private onMutations(records: MutationRecord[]): void {
    const touched = new Set<string>();
    let objectIdsChanged = false;
    // An id matters when a callback names it, unless the element is the one already wired and
    // still in place (the common case when a page inserts its layout and callbacks together).
    const check = (el: Element) => {
      if (!el.id) return;
      if (el.id.startsWith('{')) objectIdsChanged = true;
      const key = idKey(el.id);
      if (key === null || !this.users.has(key)) return;
      if (this.elements.get(key) === el && this.holds(el)) return;
      touched.add(key);
    };
    const note = (node: Node) => {
      if (!(node instanceof Element)) return;
      check(node);
      if (node.firstElementChild) for (const child of node.querySelectorAll('[id]')) check(child);
    };
    for (const record of records) {
      if (record.type === 'attributes') {
        const old = record.oldValue;
        if (old?.startsWith('{') || (record.target as Element).id.startsWith('{')) objectIdsChanged = true;
        const oldKey = old ? idKey(old) : null;
        if (oldKey && this.users.has(oldKey)) touched.add(oldKey);
        const key = record.target instanceof Element ? idKey(record.target.id) : null;
        if (key && this.users.has(key)) touched.add(key);
      } else {
        // Index loops: a page that writes 10,000 outputs at once brings as many records.
        const { removedNodes, addedNodes } = record;
        for (let i = 0; i < removedNodes.length; i++) note(removedNodes[i]);
        for (let i = 0; i < addedNodes.length; i++) note(addedNodes[i]);
      }
    }
    if (objectIdsChanged) {
      this.objectIds = undefined;
      for (const group of [...this.groups.values()]) if (group.matching) this.expand(group, group.source.preventInitialCall);
    }
    for (const id of touched) {
      const known = this.elements.get(id);
      const current = this.lookup(id);
      if (known === current && current) continue;
      this.recheck(id);
    }
  }
}

/** A call's values per output slot → one per concrete output (as they are, for a plain callback with one value per output). */
function flatOutputs(registration: Registration, values: unknown[]): unknown[] {
  return registration.plain && values.length === registration.outputs.length ? values : flattenValues(registration.expansion.outputs, values);
}

const signatureOf = (expansion: Expansion) =>
  [expansion.inputs, expansion.outputs, expansion.state].map((slots) => flatDeps(slots).map(depKey).join(',')).join('|');
