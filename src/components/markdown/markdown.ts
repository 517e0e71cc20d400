import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { defaultTrueConverter, jsonConverter } from '../../internal/converters.js';
import { isRecord } from '../../internal/is-record.js';
import { Lazy } from '../../internal/lazy.js';
import { PendingWork } from '../../internal/pending-work.js';
import { markdownStyles } from './markdown.styles.js';

/** Dash's `highlight_config`: `theme` picks the code colours (`dark` or `light`; default: the page's scheme). */
export interface HighlightConfig {
  theme?: 'dark' | 'light';
}

/** The markdown engine (marked + DOMPurify), the code highlighter and the MathJax loader: each on first use. */
const engine = new Lazy(() => import('./markdown-render.js'));
const highlighter = new Lazy(() => import('./markdown-highlight.js'));
const mathjaxLoader = new Lazy(() => import('./markdown-math.js'));

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
export class DashMarkdown extends DashElement {
  static override styles = markdownStyles;

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

  @query('[part="body"]') private body!: HTMLElement;

  private readonly sourceObserver = new MutationObserver(() => this.requestUpdate());
  /** Renders in flight (the engine may still be loading); `updateComplete` waits for them. */
  private readonly pending = new PendingWork();
  private renderCount = 0;

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
    const theme = this.highlightTheme();
    return html`<div part="body" class="body ${theme ? `code-${theme}` : ''}"></div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.pending.track(this.renderInto(this.body, ++this.renderCount));
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
  }

  private async renderInto(body: HTMLElement, count: number): Promise<void> {
    const source = this.markdown;
    const options = { dedent: this.dedent, allowHtml: this.dangerouslyAllowHtml, math: this.mathjax };
    let fragment: DocumentFragment;
    try {
      const { renderMarkdown } = await engine.load();
      fragment = renderMarkdown(source, options);
    } catch (error) {
      this.warnOnce('engine', `could not load the markdown engine (${String(error)}); showing the text as it is`);
      if (count === this.renderCount) body.replaceChildren(Object.assign(document.createElement('pre'), { textContent: source }));
      return;
    }
    if (count !== this.renderCount) return; // a newer render superseded this one
    this.applyLinkTarget(fragment);
    body.replaceChildren(fragment);
    await Promise.all([this.highlight(body), this.typeset(body)]);
  }

  private applyLinkTarget(root: ParentNode): void {
    if (!this.linkTarget) return;
    for (const link of root.querySelectorAll('a[href]')) {
      link.setAttribute('target', this.linkTarget);
      if (this.linkTarget === '_blank') link.setAttribute('rel', 'noopener noreferrer');
    }
  }

  private async highlight(body: HTMLElement): Promise<void> {
    if (!body.querySelector('pre > code')) return;
    try {
      const { highlightCodeBlocks } = await highlighter.load();
      highlightCodeBlocks(body);
    } catch (error) {
      this.warnOnce('highlight', `could not load code highlighting (${String(error)}); code is shown plain`);
    }
  }

  private async typeset(body: HTMLElement): Promise<void> {
    if (!this.mathjax || !body.querySelector('.dash-math')) return;
    try {
      const { typesetMath } = await mathjaxLoader.load();
      await typesetMath(body, DashMarkdown.mathjaxUrl);
    } catch (error) {
      this.warnOnce('mathjax', `could not typeset math (${String(error)}); TeX is shown as text`);
    }
  }

  private highlightTheme(): 'dark' | 'light' | null {
    const config = this.highlightConfig as unknown;
    if (config === null || config === undefined) return null;
    const theme = isRecord(config) ? config.theme : undefined;
    if (!isRecord(config) || (theme !== undefined && theme !== 'dark' && theme !== 'light')) {
      this.warnOnce('highlight-config', `attribute "highlight-config" must be {"theme": "dark" | "light"}; using the page's colours`);
      return null;
    }
    return theme ?? null;
  }
}
