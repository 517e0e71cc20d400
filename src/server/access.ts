/**
 * Access control for the callback endpoints (docs/server.md, "Access control"): an app's
 * `authorize` hook and Dash's double-submit CSRF check (`X-CSRFToken` header = `_csrf_token` cookie).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Dependency } from '../runtime/dependency.js';
// The page reads the same cookie the same way.
import { readCsrfCookie } from '../runtime/transport.js';

/** The callback a request would run, as registered. */
export interface AuthorizeCallback {
  outputs: Dependency[];
  inputs: Dependency[];
  state: Dependency[];
}

/** `true` allows; `false` is a 403; `{status, message}` refuses with that status. */
export type AuthorizeResult = boolean | { status: 401 | 403; message?: string };
export type Authorize = (request: IncomingMessage, callback: AuthorizeCallback) => AuthorizeResult | Promise<AuthorizeResult>;

export interface Refusal {
  status: number;
  message: string;
}

/** What `authorize` answered, as a refusal to send, or null to go on. */
export function refusalOf(result: unknown): Refusal | null {
  if (result === true) return null;
  if (typeof result === 'object' && result !== null && 'status' in result) {
    const { status, message } = result as { status: unknown; message?: unknown };
    const code = status === 401 ? 401 : 403;
    return { status: code, message: typeof message === 'string' && message ? message : code === 401 ? 'not signed in' : 'forbidden' };
  }
  // false, or anything unexpected: refuse rather than run.
  return { status: 403, message: 'forbidden' };
}

export const CSRF_COOKIE = '_csrf_token';
export const CSRF_HEADER = 'x-csrftoken';

/** Why a state-changing request fails the double-submit check, or null when it passes. */
export function csrfRefusal(request: IncomingMessage): Refusal | null {
  const cookie = readCsrfCookie(request.headers.cookie);
  const header = request.headers[CSRF_HEADER];
  if (!cookie) return { status: 403, message: `CSRF check failed: no ${CSRF_COOKIE} cookie (load the page first)` };
  if (typeof header !== 'string' || !header) return { status: 403, message: 'CSRF check failed: no X-CSRFToken header' };
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 403, message: 'CSRF check failed: X-CSRFToken does not match the cookie' };
  return null;
}

/** A `Set-Cookie` value with a fresh token, for a request that carries none; else undefined. */
export function csrfCookieFor(request: IncomingMessage, path: string): string | undefined {
  if (readCsrfCookie(request.headers.cookie)) return undefined;
  // Readable by the page's script (double submit needs that), never sent cross-site on a POST.
  return `${CSRF_COOKIE}=${randomBytes(24).toString('base64url')}; Path=${path}; SameSite=Lax`;
}
