/**
 * What a callback is called with and what it may return, the same in the page and in
 * `dash-elements/server` (docs/callbacks.md): the `ctx` shape, Dash's `callback_context`, and the
 * rule "one value per output". No DOM here.
 */
import { type Dependency, depText, idValue } from './dependency.js';
import { NO_UPDATE } from './sentinels.js';
import { type Expansion, type WireEntry, flatDeps, wireSlots } from './patterns.js';

export type { WireEntry };

/** An input that changed, as `ctx.triggered` lists it. */
export interface TriggeredInput {
  /** The id as the callback names it (an object id as its JSON text). */
  id: string;
  prop: string;
  /** Dash's spelling, `"id.prop"`. */
  prop_id: string;
  value: unknown;
}

/** The last argument of every callback function, page or server: Dash's `callback_context`. */
export interface CallbackContext {
  /** The inputs that changed (`[]` on an initial call). */
  triggered: TriggeredInput[];
  /** The id of the first changed input (an object for an object id), or null on an initial call (Dash's None). */
  triggeredId: string | Record<string, unknown> | null;
  /** Every input value, by `"id.prop"` as the callback names it. */
  inputs: Record<string, unknown>;
  /** Every state value, by `"id.prop"`. */
  state: Record<string, unknown>;
  /**
   * Dash's `inputs_list`, `states_list`, `outputs_list`: one `{id, property, value}` per
   * dependency (ids as objects for object ids), a list of them for ALL/ALLSMALLER.
   */
  inputsList: Array<WireEntry | WireEntry[]>;
  stateList: Array<WireEntry | WireEntry[]>;
  /** As Dash: the one output's entry (a list for one ALL output), or a list for several. */
  outputsList: WireEntry | Array<WireEntry | WireEntry[]>;
  /** Aborted when the call is superseded (page) or the client goes away (server). */
  signal: AbortSignal;
  /** Side updates to components that are not outputs (Dash's `set_props`); what reads them runs as usual. An object id may be given as an object. */
  setProps(id: string | Record<string, unknown>, props: Record<string, unknown>): void;
}

/** One call of a callback as its function or endpoint sees it (page side). */
export interface CallbackInvocation {
  /** One argument per input (an array for ALL/ALLSMALLER). */
  inputs: unknown[];
  state: unknown[];
  /** The concrete dependencies this call stands for. */
  expansion: Expansion;
  /** The inputs' and state's values, one per concrete dependency. */
  flatInputs: unknown[];
  flatState: unknown[];
  triggered: TriggeredInput[];
  signal: AbortSignal;
}

/** The page's `ctx` for one call; the lists and maps are built only when read. */
export function contextFor(call: CallbackInvocation, setProps: CallbackContext['setProps']): CallbackContext {
  return new PageContext(call, setProps);
}

/**
 * A class, not an object literal with getters: such a literal costs ten times more to make, and
 * a page wiring 10,000 callbacks makes one per initial call.
 */
class PageContext implements CallbackContext {
  readonly triggered: TriggeredInput[];
  readonly triggeredId: CallbackContext['triggeredId'];

  constructor(
    private readonly call: CallbackInvocation,
    readonly setProps: CallbackContext['setProps'],
  ) {
    this.triggered = call.triggered;
    this.triggeredId = triggeredIdOf(call.triggered);
  }

  get inputs() {
    return valuesByPropId(flatDeps(this.call.expansion.inputs), this.call.flatInputs);
  }
  get state() {
    return valuesByPropId(flatDeps(this.call.expansion.state), this.call.flatState);
  }
  get inputsList() {
    return wireSlots(this.call.expansion.inputs, this.call.flatInputs);
  }
  get stateList() {
    return wireSlots(this.call.expansion.state, this.call.flatState);
  }
  get outputsList() {
    const list = wireSlots(this.call.expansion.outputs);
    return list.length === 1 ? list[0] : list;
  }
  get signal() {
    return this.call.signal;
  }
}

/** `{id, prop, prop_id, value}` for one changed input, in the callback's spelling. */
export function triggeredInput(dep: Dependency, value: unknown): TriggeredInput {
  return { id: dep.id, prop: dep.prop, prop_id: depText(dep), value };
}

/** `ctx.triggeredId`: the first triggered input's id, as Dash's `ctx.triggered_id`. */
export function triggeredIdOf(triggered: readonly TriggeredInput[]): CallbackContext['triggeredId'] {
  return triggered.length ? idValue(triggered[0].id) : null;
}

/** `{"id.prop": value}` for `ctx.inputs` / `ctx.state`. */
export function valuesByPropId(deps: readonly Dependency[], values: readonly unknown[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  deps.forEach((dep, i) => (result[depText(dep)] = values[i]));
  return result;
}

/**
 * One value per output: a callback with one output (not written as a list) returns its value; one
 * with a list of outputs returns an array as long as the list, or `NO_UPDATE` alone for "leave
 * them all"; one without outputs returns nothing (undefined, null). Throws a TypeError otherwise.
 */
export function valuesPerOutput(result: unknown, outputCount: number, list = outputCount > 1): unknown[] {
  if (outputCount === 0) {
    // As Dash: a callback without outputs works through ctx.setProps and returns nothing.
    if (result !== undefined && result !== null && result !== NO_UPDATE) {
      throw new TypeError(`a callback without outputs returned ${describeValue(result)}; it should return nothing (use ctx.setProps)`);
    }
    return [];
  }
  if (!list) return [result];
  if (result === NO_UPDATE) return new Array<unknown>(outputCount).fill(NO_UPDATE);
  if (!Array.isArray(result) || result.length !== outputCount) {
    throw new TypeError(`expected an array of ${outputCount} values (one per output), got ${describeValue(result)}`);
  }
  return result;
}

/** A short description of a value for messages: its type, or an array's length. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
