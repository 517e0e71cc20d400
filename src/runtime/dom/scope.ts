/**
 * The DOM side of the runtime: one scope per `<dash-app>` (or document / shadow root without
 * one). It finds the elements callbacks name, watches their inputs, writes their outputs, keeps
 * loading states, and follows elements and callbacks that come and go (SPEC §3.6, §4 rules 9, 13).
 * What runs when is decided by the pure CallbackRuntime.
 */
import type { Dependency } from '../dependency.js';
import { camelProp } from '../dependency.js';
import { CallbackRuntime, type CallbackCall, type CallbackHandle, type RuntimeHost } from '../runtime.js';
import { checkProp, readProp, watchProp, writeProp } from './dom-props.js';

/** What a scope needs from a `<dash-callback>`. */
export interface CallbackSource extends HTMLElement {
  readonly inputDeps: Dependency[];
  readonly outputDeps: Dependency[];
  readonly stateDeps: Dependency[];
  readonly runningDeps: Dependency[];
  readonly callbackName: string;
  readonly preventInitialCall: boolean;
  readonly debounce: number;
  /** Has a function or endpoint to call; until it does, the callback waits. */
  readonly runnable: boolean;
  run(call: CallbackCall, scope: CallbackScope): unknown[] | Promise<unknown[]>;
  reportError(error: Error): void;
}

type ScopeRoot = Document | ShadowRoot | HTMLElement;

interface Registration {
  source: CallbackSource;
  handle: CallbackHandle;
  deps: Dependency[];
  missing: Set<string>;
  /** The element each id resolved to when last wired. */
  bound: Map<string, Element>;
  missingReported?: boolean;
  /** Removes this registration's input listeners. */
  unwatch: Array<() => void>;
}

const scopes = new WeakMap<ScopeRoot, CallbackScope>();

/** The scope a callback belongs to: its nearest `<dash-app>`, else its document or shadow root. */
export function scopeOf(el: Element): CallbackScope {
  const root: ScopeRoot = (el.parentElement?.closest('dash-app') as HTMLElement | null) ?? (el.getRootNode() as Document | ShadowRoot);
  let scope = scopes.get(root);
  if (!scope) scopes.set(root, (scope = new CallbackScope(root)));
  return scope;
}

export class CallbackScope implements RuntimeHost {
  readonly runtime = new CallbackRuntime(this);
  private readonly registrations = new Map<CallbackSource, Registration>();
  private readonly byHandle = new Map<CallbackHandle, Registration>();
  /** Elements found, by id. */
  private readonly elements = new Map<string, Element>();
  /** Registrations that name each id. */
  private readonly users = new Map<string, Set<Registration>>();
  /** Busy callbacks per element, for `loading` / `aria-busy`. */
  private readonly busy = new Map<Element, number>();
  private readonly observer: MutationObserver;
  private observing = false;

  constructor(private readonly root: ScopeRoot) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  register(source: CallbackSource): void {
    this.unregister(source);
    const deps = [...source.inputDeps, ...source.outputDeps, ...source.stateDeps, ...source.runningDeps];
    const handle = this.runtime.register({
      name: source.callbackName,
      inputs: source.inputDeps,
      outputs: source.outputDeps,
      state: source.stateDeps,
      preventInitialCall: source.preventInitialCall,
      debounce: source.debounce,
      invoke: (call) => source.run(call, this),
    });
    const registration: Registration = { source, handle, deps, missing: new Set(), bound: new Map(), unwatch: [] };
    this.registrations.set(source, registration);
    this.byHandle.set(handle, registration);
    for (const id of new Set(deps.map((d) => d.id))) {
      let set = this.users.get(id);
      if (!set) this.users.set(id, (set = new Set()));
      set.add(registration);
    }
    this.resolve(registration);
    this.observe();
  }

  unregister(source: CallbackSource): void {
    const registration = this.registrations.get(source);
    if (!registration) return;
    this.registrations.delete(source);
    registration.unwatch.forEach((off) => off());
    // While still known by handle, so that a call it drops clears its loading state.
    this.runtime.unregister(registration.handle);
    this.byHandle.delete(registration.handle);
    for (const { id } of registration.deps) {
      const set = this.users.get(id);
      set?.delete(registration);
      if (set?.size === 0) {
        this.users.delete(id);
        this.elements.delete(id);
      }
    }
    if (this.registrations.size === 0) {
      this.observer.disconnect();
      this.observing = false;
      scopes.delete(this.root);
    }
  }

  /** `ctx.setProps(id, props)`: writes props of any element in scope, as a change callbacks see. */
  setProps(id: string, props: Record<string, unknown>): void {
    this.setPropsOf({ [id]: props });
  }

