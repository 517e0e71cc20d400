// `npm start`'s prestart: builds dist/ and cdn/ once, when they are missing (a fresh clone), so the
// CDN demo page has its file. Run `npm run build` yourself after changing src/.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const missing = ['cdn/dash-elements.js', 'dist/index.js'].filter((f) => !existsSync(new URL(f, root)));
if (missing.length) {
  console.log(`Building (missing: ${missing.join(', ')})…`);
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
