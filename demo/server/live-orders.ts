// The server half of demo/live.html (live orders): a sign-in (a session cookie signed with node:crypto HMAC, no
// auth framework), `authorize` guarding the page's callbacks, and a `dash.stream` of live orders
// that <dash-event-source> applies to the page. The demo's password is "demo".
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Middleware } from '@web/dev-server-core';
import type { AuthorizeCallback, DashServer } from '../../src/server/index.js';

const SECRET = process.env.DEMO_SESSION_SECRET ?? randomBytes(32).toString('hex');
const COOKIE = 'demo_session';
const STREAM_PATH = '/demo/live-stream';

const mac = (value: string) => createHmac('sha256', SECRET).update(value).digest('base64url');

/** `user.expiry.mac`: whoever holds it signed in as user until expiry. */
export function signSession(user: string, ttlMs = 8 * 3600_000): string {
  const value = `${Buffer.from(user).toString('base64url')}.${Date.now() + ttlMs}`;
  return `${value}.${mac(value)}`;
}

/** The signed-in user of a request, or null (no cookie, forged, or expired). */
export function sessionUser(request: IncomingMessage): string | null {
  const cookie = String(request.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  const token = cookie?.slice(COOKIE.length + 1) ?? '';
  const cut = token.lastIndexOf('.');
  if (cut < 0) return null;
  const value = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(mac(value));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [user, expiry] = value.split('.');
  return Number(expiry) > Date.now() ? Buffer.from(user, 'base64url').toString('utf8') : null;
}

/** For createDashServer({ authorize }): the live page's callbacks need a session; others are public. */
export function authorizeLiveOrders(request: IncomingMessage, callback: AuthorizeCallback) {
  if (!callback.outputs.some((o) => o.id === 'live-totals')) return true;
  return sessionUser(request) ? true : { status: 401 as const, message: 'sign in to see live orders' };
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 4096) break;
  }
  return new URLSearchParams(body);
}

/** POST /demo/login, POST /demo/logout, and the stream refused (401) without a session. */
export const liveMiddleware: Middleware = async (ctx, next) => {
  if (ctx.method === 'POST' && ctx.path === '/demo/login') {
    const form = await readForm(ctx.req);
    const user = (form.get('user') ?? '').trim().slice(0, 40);
    if (user && form.get('password') === 'demo') {
      ctx.set('Set-Cookie', `${COOKIE}=${signSession(user)}; Path=/; HttpOnly; SameSite=Lax`);
      ctx.redirect('/demo/live.html');
    } else {
      ctx.redirect('/demo/live.html?failed=1');
    }
    return;
  }
  if (ctx.method === 'POST' && ctx.path === '/demo/logout') {
    ctx.set('Set-Cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    ctx.redirect('/demo/live.html');
    return;
  }
  if (ctx.path === '/demo/session') {
    ctx.body = { user: sessionUser(ctx.req) };
    return;
  }
  if (ctx.path === STREAM_PATH && !sessionUser(ctx.req)) {
    ctx.status = 401;
    ctx.body = { error: 'sign in to see live orders' };
    return;
  }
  return next();
};

const AIRPORTS = ['SFO', 'JFK', 'ORD', 'ATL', 'LAX', 'SEA'];

export function registerLiveOrders(dash: DashServer): void {
  // Every second, an order: the stream sets the ticker text and a store; a callback sums the store.
  dash.stream(STREAM_PATH, async ({ send, signal }) => {
    let n = 0;
    while (!signal.aborted) {
      n++;
      const airport = AIRPORTS[n % AIRPORTS.length];
      const seats = 1 + ((n * 7) % 5);
      send({ 'live-ticker': { children: `Order ${n}: ${seats} seat${seats === 1 ? '' : 's'} from ${airport}` }, 'live-last': { data: { airport, seats } } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
  dash.callback(
    { outputs: 'live-totals.children', inputs: 'live-last.data', state: 'live-totals.children' },
    (last: { airport: string; seats: number } | null, shown: string | null) => {
      const seats = Number(/^(\d+)/.exec(shown ?? '')?.[1] ?? 0) + (last?.seats ?? 0);
      return `${seats} seats sold since you opened the page`;
    },
  );
}
