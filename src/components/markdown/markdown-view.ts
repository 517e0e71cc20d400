/**
 * What `<dash-markdown>` shows, loaded before its first update (docs/markdown.md, "What loads
 * when"): the markdown engine (marked + DOMPurify), link targets, the styles, and the code
 * highlighter and MathJax loader, each of those two loaded when a page first needs it. The element
 * class keeps the Dash API: properties and the markdown source.
 */
import { html } from 'lit';
import { isRecord } from '../../internal/is-record.js';
import { Lazy } from '../../internal/lazy.js';
import { renderMarkdown } from './markdown-render.js';
import type { DashMarkdown } from './markdown.js';

export { markdownStyles as styles } from './markdown.styles.js';

const highlighter = new Lazy(() => import('./markdown-highlight.js'));
const mathjaxLoader = new Lazy(() => import('./markdown-math.js'));

/** The box the rendered markdown goes into, coloured for `highlightConfig`. */
export function renderBody(host: DashMarkdown) {
  const theme = highlightTheme(host);
  return html`<div part="body" class="body ${theme ? `code-${theme}` : ''}"></div>`;
}

/** Renders the element's markdown into `body`, then highlights code and typesets math in it. */
export async function fillBody(host: DashMarkdown, body: HTMLElement): Promise<void> {
  const fragment = renderMarkdown(host.markdown, { dedent: host.dedent, allowHtml: host.dangerouslyAllowHtml, math: host.mathjax });
  applyLinkTarget(fragment, host.linkTarget);
  body.replaceChildren(fragment);
  await Promise.all([highlight(host, body), typeset(host, body)]);
}

function applyLinkTarget(root: ParentNode, target: string | null): void {
  if (!target) return;
  for (const link of root.querySelectorAll('a[href]')) {
    link.setAttribute('target', target);
    if (target === '_blank') link.setAttribute('rel', 'noopener noreferrer');
  }
}

async function highlight(host: DashMarkdown, body: HTMLElement): Promise<void> {
  if (!body.querySelector('pre > code')) return;
  try {
    const { highlightCodeBlocks } = await highlighter.load();
    highlightCodeBlocks(body);
  } catch (error) {
    host.warnOnce('highlight', `could not load code highlighting (${String(error)}); code is shown plain`);
  }
}

async function typeset(host: DashMarkdown, body: HTMLElement): Promise<void> {
  if (!host.mathjax || !body.querySelector('.dash-math')) return;
  try {
    const { typesetMath } = await mathjaxLoader.load();
    await typesetMath(body, (host.constructor as typeof DashMarkdown).mathjaxUrl);
  } catch (error) {
    host.warnOnce('mathjax', `could not typeset math (${String(error)}); TeX is shown as text`);
  }
}

function highlightTheme(host: DashMarkdown): 'dark' | 'light' | null {
  const config = host.highlightConfig as unknown;
  if (config === null || config === undefined) return null;
  const theme = isRecord(config) ? config.theme : undefined;
  if (!isRecord(config) || (theme !== undefined && theme !== 'dark' && theme !== 'light')) {
    host.warnOnce('highlight-config', `attribute "highlight-config" must be {"theme": "dark" | "light"}; using the page's colours`);
    return null;
  }
  return theme ?? null;
}
