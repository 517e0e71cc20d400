// postCallback against a real node:http server on 127.0.0.1: what goes on the wire and how each
// kind of answer is read.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postCallback, readCsrfCookie, CallbackTransportError } from '../../src/runtime/transport.js';
import type { PostCallbackOptions } from '../../src/runtime/transport.js';
import { buildRequest, outputId, parseOutputId, parseResponse } from '../../src/runtime/protocol.js';
import { NO_UPDATE } from '../../src/runtime/sentinels.js';
import { createDashServer } from '../../src/server/index.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = { status: number; type?: string; body?: string; delay?: number };

let server: http.Server;
let base: string;
const seen: Seen[] = [];
/** What each path answers. */
const replies: Record<string, Reply> = {
  '/ok': { status: 200, body: JSON.stringify({ multi: true, response: { out: { children: 'hi' } } }) },
  '/multi': {
    status: 200,
    body: JSON.stringify({ multi: true, response: { a: { children: 1 }, b: { style: { color: 'red' } } } }),
  },
  '/partial': { status: 200, body: JSON.stringify({ multi: true, response: { b: { style: { color: 'blue' } } } }) },
  '/empty': { status: 200, body: JSON.stringify({ multi: true, response: {} }) },
  '/no-update-object': {
    status: 200,
    body: JSON.stringify({ multi: true, response: { a: { children: { _dash_no_update: '_dash_no_update' } }, b: { style: 2 } } }),
  },
  '/old': { status: 200, body: JSON.stringify({ response: { props: { children: 'old form' } } }) },
  '/snake': { status: 200, body: JSON.stringify({ multi: true, response: { btn: { n_clicks: 5 } } }) },
  '/side': {
    status: 200,
    body: JSON.stringify({ multi: true, response: { out: { children: 'x' } }, sideUpdate: { status: { children: 'saved' } } }),
  },
  '/prevent': { status: 204 },
  '/500-json': { status: 500, body: JSON.stringify({ error: 'callback error updating out.children' }) },
  '/500-html': {
    status: 500,
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><title>KeyError: \'region\' // Werkzeug Debugger</title></head><body><h1>Traceback</h1></body></html>',
  },
  '/404-text': { status: 404, type: 'text/plain', body: 'Not Found' },
  '/html': { status: 200, type: 'text/html', body: '<!DOCTYPE html><html><head><title>My app</title></head><body>index</body></html>' },
  '/html-no-type': { status: 200, body: '<html><body>oops</body></html>' },
  '/invalid': { status: 200, body: '{"multi": true, "response": ' },
  '/blank': { status: 200, body: '' },
  '/unexpected': { status: 200, body: JSON.stringify({ multi: true, response: { x: { y: 1 } } }) },
  '/wrong-prop': { status: 200, body: JSON.stringify({ multi: true, response: { out: { title: 1 } } }) },
  '/array': { status: 200, body: '[1, 2]' },
  '/no-response': { status: 200, body: JSON.stringify({ multi: true }) },
  '/bad-props': { status: 200, body: JSON.stringify({ multi: true, response: { out: 'children' } }) },
  '/job': { status: 200, body: JSON.stringify({ cacheKey: 'k', job: '1' }) },
  '/slow': { status: 200, delay: 2000, body: JSON.stringify({ multi: true, response: { out: { children: 'late' } } }) },
};

before(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const reply = replies[path] ?? { status: 404, body: '' };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'Content-Type': reply.type ?? 'application/json' });
        res.end(reply.body ?? '');
      };
      if (reply.delay) setTimeout(send, reply.delay).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const one = (path: string, extra: Partial<PostCallbackOptions> = {}) =>
  postCallback({
    url: `${base}${path}`,
    outputs: [{ id: 'out', prop: 'children' }],
    inputs: [{ id: 'in', prop: 'value', value: 'x' }],
    state: [],
    changedPropIds: ['in.value'],
    ...extra,
  });

const two = (path: string, extra: Partial<PostCallbackOptions> = {}) =>
  postCallback({
    url: `${base}${path}`,
    outputs: [
      { id: 'a', prop: 'children' },
      { id: 'b', prop: 'style' },
    ],
    inputs: [{ id: 'in', prop: 'value', value: 1 }],
    state: [],
    changedPropIds: [],
    ...extra,
  });

