// Browser tests run in Debian's Chromium (or $CHROME_PATH); nothing here downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromePath } from './scripts/chrome-path.mjs';

/**
 * `executeServerCommand('a11y-tree', { selector })`: the accessibility tree under an element,
 * every node kept (the stock a11ySnapshot hides groups and radiogroups), so tests can read the
 * roles and names Chromium exposes.
 */
const a11yTreePlugin = {
  name: 'a11y-tree',
  async executeCommand({ command, payload, session }) {
    if (command !== 'a11y-tree') return undefined;
    const page = session.browser.getPage(session.id);
    const root = payload?.selector ? await page.$(payload.selector) : undefined;
    return page.accessibility.snapshot({ root: root ?? undefined, interestingOnly: false });
  },
};

/**
 * `/__test/sse?key=K&events=[…]`: a scripted Server-Sent Events stream for <dash-event-source>'s
 * tests. Each connection sends the JSON `events` (`$n` in their text becomes the connection's
 * number for K), then ends unless `hold` is set; EventSource reconnects after `retry: 30` ms.
 * `/__test/sse-open?key=K` answers how many of K's connections are open.
 */
const sseConnections = new Map();
const sseMiddleware = async (ctx, next) => {
  if (ctx.path === '/__test/sse-open') {
    ctx.body = { open: sseConnections.get(ctx.query.key)?.open ?? 0 };
    return;
  }
  if (ctx.path !== '/__test/sse') return next();
  const key = String(ctx.query.key);
  const state = sseConnections.get(key) ?? { count: 0, open: 0 };
  sseConnections.set(key, state);
  const n = ++state.count;
  state.open++;
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.write('retry: 30\n\n');
  for (const event of JSON.parse(String(ctx.query.events ?? '[]'))) {
    res.write(`data: ${JSON.stringify(event).replaceAll('$n', String(n))}\n\n`);
  }
  ctx.req.on('close', () => state.open--);
  if (!ctx.query.hold) res.end();
};

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [sseMiddleware],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), a11yTreePlugin],
  browsers: [
    chromeLauncher({
      // Each test file in its own browser context: in a shared window one page is a background
      // tab, where requestAnimationFrame and ResizeObserver never fire (modernweb-dev/web#2588).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: [
          ...(asRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
