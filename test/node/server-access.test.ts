// Access control over real HTTP (docs/server.md, "Access control"): `authorize` refusing, allowing
// and seeing the callback; `csrf: true`'s double-submit check against forged requests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashServer, type AuthorizeCallback, type DashServerOptions } from '../../src/server/index.js';

async function start(options: DashServerOptions) {
  let runs = 0;
  const dash = createDashServer(options);
  dash.callback({ outputs: 'out.children', inputs: 'name.value', state: 'who.data' }, (name: string) => {
    runs++;
    return `Hello ${name}`;
  });
  const server = http.createServer(dash.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    runs: () => runs,
    post: (headers: Record<string, string> = {}) =>
      fetch(`${base}/_dash-update-component`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({
          output: 'out.children',
          outputs: { id: 'out', property: 'children' },
          inputs: [{ id: 'name', property: 'value', value: 'Ada' }],
          state: [{ id: 'who', property: 'data', value: null }],
          changedPropIds: ['name.value'],
        }),
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('authorize', () => {
  let app: Awaited<ReturnType<typeof start>>;
  const seen: AuthorizeCallback[] = [];
  before(async () => {
    app = await start({
      authorize(request, callback) {
        seen.push(callback);
        const user = request.headers['x-user'];
        if (!user) return { status: 401, message: 'please sign in' };
        if (user === 'mallory') return false;
        if (user === 'eve') return { status: 403, message: 'readers only' };
        return Promise.resolve(user === 'ada');
      },
    });
  });
  after(() => app.close());

  it('refuses with 401 JSON and runs nothing', async () => {
    const res = await app.post();
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { error: 'please sign in' });
    assert.equal(app.runs(), 0);
  });

  it('refuses with 403 for false, for {status: 403} and for a resolved false', async () => {
    for (const [user, message] of [['mallory', 'forbidden'], ['eve', 'readers only'], ['bob', 'forbidden']]) {
      const res = await app.post({ 'X-User': user });
      assert.equal(res.status, 403, user);
      assert.deepEqual(await res.json(), { error: message });
    }
    assert.equal(app.runs(), 0);
  });

  it('allows, runs the callback, and showed authorize which callback it was', async () => {
    seen.length = 0;
    const res = await app.post({ 'X-User': 'ada' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { multi: true, response: { out: { children: 'Hello Ada' } } });
    assert.equal(app.runs(), 1);
    assert.deepEqual(seen, [{ outputs: [{ id: 'out', prop: 'children' }], inputs: [{ id: 'name', prop: 'value' }], state: [{ id: 'who', prop: 'data' }] }]);
  });

  it('a throwing authorize is a 500 without details, and nothing runs', async () => {
    const broken = await start({
      authorize() {
        throw new Error('db password is hunter2');
      },
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await broken.post();
      assert.equal(res.status, 500);
      assert.doesNotMatch(await res.text(), /hunter2/);
      assert.equal(broken.runs(), 0);
    } finally {
      console.error = original;
      await broken.close();
    }
    assert.equal(errors.length, 1, 'logged once for the developer');
  });
});

describe('csrf: true', () => {
  let app: Awaited<ReturnType<typeof start>>;
  before(async () => {
    app = await start({ csrf: true });
  });
  after(() => app.close());

  async function token(): Promise<string> {
    const res = await fetch(`${app.base}/_dash-dependencies`);
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^_csrf_token=[\w-]{32}; Path=\/; SameSite=Lax$/);
    return cookie.split(';')[0].split('=')[1];
  }

  it('sets a fresh random cookie for a request without one, and none when it has one', async () => {
    const a = await token();
    const b = await token();
    assert.notEqual(a, b);
    const again = await fetch(`${app.base}/_dash-dependencies`, { headers: { Cookie: `_csrf_token=${a}` } });
    assert.equal(again.headers.get('set-cookie'), null);
  });

  it('allows a POST whose X-CSRFToken matches the cookie', async () => {
    const t = await token();
    const res = await app.post({ Cookie: `theme=dark; _csrf_token=${t}`, 'X-CSRFToken': t });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { multi: true, response: { out: { children: 'Hello Ada' } } });
  });

  it('refuses forged requests with 403 and runs nothing', async () => {
    const t = await token();
    const before = app.runs();
    const forged: Array<[Record<string, string>, RegExp]> = [
      [{}, /no _csrf_token cookie/],
      [{ 'X-CSRFToken': t }, /no _csrf_token cookie/],
      [{ Cookie: `_csrf_token=${t}` }, /no X-CSRFToken header/],
      [{ Cookie: `_csrf_token=${t}`, 'X-CSRFToken': `${t.slice(0, -1)}x` }, /does not match/],
      [{ Cookie: `_csrf_token=${t}`, 'X-CSRFToken': 'short' }, /does not match/],
      [{ Cookie: `_csrf_token=attacker`, 'X-CSRFToken': t }, /does not match/],
    ];
    for (const [headers, message] of forged) {
      const res = await app.post(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.match(((await res.json()) as { error: string }).error, message);
    }
    assert.equal(app.runs(), before);
  });
});
