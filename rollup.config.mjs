// The CDN build: one ES module that registers every tag. Input is tsc's output in dist/; code that
// is imported dynamically becomes a lazy chunk beside it. plotly.js is not bundled: <dash-graph> loads
// `plotly.min.js` from beside its own module on first use, so shipPlotly() puts a copy there.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const plotlyFile = createRequire(import.meta.url).resolve('plotly.js-dist-min/plotly.min.js');

/** Ships plotly.min.js as cdn/plotly.min.js and dist/components/graph/plotly.min.js (npm build). */
function shipPlotly() {
  return {
    name: 'ship-plotly',
    buildStart() {
      mkdirSync('dist/components/graph', { recursive: true });
      copyFileSync(plotlyFile, 'dist/components/graph/plotly.min.js');
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'plotly.min.js', source: readFileSync(plotlyFile) });
    },
  };
}

/**
 * How every shipped bundle is minified (the bundle bench uses the same): Lit's html`` and css``
 * templates lose their whitespace, then terser minifies the code. Every kilobyte ships to every page.
 */
export function minifyPlugins() {
  return [nodeResolve(), minifyHTML({ failOnError: true }), terser({ format: { comments: false }, compress: { passes: 2 } })];
}

/**
 * A fresh cdn/ each build: chunk names carry content hashes, and stale ones must not ship. A plugin,
 * not a top-level call, so importing minifyPlugins() (the bundle bench does) leaves cdn/ alone.
 */
function cleanCdn() {
  return { name: 'clean-cdn', buildStart: () => rmSync('cdn', { recursive: true, force: true }) };
}

export default {
  input: { 'dash-elements': 'dist/index.js' },
  // Lazy chunks import shared code from the entry itself, which may then export a little more than
  // its API: otherwise rollup turns dash-elements.js into a facade over a chunk.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [cleanCdn(), ...minifyPlugins(), shipPlotly()],
};
