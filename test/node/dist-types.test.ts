// The shipped declaration files (dist/**/*.d.ts, jsx.d.ts, vue.d.ts) compile in a consumer project
// WITHOUT skipLibCheck, so every .d.ts of ours is type-checked, under both module resolutions users
// pick (NodeNext and Bundler). Runs against dist/ as built by `npm run build` (CI builds first); with
// no dist/ it is skipped, with a message saying so.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shipped = ['index.d.ts', 'classes.d.ts', 'server/index.d.ts', 'jsx.d.ts', 'vue.d.ts', 'dash-graph.d.ts'];
const missing = shipped.filter((f) => !existsSync(join(repoRoot, 'dist', f)));
const skip = missing.length ? `dist/ is not built (no dist/${missing[0]}): run \`npm run build\` first` : false;

// Inside the repo's node_modules, so the consumer finds lit, react, vue and @types/node as an
// installed copy of the package would; `dash-elements` itself is a symlink to the repo.
const cache = join(repoRoot, 'node_modules', '.cache');
let work = '';
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const consumer = `
import 'dash-elements';
import { DashApp, DashCallback, DashDropdown, DashGraph, DashRangeSlider, DashSlider, DashTable } from 'dash-elements/classes.js';
import { DashGraph as Graph } from 'dash-elements/dash-graph.js';
import { createDashServer, NO_UPDATE } from 'dash-elements/server';
import type {} from 'dash-elements/jsx';
import type {} from 'dash-elements/vue';

const graph = document.createElement('dash-graph');
const same: DashGraph = graph;
const asElement: HTMLElement = graph;
graph.figure = { data: [{ type: 'bar', x: [1, 2], y: [3, 4] }], layout: {} };
// \`animate\` (Dash's boolean prop) as docs/graph.md shows: the property, then the attribute.
Object.assign(graph, { animate: true });
graph.toggleAttribute('animate', true);
// Element.animate() keeps its DOM type.
const animation: Animation | undefined = undefined as unknown as ReturnType<HTMLElement['animate']>;
const table = document.querySelector('dash-table');
const rows: unknown[] | undefined = table?.data;
const classes = [DashApp, DashCallback, DashDropdown, DashRangeSlider, DashSlider, DashTable, Graph];
const server = createDashServer;
void [same, asElement, animation, rows, classes, server, NO_UPDATE];
`;

function compile(moduleResolution: 'NodeNext' | 'Bundler'): void {
  if (!work) {
    mkdirSync(cache, { recursive: true });
    work = mkdtempSync(join(cache, 'dist-types-'));
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(repoRoot, join(work, 'node_modules', 'dash-elements'), 'dir');
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(work, 'consumer.ts'), consumer);
  }
  const config = join(work, `tsconfig.${moduleResolution}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: moduleResolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
        moduleResolution,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: ['node'],
      },
      files: ['consumer.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: work, stdio: 'pipe' });
  } catch (error) {
    const out = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`;
    assert.fail(`tsc (skipLibCheck: false, moduleResolution: ${moduleResolution}) failed (is dist/ built from the current source? \`npm run build\`):\n${out}`);
  }
}

describe('the shipped .d.ts files compile without skipLibCheck', { skip }, () => {
  test('moduleResolution NodeNext', () => compile('NodeNext'));
  test('moduleResolution Bundler', () => compile('Bundler'));
});
