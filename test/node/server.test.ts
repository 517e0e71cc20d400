// dash-elements/server over real HTTP on 127.0.0.1: node:http listener, Connect-style middleware,
// and Koa middleware inside @web/dev-server.
import { describe, it, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashServer, NO_UPDATE, Patch, PreventUpdate } from '../../src/server/index.js';
import type { DashServer, ServerCallbackContext } from '../../src/server/index.js';
import { serve } from '../../scripts/dev-server.js';
import type { Middleware } from '@web/dev-server-core';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A request body as Dash's renderer sends it. */
function dashBody(
  output: string,
  outputs: Array<[string, string]>,
  inputs: Array<[string, string, unknown]>,
  state?: Array<[string, string, unknown]>,
  changedPropIds: string[] = [],
) {
  const list = outputs.map(([id, property]) => ({ id, property }));
  const body: Record<string, unknown> = {
    output,
    outputs: list.length === 1 && !output.startsWith('..') ? list[0] : list,
    inputs: inputs.map(([id, property, value]) => ({ id, property, value })),
    changedPropIds,
  };
  if (state) body.state = state.map(([id, property, value]) => ({ id, property, value }));
  return body;
}

function makeServer(options?: Parameters<typeof createDashServer>[0]): { dash: DashServer; seen: ServerCallbackContext[] } {
  const seen: ServerCallbackContext[] = [];
  const dash = createDashServer(options);
  dash.callback({ outputs: 'greeting.children', inputs: 'name.value' }, (name: string, ctx: ServerCallbackContext) => {
    seen.push(ctx);
    return `Hello ${name}`;
  });
  dash.callback(
    { outputs: ['total.children', 'total.style'], inputs: 'a.value, b.value' },
    async (a: number, b: number) => {
      await new Promise((r) => setTimeout(r, 5));
      if (a === 0) return [NO_UPDATE, { color: 'red' }];
      if (a === -1) return [NO_UPDATE, NO_UPDATE];
      if (a === -2) return NO_UPDATE;
      if (a === -3) return [1, 2, 3];
      return [a + b, { color: a + b > 10 ? 'red' : 'green' }];
    },
  );
  dash.callback(
    { outputs: 'result.children', inputs: 'submit.nClicks', state: 'text.value', preventInitialCall: true },
    (clicks: number | null, text: string, ctx: ServerCallbackContext) => {
      seen.push(ctx);
      if (!clicks) throw new PreventUpdate();
      if (text === 'boom') throw new Error('secret database password in this message');
      if (text === 'nothing') return NO_UPDATE;
      if (text === 'side') ctx.setProps('status', { children: 'saved' });
      if (text === 'bigint') return 10n;
      return `You submitted: ${text}`;
    },
  );
  return { dash, seen };
}

