/**
 * The callback runtime (docs/callbacks.md), free of any element: it decides which callbacks run, when,
 * and with what, and applies their results through a host that reads and writes properties.
 *
 * A change marks its readers *waiting* and every callback downstream of them too, so nothing
 * below runs before everything above it has settled (glitch-free, rule 6). A waiting callback is
 * released when none of its producers is waiting or running; it then runs if one of its inputs
 * really changed (or it owes its initial call), and is skipped otherwise. A callback triggered
 * while it runs has its call aborted and its result dropped (latest wins, rule 7). All of it
 * costs what the touched chain costs (rule 14).
 */
import { deepEqual } from '../internal/deep-equal.js';
import type { Dependency } from './dependency.js';
import { type TriggeredInput, triggeredInput } from './context.js';
import { CallbackGraph, type Prop, UNSEEN } from './callback-graph.js';
import { NO_UPDATE, isPreventUpdate } from './sentinels.js';
import { applyPatch, isPatch } from './patch.js';
import { membersOf } from './multi-map.js';

export type { TriggeredInput };

/** What a callback is called with. */
export interface CallbackCall {
  inputs: unknown[];
  state: unknown[];
  /** The inputs that changed since the last call; empty on an initial call. */
  triggered: TriggeredInput[];
  /** Aborted when this call is superseded by a newer trigger. */
  signal: AbortSignal;
}

export interface CallbackDefinition {
  /** How the callback is named in messages (its outputs, as Dash names them). */
  name: string;
  inputs: Dependency[];
  outputs: Dependency[];
  state: Dependency[];
  preventInitialCall?: boolean;
  /** Milliseconds of quiet to wait after a trigger before calling (not for initial calls). */
  debounce?: number;
  /** Runs the callback: one value per output (NO_UPDATE allowed); may throw PreventUpdate. */
  invoke(call: CallbackCall): unknown[] | Promise<unknown[]>;
}

/** How the runtime touches the world. The DOM binding implements it; tests use a plain map. */
export interface RuntimeHost {
  read(dep: Dependency): unknown;
  /** Throws to reject a value (e.g. an element refuses it); nothing is written then. */
  check?(dep: Dependency, value: unknown): void;
  /** Writes a value `check` has let through. */
  write(dep: Dependency, value: unknown): void;
  /**
   * A call began; `pending` is true when it returned a promise (a call that returned at once
   * never shows a loading state). Every onStart is followed by one onEnd with the same flag.
   */
  onStart?(callback: CallbackHandle, pending: boolean): void;
  onEnd?(callback: CallbackHandle, pending: boolean): void;
  onError?(callback: CallbackHandle, error: Error): void;
}

export class CycleError extends Error {
  constructor(readonly cycle: string) {
    super(`Circular dependency: ${cycle}`);
    this.name = 'CycleError';
  }
}

type Status = 'idle' | 'waiting' | 'running';

/**
 * One call in flight, and what the callback is called with. Its AbortController is made only if
 * the callback asks for the signal. (A class: an object literal with a getter costs ten times
 * more to make, once per call.)
 */
class Run implements CallbackCall {
  private controller: AbortController | undefined;
  private aborted = false;

  /** Set by the runtime as it starts the call (no placeholder arrays made per call). */
  inputs!: unknown[];
  state!: unknown[];

  constructor(readonly triggered: TriggeredInput[]) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(supersededReason());
    }
    return this.controller.signal;
  }

  abort(): void {
    this.aborted = true;
    this.controller?.abort(supersededReason());
  }
}

const supersededReason = () => new DOMException('Superseded by a newer call', 'AbortError');

const NOTHING_TRIGGERED: readonly TriggeredInput[] = Object.freeze([]);

/** A registered callback. Only the runtime changes its fields. */
export class CallbackHandle {
  /** The properties it reads and writes, in order (records kept by the runtime's graph). */
  readonly inputProps: Prop<CallbackHandle>[];
  readonly outputProps: Prop<CallbackHandle>[];
  /** Host says every element it names exists. */
  hostReady = false;
  /** In a cycle: never runs. */
  cyclic = false;
  /** Wired and running on changes (hostReady && !cyclic, after a flush). */
  active = false;
  status: Status = 'idle';
  /** Producers of its inputs that are waiting or running; made on first use, as most callbacks of a big page never wait. */
  private blockers: Set<CallbackHandle> | undefined;
  /** Inputs changed since its last call, by property; made on first use too. */
  private changes: Map<Prop<CallbackHandle>, TriggeredInput> | undefined;
  owesInitialCall = false;
  notBefore = 0;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The call in flight, if any. */
  run: Run | undefined;
  /** The running call returned a promise. */
  pending = false;
  /** Kept by the graph (CallbackGraph). */
  consumerCache?: ReadonlySet<CallbackHandle>;
  producerCache?: ReadonlySet<CallbackHandle>;