async function rejectsWith(promise: Promise<unknown>, message: RegExp, status?: number) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof CallbackTransportError, `expected a CallbackTransportError, got ${String(error)}`);
    assert.match(error.message, message);
    if (status !== undefined) assert.equal(error.status, status);
    return true;
  });
}

describe('what postCallback sends', () => {
  it('POSTs Dash\'s exact body for one output, without state when there is none', async () => {
    seen.length = 0;
    const result = await postCallback({
      url: `${base}/ok`,
      outputs: [{ id: 'out', prop: 'children' }],
      inputs: [
        { id: 'region', prop: 'value', value: 'North' },
        { id: 'btn', prop: 'n_clicks', value: undefined },
      ],
      state: [],
      changedPropIds: ['region.value'],
    });
    assert.deepEqual(result, { kind: 'update', values: ['hi'] });
    assert.equal(seen.length, 1);
    const { method, headers, body } = seen[0];
    assert.equal(method, 'POST');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['x-csrftoken'], undefined);
    assert.equal(
      body,
      JSON.stringify({
        output: 'out.children',
        outputs: { id: 'out', property: 'children' },
        inputs: [
          { id: 'region', property: 'value', value: 'North' },
          { id: 'btn', property: 'n_clicks', value: null },
        ],
        changedPropIds: ['region.value'],
      }),
    );
  });

  it('POSTs the ..a.p...b.q.. id, an outputs array, state, and the CSRF header', async () => {
    seen.length = 0;
    await two('/multi', {
      state: [{ id: 'text', prop: 'value', value: 'hello' }],
      changedPropIds: ['in.value'],
      csrfToken: 'tok en',
    });
    const { headers, body } = seen[0];
    assert.equal(headers['x-csrftoken'], 'tok en');
    assert.deepEqual(JSON.parse(body), {
      output: '..a.children...b.style..',
      outputs: [
        { id: 'a', property: 'children' },
        { id: 'b', property: 'style' },
      ],
      inputs: [{ id: 'in', property: 'value', value: 1 }],
      changedPropIds: ['in.value'],
      state: [{ id: 'text', property: 'value', value: 'hello' }],
    });
  });

  it('asks fetch for a same-origin-credentials POST', async () => {
    let init: RequestInit | undefined;
    const spy: typeof fetch = (input, i) => {
      init = i;
      return fetch(input, i);
    };
    await one('/ok', { fetch: spy });
    assert.equal(init?.method, 'POST');
    assert.equal(init?.credentials, 'same-origin');
    assert.ok(init?.signal instanceof AbortSignal);
  });
});

describe('how postCallback reads answers', () => {
  it('reads a multi answer, one value per requested output', async () => {
    assert.deepEqual(await two('/multi'), { kind: 'update', values: [1, { color: 'red' }] });
  });

  it('gives NO_UPDATE for outputs the answer leaves out', async () => {
    assert.deepEqual(await two('/partial'), { kind: 'update', values: [NO_UPDATE, { color: 'blue' }] });
    assert.deepEqual(await two('/empty'), { kind: 'update', values: [NO_UPDATE, NO_UPDATE] });
    assert.deepEqual(await two('/no-update-object'), { kind: 'update', values: [NO_UPDATE, 2] });
  });

  it('reads 204 as prevent update', async () => {
    assert.deepEqual(await one('/prevent'), { kind: 'prevent' });
  });

  it('reads the older single-output form {response: {props}}', async () => {
    assert.deepEqual(await one('/old'), { kind: 'update', values: ['old form'] });
  });

  it('matches an answer in the other spelling of a prop', async () => {
    const result = await postCallback({
      url: `${base}/snake`,
      outputs: [{ id: 'btn', prop: 'nClicks' }],
      inputs: [{ id: 'in', prop: 'value', value: 1 }],
      state: [],
      changedPropIds: [],
    });
    assert.deepEqual(result, { kind: 'update', values: [5] });
  });

  it('passes Dash\'s sideUpdate on', async () => {
    assert.deepEqual(await one('/side'), {
      kind: 'update',
      values: ['x'],
      sideUpdates: { status: { children: 'saved' } },
    });
  });
});