  /**
   * Writes props of several elements (an endpoint's `sideUpdate`). All or nothing: a missing id or
   * a refused prop (docs/callbacks.md) throws before anything is written.
   */
  setPropsOf(updates: Record<string, Record<string, unknown>>): void {
    const writes: Array<{ el: Element; id: string; prop: string; value: unknown }> = [];
    for (const [id, props] of Object.entries(updates)) {
      const el = this.lookup(id);
      if (!el) throw new Error(`setProps: no element with id "${id}" in this scope`);
      for (const [prop, value] of Object.entries(props)) {
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
    writeProp(this.elements.get(dep.id)!, dep.prop, value);
  }

  /**
   * A call that returned a promise is running: loading states, `running` props and
   * `dash-callback-start`. A call that returned at once was never visibly running, so it gets none.
   */
  onStart(handle: CallbackHandle, pending: boolean): void {
    const source = pending ? this.byHandle.get(handle)?.source : undefined;
    if (!source) return;
    this.setBusy(source, +1);
    for (const dep of source.outputDeps) this.setBusy(this.elements.get(dep.id), +1, dep.prop);
    this.setRunning(source, true);
    source.dispatchEvent(new CustomEvent('dash-callback-start', { bubbles: true, composed: true, detail: { outputs: source.callbackName } }));
  }

  onEnd(handle: CallbackHandle, pending: boolean): void {
    const source = pending ? this.byHandle.get(handle)?.source : undefined;
    if (!source) return;
    this.setBusy(source, -1);
    for (const dep of source.outputDeps) this.setBusy(this.elements.get(dep.id), -1, dep.prop);
    this.setRunning(source, false);
    source.dispatchEvent(new CustomEvent('dash-callback-end', { bubbles: true, composed: true, detail: { outputs: source.callbackName } }));
  }

  onError(handle: CallbackHandle, error: Error): void {
    this.byHandle.get(handle)?.source.reportError(error);
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
      const detail = { prop: camelProp(prop), loading: delta > 0 };
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

  private lookup(id: string): Element | null {
    const root = this.root;
    if (!(root instanceof HTMLElement)) return root.getElementById(id);
    // A <dash-app>: ids are looked up inside it (several apps may reuse one id).
    const candidate = (root.getRootNode() as Document | ShadowRoot).getElementById(id);
    if (candidate && root.contains(candidate)) return candidate;
    return root.querySelector(`[id="${CSS.escape(id)}"]`);
  }

  /** Finds each element a registration names; wires it when all are there. */
  private resolve(registration: Registration): void {
    registration.missing.clear();
    for (const { id } of registration.deps) {
      let el: Element | null | undefined = this.elements.get(id);
      if (!el || !el.isConnected) {
        el = this.lookup(id);
        if (el) this.elements.set(id, el);
        else this.elements.delete(id);
      }
      if (!el) registration.missing.add(id);
      else if (el.localName.includes('-') && !customElements.get(el.localName)) {
        // Not upgraded yet: its properties are not real until it is defined.
        registration.missing.add(id);
        customElements.whenDefined(el.localName).then(() => this.recheck(id));
      }
    }
    registration.unwatch.forEach((off) => off());
    registration.unwatch = [];
    const ready = registration.missing.size === 0 && registration.source.runnable;
    // A replaced element is a new element: unwire so that wiring again makes the initial call.
    const replaced = [...registration.bound].some(([id, el]) => this.elements.get(id) !== el);
    if (replaced || !ready) {
      this.runtime.setHostReady(registration.handle, false);
      registration.bound.clear();
    }
    if (ready) {
      for (const { id } of registration.deps) registration.bound.set(id, this.elements.get(id)!);
      for (const dep of [...registration.source.inputDeps, ...registration.source.stateDeps]) {
        const el = this.elements.get(dep.id)!;
        if (registration.source.inputDeps.includes(dep)) {
          registration.unwatch.push(watchProp(el, dep.prop, (value) => this.runtime.changed(dep, value)));
        } else if (camelProp(dep.prop) === 'nClicks') {
          registration.unwatch.push(watchProp(el, dep.prop, () => {}));
        }
      }
    }
    this.runtime.setHostReady(registration.handle, ready);
    if (registration.missing.size > 0) this.reportMissingLater(registration);
  }

  /**
   * Ids still missing once the page has loaded (and two frames more, for late renders) are
   * reported once per callback; the callback keeps waiting for them (SPEC §4 rule 13).
   */
  private reportMissingLater(registration: Registration): void {
    // A Dash app loaded by `<dash-app src>` names ids of pages not shown yet; Dash waits for them silently.
    if (registration.missingReported || (this.root instanceof HTMLElement && this.root.hasAttribute('src'))) return;
    registration.missingReported = true;
    const check = () =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const missing = [...registration.missing].filter((id) => !this.lookup(id));
          if (missing.length === 0 || this.registrations.get(registration.source) !== registration) return;
          registration.source.reportError(
            new Error(`no element with id ${missing.map((id) => `"${id}"`).join(', ')} in this ${this.root instanceof HTMLElement ? '<dash-app>' : 'page'} yet; the callback waits for it`),
          );
        }),
      );
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  /** The callback's function or endpoint came or went. */
  refresh(source: CallbackSource): void {
    const registration = this.registrations.get(source);
    if (registration) this.resolve(registration);
  }

  private recheck(id: string): void {
    for (const registration of this.users.get(id) ?? []) this.resolve(registration);
  }

  private observe(): void {
    if (this.observing) return;
    this.observing = true;
    const target = this.root instanceof Document ? this.root.documentElement ?? this.root : this.root;
    this.observer.observe(target, { childList: true, subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['id'] });
  }

  /** Elements that appeared, left, or changed id: rewire the callbacks that name them. */
  private onMutations(records: MutationRecord[]): void {
    const touched = new Set<string>();
    // An id matters when a callback names it, unless the element is the one already wired and
    // still in place (the common case when a page inserts its layout and callbacks together).
    const check = (el: Element) => {
      if (!el.id || !this.users.has(el.id)) return;
      if (this.elements.get(el.id) === el && el.isConnected && this.root.contains(el)) return;
      touched.add(el.id);
    };
    const note = (node: Node) => {
      if (!(node instanceof Element)) return;
      check(node);
      if (node.firstElementChild) for (const child of node.querySelectorAll('[id]')) check(child);
    };
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.oldValue && this.users.has(record.oldValue)) touched.add(record.oldValue);
        if (record.target instanceof Element && this.users.has(record.target.id)) touched.add(record.target.id);
      } else {
        record.removedNodes.forEach(note);
        record.addedNodes.forEach(note);
      }
    }
    for (const id of touched) {
      const known = this.elements.get(id);
      const current = this.lookup(id);
      if (known === current && current) continue;
      this.recheck(id);
    }
  }
}