  constructor(
    readonly definition: CallbackDefinition,
    graph: CallbackGraph<CallbackHandle>,
  ) {
    this.inputProps = definition.inputs.map((dep) => graph.prop(dep));
    this.outputProps = definition.outputs.map((dep) => graph.prop(dep));
  }

  get name(): string {
    return this.definition.name;
  }

  /** The first input reading `prop`, for `triggered` in the page's spelling and input order (lists are short: no map per callback). */
  inputPosition(prop: Prop<CallbackHandle>): number {
    return this.inputProps.indexOf(prop);
  }

  get blocked(): boolean {
    return !!this.blockers?.size;
  }

  blockBy(producer: CallbackHandle): void {
    (this.blockers ??= new Set()).add(producer);
  }

  /** True when that was its last blocker. */
  unblockBy(producer: CallbackHandle): boolean {
    return !!this.blockers?.delete(producer) && !this.blockers.size;
  }

  get hasChanges(): boolean {
    return !!this.changes?.size;
  }

  noteChange(prop: Prop<CallbackHandle>, input: TriggeredInput): void {
    (this.changes ??= new Map()).set(prop, input);
  }

  /** The changed inputs in input order, once each (one element may feed two inputs, e.g. MATCH and ALL); forgets them. */
  takeChanges(): TriggeredInput[] {
    if (!this.hasChanges) return NOTHING_TRIGGERED as TriggeredInput[];
    const triggered = [...this.changes!].sort(([a], [b]) => this.inputPosition(a) - this.inputPosition(b)).map(([, input]) => input);
    this.changes!.clear();
    return triggered;
  }

  /** Unwired: forgets what it waited for and what changed. */
  forget(): void {
    this.blockers = this.changes = undefined;
  }
}

export class CallbackRuntime {
  /** Who reads and writes each property; a property a callback reads also keeps the last value seen, so deep-equal changes trigger nothing. */
  private readonly graph = new CallbackGraph<CallbackHandle>();
  private queue: CallbackHandle[] = [];
  private queueHead = 0;
  private pumping = false;
  private graphDirty = false;
  private flushScheduled = false;
  private readonly reportedCycles = new Set<string>();
  /** Callbacks that may be wired at the next flush (made ready, or out of a cycle): it looks at these, not at every callback. */
  private mayActivate: CallbackHandle[] = [];
  /** Callbacks found in a cycle, until a flush finds them out of it. */
  private readonly inCycles = new Set<CallbackHandle>();
  /** Callbacks registered since the last cycle check: a new cycle goes through one of them. */
  private uncheckedForCycles: CallbackHandle[] = [];

  constructor(private readonly host: RuntimeHost) {}

  /** Adds a callback. It is wired at the next flush once the host marks it ready. */
  register(definition: CallbackDefinition): CallbackHandle {
    const handle = new CallbackHandle(definition, this.graph);
    this.graph.add(handle);
    this.uncheckedForCycles.push(handle);
    this.graphDirty = true;
    this.scheduleFlush();
    return handle;
  }

  unregister(handle: CallbackHandle): void {
    this.deactivate(handle);
    this.graph.remove(handle);
    this.inCycles.delete(handle);
    this.graphDirty = true;
    this.scheduleFlush();
  }

  /** The host tells whether every element the callback names is present. */
  setHostReady(handle: CallbackHandle, ready: boolean): void {
    if (handle.hostReady === ready) return;
    handle.hostReady = ready;
    if (ready) this.mayActivate.push(handle);
    else this.deactivate(handle);
    this.scheduleFlush();
  }

  /**
   * An outside change (a person, outside code, an element's own correction). Deep-equal values
   * are ignored; anything else triggers the callbacks that read it.
   */
  changed(dep: Dependency, value: unknown): void {
    const prop = this.graph.find(dep);
    if (prop?.readers === undefined || (prop.known !== UNSEEN && deepEqual(prop.known, value))) return;
    prop.known = value;
    this.propagate(prop, value, undefined);
    this.pump();
  }

