// One @web/dev-server setup for the demo, the benches and the end-to-end tests: it serves the repo,
// compiles TypeScript on the fly and resolves bare imports, so pages load `src/` directly.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import type { Middleware } from '@web/dev-server-core';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ServeOptions {
  port?: number;
  /** Koa-style middleware mounted before static files (the demo's callback server). */
  middleware?: Middleware[];
  /** Resolve packages' production builds (benches), instead of their development ones. */
  production?: boolean;
  quiet?: boolean;
}

export async function serve(options: ServeOptions = {}) {
  const server = await startDevServer({
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: !options.quiet,
    config: {
      rootDir: repoRoot,
      port: options.port ?? 8000,
      hostname: '127.0.0.1',
      nodeResolve: { exportConditions: options.production ? ['production'] : ['development'] },
      middleware: options.middleware ?? [],
      plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
    },
  });
  const address = server.server?.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8000);
  async function stop() {
    await server.stop();
    // The server's file watcher (chokidar) may still be starting up a watch for a file it just
    // served, and then keeps Node alive after stop(): close it again once that has settled.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await server.fileWatcher.close();
    }
  }
  return { server, url: `http://127.0.0.1:${port}`, stop };
}