describe('dash-elements/server as a node:http listener', () => {
  let server: http.Server;
  let base: string;
  let seen: ServerCallbackContext[];
  let update: string;
  before(async () => {
    const made = makeServer();
    seen = made.seen;
    server = http.createServer(made.dash.listener);
    base = await listen(server);
    update = `${base}/_dash-update-component`;
  });
  after(() => close(server));

  it('answers a single-output call in the multi form current Dash uses', async () => {
    const answer = await post(update, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'Ann']], undefined, ['name.value']));
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello Ann' } } });
    const ctx = seen.at(-1)!;
    assert.deepEqual(ctx.triggered, [{ id: 'name', prop: 'value', prop_id: 'name.value', value: 'Ann' }]);
    assert.equal(ctx.triggeredId, 'name');
    assert.deepEqual(ctx.inputs, { 'name.value': 'Ann' });
    assert.deepEqual(ctx.state, {});
    assert.deepEqual(ctx.outputs, [{ id: 'greeting', prop: 'children' }]);
  });

  it('gives an initial call (no changedPropIds) an empty triggered and a null triggeredId', async () => {
    const answer = await post(update, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', null]]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello null' } } });
    assert.deepEqual(seen.at(-1)!.triggered, []);
    assert.equal(seen.at(-1)!.triggeredId, null);
  });

  it('answers several outputs, async, with the ..a.p...b.q.. id', async () => {
    const answer = await post(
      update,
      dashBody('..total.children...total.style..', [['total', 'children'], ['total', 'style']], [['a', 'value', 4], ['b', 'value', 9]], undefined, ['a.value']),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { total: { children: 13, style: { color: 'red' } } } });
  });

  it('matches outputs and inputs by name, in any order', async () => {
    const answer = await post(
      update,
      dashBody('..total.style...total.children..', [['total', 'style'], ['total', 'children']], [['b', 'value', 1], ['a', 'value', 2]]),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { total: { children: 3, style: { color: 'green' } } } });
  });

  it('leaves NO_UPDATE outputs out of the answer', async () => {
    const answer = await post(update, dashBody('..total.children...total.style..', [['total', 'children'], ['total', 'style']], [['a', 'value', 0], ['b', 'value', 1]]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { total: { style: { color: 'red' } } } });
  });

  it('answers 204 when every output is NO_UPDATE, or the callback returns NO_UPDATE for all', async () => {
    for (const a of [-1, -2]) {
      const answer = await post(update, dashBody('..total.children...total.style..', [['total', 'children'], ['total', 'style']], [['a', 'value', a], ['b', 'value', 1]]));
      assert.equal(answer.status, 204, `a = ${a}`);
      assert.equal(answer.text, '');
    }
    const single = await post(
      update,
      dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]], [['text', 'value', 'nothing']]),
    );
    assert.equal(single.status, 204);
  });

  it('answers 204 for PreventUpdate', async () => {
    const answer = await post(update, dashBody('result.children', [['result', 'children']], [['submit', 'n_clicks', null]], [['text', 'value', 'x']]));
    assert.equal(answer.status, 204);
    assert.equal(answer.text, '');
  });

  it('passes state after the inputs, takes either prop spelling and answers in the page\'s spelling', async () => {
    const answer = await post(
      update,
      dashBody('result.children', [['result', 'children']], [['submit', 'n_clicks', 2]], [['text', 'value', 'hi']], ['submit.n_clicks']),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { result: { children: 'You submitted: hi' } } });
    const ctx = seen.at(-1)!;
    assert.deepEqual(ctx.inputs, { 'submit.nClicks': 2 });
    assert.deepEqual(ctx.state, { 'text.value': 'hi' });
    // In the registration's spelling, as ported Python compares `ctx.triggered[0]['prop_id']`.
    assert.deepEqual(ctx.triggered, [{ id: 'submit', prop: 'nClicks', prop_id: 'submit.nClicks', value: 2 }]);
  });

  it('sends ctx.setProps side updates as Dash\'s sideUpdate', async () => {
    const answer = await post(update, dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]], [['text', 'value', 'side']]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, {
      multi: true,
      response: { result: { children: 'You submitted: side' } },
      sideUpdate: { status: { children: 'saved' } },
    });
  });

  it('answers 500 JSON without the error text or a stack trace for a thrown error, and logs it', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const answer = await post(update, dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]], [['text', 'value', 'boom']]));
    assert.equal(answer.status, 500);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    const { error } = answer.json as { error: string };
    assert.match(error, /callback error updating result\.children/);
    assert.doesNotMatch(answer.text, /secret|password|at .*\.ts|Error:/);
    assert.equal(logged.mock.callCount(), 1);
    assert.match(String(logged.mock.calls[0].arguments[0]), /result\.children/);
    assert.match(String((logged.mock.calls[0].arguments[1] as Error).message), /secret database password/);
  });

  it('answers 500 when a multi-output callback returns the wrong number of values, or a value JSON cannot carry', async (t) => {
    t.mock.method(console, 'error', () => {});
    const wrong = await post(update, dashBody('..total.children...total.style..', [['total', 'children'], ['total', 'style']], [['a', 'value', -3], ['b', 'value', 1]]));
    assert.equal(wrong.status, 500);
    assert.match((wrong.json as { error: string }).error, /total\.children/);
    const big = await post(update, dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]], [['text', 'value', 'bigint']]));
    assert.equal(big.status, 500);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['malformed JSON', '{"output": "greeting.children", ', /malformed JSON/],
    ['a body that is not an object', '[1,2]', /JSON object/],
    ['a missing output', { outputs: { id: 'greeting', property: 'children' }, inputs: [] }, /missing the "output" field/],
    ['missing outputs', { output: 'greeting.children', inputs: [] }, /missing the "outputs" field/],
    ['missing inputs', { output: 'greeting.children', outputs: { id: 'greeting', property: 'children' } }, /missing the "inputs" field/],
    ['a non-string output', { output: 3, outputs: [], inputs: [] }, /"output" must be a string/],
    ['a malformed output id', { output: 'greeting', outputs: {}, inputs: [] }, /is not "id\.prop"/],
    ['an unknown output id', dashBody('nope.children', [['nope', 'children']], [['name', 'value', 1]]), /no callback is registered for output "nope\.children".*greeting\.children/],
    ['outputs that do not match output', dashBody('greeting.children', [['other', 'children']], [['name', 'value', 1]]), /takes output greeting\.children, the request sent other\.children/],
    ['too few input values', dashBody('..total.children...total.style..', [['total', 'children'], ['total', 'style']], [['a', 'value', 1]]), /takes 2 input values \(a\.value, b\.value\), the request sent 1/],
    ['too many input values', dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 1], ['x', 'value', 2]]), /takes 1 input value \(name\.value\), the request sent 2/],
    ['a wrong input', dashBody('greeting.children', [['greeting', 'children']], [['surname', 'value', 1]]), /takes input name\.value, the request sent surname\.value/],
    ['missing state', dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]]), /takes 1 state value \(text\.value\), the request sent 0/],
    ['an input entry without id', { ...dashBody('greeting.children', [['greeting', 'children']], []), inputs: [{ property: 'value', value: 1 }] }, /"inputs"\[0\]\.id/],
    ['an object id the callback does not take', { ...dashBody('greeting.children', [['greeting', 'children']], []), inputs: [{ id: { type: 'x', index: 1 }, property: 'value' }] }, /takes input name\.value, the request sent \{"index":1,"type":"x"\}\.value/],
    ['a wildcard in a request', { ...dashBody('greeting.children', [['greeting', 'children']], []), inputs: [{ id: { type: 'x', index: ['ALL'] }, property: 'value' }] }, /holds a wildcard/],
    ['changedPropIds that is not a list of strings', { ...dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 1]]), changedPropIds: 'name.value' }, /changedPropIds/],
  ];
  for (const [name, body, message] of bad) {
    it(`answers 400 with a clear JSON message for ${name}`, async () => {
      const answer = await post(update, body);
      assert.equal(answer.status, 400, answer.text);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.match((answer.json as { error: string }).error, message);
    });
  }

  it('answers 415 for a body that is not sent as JSON', async () => {
    const answer = await request(update, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(answer.status, 415);
    assert.match((answer.json as { error: string }).error, /application\/json/);
  });

  it('answers 405 for the wrong method, with Allow', async () => {
    const get = await request(update);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.match((get.json as { error: string }).error, /POST/);
    const postDeps = await post(`${base}/_dash-dependencies`, {});
    assert.equal(postDeps.status, 405);
    assert.equal(postDeps.headers.get('allow'), 'GET, HEAD');
  });

  it('answers GET /_dash-dependencies in Dash\'s format', async () => {
    const answer = await request(`${base}/_dash-dependencies`);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, [
      {
        output: 'greeting.children',
        inputs: [{ id: 'name', property: 'value' }],
        state: [],
        clientside_function: null,
        prevent_initial_call: false,
        long: null,
        dynamic_creator: null,
        no_output: false,
      },
      {
        output: '..total.children...total.style..',
        inputs: [{ id: 'a', property: 'value' }, { id: 'b', property: 'value' }],
        state: [],
        clientside_function: null,
        prevent_initial_call: false,
        long: null,
        dynamic_creator: null,
        no_output: false,
      },
      {
        output: 'result.children',
        inputs: [{ id: 'submit', property: 'nClicks' }],
        state: [{ id: 'text', property: 'value' }],
        clientside_function: null,
        prevent_initial_call: true,
        long: null,
        dynamic_creator: null,
        no_output: false,
      },
    ]);
  });

  it('ignores the query string (Dash adds cacheKey/job parameters)', async () => {
    const answer = await post(`${update}?cacheKey=x`, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'Q']]));
    assert.equal(answer.status, 200);
  });

  it('answers 404 for other paths', async () => {
    const answer = await request(`${base}/index.html`);
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.json, { error: 'not found' });
  });
});