  /** Applies pending registrations: cycle check, wiring, initial calls. Runs on its own a microtask later. */
  flush(): void {
    this.flushScheduled = false;
    if (this.graphDirty) {
      this.graphDirty = false;
      this.checkCycles();
    }
    const activated: CallbackHandle[] = [];
    const candidates = this.mayActivate;
    this.mayActivate = [];
    for (const handle of candidates) {
      if (handle.active || !handle.hostReady || handle.cyclic || !this.graph.has(handle)) continue;
      // Marked now: a callback made ready twice before this flush is activated once.
      handle.active = true;
      activated.push(handle);
    }
    for (const handle of activated) {
      // The values seen last, to tell a change from the same value again; a callback about to
      // make its initial call notes them as it reads them (start).
      if (handle.definition.preventInitialCall) this.noteKnown(handle, handle.definition.inputs.map((dep) => this.host.read(dep)));
      for (const producer of this.graph.producers(handle)) if (producer.status !== 'idle') handle.blockBy(producer);
    }
    for (const handle of activated) {
      if (handle.definition.preventInitialCall) continue;
      handle.owesInitialCall = true;
      this.markWaiting(handle);
      this.enqueue(handle);
    }
    this.pump();
  }

  /** Remembers the values of a callback's inputs not seen before. */
  private noteKnown(handle: CallbackHandle, values: unknown[]): void {
    for (let i = 0; i < values.length; i++) {
      const prop = handle.inputProps[i];
      if (prop.known === UNSEEN) prop.known = values[i];
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flushScheduled && this.flush());
  }

  /**
   * Finds the cycles: a new one goes through a callback registered since the last check, and a
   * removal can only break the known ones, so the search starts from those alone (adding one
   * callback to a page of 10,000 looks at what it reaches, not at every callback).
   */
  private checkCycles(): void {
    const roots = [...this.uncheckedForCycles, ...this.inCycles];
    this.uncheckedForCycles = [];
    const inCycle = new Set<CallbackHandle>();
    for (const { members, loop } of this.graph.findCycles(roots)) {
      const description = this.graph.describeLoop(loop);
      // Found before (from another start, so described from another member): not reported again.
      const known = members.every((member) => member.cyclic);
      for (const member of members) {
        inCycle.add(member);
        if (!member.cyclic) this.deactivate(member);
        member.cyclic = true;
        this.inCycles.add(member);
      }
      if (!known && !this.reportedCycles.has(description)) {
        this.reportedCycles.add(description);
        for (const member of members) this.host.onError?.(member, new CycleError(description));
      }
    }
    for (const handle of this.inCycles) {
      if (inCycle.has(handle)) continue;
      handle.cyclic = false;
      this.inCycles.delete(handle);
      this.mayActivate.push(handle);
    }
  }

  /** `prop` now holds `value`: its readers (but `source`, rule 11) must run again. */
  private propagate(prop: Prop<CallbackHandle>, value: unknown, source: CallbackHandle | undefined): void {
    for (const reader of membersOf(prop.readers)) {
      if (reader === source || !reader.active) continue;
      const dep = reader.definition.inputs[reader.inputPosition(prop)];
      reader.noteChange(prop, triggeredInput(dep, value));
      this.trigger(reader);
    }
  }

  private trigger(handle: CallbackHandle): void {
    if (handle.status === 'running') {
      // Latest wins: the running call is dropped; this one takes its place.
      this.abortRun(handle);
      handle.status = 'waiting';
    } else if (handle.status === 'idle') {
      this.markWaiting(handle);
    }
    const debounce = handle.definition.debounce ?? 0;
    if (debounce > 0) {
      handle.notBefore = Date.now() + debounce;
      stopTimer(handle);
      handle.timer = setTimeout(() => {
        handle.timer = undefined;
        handle.notBefore = 0;
        this.enqueue(handle);
        this.pump();
      }, debounce);
    }
    this.enqueue(handle);
  }

  /** Marks `start` waiting and blocks everything downstream of it until it settles. */
  private markWaiting(start: CallbackHandle): void {
    start.status = 'waiting';
    const stack = [start];
    while (stack.length) {
      const node = stack.pop()!;
      for (const consumer of this.graph.consumers(node)) {
        if (!consumer.active) continue;
        consumer.blockBy(node);
        if (consumer.status === 'idle') {
          consumer.status = 'waiting';
          stack.push(consumer);
        }
      }
    }
  }

  /** `handle` is done for this wave: unblock its consumers. */
  private settle(handle: CallbackHandle): void {
    if (handle.blocked) {
      handle.status = 'waiting';
      return;
    }
    handle.status = 'idle';
    for (const consumer of this.graph.consumers(handle)) {
      if (consumer.unblockBy(handle)) this.enqueue(consumer);
    }
  }

  private enqueue(handle: CallbackHandle): void {
    this.queue.push(handle);
  }

  /** Starts (or skips) every queued callback that is free to go. */
  private pump(): void {
    if (this.pumping) return; // a callback that sets props synchronously re-enters: the loop below picks it up
    this.pumping = true;
    try {
      while (this.queueHead < this.queue.length) {
        const handle = this.queue[this.queueHead++];
        if (!handle.active || handle.status !== 'waiting' || handle.blocked) continue;
        if (handle.notBefore > 0 && handle.notBefore > Date.now() && !handle.owesInitialCall) continue;
        if (!handle.hasChanges && !handle.owesInitialCall) this.settle(handle);
        else this.start(handle);
      }
    } finally {
      this.queue = [];
      this.queueHead = 0;
      this.pumping = false;
    }
  }

