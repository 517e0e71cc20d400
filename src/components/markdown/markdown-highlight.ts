// The ambient types of highlight.js's ES build, so every program that reaches this file has them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./highlight-js.d.ts" />
/**
 * Code highlighting for `<dash-markdown>` (highlight.js's ES build with its 36 common languages), loaded only when
 * a rendered markdown holds a code block (docs/markdown.md). highlight.js escapes the code it marks
 * up; its output is sanitized anyway, as everything `<dash-markdown>` renders.
 */
import hljs from '@highlightjs/cdn-assets/es/highlight.min.js';
import DOMPurify from 'dompurify';
import { addStyleSheet } from '../../internal/add-style-sheet.js';

const purify = DOMPurify();

/** highlight.js token colours (GitHub's, light and dark), adopted by each shadow root that shows code. */
const tokenColours = new CSSStyleSheet();
tokenColours.replaceSync(`
  .hljs-comment, .hljs-quote { color: light-dark(#6e7781, #8b949e); font-style: italic; }
  .hljs-keyword, .hljs-selector-tag, .hljs-built_in, .hljs-doctag { color: light-dark(#cf222e, #ff7b72); }
  .hljs-string, .hljs-regexp, .hljs-template-variable { color: light-dark(#0a3069, #a5d6ff); }
  .hljs-number, .hljs-literal, .hljs-attr, .hljs-variable { color: light-dark(#0550ae, #79c0ff); }
  .hljs-title, .hljs-section { color: light-dark(#8250df, #d2a8ff); }
  .hljs-meta, .hljs-type, .hljs-symbol, .hljs-tag { color: light-dark(#953800, #ffa657); }
`);

function adoptTokenColours(root: Node): void {
  const shadow = root.getRootNode();
  if (shadow instanceof ShadowRoot) addStyleSheet(shadow, tokenColours);
}

/** Highlights every `pre > code` under `root`: the fence's language when known, else a guess. */
export function highlightCodeBlocks(root: ParentNode & Node): void {
  adoptTokenColours(root);
  for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
    if (code.dataset.highlighted) continue;
    const language = /\blanguage-([\w+#-]+)/.exec(code.className)?.[1];
    const text = code.textContent ?? '';
    const result = language && hljs.getLanguage(language) ? hljs.highlight(text, { language }) : hljs.highlightAuto(text);
    code.replaceChildren(purify.sanitize(result.value, { RETURN_DOM_FRAGMENT: true, ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] }));
    code.classList.add('hljs');
    code.dataset.highlighted = 'yes';
  }
}
