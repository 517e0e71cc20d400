// Where the core bundle's bytes come from: `node scripts/bundle-share.mjs [file] [top]` (after
// `npm run build`) attributes each byte of the minified file to its source module through the
// source map, and prints each element's (or package's) share of the gzip size. Modules are gzipped
// on their own, so the shares are scaled to add up to the file's real gzip size: estimates, good
// for finding what to move into a lazy chunk.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const file = process.argv[2] ?? 'cdn/dash-elements.js';
const top = Number(process.argv[3] ?? 20);
const code = readFileSync(file, 'utf8');
const lines = code.split('\n');
const segments = [];
eachMapping(new TraceMap(readFileSync(`${file}.map`, 'utf8')), (m) => segments.push(m));

/** Source module → the minified text generated from it. */
const textBySource = new Map();
segments.forEach((s, i) => {
  const next = segments[i + 1];
  const line = lines[s.generatedLine - 1];
  const end = next && next.generatedLine === s.generatedLine ? next.generatedColumn : line.length;
  const source = (s.source ?? '?').replace(/.*node_modules\//, 'node_modules/').replace(/.*\/dist\//, '');
  textBySource.set(source, (textBySource.get(source) ?? '') + line.slice(s.generatedColumn, end));
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const modules = [...textBySource].map(([source, text]) => ({ source, bytes: text.length, gzip: gzip(text) }));
const scale = gzip(code) / modules.reduce((sum, m) => sum + m.gzip, 0);
/** An element's folder, a package, or runtime/internal/filter-query as a whole. */
const groupOf = (source) =>
  source.startsWith('node_modules/')
    ? source.split('/').slice(0, source.startsWith('node_modules/@') ? 3 : 2).join('/')
    : source.replace(/^(components\/[^/]+)\/.*/, '$1').replace(/^(runtime|internal|filter-query)\/.*/, '$1');
const groups = new Map();
for (const m of modules) {
  const g = groups.get(groupOf(m.source)) ?? { bytes: 0, gzip: 0 };
  g.bytes += m.bytes;
  g.gzip += m.gzip;
  groups.set(groupOf(m.source), g);
}
const kb = (n) => `${((n * scale) / 1024).toFixed(2).padStart(6)} KB`;
console.log(`${file}: ${(gzip(code) / 1024).toFixed(1)} KB gzip\n`);
for (const [name, g] of [...groups].sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`${name.padEnd(44)} ${kb(g.gzip)}`);
console.log(`\nlargest ${top} modules:`);
for (const m of modules.sort((a, b) => b.gzip - a.gzip).slice(0, top)) console.log(`${m.source.padEnd(60)} ${kb(m.gzip)}`);