describe('request size limit', () => {
  let server: http.Server;
  let update: string;
  before(async () => {
    server = http.createServer(makeServer({ maxBodyBytes: 512 }).dash.listener);
    update = `${await listen(server)}/_dash-update-component`;
  });
  after(() => close(server));

  it('answers 413 for a body larger than maxBodyBytes (Content-Length)', async () => {
    const body = dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'x'.repeat(2000)]]);
    const answer = await post(update, body);
    assert.equal(answer.status, 413);
    assert.match((answer.json as { error: string }).error, /larger than 512 bytes/);
  });

  it('answers 413 for a streamed body that grows past the limit (no Content-Length)', async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(update, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write(`"${'y'.repeat(200)}",`);
      req.end();
    });
    assert.equal(answer.status, 413);
    assert.match(answer.text, /larger than 512 bytes/);
  });

  it('still answers a body under the limit', async () => {
    const answer = await post(update, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'small']]));
    assert.equal(answer.status, 200);
  });

  it('uses 1 MiB by default', async () => {
    const dash = makeServer().dash;
    const s = http.createServer(dash.listener);
    const url = `${await listen(s)}/_dash-update-component`;
    try {
      const ok = await post(url, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'x'.repeat(1000 * 1000)]]));
      assert.equal(ok.status, 200);
      const big = await post(url, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'x'.repeat(1024 * 1024)]]));
      assert.equal(big.status, 413);
    } finally {
      await close(s);
    }
  });
});

