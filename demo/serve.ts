// `npm start`: serves the demo at http://localhost:8000/demo/ (or $PORT), with the demo's Node
// callbacks (demo/callbacks.ts and demo/server/*) mounted in the dev server (demo/server.ts).
import { startDemoServer } from './server.js';

const { url } = await startDemoServer({ quiet: true });
console.log(`dash-elements demo: ${url.replace('127.0.0.1', 'localhost')}/demo/`);
