// Browser tests run in Debian's Chromium (or $CHROME_PATH); nothing here downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromePath } from './scripts/chrome-path.mjs';

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  // a11ySnapshot: the accessible-name suite reads names as the browser computes them.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), a11ySnapshotPlugin()],
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
