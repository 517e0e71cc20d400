/**
 * Dash's callback wire protocol (docs/server.md): the request a renderer POSTs to
 * `/_dash-update-component` and the answer it reads back. Pure data helpers with no DOM and no
 * Node APIs, shared by the browser transport and the Node server.
 */
import { isRecord } from '../internal/is-record.js';
import { type Dependency, DependencyError, canonicalId, depText, idValue, outputId, parseDependency, sameProp } from './dependency.js';

export { outputId };
import { NO_UPDATE } from './sentinels.js';
import { Patch, isWirePatch } from './patch.js';

export type { Dependency };

/** A dependency with its current value. */
export interface DependencyValue extends Dependency {
  value: unknown;
}

/** A dependency as Dash writes it on the wire (an object id as an object). */
export interface WireDependency {
  id: string | Record<string, unknown>;
  property: string;
}

export interface WireValue extends WireDependency {
  value: unknown;
}

/** The JSON body of `POST /_dash-update-component`, as Dash's renderer sends it. */
export interface CallbackRequest {
  /** `"a.b"` for one output, `"..a.b...c.d.."` for several. */
  output: string;
  /** One object for a single output, an array for several (a nested array for an ALL output); left out when there are none. */
  outputs?: WireDependency | Array<WireDependency | WireDependency[]>;
  /** One entry per input, a nested array for an ALL/ALLSMALLER input. */
  inputs: Array<WireValue | WireValue[]>;
  /** Left out when the callback has no state (as Dash's renderer does). */
  state?: Array<WireValue | WireValue[]>;
  /** `id.prop` of the inputs that changed; empty on an initial call. */
  changedPropIds: string[];
}

/** Props by component id: `{"sales-chart": {"figure": {...}}}`. */
export type PropsById = Record<string, Record<string, unknown>>;

/** The JSON answer of a current Dash server. */
export interface CallbackResponse {
  multi: true;
  response: PropsById;
  /** Dash's `set_props` side updates (props of components that are not outputs). */
  sideUpdate?: PropsById;
}

/** What a response means for the outputs that were asked for. */
export interface ParsedResponse {
  /** One entry per requested output, in order; `NO_UPDATE` where the answer left the output out. */
  values: unknown[];
  /** Side updates (`set_props` / `ctx.setProps`) by component id, when the answer has any. */
  sideUpdates?: PropsById;
}

/** A response that does not follow the protocol. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** `"id.prop"`, in the page's spelling. */
export const propId = depText;

/** Reads one `"id.prop"` from the wire (`changedPropIds`, `output`) with the shared parser; null when malformed. */
export function readPropId(text: string): Dependency | null {
  try {
    return parseDependency(text, 'id');
  } catch (error) {
    if (error instanceof DependencyError) return null;
    throw error;
  }
}

/** Reads an output id back: `"a.b"` → one dependency; `"..a.b...c.d.."` → several (`multi: true`). */
export function parseOutputId(text: string): { outputs: Dependency[]; multi: boolean } | null {
  const multi = text.length > 4 && text.startsWith('..') && text.endsWith('..');
  const parts = multi ? text.slice(2, -2).split('...') : [text];
  const outputs: Dependency[] = [];
  for (const part of parts) {
    const dep = readPropId(part);
    if (!dep) return null;
    outputs.push(dep);
  }
  return { outputs, multi };
}

const toWire = ({ id, prop }: Dependency): WireDependency => ({ id: idValue(id), property: prop });
const toWireValue = ({ id, prop, value }: DependencyValue): WireValue => ({
  id: idValue(id),
  property: prop,
  // JSON has no undefined: an unset property goes as null (Dash's None).
  value: value === undefined ? null : value,
});
const mapSlot = <T, U>(slot: T | readonly T[], fn: (item: T) => U): U | U[] => (Array.isArray(slot) ? (slot as readonly T[]).map(fn) : fn(slot as T));

/**
 * The text Dash hashes (SHA-256, hex) to name a callback without outputs: its inputs,
 * `"a.value.b.n_clicks"` (Dash's `create_callback_id`). The page and the server hash it with their
 * platform's SHA-256.
 */
export function noOutputIdSource(inputs: readonly Dependency[]): string {
  return inputs.map(propId).join('.');
}

/**
 * Builds the request body exactly as Dash's renderer does (state left out when there is none;
 * `outputs` left out when there are none). A list in `outputs`, `inputs` or `state` is an
 * ALL/ALLSMALLER dependency, sent as Dash's nested list.
 */
