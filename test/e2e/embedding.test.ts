// The React 19 and Vue 3 examples (examples/), bundled here with esbuild (nothing is committed
// built), served by the demo server and used as a person would; and the generated JSX / Vue types
// (scripts/gen-framework-types.mjs, from a fresh custom-elements manifest) type-check them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ensureBuilt, pickOption, repoRoot, startE2E, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
const work = mkdtempSync(join(tmpdir(), 'dash-elements-embedding-'));

before(async () => {
  ensureBuilt();
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Bundles an example in memory, as its index.html says to. */
async function bundle(entry: string, alias: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    logLevel: 'silent',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    // The package as npm ships it (dist/), as an app would get it.
    alias: { 'dash-elements': join(repoRoot, 'dist/index.js'), ...alias },
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  return result.outputFiles[0].text;
}

async function openExample(name: 'react' | 'vue', code: string): Promise<OpenPage> {
  const app = await e2e.open('about:blank');
  await app.page.route(`**/examples/${name}/dist/main.js`, (route) => route.fulfill({ body: code, contentType: 'text/javascript' }));
  await app.page.goto(`${e2e.url}/examples/${name}/index.html`);
  return app;
}

for (const name of ['react', 'vue'] as const) {
  const label = name === 'react' ? 'React' : 'Vue';
  describe(`${label} example`, () => {
    let app: OpenPage;
    before(async () => {
      const code =
        name === 'react'
          ? await bundle('examples/react/main.tsx')
          : await bundle('examples/vue/main.ts', { vue: join(repoRoot, 'node_modules/vue/dist/vue.esm-bundler.js') });
      app = await openExample(name, code);
    });

    test('properties reach the elements, and the callback runs', async () => {
      const { page } = app;
      await page.locator(`#${name}-state`, { hasText: `${label} state: North (0 changes by the user)` }).waitFor();
      assert.equal(await page.locator(`#${name}-region [part="value"]`).textContent(), 'North');
      await page.locator(`#${name}-verdict`, { hasText: 'North is on target (120 of 100 k$)' }).waitFor();
    });

    test('choosing in the dropdown updates the framework state through the event', async () => {
      const { page } = app;
      await pickOption(page, `#${name}-region`, 'East');
      await page.locator(`#${name}-state`, { hasText: `${label} state: East (1 change by the user)` }).waitFor();
      await page.locator(`#${name}-sales`, { hasText: 'Sales: 143 k$' }).waitFor();
      await page.locator(`#${name}-verdict`, { hasText: 'East is on target (143 of 100 k$)' }).waitFor();
    });

    test('moving the slider with the keyboard re-runs the callback', async () => {
      const { page } = app;
      await page.locator(`#${name}-target [role="slider"]`).focus();
      await page.keyboard.press('End');
      await page.locator(`#${name}-verdict`, { hasText: 'East is below target (143 of 200 k$)' }).waitFor();
    });

    test('no errors on the page', () => {
      assert.deepEqual(app.errors, []);
    });
  });
}

describe('generated framework types', () => {
  before(() => {
    // packagejson: false, or the analyzer rewrites package.json's "customElements" to point here.
    writeFileSync(join(work, 'cem.config.mjs'), 'export default { packagejson: false };\n');
    execFileSync(
      process.execPath,
      [join(repoRoot, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', join(work, 'cem.config.mjs'), '--litelement', '--globs', 'src/**/*.ts',
        '--exclude', 'src/**/*.test.ts', '--exclude', 'src/server/**', '--exclude', 'src/runtime/**', '--exclude', 'src/filter-query/**',
        '--outdir', relative(repoRoot, join(work, 'manifest'))],
      { cwd: repoRoot, stdio: 'pipe' },
    );
  });

  test('cover every tag, with properties and events, and type-check the React and Vue examples', () => {
    execFileSync(process.execPath, [join(repoRoot, 'scripts/gen-framework-types.mjs'), '--manifest', join(work, 'manifest/custom-elements.json'),
      '--out', join(work, 'types'), '--classes', join(repoRoot, 'src/classes.js')], { stdio: 'pipe' });
    const jsx = readFileSync(join(work, 'types/jsx.d.ts'), 'utf8');
    const vue = readFileSync(join(work, 'types/vue.d.ts'), 'utf8');
    const tags = readFileSync(join(repoRoot, 'src/index.ts'), 'utf8').match(/dash-[a-z-]+(?=\.js)/g) ?? [];
    assert.ok(tags.length >= 7);
    for (const tag of tags) {
      assert.match(jsx, new RegExp(`"${tag}": ReactElementProps<`), `${tag} in jsx.d.ts`);
      assert.match(vue, new RegExp(`"${tag}": DefineComponent<`), `${tag} in vue.d.ts`);
    }
    assert.match(jsx, /"ondash-prop-change"\?: \(event: DashEventOf<"dash-prop-change">\) => void;/);
    assert.match(jsx, /options\?: DashDropdown\["options"\];/);
    assert.match(vue, /"onDash-prop-change"\?:/);

    // A program that uses the types: the examples, plus wrong uses that must be rejected.
    writeFileSync(
      join(work, 'misuse.tsx'),
      `import type {} from 'dash-elements/jsx';
       // @ts-expect-error pageSize is a number
       export const a = <dash-table pageSize="ten" />;
       // @ts-expect-error unknown property
       export const b = <dash-slider notAProp={1} />;
       export const c = <dash-table pageSize={10} ondash-prop-change={(e) => e.detail.prop.toUpperCase()} />;
       import type { GlobalComponents } from 'vue';
       export type D = GlobalComponents['dash-dropdown'];
      `,
    );
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        extends: join(repoRoot, 'tsconfig.json'),
        compilerOptions: {
          noEmit: true,
          jsx: 'react-jsx',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          types: [],
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          paths: {
            'dash-elements': [join(repoRoot, 'src/index.ts')],
            'dash-elements/jsx': [join(work, 'types/jsx.d.ts')],
            'dash-elements/vue': [join(work, 'types/vue.d.ts')],
            react: [join(repoRoot, 'node_modules/@types/react')],
            'react/jsx-runtime': [join(repoRoot, 'node_modules/@types/react/jsx-runtime.d.ts')],
            'react-dom/client': [join(repoRoot, 'node_modules/@types/react-dom/client.d.ts')],
            vue: [join(repoRoot, 'node_modules/vue')],
          },
        },
        files: [join(repoRoot, 'examples/react/main.tsx'), join(repoRoot, 'examples/vue/main.ts'), join(work, 'misuse.tsx')],
        include: [],
      }),
    );
    try {
      execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc: ${(error as { stdout?: Buffer }).stdout?.toString()}`);
    }
  });
});
