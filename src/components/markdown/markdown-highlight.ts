/**
 * Code highlighting for `<dash-markdown>` (highlight.js's ES build with its 36 common languages), loaded only when
 * a rendered markdown holds a code block (docs/markdown.md). highlight.js escapes the code it marks
 * up; its output is sanitized anyway, as everything `<dash-markdown>` renders.
 */
import hljs from '@highlightjs/cdn-assets/es/highlight.min.js';
import DOMPurify from 'dompurify';

const purify = DOMPurify();

/** Highlights every `pre > code` under `root`: the fence's language when known, else a guess. */
export function highlightCodeBlocks(root: ParentNode): void {
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
