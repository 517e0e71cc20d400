// `npm run analyze`: custom-elements.json from the elements' JSDoc. Modules are sorted by path so
// the manifest is the same on every machine (the file walk's order is not), and CI can diff it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/server/**', 'src/runtime/**', 'src/filter-query/**'],
  litelement: true,
  plugins: [
    {
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
