// `npm start`: serves demo/ at http://localhost:8000 (or $PORT).
import { serve } from '../scripts/dev-server.js';

const port = Number(process.env.PORT ?? 8000);
const { url } = await serve({ port });
console.log(`dash-elements demo: ${url.replace('127.0.0.1', 'localhost')}/demo/`);
