// highlight.js's ES build (common languages) ships without types; the part markdown-highlight.ts uses.
declare module '@highlightjs/cdn-assets/es/highlight.min.js' {
  interface HighlightResult {
    value: string;
  }
  const hljs: {
    getLanguage(name: string): unknown;
    highlight(code: string, options: { language: string }): HighlightResult;
    highlightAuto(code: string): HighlightResult;
  };
  export default hljs;
}
