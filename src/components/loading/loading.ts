import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canonicalProp } from '../../runtime/dependency.js';
import { jsonConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { Lazy } from '../../internal/lazy.js';
import { PendingWork } from '../../internal/pending-work.js';
import { styleMap, type StyleInfo } from '../../internal/style-map.js';
import type { SpinnerType } from './loading-spinner.js';
import { loadingStyles } from './loading.styles.js';
import { addStyleSheet } from '../../internal/add-style-sheet.js';

export type { SpinnerType };
const SPINNERS: readonly SpinnerType[] = ['default', 'circle', 'dot', 'cube', 'graph'];

/** The spinners' drawing and CSS, loaded the first time one shows. */
const spinners = new Lazy(() => import('./loading-spinner.js'));

/** Detail of the `dash-output-loading` event the runtime fires from an output while a call writes it. */
interface OutputLoading {
  prop: string;
  loading: boolean;
}

/** True when `node` is inside `ancestor`, crossing shadow roots. */
function isInside(ancestor: Node, node: Node | null): boolean {
  while (node) {
    if (node === ancestor) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/**
 * Dash's `dcc.Loading`: wraps content and shows a spinner over it while any callback output inside
 * it is loading (the `loading` mark of the callback runtime, also inside shadow roots), after
 * `delayShow` ms and until `delayHide` ms after the last one ends. `targetComponents` limits which
 * outputs count; `display` forces it on or off. While shown the content is hidden (Dash's default
 * `overlayStyle`, `{visibility: "hidden"}`), the element carries `aria-busy="true"` and nothing
 * takes focus. Spinners stand still for people who prefer reduced motion.
 *
 * @summary A spinner over content while callbacks update it.
 *
 * @slot - The content whose outputs are watched.
 *
 * @csspart content - The box around the slotted content (gets `overlayStyle` while loading).
 * @csspart overlay - The layer holding the spinner (fixed over the page when `fullscreen`).
 * @csspart spinner - The spinner (`role="progressbar"`, named "Loading").
 *
 * @cssprop --dash-loading-color - Spinner colour (the `color` property sets it; default #119dff).
 * @cssprop --dash-loading-fullscreen-background - Backdrop of a `fullscreen` spinner.
 *
 * @tagname dash-loading
 */
export class DashLoading extends DashElement {
  static override styles = loadingStyles;

  /** The spinner: `default`, `circle`, `dot`, `cube` or `graph`. */
  @property() type: SpinnerType = 'default';

  /** The spinner's colour (any CSS colour). */
  @property() color = '#119DFF';

  /** Cover the whole page instead of the content. */
  @property({ type: Boolean, reflect: true }) fullscreen = false;

  /** Style (camelCase keys, JSON in the attribute) of the content while the spinner shows; default hides it. */
  @property({ attribute: 'overlay-style', converter: jsonConverter }) overlayStyle: StyleInfo | null = null;

  /** `auto` (while loading), `show` (always) or `hide` (never). */
  @property() display: 'auto' | 'show' | 'hide' = 'auto';

  /** Milliseconds loading must last before the spinner appears. */
  @property({ attribute: 'delay-show', type: Number }) delayShow = 0;

  /** Milliseconds the spinner stays after loading ends (no flicker between calls). */
  @property({ attribute: 'delay-hide', type: Number }) delayHide = 0;

  /** Only these outputs count: `{id: prop | [props] | "*"}` (JSON in the attribute). */
  @property({ attribute: 'target-components', converter: jsonConverter }) targetComponents: Record<string, string | string[]> | null = null;

  /** Whether the spinner is up (delays applied). */
  @state() private spinning = false;

  /** Outputs inside that are loading now: element → prop → running calls. */
  private readonly loadingOutputs = new Map<Element, Map<string, number>>();
  private showTimer: ReturnType<typeof setTimeout> | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly contentObserver = new MutationObserver(() => this.reconsider());
  /** Loading the spinners' code; `updateComplete` waits for it. */
  private readonly pending = new PendingWork();

  constructor() {
    super();
    // Listening from the start: an output may begin loading before this element connects.
    this.addEventListener('dash-output-loading', this.onOutputLoading);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.contentObserver.observe(this, { childList: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.contentObserver.disconnect();
    this.clearTimers();
    this.spinning = false;
  }

  private readonly onOutputLoading = (event: Event): void => {
    const el = event.composedPath()[0];
    const detail = (event as CustomEvent<OutputLoading>).detail;
    if (!(el instanceof Element) || !detail) return;
    const props = this.loadingOutputs.get(el) ?? new Map<string, number>();
    const count = Math.max(0, (props.get(detail.prop) ?? 0) + (detail.loading ? 1 : -1));
    if (count > 0) props.set(detail.prop, count);
    else props.delete(detail.prop);
    if (props.size > 0) this.loadingOutputs.set(el, props);
    else this.loadingOutputs.delete(el);
    this.reconsider();
  };

  private isTarget(el: Element, prop: string): boolean {
    const targets = this.targetComponents;
    if (targets === null) return true;
    if (typeof targets !== 'object' || Array.isArray(targets)) {
      this.warnOnce('target-components', 'target-components must be an object {id: prop | [props]}; watching every output');
      return true;
    }
    const wanted = Object.hasOwn(targets, el.id) ? targets[el.id] : undefined;
    if (wanted === undefined) return false;
    const list = Array.isArray(wanted) ? wanted : [wanted];
    return list.some((p) => p === '*' || canonicalProp(String(p)) === prop);
  }

  /** Is any watched output inside loading? (Outputs removed from inside stop counting.) */
  private anyLoading(): boolean {
    for (const [el, props] of this.loadingOutputs) {
      if (!isInside(this, el)) {
        this.loadingOutputs.delete(el);
        continue;
      }
      for (const prop of props.keys()) if (this.isTarget(el, prop)) return true;
    }
    return false;
  }

  /** Applies `delayShow` / `delayHide` to the loading state. */
  private reconsider(): void {
    if (this.anyLoading()) {
      if (this.hideTimer !== null) clearTimeout(this.hideTimer);
      this.hideTimer = null;
      if (this.spinning || this.showTimer !== null) return;
      if (this.delayShow > 0) {
        this.showTimer = setTimeout(() => {
          this.showTimer = null;
          this.spinning = this.anyLoading();
        }, this.delayShow);
      } else {
        this.spinning = true;
      }
    } else {
      if (this.showTimer !== null) clearTimeout(this.showTimer);
      this.showTimer = null;
      if (!this.spinning || this.hideTimer !== null) return;
      if (this.delayHide > 0) {
        this.hideTimer = setTimeout(() => {
          this.hideTimer = null;
          this.spinning = this.anyLoading();
        }, this.delayHide);
      } else {
        this.spinning = false;
      }
    }
  }

  private clearTimers(): void {
    if (this.showTimer !== null) clearTimeout(this.showTimer);
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.showTimer = this.hideTimer = null;
  }

  private shown(): boolean {
    if (this.display === 'show') return true;
    if (this.display === 'hide') return false;
    if (this.display !== 'auto') this.warnOnce(`display:${String(this.display)}`, `display "${String(this.display)}" is not auto, show or hide; using auto`);
    return this.spinning;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('type') && !SPINNERS.includes(this.type)) {
      this.warnOnce(`type:${String(this.type)}`, `type "${String(this.type)}" is not one of ${SPINNERS.join(', ')}; using default`);
    }
    super.willUpdate(changed);
  }

  override render() {
    const shown = this.shown();
    const type = SPINNERS.includes(this.type) ? this.type : 'default';
    const overlayStyle = this.overlayStyle && typeof this.overlayStyle === 'object' ? this.overlayStyle : { visibility: 'hidden' };
    const drawing = shown ? this.spinnerDrawing() : null;
    return html`<div part="content" class="content" style=${styleMap(shown ? overlayStyle : {})}><slot></slot></div>
      ${shown
        ? html`<div part="overlay" class="overlay" style=${styleMap({ '--_color': this.color })}>
            <div part="spinner" class="spinner ${type}" role="progressbar" aria-label="Loading">${drawing ? drawing.spinnerPieces(type) : nothing}</div>
          </div>`
        : nothing}`;
  }

  /** The spinners' module once loaded (its CSS adopted here); until then the overlay shows without pieces. */
  private spinnerDrawing(): typeof import('./loading-spinner.js') | null {
    const loaded = spinners.module;
    const root = this.shadowRoot;
    if (loaded && root) {
      addStyleSheet(root, loaded.spinnerStyles.styleSheet);
      return loaded;
    }
    this.pending.track(spinners.load().then(() => this.requestUpdate()));
    return null;
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // aria-busy tells assistive technology the content is being updated (docs/loading.md).
    if (this.shown()) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }
}