describe('pathPrefix', () => {
  it('serves the endpoints under the prefix only', async () => {
    const server = http.createServer(makeServer({ pathPrefix: '/app' }).dash.listener);
    const base = await listen(server);
    try {
      const body = dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'P']]);
      assert.equal((await post(`${base}/app/_dash-update-component`, body)).status, 200);
      assert.equal((await request(`${base}/app/_dash-dependencies`)).status, 200);
      assert.equal((await post(`${base}/_dash-update-component`, body)).status, 404);
    } finally {
      await close(server);
    }
  });
});

describe('callback registration', () => {
  it('throws a TypeError naming a malformed dependency', () => {
    const dash = createDashServer();
    assert.throws(() => dash.callback({ outputs: 'nodot', inputs: 'a.value' }, () => 1), { name: 'DependencyError', message: /outputs: "nodot" is not of the form ID\.PROP/ });
    assert.throws(() => dash.callback({ outputs: 'a.b', inputs: 'x., y.value' }, () => 1), { name: 'DependencyError', message: /inputs: "x\." is not of the form ID\.PROP/ });
    assert.throws(() => dash.callback({ outputs: 'a.c', inputs: [{ id: 'x' } as never] }, () => 1), {
      name: 'DependencyError',
      message: 'inputs: {"id":"x"} is not "ID.PROP" or {id, prop}',
    });
    assert.throws(() => dash.callback({ outputs: '{"type":"a","index":"MATCH"}.children', inputs: 'b.value' }, () => 1), {
      name: 'DependencyError',
      message: 'outputs: {"index":["MATCH"],"type":"a"}.children has MATCH on "index" but no input has MATCH on the same key(s)',
    });
    assert.throws(() => dash.callback({ outputs: 'a.b', inputs: 'c.d' }, 'fn' as never), { name: 'TypeError' });
  });

  it('refuses a second callback for the same outputs (either spelling)', () => {
    const dash = createDashServer();
    dash.callback({ outputs: 'btn.n_clicks', inputs: 'a.value' }, () => 1);
    assert.throws(() => dash.callback({ outputs: { id: 'btn', prop: 'nClicks' }, inputs: 'b.value' }, () => 1), /btn\.nClicks already have a callback/);
  });

  it('treats an array of one output as Dash\'s [Output]: the function returns an array', async () => {
    const dash = createDashServer();
    dash.callback({ outputs: ['only.children'], inputs: 'a.value' }, (a: number) => [a * 2]);
    assert.equal(dash.dependencies()[0].output, '..only.children..');
    const server = http.createServer(dash.listener);
    const base = await listen(server);
    try {
      // What <dash-callback outputs="only.children"> sends.
      const answer = await post(`${base}/_dash-update-component`, dashBody('only.children', [['only', 'children']], [['a', 'value', 21]]));
      assert.deepEqual(answer.json, { multi: true, response: { only: { children: 42 } } });
    } finally {
      await close(server);
    }
  });
});

