// The server `npm start` runs (demo/server.ts), over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../../demo/server.js';

test('the root of the host redirects to the demo, which is served', async () => {
  const server = await startDemoServer({ port: 0, quiet: true });
  try {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/demo/');
    await root.body?.cancel();

    const followed = await fetch(`${server.url}/?from=bookmark`);
    assert.equal(followed.status, 200);
    assert.equal(new URL(followed.url).pathname, '/demo/');
    assert.match(await followed.text(), /<title>[^<]*<\/title>/);

    const other = await fetch(`${server.url}/demo/basics.html`, { redirect: 'manual' });
    assert.equal(other.status, 200, 'other paths are left alone');
    await other.body?.cancel();
  } finally {
    await server.stop();
  }
});
