// The CDN build: one ES module that registers every tag. Input is tsc's output in dist/; code that
// is imported dynamically (plotly.js for <dash-graph>) becomes a lazy chunk beside it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: { 'dash-elements': 'dist/index.js' },
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [nodeResolve(), terser({ format: { comments: false } })],
};
