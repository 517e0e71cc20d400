// `npm start`: serves demo/ at http://localhost:8000 (or $PORT), with the demo's Node callbacks
// (demo/callbacks.ts) answering POST /_dash-update-component and GET /_dash-dependencies.
import { serve } from '../scripts/dev-server.js';
import { dash } from './callbacks.js';

const port = Number(process.env.PORT ?? 8000);
const { url } = await serve({ port, middleware: [dash.koaMiddleware] });
console.log(`dash-elements demo: ${url.replace('127.0.0.1', 'localhost')}/demo/`);
