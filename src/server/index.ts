/**
 * `dash-elements/server` (SPEC §6): serve Dash's callback protocol from Node, for callbacks
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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NO_UPDATE, PreventUpdate, isNoUpdate, isPreventUpdate } from '../runtime/sentinels.js';
import { buildResponse, canonicalProp, outputId, parseOutputId, propId, sameProp, splitPropId } from '../runtime/protocol.js';
import type { Dependency, PropsById } from '../runtime/protocol.js';
import { isRecord } from '../internal/is-record.js';

export { NO_UPDATE, PreventUpdate, isNoUpdate, isPreventUpdate };
export type { NoUpdate } from '../runtime/sentinels.js';
export type { Dependency, CallbackRequest, CallbackResponse } from '../runtime/protocol.js';

/** Dependencies as `"id.prop"`, `"a.value, b.value"`, a `{id, prop}` or a list of either. */
export type DependencySpec = string | Dependency | ReadonlyArray<string | Dependency>;

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

/** Like Dash's `callback_context`, and the browser's `ctx` (SPEC §4 rule 2). */
export interface ServerCallbackContext {
  /** The inputs that changed (`changedPropIds`); `[]` on an initial call. */
  triggered: Array<{ id: string; prop: string; value: unknown }>;
  /** The id of the first triggered input, or null on an initial call (Dash's `ctx.triggered_id`). */
  triggeredId: string | null;
  /** `"id.prop"` → value, spelled as the callback was registered. */
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
  /** The outputs, as the page asked for them. */
  outputs: Dependency[];
  /** Aborted when the client goes away before the answer is sent. */
  signal: AbortSignal;
  /** Side updates of components that are not outputs (Dash's `set_props`); sent as `sideUpdate`. */
  setProps(id: string, props: Record<string, unknown>): void;
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
  /**
   * Serves `/_dash-layout`: Dash's component JSON (`{type, namespace, props}`), or a function
   * returning it (called per request, like Dash's `app.layout = serve_layout`). docs/layout.md
   */
  layout(tree: unknown): DashServer;
  /**
   * Lists a clientside callback in `/_dash-dependencies` (Dash's `clientside_callback` with
   * `ClientsideFunction(namespace, function_name)`); the page defines `window.dash_clientside[namespace][functionName]`.
   */
  clientsideCallback(spec: Omit<CallbackSpec, 'timeout'>, namespace: string, functionName: string): DashServer;
}

