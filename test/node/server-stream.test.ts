// dash.stream over real HTTP (docs/server.md, "Pushed updates"): Server-Sent Events of
// {id: {prop: value}}, handlers that send or return an async iterable, the signal when the
// client goes, and a client that stops reading (memory stays bounded, the newest values win).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { createDashServer, type DashServer } from '../../src/server/index.js';

interface SseEvent {
  id?: string;
  data: unknown;
}

/** Reads events from an SSE response body until `count` arrived. */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let text = '';
  const reader = body.getReader();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter((l) => l && !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
      if ('data' in fields) events.push({ id: fields.id, data: JSON.parse(fields.data) });
    }
  }
  await reader.cancel();
  return events;
}

let dash: DashServer;
let server: http.Server;
let base: string;
let gone: Promise<void>;
let markGone: () => void;

before(async () => {
  gone = new Promise((resolve) => (markGone = resolve));
  dash = createDashServer();
  dash.stream('/clock', ({ send, signal }) => {
    let n = 0;
    send({ clock: { children: `tick ${n}` } });
    const timer = setInterval(() => send({ clock: { children: `tick ${++n}` }, count: { data: n } }), 5);
    signal.addEventListener('abort', () => {
      clearInterval(timer);
      markGone();
    });
  });
  dash.stream('/prices', async function* () {
    for (const price of [101, 102, 103]) yield { price: { children: String(price) } };
  });
  server = http.createServer(dash.listener);
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

describe('dash.stream', () => {
  it('serves text/event-stream with {id: {prop: value}} events, numbered', async () => {
    const res = await fetch(`${base}/clock`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const events = await readEvents(res.body!, 3);
    assert.deepEqual(events[0], { id: '1', data: { clock: { children: 'tick 0' } } });
    assert.deepEqual(events[2], { id: '3', data: { clock: { children: 'tick 2' }, count: { data: 2 } } });
  });

  it('aborts the handler\'s signal when the client goes away', async () => {
    // The first test's reader.cancel() closed its connection.
    await gone;
  });

  it('sends what an async iterable yields, then ends', async () => {
    const res = await fetch(`${base}/prices`);
    const events = await readEvents(res.body!, 10);
    assert.deepEqual(
      events.map((e) => e.data),
      [{ price: { children: '101' } }, { price: { children: '102' } }, { price: { children: '103' } }],
    );
  });

  it('answers only GET at a stream path; other paths are untouched', async () => {
    assert.equal((await fetch(`${base}/clock`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${base}/nothing`)).status, 404);
    assert.throws(() => dash.stream('/clock', () => {}), /already has a stream/);
    assert.throws(() => dash.stream('clock', () => {}), /starting with "\/"/);
  });
});

describe('a client that stops reading', () => {
  it('never buffers without bound: updates are coalesced, the newest value arrives', async () => {
    const big = 'x'.repeat(64 * 1024);
    const EVENTS = 2000; // 128 MB if all were kept
    let maxBuffered = 0;
    let coalesced = 0;
    let sent!: () => void;
    const allSent = new Promise<void>((resolve) => (sent = resolve));
    const slow = createDashServer();
    slow.stream('/firehose', async ({ send, request }) => {
      for (let i = 0; i < EVENTS; i++) {
        if (!send({ big: { data: `${i}:${big}` }, [`n${i % 3}`]: { data: i } })) coalesced++;
        maxBuffered = Math.max(maxBuffered, request.socket.writableLength);
        await tick();
      }
      sent();
    });
    const s = http.createServer(slow.listener);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      const response = await new Promise<http.IncomingMessage>((resolve) =>
        http.get(`http://127.0.0.1:${(s.address() as AddressInfo).port}/firehose`, resolve),
      );
      response.pause(); // stops reading: the socket's buffers fill up
      await allSent;
      assert.ok(coalesced > EVENTS / 2, `most updates were coalesced (${coalesced} of ${EVENTS})`);
      assert.ok(maxBuffered < 1024 * 1024, `at most about one event waits in memory (${maxBuffered} bytes)`);

      // Reading again: fewer events than sent, ending with the newest value of every id.prop.
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.resume();
      await new Promise((resolve) => response.on('end', resolve));
      const events = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n\n')
        .filter((b) => b.includes('data: '))
        .map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)) as Record<string, { data: unknown }>);
      assert.ok(events.length < EVENTS / 2, `${events.length} events arrived`);
      const latest: Record<string, unknown> = {};
      for (const e of events) for (const [id, props] of Object.entries(e)) latest[id] = props.data;
      assert.equal(String(latest.big).split(':')[0], String(EVENTS - 1));
      assert.deepEqual([latest.n0, latest.n1, latest.n2], [1998, 1999, 1997]);
    } finally {
      s.closeAllConnections();
      s.close();
    }
  });
});
