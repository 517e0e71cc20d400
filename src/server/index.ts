/**
 * `dash-elements/server` (docs/server.md): serve Dash's callback protocol from Node, for callbacks
 * written in TypeScript/JavaScript. Works as a `node:http` listener, as Connect/Express
 * middleware and as Koa middleware (`@web/dev-server`).
 *
 * ```ts
 * import { createDashServer, NO_UPDATE, PreventUpdate } from 'dash-elements/server';
 * const dash = createDashServer();
 * dash.callback({ outputs: 'greeting.children', inputs: 'name.value' }, (name) => `Hello ${name}`);
 * http.createServer(dash.listener).listen(8050);
 * ```
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../internal/is-record.js';
import { FilterQueryError } from './sql/translate.js';
import { serveStream, type StreamHandler } from './stream.js';
import { csrfCookieFor, csrfRefusal, refusalOf, type Authorize } from './access.js';
import { NO_UPDATE, PreventUpdate, isNoUpdate, isPreventUpdate } from '../runtime/sentinels.js';
import { buildResponse, noOutputIdSource, outputId, parseOutputId, propId, readPropId } from '../runtime/protocol.js';
import type { PropsById } from '../runtime/protocol.js';
import {
  type Dependency,
  type DependencySpec,
  canonicalId,
  canonicalProp,
  idValue,
  isListSpec,
  parseDependencies,
  sameProp,
} from '../runtime/dependency.js';
import {
  type CallbackContext,
  type TriggeredInput,
  triggeredIdOf,
  triggeredInput,
  valuesByPropId,
  valuesPerOutput,
} from '../runtime/context.js';
import { flattenValues, isMany, isPattern } from '../runtime/patterns.js';
import { checkCallbackDependencies, idFits, parseObjectId } from '../runtime/pattern-matching.js';

export { NO_UPDATE, PreventUpdate, isNoUpdate, isPreventUpdate };
export { Patch, applyPatch } from '../runtime/patch.js';
export type { PatchLocation, PatchOperation, WirePatch } from '../runtime/patch.js';
export type { NoUpdate } from '../runtime/sentinels.js';
export type { CallbackRequest, CallbackResponse } from '../runtime/protocol.js';
/** Dependencies as `"id.prop"`, `"a.value, b.value"`, a `{id, prop}` or a list of either (parsed as the page parses them). */
export type { Dependency, DependencySpec, DependencyObject } from '../runtime/dependency.js';
export { ALL, ALLSMALLER, DependencyError, MATCH } from '../runtime/dependency.js';
export type { CallbackContext, TriggeredInput } from '../runtime/context.js';
export * from './sql/index.js';
export type { StreamContext, StreamHandler, StreamUpdates } from './stream.js';
export type { Authorize, AuthorizeCallback, AuthorizeResult } from './access.js';

export interface CallbackSpec {
  /**
   * `'chart.figure'` or `{id, prop}`: one output, the function returns its value.
   * `'a.children, b.style'` or an array: several outputs, the function returns an array (Dash's `[Output…]`).
   */
  outputs: DependencySpec;
  inputs: DependencySpec;
  state?: DependencySpec;
  /** Listed in `/_dash-dependencies` as `prevent_initial_call` (a Dash renderer honours it). */
  preventInitialCall?: boolean;
  /** Milliseconds this callback may take (504 after); overrides the server's `timeout`. `0` or `Infinity`: no limit. */
  timeout?: number;
}

/** The page's `ctx` (docs/callbacks.md) plus what only a server has. Like Dash's `callback_context`. */
export interface ServerCallbackContext extends CallbackContext {
  /** Aborted when the client goes away before the answer is sent. */
  signal: AbortSignal;
  /** The outputs, as the page asked for them. */
  outputs: Dependency[];
  /** The HTTP request (headers, cookies, auth). */
  request: IncomingMessage;
}

// Callbacks take any values the page sends; `any` lets authors type their parameters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerCallbackFn = (...args: any[]) => unknown;