  private start(handle: CallbackHandle): void {
    const { definition } = handle;
    const triggered = handle.takeChanges();
    handle.owesInitialCall = false;
    handle.notBefore = 0;
    stopTimer(handle);
    handle.status = 'running';
    const run = new Run(triggered);
    handle.run = run;

    let result: unknown[] | Promise<unknown[]>;
    try {
      run.inputs = definition.inputs.map((dep) => this.host.read(dep));
      this.noteKnown(handle, run.inputs);
      run.state = definition.state.length ? definition.state.map((dep) => this.host.read(dep)) : [];
      result = definition.invoke(run);
    } catch (error) {
      this.host.onStart?.(handle, false);
      this.finish(handle, run, false, undefined, error);
      return;
    }
    // A call that returned at once is applied at once: no loading state, no extra task.
    const pending = isThenable(result);
    handle.pending = pending;
    this.host.onStart?.(handle, pending);
    if (!pending) {
      this.finish(handle, run, false, result as unknown[], undefined);
      return;
    }
    (result as Promise<unknown[]>).then(
      (values) => this.finish(handle, run, true, values, undefined),
      (error: unknown) => this.finish(handle, run, true, undefined, error),
    );
  }

  private finish(handle: CallbackHandle, run: Run, pending: boolean, values: unknown[] | undefined, error: unknown): void {
    if (handle.run !== run) return; // superseded or unwired: never applied
    handle.run = undefined;
    this.host.onEnd?.(handle, pending);
    if (error !== undefined) {
      if (!isPreventUpdate(error)) this.host.onError?.(handle, toError(error));
    } else if (values) {
      this.apply(handle, values);
    }
    this.settle(handle);
    this.pump();
  }

  /** Writes a call's outputs: all of them, or (if the host rejects one) none. */
  private apply(handle: CallbackHandle, values: unknown[]): void {
    const { outputs } = handle.definition;
    if (values.length !== outputs.length) {
      this.host.onError?.(handle, new Error(`expected ${outputs.length} output value(s), got ${values.length}`));
      return;
    }
    // Checked first, all of them, so that a refused value writes nothing. Index-based loops: this
    // runs once per call, 10,000 times when a page wires 10,000 callbacks.
    const writes = values.slice();
    try {
      for (let i = 0; i < writes.length; i++) {
        if (writes[i] === NO_UPDATE) continue;
        // A Patch is applied to the current value (never mutating it); the element gets the result.
        const value = writes[i];
        if (isPatch(value)) writes[i] = applyPatch(this.host.read(outputs[i]), value);
        this.host.check?.(outputs[i], writes[i]);
      }
    } catch (error) {
      this.host.onError?.(handle, toError(error));
      return;
    }
    let changed: number[] | undefined;
    for (let i = 0; i < writes.length; i++) {
      if (writes[i] === NO_UPDATE) continue;
      const dep = outputs[i];
      const prop = handle.outputProps[i];
      // Nothing reads most outputs: no change to look for (a reader added later reads it afresh).
      const read = prop.readers !== undefined;
      const before = read ? this.host.read(dep) : undefined;
      try {
        this.host.write(dep, writes[i]);
      } catch (error) {
        this.host.onError?.(handle, toError(error));
        continue;
      }
      if (!read) continue;
      const after = this.host.read(dep);
      writes[i] = after;
      prop.known = after;
      if (!deepEqual(before, after)) (changed ??= []).push(i);
    }
    for (const i of changed ?? []) this.propagate(handle.outputProps[i], writes[i], handle);
  }

  private abortRun(handle: CallbackHandle): void {
    const run = handle.run;
    if (!run) return;
    handle.run = undefined;
    run.abort();
    this.host.onEnd?.(handle, handle.pending);
  }

  /** Unwires a callback: drops its call, releases what it blocked. */
  private deactivate(handle: CallbackHandle): void {
    if (!handle.active) return;
    this.abortRun(handle);
    stopTimer(handle);
    handle.forget();
    handle.owesInitialCall = false;
    handle.status = 'idle';
    handle.active = false;
    for (const consumer of this.graph.consumers(handle)) {
      if (consumer.unblockBy(handle)) this.enqueue(consumer);
    }
    this.pump();
  }
}

/** Clears a debounce timer (most callbacks never have one: no call into the browser for them). */
function stopTimer(handle: CallbackHandle): void {
  if (handle.timer === undefined) return;
  clearTimeout(handle.timer);
  handle.timer = undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
