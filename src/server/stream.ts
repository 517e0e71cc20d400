/**
 * Pushed updates (docs/server.md, "Pushed updates"): Server-Sent Events whose data is
 * `{id: {prop: value}}`, for `<dash-event-source>`. A client that reads slower than the app sends
 * gets its pending updates coalesced (the newest value of each id.prop) instead of an unbounded
 * buffer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../internal/is-record.js';

/** `{id: {prop: value}}`: what one event sets in the page. */
export type StreamUpdates = Record<string, Record<string, unknown>>;

export interface StreamContext {
  /**
   * Pushes one event. Returns true when it went out, false when the client is behind and the
   * updates were merged into the next event instead.
   */
  send(updates: StreamUpdates): boolean;
  /** Aborted when the client goes away (or the server stops the stream). */
  signal: AbortSignal;
  request: IncomingMessage;
}

/** Called once per client; may be async, and may return (async) updates to send one by one. */
export type StreamHandler = (ctx: StreamContext) => void | Promise<void> | AsyncIterable<StreamUpdates> | Iterable<StreamUpdates>;

/** Seconds between comment lines that keep idle proxies from closing the connection. */
const KEEPALIVE_MS = 15_000;

/** Serves one client of a stream until it goes away or the handler finishes. */
export async function serveStream(req: IncomingMessage, res: ServerResponse, handler: StreamHandler, onError: (error: unknown) => void): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Proxies such as nginx would otherwise hold events back.
    'X-Accel-Buffering': 'no',
  });
  res.write(': dash-elements stream\n\n');
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('the client closed the stream'));
  res.once('close', stop);
  let eventId = 0;
  let pending: StreamUpdates | null = null;

  const write = (updates: StreamUpdates) => res.write(`id: ${++eventId}\ndata: ${JSON.stringify(updates)}\n\n`);
  const flush = () => {
    if (!pending || controller.signal.aborted) return;
    const next = pending;
    pending = null;
    write(next);
  };
  res.on('drain', flush);

  const send = (updates: StreamUpdates): boolean => {
    if (controller.signal.aborted || !isRecord(updates)) return false;
    // Behind: keep only the newest value of each id.prop until the socket drains.
    if (pending || res.writableNeedDrain) {
      pending ??= {};
      for (const [id, props] of Object.entries(updates)) pending[id] = { ...pending[id], ...props };
      return false;
    }
    write(updates);
    return true;
  };

  const keepalive = setInterval(() => {
    if (!res.writableNeedDrain) res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  try {
    const returned = handler({ send, signal: controller.signal, request: req });
    const isAsync = typeof (returned as Promise<unknown> | undefined)?.then === 'function';
    const result = await returned;
    if (result && (Symbol.asyncIterator in Object(result) || Symbol.iterator in Object(result))) {
      for await (const updates of result as AsyncIterable<StreamUpdates>) {
        if (controller.signal.aborted) break;
        send(updates);
      }
    } else if (!isAsync && !controller.signal.aborted) {
      // A plain function that set up its own send() calls keeps the stream open until the client
      // goes; an async one ends the stream when it settles.
      await new Promise((resolve) => controller.signal.addEventListener('abort', resolve, { once: true }));
    }
  } catch (error) {
    if (!controller.signal.aborted) onError(error);
  } finally {
    clearInterval(keepalive);
    res.off('drain', flush);
    res.off('close', stop);
    if (!controller.signal.aborted) {
      // Said all it had: the last coalesced updates, then the end.
      flush();
      res.end();
    }
  }
}
