// The demo's server, shared by `npm start` (demo/serve.ts) and the end-to-end tests (test/e2e):
// the repo served by scripts/dev-server.ts, with the demo pages' Node callbacks answering
// POST /_dash-update-component and GET /_dash-dependencies.
import type { Middleware } from '@web/dev-server-core';
import { serve } from '../scripts/dev-server.js';
import { dash } from './callbacks.js';
import { closeFlights } from './server/flights.js';
import { liveMiddleware } from './server/live-orders.js';

/** The host's root shows the demo (a newcomer opens http://localhost:8000/ first). */
const demoAtRoot: Middleware = (ctx, next) => {
  if (ctx.path !== '/') return next();
  ctx.redirect('/demo/');
  return Promise.resolve();
};

/**
 * The multi-page app (demo/app.html) answers every address under /demo/app/ with its one page, so
 * a reload or a shared link to /demo/app/live works; <dash-location> then shows the right page.
 */
const appPages: Middleware = (ctx, next) => {
  if (/^\/demo\/app(\/[\w-]*)?$/.test(ctx.path)) ctx.path = '/demo/app.html';
  return next();
};

export interface DemoServerOptions {
  /** 0 picks a free port (tests). Default: $PORT, else 8000. */
  port?: number;
  quiet?: boolean;
}

export async function startDemoServer(options: DemoServerOptions = {}) {
  const port = options.port ?? Number(process.env.PORT ?? 8000);
  const server = await serve({ port, quiet: options.quiet, middleware: [demoAtRoot, appPages, liveMiddleware, dash.koaMiddleware] });
  return {
    ...server,
    async stop() {
      await server.stop();
      closeFlights();
    },
  };
}
