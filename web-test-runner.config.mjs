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

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
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