describe('postCallback errors', () => {
  it('non-2xx: status and Dash\'s error message', async () => {
    await rejectsWith(one('/500-json'), /\/500-json: HTTP 500 Internal Server Error: callback error updating out\.children/, 500);
  });

  it('non-2xx with an HTML page: status and the page title', async () => {
    await rejectsWith(one('/500-html'), /HTTP 500 .*KeyError: 'region' \/\/ Werkzeug Debugger/, 500);
    await rejectsWith(one('/404-text'), /HTTP 404 Not Found: Not Found/, 404);
  });

  it('HTML with 200 (a wrong URL answered by an index page)', async () => {
    await rejectsWith(one('/html'), /answered HTML instead of JSON.*My app/, 200);
    await rejectsWith(one('/html-no-type'), /answered HTML instead of JSON/);
  });

  it('invalid JSON', async () => {
    await rejectsWith(one('/invalid'), /answered invalid JSON: \{"multi": true, "response":/);
    await rejectsWith(one('/blank'), /answered invalid JSON: \(empty body\)/);
  });

  it('an answer for an output that was not asked for', async () => {
    await rejectsWith(one('/unexpected'), /answered for x\.y which it was not asked for \(asked for out\.children\)/);
    await rejectsWith(one('/wrong-prop'), /answered for out\.title which it was not asked for/);
  });

  it('an answer of the wrong shape', async () => {
    await rejectsWith(one('/array'), /not a JSON object/);
    await rejectsWith(one('/no-response'), /no "response" field/);
    await rejectsWith(one('/bad-props'), /"response" for "out" is not an object/);
    await rejectsWith(two('/old'), /single-output form but 2 outputs/);
    await rejectsWith(one('/job'), /background callbacks are not supported/);
  });

  it('network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await rejectsWith(
      postCallback({ url: `http://127.0.0.1:${port}/x`, outputs: [{ id: 'o', prop: 'p' }], inputs: [], state: [], changedPropIds: [] }),
      /network error, the server could not be reached/,
    );
  });

  it('a timeout', async () => {
    await rejectsWith(one('/slow', { timeout: 50 }), /no answer within 50 ms/);
  });
});

