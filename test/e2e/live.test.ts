// The live page (demo/live.html) as a person uses it: refused before signing in, a wrong password,
// then signed in: pushed orders arrive through <dash-event-source> and drive a server callback
// guarded by `authorize`; a forged session cookie gets nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startE2E, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;

before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/live.html');
});
after(() => e2e?.close());

const liveCallback = (cookie = '') =>
  fetch(`${e2e.url}/_dash-update-component`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({
      output: 'live-totals.children',
      outputs: { id: 'live-totals', property: 'children' },
      inputs: [{ id: 'live-last', property: 'data', value: { airport: 'SFO', seats: 2 } }],
      state: [{ id: 'live-totals', property: 'children', value: '3 seats' }],
      changedPropIds: ['live-last.data'],
    }),
  });

test('signed out: the sign-in form shows, and the stream and the callback refuse with 401', async () => {
  await app.page.locator('#signed-out').waitFor();
  assert.equal(await app.page.locator('#signed-in').isHidden(), true);
  assert.equal((await fetch(`${e2e.url}/demo/live-stream`)).status, 401);
  const refused = await liveCallback();
  assert.equal(refused.status, 401);
  assert.deepEqual(await refused.json(), { error: 'sign in to see live orders' });
  assert.deepEqual(await axeViolations(app.page), []);
});

test('a wrong password is refused', async () => {
  await app.page.fill('#login-user', 'ada');
  await app.page.fill('#login-password', 'guess');
  await app.page.click('button[type="submit"]');
  await app.page.locator('#login-failed').waitFor();
  assert.equal(await app.page.locator('#signed-in').isHidden(), true);
});

test('signed in: orders are pushed every second and the guarded callback totals them', async () => {
  await app.page.fill('#login-user', 'ada');
  await app.page.fill('#login-password', 'demo');
  await app.page.keyboard.press('Enter');
  await app.page.locator('#who', { hasText: 'ada' }).waitFor();
  await app.page.locator('#live-ticker', { hasText: /^Order 2: / }).waitFor();
  await app.page.locator('#live-totals', { hasText: /^[1-9]\d* seats sold/ }).waitFor();
  const source = await app.page.locator('#live-source').evaluate((el) => {
    const s = el as HTMLElement & { nMessages: number; readyState: number; lastMessage: unknown };
    return { n: s.nMessages, state: s.readyState, last: s.lastMessage };
  });
  assert.ok(source.n >= 2);
  assert.equal(source.state, 1);
  assert.deepEqual(Object.keys(source.last as object).sort(), ['live-last', 'live-ticker']);
  // The same callback answers with the session cookie, not with a forged one.
  const cookies = await app.context.cookies();
  const session = cookies.find((c) => c.name === 'demo_session')!;
  assert.equal((await liveCallback(`demo_session=${session.value}`)).status, 200);
  const forged = session.value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  assert.equal((await liveCallback(`demo_session=${forged}`)).status, 401);
  assert.equal((await liveCallback(`demo_session=${Buffer.from('mallory').toString('base64url')}.9999999999999.x`)).status, 401);
  assert.deepEqual(await axeViolations(app.page), []);
  assert.deepEqual(app.errors, [], 'no page errors, no refused requests from the page');
});