/** One entry of Dash's `/_dash-dependencies`. */
export interface DashDependency {
  output: string;
  inputs: Array<{ id: string; property: string }>;
  state: Array<{ id: string; property: string }>;
  clientside_function: { namespace: string; function_name: string } | null;
  prevent_initial_call: boolean;
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

function parseDeps(spec: DependencySpec | undefined, what: string): { deps: Dependency[]; single: boolean } {
  if (spec === undefined) return { deps: [], single: false };
  const one = (item: string | Dependency): Dependency[] => {
    if (typeof item === 'string') {
      return item
        .split(',')
        .filter((s) => s.trim())
        .map((s) => {
          const dep = splitPropId(s);
          if (!dep) throw new TypeError(`dash-elements/server: malformed ${what} "${s.trim()}": expected "id.prop"`);
          return dep;
        });
    }
    if (isRecord(item) && typeof item.id === 'string' && item.id && typeof item.prop === 'string' && item.prop) {
      return [{ id: item.id, prop: item.prop }];
    }
    throw new TypeError(`dash-elements/server: malformed ${what} ${JSON.stringify(item)}: expected "id.prop" or {id, prop}`);
  };
  if (Array.isArray(spec)) return { deps: spec.flatMap(one), single: false };
  const deps = one(spec as string | Dependency);
  return { deps, single: deps.length === 1 };
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

interface WireEntry {
  id: string;
  property: string;
  value: unknown;
}

function readEntries(body: Record<string, unknown>, field: string, withValue: boolean): WireEntry[] {
  const list = body[field];
  if (!Array.isArray(list)) throw new HttpError(400, `"${field}" must be an array`);
  return list.map((entry, i) => {
    if (Array.isArray(entry)) throw new HttpError(400, `"${field}"[${i}] is a list: pattern-matching (ALL/MATCH) ids are not supported`);
    if (!isRecord(entry)) throw new HttpError(400, `"${field}"[${i}] must be an object {id, property${withValue ? ', value' : ''}}`);
    if (isRecord(entry.id)) throw new HttpError(400, `"${field}"[${i}] has an object id: pattern-matching ids are not supported`);
    if (typeof entry.id !== 'string' || !entry.id) throw new HttpError(400, `"${field}"[${i}].id must be a non-empty string`);
    if (typeof entry.property !== 'string' || !entry.property) {
      throw new HttpError(400, `"${field}"[${i}].property must be a non-empty string`);
    }
    return { id: entry.id, property: entry.property, value: entry.value === undefined ? null : entry.value };
  });
}

/**
 * Matches the values the page sent to the dependencies the callback was registered with, by name
 * (either prop spelling; order free). Returns the values in registration order.
 */
function matchValues(kind: 'input' | 'state', expected: Dependency[], got: WireEntry[], cb: Registered): unknown[] {
  const names = expected.map(propId).join(', ') || 'none';
  if (got.length !== expected.length) {
    throw new HttpError(
      400,
      `the callback for ${cb.name} takes ${expected.length} ${kind} value${expected.length === 1 ? '' : 's'} (${names}), the request sent ${got.length}`,
    );
  }
  const used = new Set<number>();
  return expected.map((dep) => {
    const i = got.findIndex((g, j) => !used.has(j) && g.id === dep.id && sameProp(g.property, dep.prop));
    if (i < 0) {
      const sent = got.map((g) => `${g.id}.${g.property}`).join(', ');
      throw new HttpError(400, `the callback for ${cb.name} takes ${kind} ${names}, the request sent ${sent}`);
    }
    used.add(i);
    return got[i].value;
  });
}

/** Creates a server for Dash's callback endpoints. */
export function createDashServer(options: DashServerOptions = {}): DashServer {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const timeout = checkTimeout(options.timeout, 'the server') ?? DEFAULT_TIMEOUT_MS;
  const prefix = normalizePrefix(options.pathPrefix);
  const updatePath = `${prefix}_dash-update-component`;
  const dependenciesPath = `${prefix}_dash-dependencies`;
  const layoutPath = `${prefix}_dash-layout`;
  const callbacks = new Map<string, Registered>();
  const clientside: DashDependency[] = [];
  let layoutTree: unknown = null;

  function dependencies(): DashDependency[] {
    const served = [...callbacks.values()].map((cb): DashDependency => ({
      output: cb.name,
      inputs: cb.inputs.map(({ id, prop }) => ({ id, property: prop })),
      state: cb.state.map(({ id, prop }) => ({ id, property: prop })),
      clientside_function: null,
      prevent_initial_call: cb.preventInitialCall,
    }));
    return [...served, ...clientside];
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
    for (const field of ['output', 'outputs', 'inputs']) {
      if (!(field in body)) throw new HttpError(400, `the body is missing the "${field}" field`);
    }
    if (typeof body.output !== 'string') throw new HttpError(400, '"output" must be a string such as "chart.figure"');
    const parsedId = parseOutputId(body.output);
    if (!parsedId) throw new HttpError(400, `"output" "${body.output}" is not "id.prop" or "..a.p...b.q.."`);
    const cb = callbacks.get(outputsKey(parsedId.outputs));
    if (!cb) {
      const known = [...callbacks.values()].map((c) => c.name);
      const list = known.length ? `: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}` : '';
      throw new HttpError(400, `no callback is registered for output "${body.output}" (registered${list || ': none'})`);
    }
    const outputs = readEntries(
      { outputs: Array.isArray(body.outputs) ? body.outputs : [body.outputs] },
      'outputs',
      false,
    ).map(({ id, property }) => ({ id, prop: property }));
    if (outputsKey(outputs) !== outputsKey(parsedId.outputs)) {
      throw new HttpError(400, `"outputs" (${outputs.map(propId).join(', ')}) do not match "output" "${body.output}"`);
    }
    const inputs = readEntries(body, 'inputs', true);
    const state = body.state === undefined || body.state === null ? [] : readEntries(body, 'state', true);
    const changed = body.changedPropIds ?? [];
    if (!Array.isArray(changed) || !changed.every((c) => typeof c === 'string')) {
      throw new HttpError(400, '"changedPropIds" must be an array of "id.prop" strings');
    }
    const inputValues = matchValues('input', cb.inputs, inputs, cb);
    const stateValues = matchValues('state', cb.state, state, cb);

    // Answer with the spelling the page used, in the order of the registration.
    const answerOutputs = cb.outputs.map(
      (o) => outputs.find((p) => p.id === o.id && sameProp(p.prop, o.prop)) ?? o,
    );
    const inputMap: Record<string, unknown> = {};
    cb.inputs.forEach((d, i) => (inputMap[propId(d)] = inputValues[i]));
    const stateMap: Record<string, unknown> = {};
    cb.state.forEach((d, i) => (stateMap[propId(d)] = stateValues[i]));
    const triggered: ServerCallbackContext['triggered'] = [];
    for (const changedId of changed as string[]) {
      const dep = splitPropId(changedId);
      const i = dep ? cb.inputs.findIndex((d) => d.id === dep.id && sameProp(d.prop, dep.prop)) : -1;
      if (i >= 0 && !triggered.some((t) => t.id === cb.inputs[i].id && t.prop === cb.inputs[i].prop)) {
        triggered.push({ ...cb.inputs[i], value: inputValues[i] });
      }
    }
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new Error('the client closed the connection'));
    };
    res.once('close', onClose);
    const sideUpdates: PropsById = {};
    const ctx: ServerCallbackContext = {
      triggered,
      triggeredId: triggered[0]?.id ?? null,
      inputs: inputMap,
      state: stateMap,
      outputs: answerOutputs.map((o) => ({ ...o })),
      signal: controller.signal,
      setProps(id, props) {
        sideUpdates[id] = { ...sideUpdates[id], ...props };
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
      console.error(`dash-elements/server: callback error updating ${cb.name}:`, error);
      throw new HttpError(500, `callback error updating ${cb.name}: internal server error (see the server log)`);
    } finally {
      clearTimeout(timer);
      res.off('close', onClose);
    }

    let values: unknown[];
    if (!cb.multi) values = [result];
    else if (isNoUpdate(result)) values = cb.outputs.map(() => NO_UPDATE);
    else if (Array.isArray(result) && result.length === cb.outputs.length) values = result;
    else {
      console.error(
        `dash-elements/server: the callback for ${cb.name} must return an array of ${cb.outputs.length} values, it returned`,
        result,
      );
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
    if (path !== updatePath && path !== dependenciesPath && (path !== layoutPath || layoutTree === null)) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (path === dependenciesPath || path === layoutPath) {
        if (method !== 'GET' && method !== 'HEAD') {
          throw new HttpError(405, `${path} answers GET only`, { Allow: 'GET, HEAD' });
        }
        const body = path === layoutPath ? (typeof layoutTree === 'function' ? await layoutTree() : layoutTree) : dependencies();
        const text = JSON.stringify(body);
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
      const outs = parseDeps(spec.outputs, 'output');
      const ins = parseDeps(spec.inputs, 'input');
      const state = parseDeps(spec.state, 'state').deps;
      if (!outs.deps.length) throw new TypeError('dash-elements/server: a callback needs at least one output');
      if (!ins.deps.length) throw new TypeError('dash-elements/server: a callback needs at least one input');
      const key = outputsKey(outs.deps);
      const multi = !outs.single;
      const name = outputId(outs.deps, multi);
      if (callbacks.has(key)) throw new Error(`dash-elements/server: outputs ${name} already have a callback`);
      callbacks.set(key, {
        outputs: outs.deps,
        inputs: ins.deps,
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
    layout(tree) {
      if (tree === null || tree === undefined) throw new TypeError('dash-elements/server: layout() needs component JSON or a function returning it');
      layoutTree = tree;
      return server;
    },
    clientsideCallback(spec, namespace, functionName) {
      if (!isRecord(spec) || !namespace || !functionName) {
        throw new TypeError('dash-elements/server: clientsideCallback() takes ({outputs, inputs, state?}, namespace, functionName)');
      }
      const outs = parseDeps(spec.outputs, 'output');
      const ins = parseDeps(spec.inputs, 'input');
      const list = (deps: Dependency[]) => deps.map(({ id, prop }) => ({ id, property: prop }));
      clientside.push({
        output: outputId(outs.deps, !outs.single),
        inputs: list(ins.deps),
        state: list(parseDeps(spec.state, 'state').deps),
        clientside_function: { namespace, function_name: functionName },
        prevent_initial_call: !!spec.preventInitialCall,
      });
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
