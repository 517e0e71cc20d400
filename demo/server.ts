// The demo's server, shared by `npm start` (demo/serve.ts) and the end-to-end tests (test/e2e):
// the repo served by scripts/dev-server.ts, with the demo pages' Node callbacks answering
// POST /_dash-update-component and GET /_dash-dependencies.
import { serve } from '../scripts/dev-server.js';
import { dash } from './callbacks.js';
import { closeFlights } from './server/flights.js';

export interface DemoServerOptions {
  /** 0 picks a free port (tests). Default: $PORT, else 8000. */
  port?: number;
  quiet?: boolean;
}

export async function startDemoServer(options: DemoServerOptions = {}) {
  const port = options.port ?? Number(process.env.PORT ?? 8000);
  const server = await serve({ port, quiet: options.quiet, middleware: [dash.koaMiddleware] });
  return {
    ...server,
    async stop() {
      await server.stop();
      closeFlights();
    },
  };
}