describe('abort and beforeSend', () => {
  it('aborts the request when the signal aborts, rejecting with the abort reason (not a transport error)', async () => {
    // Abort once the server holds the request, so that no late arrival lands in a later test's `seen`.
    const abortWhenSeen = async (controller: AbortController, reason?: Error) => {
      const count = seen.filter((s) => s.url === '/slow').length;
      while (seen.filter((s) => s.url === '/slow').length === count) await new Promise((r) => setTimeout(r, 5));
      controller.abort(reason);
    };
    const controller = new AbortController();
    const pending = one('/slow', { signal: controller.signal });
    void abortWhenSeen(controller);
    await assert.rejects(pending, (error: Error) => {
      assert.equal(error.name, 'AbortError');
      assert.ok(!(error instanceof CallbackTransportError));
      return true;
    });
    const reason = new Error('superseded');
    const again = new AbortController();
    const second = one('/slow', { signal: again.signal });
    void abortWhenSeen(again, reason);
    await assert.rejects(second, (error) => error === reason);
  });

  it('does not send at all with an already-aborted signal', async () => {
    seen.length = 0;
    await assert.rejects(one('/ok', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(seen.length, 0);
  });

  it('lets beforeSend change url, headers and body in place', async () => {
    seen.length = 0;
    let got: { url: string; body: object } | undefined;
    const result = await one('/nowhere', {
      beforeSend(req) {
        got = { url: req.url, body: structuredClone(req.body) };
        req.url = `${base}/ok?via=beforeSend`;
        req.headers.set('Authorization', 'Bearer abc');
        (req.body as Record<string, unknown>).extra = 42;
        return true;
      },
    });
    assert.deepEqual(result, { kind: 'update', values: ['hi'] });
    assert.equal(got?.url, `${base}/nowhere`);
    assert.deepEqual(got?.body, {
      output: 'out.children',
      outputs: { id: 'out', property: 'children' },
      inputs: [{ id: 'in', property: 'value', value: 'x' }],
      changedPropIds: ['in.value'],
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, '/ok?via=beforeSend');
    assert.equal(seen[0].headers.authorization, 'Bearer abc');
    assert.equal(JSON.parse(seen[0].body).extra, 42);
  });

  it('lets beforeSend replace the headers and body objects', async () => {
    seen.length = 0;
    await one('/ok', {
      beforeSend(req) {
        req.headers = new Headers({ 'Content-Type': 'application/json', 'X-Test': '1' });
        req.body = { replaced: true };
        return true;
      },
    });
    assert.equal(seen[0].headers['x-test'], '1');
    assert.equal(seen[0].headers.accept, '*/*');
    assert.equal(seen[0].body, '{"replaced":true}');
  });

  it('skips the request when beforeSend returns false', async () => {
    seen.length = 0;
    assert.deepEqual(await one('/ok', { beforeSend: () => false }), { kind: 'prevent' });
    assert.equal(seen.length, 0);
  });
});

describe('round trip with dash-elements/server', () => {
  it('postCallback and createDashServer speak the same protocol', async () => {
    const dash = createDashServer();
    dash.callback({ outputs: 'a.children, b.style', inputs: 'btn.n_clicks', state: 'name.value' }, (clicks: number, name: string) => [
      `${name} clicked ${clicks}`,
      clicks > 1 ? { color: 'red' } : NO_UPDATE,
    ]);
    const s = http.createServer(dash.listener);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/_dash-update-component`;
    try {
      const call = (clicks: number) =>
        postCallback({
          url,
          outputs: [
            { id: 'a', prop: 'children' },
            { id: 'b', prop: 'style' },
          ],
          inputs: [{ id: 'btn', prop: 'nClicks', value: clicks }],
          state: [{ id: 'name', prop: 'value', value: 'Ann' }],
          changedPropIds: ['btn.nClicks'],
        });
      assert.deepEqual(await call(1), { kind: 'update', values: ['Ann clicked 1', NO_UPDATE] });
      assert.deepEqual(await call(2), { kind: 'update', values: ['Ann clicked 2', { color: 'red' }] });
    } finally {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });
});

describe('protocol helpers', () => {
  it('outputId and parseOutputId use Dash\'s ids', () => {
    assert.equal(outputId([{ id: 'a', prop: 'b' }]), 'a.b');
    assert.equal(outputId([{ id: 'a', prop: 'b' }], true), '..a.b..');
    assert.equal(
      outputId([
        { id: 'a', prop: 'b' },
        { id: 'c', prop: 'd' },
      ]),
      '..a.b...c.d..',
    );
    assert.deepEqual(parseOutputId('..a.b...c.d..'), { outputs: [{ id: 'a', prop: 'b' }, { id: 'c', prop: 'd' }], multi: true });
    assert.deepEqual(parseOutputId('my-graph.figure'), { outputs: [{ id: 'my-graph', prop: 'figure' }], multi: false });
    assert.equal(parseOutputId('nodot'), null);
  });

  it('buildRequest leaves state out only when empty', () => {
    const withState = buildRequest({
      outputs: [{ id: 'o', prop: 'p' }],
      inputs: [],
      state: [{ id: 's', prop: 'value', value: 1 }],
      changedPropIds: [],
    });
    assert.deepEqual(withState.state, [{ id: 's', property: 'value', value: 1 }]);
    assert.ok(!('state' in buildRequest({ outputs: [{ id: 'o', prop: 'p' }], inputs: [], changedPropIds: [] })));
  });

  it('parseResponse strips Dash\'s @hash duplicate-output suffix when matching', () => {
    assert.deepEqual(parseResponse({ multi: true, response: { o: { p: 1 } } }, [{ id: 'o', prop: 'p@abc' }]).values, [1]);
  });

  it('readCsrfCookie reads _csrf_token', () => {
    assert.equal(readCsrfCookie('a=1; _csrf_token=abc%3D%3D; b=2'), 'abc==');
    assert.equal(readCsrfCookie('_csrf_token=xyz'), 'xyz');
    assert.equal(readCsrfCookie('x_csrf_token=no; other=1'), null);
    assert.equal(readCsrfCookie(''), null);
    assert.equal(readCsrfCookie(undefined), null);
    assert.equal(readCsrfCookie('_csrf_token=%E0%A4%A'), '%E0%A4%A');
  });
});
