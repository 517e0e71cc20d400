import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { defaultTrueConverter, jsonConverter } from '../../internal/converters.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { PendingWork } from '../../internal/pending-work.js';

/** Dash's `highlight_config`: `theme` picks the code colours (`dark` or `light`; default: the page's scheme). */
export interface HighlightConfig {
  theme?: 'dark' | 'light';
}

/**
 * The markdown engine (marked + DOMPurify) and the styles: a chunk loaded before the first update;
 * it loads the code highlighter and MathJax when they are first needed (docs/markdown.md).
 */
const markdownView = new Lazy(() => import('./markdown-view.js'));

/**
 * Dash's `dcc.Markdown`: GitHub-flavoured markdown (tables, task lists, strikethrough) rendered in
 * the element's shadow root. The markdown is the element's text content — what a callback writes as
 * `children`. The engine (marked + DOMPurify) loads on first use, so pages without markdown pay
 * nothing for it; code highlighting loads only when a code block appears, MathJax only for TeX.
 *
 * Everything rendered is sanitized: scripts, event-handler attributes and `javascript:`/`data:`
 * links never survive. Without `dangerouslyAllowHtml`, HTML inside the markdown is shown as text.
 *
 * @summary Markdown rendered safely, its engine loaded on first use.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 *
 * @csspart body - The rendered markdown.
 *
 * @cssprop --dash-markdown-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-markdown-link-color - Link colour (falls back to `--dash-accent`).
 * @cssprop --dash-markdown-code-background - Background of code spans and blocks.
 * @cssprop --dash-markdown-border-color - Table, rule and quote borders (falls back to `--dash-border-color`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-markdown
 */
export class DashMarkdown extends LazyView(DashElement, markdownView) {

  /**
   * Where MathJax is loaded from when `mathjax` is on and the page has no `window.MathJax`
   * (else `<meta name="dash-mathjax-url">`, else MathJax 4 from jsDelivr).
   */
  static mathjaxUrl: string | null = null;

  /** Remove the indentation every line shares before parsing (markdown written indented in HTML). */
  @property({ converter: defaultTrueConverter, reflect: true }) dedent = true;

  /** The `target` of every link (`_blank` opens a new tab, with `rel="noopener noreferrer"`). */
  @property({ attribute: 'link-target', reflect: true }) linkTarget: string | null = null;

  /** Render HTML written inside the markdown (sanitized) instead of showing it as text. */
  @property({ attribute: 'dangerously-allow-html', type: Boolean, reflect: true }) dangerouslyAllowHtml = false;

  /** Code block colours: `{theme: 'dark' | 'light'}`. JSON in the attribute. */
  @property({ attribute: 'highlight-config', converter: jsonConverter }) highlightConfig: HighlightConfig = {};

  /** Render TeX between `$…$` (inline) and `$$…$$` (display) with MathJax, loaded on first use. */
  @property({ type: Boolean, reflect: true }) mathjax = false;

  private readonly sourceObserver = new MutationObserver(() => this.requestUpdate());
  /** Highlighting and typesetting in flight; `updateComplete` waits for them. */
  private readonly pending = new PendingWork();

  override connectedCallback(): void {
    super.connectedCallback();
    this.sourceObserver.observe(this, { childList: true, characterData: true, subtree: true });
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sourceObserver.disconnect();
  }

  /** The markdown source: the element's text content. */
  get markdown(): string {
    return this.textContent ?? '';
  }

  protected override render() {
    // Without its code (it could not be loaded) the element shows its text as it is.
    return this.view?.renderBody(this) ?? html`<pre part="body">${this.markdown}</pre>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const body = this.renderRoot.querySelector<HTMLElement>('div[part="body"]');
    if (this.view && body) this.pending.track(this.view.fillBody(this, body));
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
  }
}
