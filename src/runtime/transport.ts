/**
 * The endpoint transport (docs/server.md): POSTs one callback call in Dash's wire format and reads the
 * answer. Uses only the global fetch/Headers/AbortController, so it runs in browsers and Node 20.
 */
import { buildRequest, noOutputIdSource, parseResponse, ProtocolError, propId } from './protocol.js';
import type { Dependency, DependencyValue, PropsById } from './protocol.js';

export type { Dependency, DependencyValue } from './protocol.js';

/** What an endpoint call came to. */
export type TransportResult =
  /** HTTP 204, or `beforeSend` skipped the request: leave every output as it is. */
  | { kind: 'prevent' }
  /** One entry per requested output, `NO_UPDATE` for outputs the answer left out. */
  | { kind: 'update'; values: unknown[]; sideUpdates?: PropsById };

/** The request as `beforeSend` (and the `dash-callback-request` event) may change it in place. */
export interface TransportRequest {
  url: string;
  headers: Headers;
  body: object;
}

export interface PostCallbackOptions {
  url: string;
  /** The outputs; a list in place of one is an ALL output (sent as Dash's nested list). */
  outputs: ReadonlyArray<Dependency | readonly Dependency[]>;
  inputs: ReadonlyArray<DependencyValue | readonly DependencyValue[]>;
  state: ReadonlyArray<DependencyValue | readonly DependencyValue[]>;
  changedPropIds: string[];
  /** Dash's `output` id, when it is not made from `outputs` (pattern-matching and no-output callbacks). */
  output?: string;
  /** Aborts the request (a newer call superseded it). The promise then rejects with the abort reason. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Sent as `X-CSRFToken` when given. */
  csrfToken?: string | null;
  /** Called with the request before it is sent; may change url, headers and body in place. `false` skips it. */
  beforeSend?: (req: TransportRequest) => boolean;
  /** Milliseconds to wait for the answer before failing with a CallbackTransportError. */
  timeout?: number;
}

/** A failed endpoint call: network failure, non-2xx status, a body that is not Dash's JSON. */
export class CallbackTransportError extends Error {
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  readonly url: string;
  constructor(message: string, url: string, status?: number) {
    super(message);
    this.name = 'CallbackTransportError';
    this.url = url;
    this.status = status;
  }
}

/**
 * Dash's id for a callback without outputs: the SHA-256 (hex) of its inputs (Web Crypto: a secure
 * context, or Node).
 */
export async function noOutputId(inputs: readonly Dependency[]): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('an endpoint callback without outputs needs Web Crypto (https or localhost) to name itself as Dash does');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(noOutputIdSource(inputs)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads Dash's `_csrf_token` cookie from a cookie string (`document.cookie`); null when absent. */
export function readCsrfCookie(cookieString: string | null | undefined): string | null {
  if (!cookieString) return null;
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== '_csrf_token') continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

const SNIPPET = 200;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET)}…` : flat;
}

const looksLikeHtml = (text: string, type: string | null) =>
  /\btext\/html\b/i.test(type ?? '') || /^\s*<(!doctype|html|head|body|\?xml|!--)/i.test(text);

/** The useful part of an error body: Dash's/our JSON message, an HTML page's title, or a snippet. */
function describeBody(text: string, type: string | null): string {
  if (!text.trim()) return '';
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object') {
      const { error, message } = data as { error?: unknown; message?: unknown };
      const msg = typeof error === 'string' ? error : typeof message === 'string' ? message : null;
      if (msg) return snippet(msg);
    }
  } catch {
    // not JSON: fall through
  }
  if (looksLikeHtml(text, type)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    if (title?.trim()) return snippet(title);
    return snippet(text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' '));
  }
  return snippet(text);
}

/**
 * POSTs one callback call in Dash's exact wire format and reads the answer.
 * Resolves `{kind: 'prevent'}` on 204 (or when `beforeSend` returns false), `{kind: 'update', values}`
 * on 200; rejects with a `CallbackTransportError` on any failure, or with the abort reason when
 * `signal` aborts.
 */
export async function postCallback(options: PostCallbackOptions): Promise<TransportResult> {
  const { signal, timeout } = options;
  const outputs = options.outputs.flat();
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });
  if (options.csrfToken) headers.set('X-CSRFToken', options.csrfToken);
  const req: TransportRequest = {
    url: options.url,
    headers,
    body: buildRequest({
      outputs: options.outputs,
      output: options.output,
      inputs: options.inputs,
      state: options.state,
      changedPropIds: options.changedPropIds,
    }),
  };
  if (options.beforeSend && options.beforeSend(req) === false) return { kind: 'prevent' };
  signal?.throwIfAborted();
  const { url } = req;
  const fail = (message: string, status?: number) =>
    new CallbackTransportError(`${url}: ${message}`, url, status);

  let body: string;
  try {
    body = JSON.stringify(req.body);
  } catch (error) {
    throw fail(`could not serialize the request body (${(error as Error).message})`);
  }

  // One controller for the caller's signal and the timeout.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer =
    timeout !== undefined && timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout)
      : undefined;
  const settle = (error: unknown): never => {
    if (signal?.aborted) throw signal.reason;
    if (timedOut) throw fail(`no answer within ${timeout} ms`);
    throw error;
  };

  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: req.headers,
        body,
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch (error) {
      return settle(fail(`network error, the server could not be reached (${(error as Error)?.message ?? error})`));
    }
    if (res.status === 204) return { kind: 'prevent' };

    let text: string;
    try {
      text = await res.text();
    } catch (error) {
      return settle(fail(`the answer could not be read (${(error as Error)?.message ?? error})`, res.status));
    }
    const type = res.headers.get('Content-Type');
    if (!res.ok) {
      const detail = describeBody(text, type);
      throw fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${detail ? `: ${detail}` : ''}`, res.status);
    }
    if (looksLikeHtml(text, type)) {
      throw fail(`answered HTML instead of JSON (is the endpoint URL right?): ${describeBody(text, type)}`, res.status);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw fail(`answered invalid JSON: ${snippet(text) || '(empty body)'}`, res.status);
    }
    try {
      const parsed = parseResponse(data, outputs);
      return parsed.sideUpdates
        ? { kind: 'update', values: parsed.values, sideUpdates: parsed.sideUpdates }
        : { kind: 'update', values: parsed.values };
    } catch (error) {
      if (error instanceof ProtocolError) {
        throw fail(`${error.message} (asked for ${outputs.map(propId).join(', ')})`, res.status);
      }
      throw error;
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
