/**
 * dash-elements: registers every element and exports the public API.
 * `import 'dash-elements'` is all a page needs.
 */
export * from './classes.js';
