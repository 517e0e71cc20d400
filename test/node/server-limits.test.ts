// dash-elements/server over real HTTP: callback timeouts (504) and clients that leave mid-request.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createDashServer } from '../../src/server/index.js';
import type { DashServer, ServerCallbackContext } from '../../src/server/index.js';

async function listen(dash: DashServer): Promise<{ server: http.Server; base: string; port: number }> {
  const server = http.createServer(dash.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, port };
}

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const body = (output: string, input: string) =>
  JSON.stringify({
    output,
    outputs: { id: output.split('.')[0], property: output.split('.')[1] },
    inputs: [{ id: input.split('.')[0], property: input.split('.')[1], value: 1 }],
    changedPropIds: [],
  });

/** POSTs with node:http (no fetch: its timers would be faked too in the default-timeout test). */
function post(port: number, payload: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/_dash-update-component', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A callback that never answers, reporting the ctx it was called with. */
function hang(dash: DashServer, output: string, timeout?: number): Promise<ServerCallbackContext> {
  return new Promise((called) =>
    dash.callback({ outputs: output, inputs: 'a.value', ...(timeout === undefined ? {} : { timeout }) }, (_a: unknown, ctx: ServerCallbackContext) => {
      called(ctx);
      return new Promise(() => {});
    }),
  );
}

describe('callback timeout', () => {
  it('answers 504 with a JSON error, aborts ctx.signal and logs one line', async () => {
    const dash = createDashServer({ timeout: 40 });
    const called = hang(dash, 'slow.children');
    const { server, port } = await listen(dash);
    const warned = mock.method(console, 'warn', () => {});
    const errored = mock.method(console, 'error', () => {});
    try {
      const answer = await post(port, body('slow.children', 'a.value'));
      assert.equal(answer.status, 504);
      assert.deepEqual(answer.json, { error: 'the callback for slow.children timed out after 40 ms' });
      const ctx = await called;
      assert.equal(ctx.signal.aborted, true);
      assert.equal((ctx.signal.reason as DOMException).name, 'TimeoutError');
      assert.deepEqual(
        warned.mock.calls.map((c) => c.arguments),
        [['dash-elements/server: the callback for slow.children timed out after 40 ms']],
      );
      assert.equal(errored.mock.callCount(), 0);
    } finally {
      warned.mock.restore();
      errored.mock.restore();
      await close(server);
    }
  });

  it("takes a callback's own timeout over the server's, and 0 as no limit", async () => {
    const dash = createDashServer({ timeout: 0 });
    hang(dash, 'own.children', 30);
    let finish!: (value: string) => void;
    dash.callback({ outputs: 'unlimited.children', inputs: 'a.value', timeout: 0 }, () => new Promise<string>((resolve) => (finish = resolve)));
    const { server, port } = await listen(dash);
    const warned = mock.method(console, 'warn', () => {});
    try {
      assert.equal((await post(port, body('own.children', 'a.value'))).status, 504);
      // Answers only after the other callback's limit has passed: neither limit applies to it.
      const unlimited = post(port, body('unlimited.children', 'a.value'));
      await new Promise((resolve) => setTimeout(resolve, 60));
      finish('done');
      const answer = await unlimited;
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, { multi: true, response: { unlimited: { children: 'done' } } });
    } finally {
      warned.mock.restore();
      await close(server);
    }
  });

  it('is on by default: 25 s', async () => {
    const dash = createDashServer();
    const called = hang(dash, 'slow.children');
    const { server, port } = await listen(dash);
    const warned = mock.method(console, 'warn', () => {});
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const answer = post(port, body('slow.children', 'a.value'));
      await called;
      mock.timers.tick(24_999);
      const early = await Promise.race([answer.then(() => 'answered'), new Promise((resolve) => setImmediate(resolve, 'waiting'))]);
      assert.equal(early, 'waiting');
      mock.timers.tick(1);
      assert.equal((await answer).status, 504);
    } finally {
      mock.timers.reset();
      warned.mock.restore();
      await close(server);
    }
  });

  it('refuses a timeout that is not a number of milliseconds', () => {
    assert.throws(() => createDashServer({ timeout: -1 }), /timeout must be a number of milliseconds/);
    assert.throws(
      () => createDashServer().callback({ outputs: 'a.children', inputs: 'b.value', timeout: '5s' as unknown as number }, () => 1),
      /a\.children: timeout must be a number/,
    );
  });
});

describe('a client leaving mid-body', () => {
  it('logs at most one short line, no stack, and the server keeps answering', async () => {
    const dash = createDashServer();
    dash.callback({ outputs: 'out.children', inputs: 'a.value' }, () => 'ok');
    const { server, base, port } = await listen(dash);
    const warned = mock.method(console, 'warn', () => {});
    const errored = mock.method(console, 'error', () => {});
    try {
      let requestClosed!: Promise<void>;
      const reading = new Promise<void>((resolve) =>
        server.once('request', (req: http.IncomingMessage) => {
          requestClosed = new Promise((closed) => req.once('close', closed));
          resolve(); // the server is reading the body now
        }),
      );
      const socket = net.connect(port, '127.0.0.1');
      socket.write('POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"output":');
      await reading;
      socket.destroy();
      await requestClosed;
      await new Promise((resolve) => setImmediate(resolve));

      const lines = [...warned.mock.calls, ...errored.mock.calls].map((c) => c.arguments);
      assert.ok(lines.length <= 1, `logged ${lines.length} times`);
      for (const args of lines) {
        assert.ok(args.every((a) => typeof a === 'string'), 'only text is logged (no Error, so no stack)');
        assert.ok(!args.join(' ').includes('\n'), 'one line');
      }
      assert.equal(errored.mock.callCount(), 0, 'a client leaving is not a server error');

      const res = await fetch(`${base}/_dash-update-component`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body('out.children', 'a.value') });
      assert.equal(res.status, 200);
    } finally {
      warned.mock.restore();
      errored.mock.restore();
      await close(server);
    }
  });
});
