/**
 * Dash's callback wire protocol (SPEC §5): the request a renderer POSTs to
 * `/_dash-update-component` and the answer it reads back. Pure data helpers with no DOM and no
 * Node APIs, shared by the browser transport and the Node server.
 */
import { type Dependency, camelProp, depText } from './dependency.js';
import { NO_UPDATE } from './sentinels.js';
import { isRecord } from '../internal/is-record.js';

export type { Dependency };

/** A dependency with its current value. */
export interface DependencyValue extends Dependency {
  value: unknown;
}

/** A dependency as Dash writes it on the wire. */
export interface WireDependency {
  id: string;
  property: string;
}

export interface WireValue extends WireDependency {
  value: unknown;
}

/** The JSON body of `POST /_dash-update-component`, as Dash's renderer sends it. */
export interface CallbackRequest {
  /** `"a.b"` for one output, `"..a.b...c.d.."` for several. */
  output: string;
  /** One object for a single output, an array for several. */
  outputs: WireDependency | WireDependency[];
  inputs: WireValue[];
  /** Left out when the callback has no state (as Dash's renderer does). */
  state?: WireValue[];
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

/** `n_clicks` → `nClicks`: the one spelling used to compare property names (SPEC §2). */
export function canonicalProp(prop: string): string {
  // Dash's `allow_duplicate` outputs carry an `@hash` suffix that is not part of the name.
  const at = prop.indexOf('@');
  return camelProp(at >= 0 ? prop.slice(0, at) : prop);
}

/** True when two property names are the same property (either spelling). */
export function sameProp(a: string, b: string): boolean {
  return a === b || canonicalProp(a) === canonicalProp(b);
}

/** `"id.prop"`, in the page's spelling. */
export const propId = depText;

/**
 * Dash's id for a callback's outputs: `"a.b"` for one output, `"..a.b...c.d.."` for several.
 * `multi` forces the list form for a single output (Dash's `[Output(...)]`).
 */
export function outputId(outputs: readonly Dependency[], multi = outputs.length > 1): string {
  const ids = outputs.map(propId);
  return multi ? `..${ids.join('...')}..` : (ids[0] ?? '');
}

/** Splits `"id.prop"` at the last dot; null when either side is empty. */
export function splitPropId(text: string): Dependency | null {
  const s = text.trim();
  const dot = s.lastIndexOf('.');
  if (dot <= 0 || dot === s.length - 1) return null;
  return { id: s.slice(0, dot), prop: s.slice(dot + 1) };
}

/** Reads an output id back: `"a.b"` → one dependency; `"..a.b...c.d.."` → several (`multi: true`). */
export function parseOutputId(text: string): { outputs: Dependency[]; multi: boolean } | null {
  const multi = text.length > 4 && text.startsWith('..') && text.endsWith('..');
  const parts = multi ? text.slice(2, -2).split('...') : [text];
  const outputs: Dependency[] = [];
  for (const part of parts) {
    const dep = splitPropId(part);
    if (!dep) return null;
    outputs.push(dep);
  }
  return { outputs, multi };
}

const toWire = ({ id, prop }: Dependency): WireDependency => ({ id, property: prop });
const toWireValue = ({ id, prop, value }: DependencyValue): WireValue => ({
  id,
  property: prop,
  // JSON has no undefined: an unset property goes as null (Dash's None).
  value: value === undefined ? null : value,
});

/** Builds the request body exactly as Dash's renderer does (state left out when there is none). */
export function buildRequest(options: {
  outputs: readonly Dependency[];
  inputs: readonly DependencyValue[];
  state?: readonly DependencyValue[];
  changedPropIds: readonly string[];
  multi?: boolean;
}): CallbackRequest {
  const { outputs, inputs, state = [], changedPropIds } = options;
  const multi = options.multi ?? outputs.length > 1;
  const body: CallbackRequest = {
    output: outputId(outputs, multi),
    outputs: multi ? outputs.map(toWire) : toWire(outputs[0]),
    inputs: inputs.map(toWireValue),
    changedPropIds: [...changedPropIds],
  };
  if (state.length) body.state = state.map(toWireValue);
  return body;
}

/** Dash serializes a stray `no_update` as this object. */
function isWireNoUpdate(v: unknown): boolean {
  return isRecord(v) && v._dash_no_update === '_dash_no_update' && Object.keys(v).length === 1;
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
  for (const [id, props] of Object.entries(byId)) {
    for (const [prop, value] of Object.entries(props)) {
      const i = outputs.findIndex((o) => o.id === id && sameProp(o.prop, prop));
      if (i < 0) throw new ProtocolError(`the server answered for ${id}.${prop} which it was not asked for`);
      values[i] = isWireNoUpdate(value) ? NO_UPDATE : value;
    }
  }
  const result: ParsedResponse = { values };
  if (data.sideUpdate !== undefined && data.sideUpdate !== null) {
    result.sideUpdates = readPropsById(data.sideUpdate, '"sideUpdate"');
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
  const body: CallbackResponse = { multi: true, response };
  if (hasSide) body.sideUpdate = sideUpdates;
  return body;
}