describe('client disconnect', () => {
  it('aborts ctx.signal when the client goes away', async () => {
    const dash = createDashServer();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const aborted = new Promise<boolean>((resolve) => {
      dash.callback({ outputs: 'slow.children', inputs: 'a.value' }, (_a: unknown, ctx: ServerCallbackContext) => {
        started();
        return new Promise((_, reject) => {
          ctx.signal.addEventListener('abort', () => {
            resolve(true);
            reject(ctx.signal.reason);
          });
        });
      });
    });
    const server = http.createServer(dash.listener);
    const base = await listen(server);
    const logged = mock.method(console, 'error', () => {});
    try {
      const controller = new AbortController();
      const req = fetch(`${base}/_dash-update-component`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(dashBody('slow.children', [['slow', 'children']], [['a', 'value', 1]])),
        signal: controller.signal,
      }).catch((e: Error) => e.name);
      await running;
      controller.abort();
      assert.equal(await req, 'AbortError');
      assert.equal(await aborted, true);
      // An aborted call is not a server error.
      assert.equal(logged.mock.callCount(), 0);
    } finally {
      logged.mock.restore();
      await close(server);
    }
  });
});

describe('Connect/Express-style middleware on a real http server', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    const { dash } = makeServer();
    // A tiny Connect-like stack: a body parser that runs first on /parsed/, then dash, then a fallback.
    type Mw = (req: http.IncomingMessage, res: http.ServerResponse, next: (e?: unknown) => void) => void;
    const jsonParser: Mw = (req, _res, next) => {
      if (!req.url?.startsWith('/parsed/')) return next();
      req.url = req.url.slice('/parsed'.length); // as Express strips a mount path
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        (req as http.IncomingMessage & { body?: unknown }).body = JSON.parse(text);
        next();
      });
    };
    const fallback: Mw = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('fallback');
    };
    const swallow: Mw = (req, _res, next) => {
      if (!req.url?.startsWith('/swallowed/')) return next();
      req.url = req.url.slice('/swallowed'.length);
      req.resume();
      req.on('end', () => next());
    };
    const stack: Mw[] = [jsonParser, swallow, dash.middleware, fallback];
    server = http.createServer((req, res) => {
      let i = 0;
      const next = (error?: unknown) => {
        if (error) {
          res.writeHead(500);
          res.end('stack error');
          return;
        }
        stack[i++]?.(req, res, next);
      };
      next();
    });
    base = await listen(server);
  });
  after(() => close(server));

  it('answers the endpoints', async () => {
    const answer = await post(`${base}/_dash-update-component`, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'Mw']]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello Mw' } } });
    const deps = await request(`${base}/_dash-dependencies`);
    assert.equal((deps.json as unknown[]).length, 3);
  });

  it('passes other requests on to next()', async () => {
    const answer = await request(`${base}/anything`);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, 'fallback');
  });

  it('uses a body a body parser already read', async () => {
    const answer = await post(`${base}/parsed/_dash-update-component`, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'parsed']]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello parsed' } } });
  });

  it('answers 400 (instead of hanging) when another middleware read the body and kept nothing', async () => {
    const answer = await post(`${base}/swallowed/_dash-update-component`, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'x']]));
    assert.equal(answer.status, 400);
    assert.match((answer.json as { error: string }).error, /already read by another middleware/);
  });

  it('answers errors itself (400, 500) instead of passing them on', async (t) => {
    t.mock.method(console, 'error', () => {});
    assert.equal((await post(`${base}/_dash-update-component`, '{oops')).status, 400);
    const failed = await post(`${base}/_dash-update-component`, dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 1]], [['text', 'value', 'boom']]));
    assert.equal(failed.status, 500);
  });
});

