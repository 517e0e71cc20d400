/**
 * The markdown engine of `<dash-markdown>`, loaded on first use as a lazy chunk (docs/markdown.md):
 * marked turns GitHub-flavoured markdown into HTML and DOMPurify sanitizes all of it, so scripts,
 * event-handler attributes and `javascript:`/`data:` links never reach the page, whether or not
 * HTML inside the markdown is allowed.
 */
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';

export interface RenderOptions {
  dedent: boolean;
  allowHtml: boolean;
  /** Recognise `$…$` and `$$…$$` as TeX (rendered later by MathJax). */
  math: boolean;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Raw HTML in the markdown, shown as the text it is (Dash's default, `dangerously_allow_html=False`). */
const htmlAsText = { renderer: { html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text) } };

/** TeX kept as text in a `.dash-math` element; MathJax replaces it once loaded. */
const mathExtension = {
  extensions: [
    {
      name: 'math',
      level: 'inline' as const,
      start: (src: string) => src.indexOf('$'),
      tokenizer(src: string) {
        const match = /^\$\$([^$]+?)\$\$/.exec(src) ?? /^\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)/.exec(src);
        if (!match) return undefined;
        return { type: 'math', raw: match[0], text: match[1].trim(), display: match[0].startsWith('$$') };
      },
      renderer: (token: Tokens.Generic) =>
        `<span class="dash-math" data-display="${token.display ? 'block' : 'inline'}">${escapeHtml(token.text as string)}</span>`,
    },
  ],
};

const engines = new Map<string, Marked>();

function engine(options: RenderOptions): Marked {
  const key = `${options.allowHtml}:${options.math}`;
  let marked = engines.get(key);
  if (!marked) {
    marked = new Marked({ gfm: true, async: false });
    if (!options.allowHtml) marked.use(htmlAsText);
    if (options.math) marked.use(mathExtension);
    engines.set(key, marked);
  }
  return marked;
}

/** Dash's `dedent`: the indentation every non-blank line shares is removed (as Python's textwrap.dedent). */
export function dedent(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  let common: string | null = null;
  for (const line of lines) {
    if (!/\S/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (common === null || !indent.startsWith(common)) {
      let i = 0;
      while (common !== null && i < common.length && i < indent.length && common[i] === indent[i]) i++;
      common = common === null ? indent : common.slice(0, i);
    }
    if (common === '') break;
  }
  const cut = common?.length ?? 0;
  return lines.map((line) => (/\S/.test(line) ? line.slice(cut) : '')).join('\n');
}

const purify = DOMPurify();
// Links open where `linkTarget` says (set by the element); nothing in the markdown may choose.
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') node.removeAttribute('target');
});

/** The markdown as sanitized DOM, ready to be put in the element's shadow root. */
export function renderMarkdown(source: string, options: RenderOptions): DocumentFragment {
  const text = options.dedent ? dedent(source) : source;
  const html = engine(options).parse(text, { async: false });
  const fragment = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    // DOMPurify's defaults keep `data:` URLs for images and media only, never for links.
    FORBID_TAGS: ['style', 'form', 'base', 'meta', 'link'],
  });
  // A task list's checkbox is named by its item's text (screen readers would say only "checkbox").
  for (const box of fragment.querySelectorAll('li > input[type="checkbox"]')) {
    box.setAttribute('aria-label', box.parentElement!.textContent!.trim());
  }
  return fragment;
}