export function buildRequest(options: {
  outputs: ReadonlyArray<Dependency | readonly Dependency[]>;
  inputs: ReadonlyArray<DependencyValue | readonly DependencyValue[]>;
  state?: ReadonlyArray<DependencyValue | readonly DependencyValue[]>;
  changedPropIds: readonly string[];
  /** Dash's `output` id; by default made from `outputs` (give it for pattern and no-output callbacks). */
  output?: string;
  multi?: boolean;
}): CallbackRequest {
  const { outputs, inputs, state = [], changedPropIds } = options;
  const multi = options.multi ?? outputs.length > 1;
  const wireOutputs = outputs.map((slot) => mapSlot(slot, toWire));
  const body = {
    output: options.output ?? outputId(outputs.flat(), multi),
    outputs: multi ? wireOutputs : wireOutputs[0],
    inputs: inputs.map((slot) => mapSlot(slot, toWireValue)),
    changedPropIds: [...changedPropIds],
  } as CallbackRequest;
  if (body.outputs === undefined) delete (body as Partial<CallbackRequest>).outputs;
  if (state.length) body.state = state.map((slot) => mapSlot(slot, toWireValue));
  return body;
}

/** Dash serializes a stray `no_update` as this object. */
function isWireNoUpdate(v: unknown): boolean {
  return isRecord(v) && v._dash_no_update === '_dash_no_update' && Object.keys(v).length === 1;
}

function readCanonicalId(key: string): string {
  try {
    return canonicalId(key, 'id');
  } catch {
    return key;
  }
}

/** Dash's JSON for `no_update` and for a Patch, read back as the values they stand for. */
function readWireValue(value: unknown): unknown {
  if (isWireNoUpdate(value)) return NO_UPDATE;
  if (isWirePatch(value)) {
    try {
      return Patch.fromJSON(value);
    } catch (error) {
      throw new ProtocolError(`a patch in the answer is malformed: ${(error as Error).message}`);
    }
  }
  return value;
}

function readPropsById(value: unknown, what: string): PropsById {
  if (!isRecord(value)) throw new ProtocolError(`${what} is not an object of {id: {prop: value}}`);
  for (const [id, props] of Object.entries(value)) {
    if (!isRecord(props)) throw new ProtocolError(`${what} for "${id}" is not an object of {prop: value}`);
  }
  return value as PropsById;
}

/**
 * Reads a Dash answer for the outputs that were asked for. Accepts the current form
 * `{multi: true, response: {id: {prop: value}}}` and the older single-output form
 * `{response: {props: {prop: value}}}` (which Dash's renderer still reads). Throws a
 * `ProtocolError` for any other shape, or for an answer naming an output that was not asked for.
 */
export function parseResponse(data: unknown, outputs: readonly Dependency[]): ParsedResponse {
  if (!isRecord(data)) throw new ProtocolError('the answer is not a JSON object');
  if (!('response' in data)) {
    if ('job' in data || 'cacheKey' in data) {
      throw new ProtocolError('the answer starts a background job; background callbacks are not supported');
    }
    if (!('sideUpdate' in data)) throw new ProtocolError('the answer has no "response" field');
  }
  let byId: PropsById;
  if (data.response === undefined) {
    byId = {};
  } else if (data.multi) {
    byId = readPropsById(data.response, '"response"');
  } else {
    const props = isRecord(data.response) ? data.response.props : undefined;
    if (!isRecord(props)) {
      throw new ProtocolError('the answer is neither {multi: true, response: {...}} nor {response: {props: {...}}}');
    }
    if (outputs.length !== 1) {
      throw new ProtocolError(`the answer has the single-output form but ${outputs.length} outputs were asked for`);
    }
    byId = { [outputs[0].id]: props };
  }

  const values: unknown[] = outputs.map(() => NO_UPDATE);
  for (const [key, props] of Object.entries(byId)) {
    // Object ids come back as Dash's stringify_id; read them the way the request wrote them.
    const id = key.startsWith('{') ? readCanonicalId(key) : key;
    for (const [prop, value] of Object.entries(props)) {
      const i = outputs.findIndex((o) => o.id === id && sameProp(o.prop, prop));
      if (i < 0) throw new ProtocolError(`the server answered for ${id}.${prop} which it was not asked for`);
      values[i] = readWireValue(value);
    }
  }
  const result: ParsedResponse = { values };
  if (data.sideUpdate !== undefined && data.sideUpdate !== null) {
    const sideUpdates = readPropsById(data.sideUpdate, '"sideUpdate"');
    for (const props of Object.values(sideUpdates)) {
      for (const [prop, value] of Object.entries(props)) props[prop] = readWireValue(value);
    }
    result.sideUpdates = sideUpdates;
  }
  return result;
}

/**
 * Builds a server's answer: NO_UPDATE values are left out. Returns null when nothing is left
 * (the server then answers 204, as Dash does).
 */
export function buildResponse(
  outputs: readonly Dependency[],
  values: readonly unknown[],
  sideUpdates?: PropsById,
): CallbackResponse | null {
  const response: PropsById = {};
  let any = false;
  outputs.forEach((o, i) => {
    const value = values[i];
    if (value === NO_UPDATE) return;
    (response[o.id] ??= {})[o.prop] = value === undefined ? null : value;
    any = true;
  });
  const hasSide = !!sideUpdates && Object.keys(sideUpdates).length > 0;
  if (!any && !hasSide) return null;
  // Dash's key order: multi, sideUpdate, response.
  return hasSide ? { multi: true, sideUpdate: sideUpdates, response } : { multi: true, response };
}