export interface DashServerOptions {
  /** Largest request body accepted, in bytes (413 above it). Default 1 MiB. */
  maxBodyBytes?: number;
  /** Where the endpoints live, like Dash's `requests_pathname_prefix`. Default `'/'`. */
  pathPrefix?: string;
  /**
   * Milliseconds a callback may take before the server answers 504 and aborts its `ctx.signal`.
   * Default 25 000, under the page's own 30 s, so the page hears why. `0` or `Infinity`: no limit.
   */
  timeout?: number;
  /** Called before a callback runs; refuse with `false` (403) or `{status: 401 | 403, message}` (docs/server.md). */
  authorize?: Authorize;
  /** Dash's double-submit check: every POST needs `X-CSRFToken` = the `_csrf_token` cookie, which the server sets. */
  csrf?: boolean;
}

/** Koa's context, as far as this module needs it (`@web/dev-server` middleware). */
export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
  /** Koa's request; its `body`, set by Koa body parsers (koa-bodyparser, koa-body), is used when the raw body was already read. */
  request?: object;
}

export interface DashServer {
  /** Registers a callback. Throws a TypeError for malformed dependencies, an Error for outputs already taken. */
  callback(spec: CallbackSpec, fn: ServerCallbackFn): DashServer;
  /** Answers the request if it is one of the endpoints; resolves true when it answered. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** A `node:http` request listener: answers 404 for anything else. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Connect/Express middleware: passes anything else to `next`. */
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
  /** Koa middleware (`@web/dev-server`'s `middleware` option). */
  koaMiddleware: (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<void>;
  /** The `/_dash-dependencies` list, in Dash's format. */
  dependencies(): DashDependency[];
  /** Serves Server-Sent Events of `{id: {prop: value}}` at `path` for `<dash-event-source>` (docs/server.md). */
  stream(path: string, handler: StreamHandler): DashServer;
}

/** One entry of Dash's `/_dash-dependencies`. */
export interface DashDependency {
  output: string;
  inputs: Array<{ id: string; property: string }>;
  state: Array<{ id: string; property: string }>;
  clientside_function: null;
  prevent_initial_call: boolean;
  long: null;
  dynamic_creator: null;
  /** A callback without outputs; its `output` is the SHA-256 of its inputs, as Dash names it. */
  no_output: boolean;
}

interface Registered {
  outputs: Dependency[];
  inputs: Dependency[];
  state: Dependency[];
  multi: boolean;
  preventInitialCall: boolean;
  fn: ServerCallbackFn;
  name: string;
  /** Its own limit in ms, if given; else the server's. */
  timeout: number | undefined;
}

/** An answer to send: status + JSON body (or none). */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The client went away before its request was read: not a server error (one short log line at most). */
class ClientGone extends Error {}

const DEFAULT_TIMEOUT_MS = 25_000;

function checkTimeout(value: number | undefined, where: string): number | undefined {
  if (value === undefined || (typeof value === 'number' && value >= 0 && !Number.isNaN(value))) return value;
  throw new TypeError(`dash-elements/server: ${where} timeout must be a number of milliseconds (0 for none), got ${JSON.stringify(value)}`);
}

/** Order-free key of a set of outputs, either prop spelling. */
const outputsKey = (outputs: readonly Dependency[]) =>
  outputs
    .map((o) => `${o.id}.${canonicalProp(o.prop)}`)
    .sort()
    .join('\n');

function normalizePrefix(prefix = '/'): string {
  let p = prefix.trim() || '/';
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Reads the body up to `limit` bytes; a larger body is a 413 (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  // Express/Connect body parsers may have read it already.
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && parsed !== undefined) {
    return Promise.resolve(typeof parsed === 'string' || Buffer.isBuffer(parsed) ? String(parsed) : JSON.stringify(parsed));
  }
  if (req.readableEnded) {
    return Promise.reject(new HttpError(400, 'the request body was already read by another middleware, which kept no req.body'));
  }
  const tooLarge = () => new HttpError(413, `request body is larger than ${limit} bytes`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(req.destroyed ? new ClientGone(`the client closed the connection mid-request (${error.message})`) : error);
    };
    const onClose = () => {
      cleanup();
      reject(new ClientGone('the client closed the connection mid-request'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** One `{id, property, value}` of a request, its id as canonical text. */
interface RequestEntry {
  id: string;
  property: string;
  value: unknown;
}

/** A request's list: one entry per dependency, a list of entries for ALL/ALLSMALLER (Dash's nesting). */
type RequestSlot = RequestEntry | RequestEntry[];

function readEntry(entry: unknown, where: string, withValue: boolean): RequestEntry {
  if (!isRecord(entry)) throw new HttpError(400, `${where} must be an object {id, property${withValue ? ', value' : ''}}`);
  if (typeof entry.property !== 'string' || !entry.property) throw new HttpError(400, `${where}.property must be a non-empty string`);
  let id: string;
  try {
    id = canonicalId(entry.id, `${where}.id`);
  } catch (error) {
    throw new HttpError(400, (error as Error).message);
  }
  if (parseObjectId(id)?.isPattern) throw new HttpError(400, `${where}.id holds a wildcard; a request names concrete ids`);
  return { id, property: entry.property, value: entry.value === undefined ? null : entry.value };
}

function readSlots(list: unknown, field: string, withValue: boolean): RequestSlot[] {
  if (!Array.isArray(list)) throw new HttpError(400, `"${field}" must be an array`);
  return list.map((entry, i) =>
    Array.isArray(entry) ? entry.map((e, j) => readEntry(e, `"${field}"[${i}][${j}]`, withValue)) : readEntry(entry, `"${field}"[${i}]`, withValue),
  );
}

/** Whether a request slot is what a registered dependency asks for (Dash's nesting, either prop spelling). */
function slotFits(dep: Dependency, slot: RequestSlot): boolean {
  if (Array.isArray(slot)) return isMany(dep) && slot.every((e) => sameProp(e.property, dep.prop) && idFits(dep.id, e.id));
  if (isMany(dep) || !sameProp(slot.property, dep.prop)) return false;
  return isPattern(dep) ? idFits(dep.id, slot.id) : slot.id === dep.id;
}

const describeSlot = (slot: RequestSlot) => (Array.isArray(slot) ? `[${slot.map((e) => `${e.id}.${e.property}`).join(', ')}]` : `${slot.id}.${slot.property}`);

/**
 * Matches what the page sent to the dependencies the callback was registered with, by name
 * (either prop spelling; order free) and by pattern. Returns the request's slots in registration order.
 */
function matchSlots(kind: 'input' | 'state' | 'output', expected: Dependency[], got: RequestSlot[], cb: Registered): RequestSlot[] {
  const names = expected.map(propId).join(', ') || 'none';
  if (got.length !== expected.length) {
    throw new HttpError(
      400,
      `the callback for ${cb.name} takes ${expected.length} ${kind} value${expected.length === 1 ? '' : 's'} (${names}), the request sent ${got.length}`,
    );
  }
  const used = new Set<number>();
  return expected.map((dep) => {
    const i = got.findIndex((slot, j) => !used.has(j) && slotFits(dep, slot));
    if (i < 0) throw new HttpError(400, `the callback for ${cb.name} takes ${kind} ${names}, the request sent ${got.map(describeSlot).join(', ')}`);
    used.add(i);
    return got[i];
  });
}

const slotValue = (slot: RequestSlot) => (Array.isArray(slot) ? slot.map((e) => e.value) : slot.value);
const entriesOf = (slots: RequestSlot[]) => slots.flatMap((slot) => (Array.isArray(slot) ? slot : [slot]));
/** Dash's `inputs_list` shape: ids as objects, values kept (outputs: without values). */
const wireList = (slots: RequestSlot[], withValue: boolean) =>
  slots.map((slot) => {
    const one = (e: RequestEntry) => (withValue ? { id: idValue(e.id), property: e.property, value: e.value } : { id: idValue(e.id), property: e.property });
    return Array.isArray(slot) ? slot.map(one) : one(slot);
  });

/** Dash's id for a callback without outputs: the SHA-256 of its inputs, `"a.value.b.n_clicks"` (as `create_callback_id`). */
function noOutputId(inputs: readonly Dependency[]): string {
  return createHash('sha256').update(noOutputIdSource(inputs)).digest('hex');
}

/** Creates a server for Dash's callback endpoints. */
export function createDashServer(options: DashServerOptions = {}): DashServer {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const timeout = checkTimeout(options.timeout, 'the server') ?? DEFAULT_TIMEOUT_MS;
  const prefix = normalizePrefix(options.pathPrefix);
  const updatePath = `${prefix}_dash-update-component`;
  const dependenciesPath = `${prefix}_dash-dependencies`;
  const callbacks = new Map<string, Registered>();
  const streams = new Map<string, StreamHandler>();

  function dependencies(): DashDependency[] {
    return [...callbacks.values()].map((cb) => ({
      output: cb.name,
      inputs: cb.inputs.map(({ id, prop }) => ({ id, property: prop })),
      state: cb.state.map(({ id, prop }) => ({ id, property: prop })),
      clientside_function: null,
      prevent_initial_call: cb.preventInitialCall,
      long: null,
      dynamic_creator: null,
      no_output: cb.outputs.length === 0,
    }));
  }

  async function update(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
      throw new HttpError(415, `Content-Type must be application/json (got ${type ? `"${type}"` : 'none'})`);
    }
    const text = await readBody(req, maxBodyBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, `malformed JSON body: ${(error as Error).message}`);
    }
    if (!isRecord(body)) throw new HttpError(400, 'the body must be a JSON object {output, outputs, inputs, state?, changedPropIds}');
    for (const field of ['output', 'inputs']) {
      if (!(field in body)) throw new HttpError(400, `the body is missing the "${field}" field`);
    }
    if (typeof body.output !== 'string') throw new HttpError(400, '"output" must be a string such as "chart.figure"');
    const parsedId = callbacks.has(body.output) ? { outputs: [], multi: false } : parseOutputId(body.output);
    if (!parsedId) throw new HttpError(400, `"output" "${body.output}" is not "id.prop" or "..a.p...b.q.."`);
    const cb = callbacks.get(parsedId.outputs.length ? outputsKey(parsedId.outputs) : body.output);
    if (!cb) {
      const known = [...callbacks.values()].map((c) => c.name);
      const list = known.length ? `: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}` : '';
      throw new HttpError(400, `no callback is registered for output "${body.output}" (registered${list || ': none'})`);
    }
    if (cb.outputs.length && !('outputs' in body)) throw new HttpError(400, 'the body is missing the "outputs" field');
    // One output is sent as itself, several (or Dash's [Output]) as a list; none may be left out.
    // As Dash's renderer sends them: a list of slots when "output" is the "..a.b...c.d.." form, else the one slot itself.
    const sentOutputs = body.outputs === undefined || body.outputs === null ? [] : parsedId.multi || !cb.outputs.length ? body.outputs : [body.outputs];
    const outputSlots = matchSlots('output', cb.outputs, readSlots(sentOutputs, 'outputs', false), cb);
    const inputSlots = matchSlots('input', cb.inputs, readSlots(body.inputs, 'inputs', true), cb);
    const stateSlots = matchSlots('state', cb.state, body.state === undefined || body.state === null ? [] : readSlots(body.state, 'state', true), cb);
    const changed = body.changedPropIds ?? [];
    if (!Array.isArray(changed) || !changed.every((c) => typeof c === 'string')) {
      throw new HttpError(400, '"changedPropIds" must be an array of "id.prop" strings');
    }
    const inputValues = inputSlots.map(slotValue);
    const stateValues = stateSlots.map(slotValue);
    if (options.authorize) {
      const refused = refusalOf(await options.authorize(req, { outputs: cb.outputs.map((o) => ({ ...o })), inputs: cb.inputs.map((i) => ({ ...i })), state: cb.state.map((s) => ({ ...s })) }));
      if (refused) throw new HttpError(refused.status, refused.message);
    }

    // Keys in the callback's spelling with the request's concrete ids (Dash's inputs_to_dict).
    const inputEntries = inputSlots.flatMap((slot, i) => (Array.isArray(slot) ? slot : [slot]).map((e) => ({ id: e.id, prop: cb.inputs[i].prop, value: e.value })));
    const stateEntries = stateSlots.flatMap((slot, i) => (Array.isArray(slot) ? slot : [slot]).map((e) => ({ id: e.id, prop: cb.state[i].prop, value: e.value })));
    const triggered: TriggeredInput[] = [];
    for (const changedId of changed as string[]) {
      const dep = readPropId(changedId);
      const entry = dep && inputEntries.find((e) => e.id === dep.id && sameProp(e.prop, dep.prop));
      if (entry && !triggered.some((t) => t.prop_id === propId(entry))) triggered.push(triggeredInput(entry, entry.value));
    }
    // Answer with the spelling the page used, in the order of the registration.
    const answerOutputs = entriesOf(outputSlots).map(({ id, property }) => ({ id, prop: property }));
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new Error('the client closed the connection'));
    };
    res.once('close', onClose);
    const sideUpdates: PropsById = {};
    const ctx: ServerCallbackContext = {
      triggered,
      triggeredId: triggeredIdOf(triggered),
      inputs: valuesByPropId(inputEntries, inputEntries.map((e) => e.value)),
      state: valuesByPropId(stateEntries, stateEntries.map((e) => e.value)),
      inputsList: wireList(inputSlots, true),
      stateList: wireList(stateSlots, true),
      outputsList: cb.multi || !cb.outputs.length ? wireList(outputSlots, false) : wireList(outputSlots, false)[0],
      outputs: answerOutputs.map((o) => ({ ...o })),
      signal: controller.signal,
      setProps(id, props) {
        const key = canonicalId(id, 'setProps');
        sideUpdates[key] = { ...sideUpdates[key], ...props };
      },
      request: req,
    };

    const limit = cb.timeout ?? timeout;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      // Beyond setTimeout's range (about 24 days) is as good as none.
      if (limit > 0 && limit < 2 ** 31) timer = setTimeout(() => reject(new HttpError(504, `the callback for ${cb.name} timed out after ${limit} ms`)), limit);
    });
    let result: unknown;
    try {
      result = await Promise.race([(async () => cb.fn(...inputValues, ...stateValues, ctx))(), timedOut]);
    } catch (error) {
      if (error instanceof HttpError) {
        // Timed out: tell the callback to stop (its late result is dropped), and the page why.
        controller.abort(new DOMException(error.message, 'TimeoutError'));
        console.warn(`dash-elements/server: ${error.message}`);
        throw error;
      }
      // As in Dash, PreventUpdate drops everything, side updates included.
      if (isPreventUpdate(error)) {
        send(res, 204);
        return;
      }
      if (controller.signal.aborted) return;
      // What the person typed in a table's filter: they should read why (docs/server.md).
      if (error instanceof FilterQueryError) throw new HttpError(400, error.message);
      console.error(`dash-elements/server: callback error updating ${cb.name}:`, error);
      throw new HttpError(500, `callback error updating ${cb.name}: internal server error (see the server log)`);
    } finally {
      clearTimeout(timer);
      res.off('close', onClose);
    }