describe('Koa middleware in @web/dev-server (scripts/dev-server.ts)', () => {
  let dev: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    // A Koa body parser in front, for one path (as koa-bodyparser sets ctx.request.body).
    const bodyParser: Middleware = async (ctx, next) => {
      if (ctx.path === '/_dash-update-component' && ctx.get('x-parse-first')) {
        let text = '';
        for await (const chunk of ctx.req) text += chunk;
        (ctx.request as unknown as { body: unknown }).body = JSON.parse(text);
      }
      await next();
    };
    dev = await serve({ port: 0, middleware: [bodyParser, makeServer().dash.koaMiddleware], quiet: true });
  });
  after(async () => {
    await dev.stop();
  });

  it('answers POST /_dash-update-component', async () => {
    const answer = await post(`${dev.url}/_dash-update-component`, dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'Koa']]));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello Koa' } } });
  });

  it('uses a body a Koa body parser already read', async () => {
    const answer = await post(
      `${dev.url}/_dash-update-component`,
      dashBody('greeting.children', [['greeting', 'children']], [['name', 'value', 'parsed by koa']]),
      { 'X-Parse-First': '1' },
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { multi: true, response: { greeting: { children: 'Hello parsed by koa' } } });
  });

  it('answers 204, 400 and GET /_dash-dependencies', async () => {
    const prevented = await post(`${dev.url}/_dash-update-component`, dashBody('result.children', [['result', 'children']], [['submit', 'nClicks', 0]], [['text', 'value', '']]));
    assert.equal(prevented.status, 204);
    const badRequest = await post(`${dev.url}/_dash-update-component`, '{');
    assert.equal(badRequest.status, 400);
    assert.match((badRequest.json as { error: string }).error, /malformed JSON/);
    const deps = await request(`${dev.url}/_dash-dependencies`);
    assert.equal(deps.status, 200);
    assert.equal((deps.json as Array<{ output: string }>)[0].output, 'greeting.children');
  });

  it('leaves everything else to the dev server (static files)', async () => {
    const page = await request(`${dev.url}/demo/index.html`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<html/i);
  });
});

describe('Patch from a server callback', () => {
  it("answers Dash's patch JSON for the output and for ctx.setProps", async () => {
    const dash = createDashServer();
    dash.callback({ outputs: 'chart.figure', inputs: 'add.n_clicks' }, (n: number, ctx: ServerCallbackContext) => {
      ctx.setProps('log', { data: new Patch().append([], n) });
      return new Patch().append(['data', 0, 'y'], n).assign(['layout', 'title', 'text'], `clicked ${n}`);
    });
    const server = http.createServer(dash.listener);
    const base = await listen(server);
    try {
      const answer = await post(`${base}/_dash-update-component`, dashBody('chart.figure', [['chart', 'figure']], [['add', 'n_clicks', 2]], undefined, ['add.n_clicks']));
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, {
        multi: true,
        response: {
          chart: {
            figure: {
              __dash_patch_update: '__dash_patch_update',
              operations: [
                { operation: 'Append', location: ['data', 0, 'y'], params: { value: 2 } },
                { operation: 'Assign', location: ['layout', 'title', 'text'], params: { value: 'clicked 2' } },
              ],
            },
          },
        },
        sideUpdate: { log: { data: { __dash_patch_update: '__dash_patch_update', operations: [{ operation: 'Append', location: [], params: { value: 2 } }] } } },
      });
    } finally {
      await close(server);
    }
  });
});