    let values: unknown[];
    try {
      const outputPatterns = cb.outputs.map((pattern, i) => ({ pattern, deps: entriesOf([outputSlots[i]]).map(({ id, property }) => ({ id, prop: property })), many: Array.isArray(outputSlots[i]) }));
      values = flattenValues(outputPatterns, valuesPerOutput(result, cb.outputs.length, cb.multi));
    } catch (error) {
      console.error(`dash-elements/server: the callback for ${cb.name}: ${(error as Error).message}`);
      throw new HttpError(500, `callback error updating ${cb.name}: internal server error (see the server log)`);
    }
    const answer = buildResponse(answerOutputs, values, sideUpdates);
    if (!answer) {
      send(res, 204);
      return;
    }
    let json: string;
    try {
      json = JSON.stringify(answer);
    } catch (error) {
      console.error(`dash-elements/server: the value returned for ${cb.name} cannot be sent as JSON:`, error);
      throw new HttpError(500, `callback error updating ${cb.name}: internal server error (see the server log)`);
    }
    if (res.headersSent || res.writableEnded || res.destroyed) return;
    res.writeHead(200, {
      'Cache-Control': 'no-store',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(json)),
    });
    res.end(json);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return false;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const streamHandler = streams.get(path);
    if (streamHandler && method === 'GET') {
      await serveStream(req, res, streamHandler, (error) => console.error(`dash-elements/server: stream ${path} failed:`, error));
      return true;
    }
    if (path !== updatePath && path !== dependenciesPath) return false;
    try {
      if (options.csrf) {
        const cookie = csrfCookieFor(req, prefix);
        if (cookie) res.setHeader('Set-Cookie', cookie);
        const refused = method === 'POST' ? csrfRefusal(req) : null;
        if (refused) throw new HttpError(refused.status, refused.message);
      }
      if (path === dependenciesPath) {
        if (method !== 'GET' && method !== 'HEAD') {
          throw new HttpError(405, `${path} answers GET only`, { Allow: 'GET, HEAD' });
        }
        const text = JSON.stringify(dependencies());
        res.writeHead(200, {
          'Cache-Control': 'no-store',
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(text)),
        });
        res.end(method === 'HEAD' ? undefined : text);
        return true;
      }
      if (method !== 'POST') throw new HttpError(405, `${path} answers POST only`, { Allow: 'POST' });
      await update(req, res);
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, error.status, { error: error.message }, error.headers);
      } else if (error instanceof ClientGone) {
        console.warn(`dash-elements/server: ${error.message}`); // no one to answer, nothing broken
      } else {
        // A broken connection or a bug here: never leak details.
        console.error('dash-elements/server: error answering a request:', error);
        send(res, 500, { error: 'internal server error' });
      }
    }
    return true;
  }

  const server: DashServer = {
    callback(spec, fn) {
      if (!isRecord(spec)) throw new TypeError('dash-elements/server: callback() takes ({outputs, inputs, state?}, fn)');
      if (typeof fn !== 'function') throw new TypeError('dash-elements/server: callback() needs a function');
      const outputs = parseDependencies(spec.outputs, 'outputs');
      const inputs = parseDependencies(spec.inputs, 'inputs');
      const state = parseDependencies(spec.state, 'state');
      checkCallbackDependencies({ inputs, outputs, state });
      const multi = outputs.length > 0 && isListSpec(spec.outputs, outputs);
      const name = outputs.length ? outputId(outputs, multi) : noOutputId(inputs);
      const key = outputs.length ? outputsKey(outputs) : name;
      if (callbacks.has(key)) throw new Error(`dash-elements/server: outputs ${name} already have a callback`);
      callbacks.set(key, {
        outputs,
        inputs,
        state,
        multi,
        preventInitialCall: !!spec.preventInitialCall,
        fn,
        name,
        timeout: checkTimeout(spec.timeout, `the callback for ${name}:`),
      });
      return server;
    },
    handle,
    dependencies,
    stream(path, handler) {
      if (typeof path !== 'string' || !path.startsWith('/')) throw new TypeError(`dash-elements/server: stream() needs a path starting with "/", got ${JSON.stringify(path)}`);
      if (typeof handler !== 'function') throw new TypeError('dash-elements/server: stream() needs a handler function');
      if (streams.has(path)) throw new Error(`dash-elements/server: ${path} already has a stream`);
      streams.set(path, handler);
      return server;
    },
    listener(req, res) {
      handle(req, res).then(
        (answered) => {
          if (!answered) send(res, 404, { error: 'not found' });
        },
        (error) => {
          console.error('dash-elements/server:', error);
          send(res, 500, { error: 'internal server error' });
        },
      );
    },
    middleware(req, res, next) {
      handle(req, res).then((answered) => {
        if (!answered) next();
      }, next);
    },
    async koaMiddleware(ctx, next) {
      const req = ctx.req as IncomingMessage & { body?: unknown };
      const parsed = (ctx.request as { body?: unknown } | undefined)?.body;
      if (req.body === undefined && parsed !== undefined) req.body = parsed;
      if (await handle(ctx.req, ctx.res)) {
        ctx.respond = false;
        return;
      }
      await next();
    },
  };
  return server;
}
