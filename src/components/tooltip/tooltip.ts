import { html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { defaultTrueConverter, jsonConverter } from '../../internal/converters.js';
import { isRecord } from '../../internal/is-record.js';
import { tooltipStyles } from './tooltip.styles.js';

/** A box to point at, in px from the tooltip's positioning parent (as `hoverData.points[0].bbox`). */
export interface TooltipBbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type TooltipDirection = 'top' | 'right' | 'bottom' | 'left';

const DIRECTIONS: readonly TooltipDirection[] = ['top', 'right', 'bottom', 'left'];
const OPPOSITE: Record<TooltipDirection, TooltipDirection> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
/** Distance kept between the card and the viewport's edges, px. */
const EDGE = 4;

const isBbox = (v: unknown): v is TooltipBbox => isRecord(v) && ['x0', 'y0', 'x1', 'y1'].every((k) => Number.isFinite(v[k]));

/**
 * Dash's `dcc.Tooltip`: a card beside a box (`bbox`), the element Dash apps pair with a graph's
 * `hoverData` (`hoverData.points[0].bbox`). Put it next to the graph inside a positioned container
 * (`position: relative`), as in Dash; `bbox` is in px from that container. The card goes on the
 * `direction` side of the box, and flips to the other side, or slides along, to stay on screen near
 * the viewport's edges. While a callback writing into it runs, it shows `loadingText`.
 *
 * @summary A hover card positioned from a graph's hover box.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 *
 * @slot - The card's content.
 *
 * @csspart card - The card (`role="tooltip"`).
 * @csspart loading - The loading text.
 *
 * @cssprop --dash-tooltip-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-tooltip-shadow - The card's shadow.
 *
 * @tagname dash-tooltip
 */
export class DashTooltip extends DashElement {
  static override styles = tooltipStyles;

  /** Whether the card shows (when there is a `bbox`). Default true; `show="false"` hides it. */
  @property({ converter: defaultTrueConverter, reflect: true }) show = true;

  /** The box to point at: `{x0, y0, x1, y1}` in px. JSON in the attribute. */
  @property({ converter: jsonConverter }) bbox: TooltipBbox | null = null;

  /** Which side of the box the card goes: `top`, `right` (default), `bottom` or `left`. */
  @property({ reflect: true }) direction: TooltipDirection = 'right';

  /** Border (and arrow outline) colour. */
  @property({ attribute: 'border-color' }) borderColor = '#d6d6d6';

  /** Card background colour. */
  @property({ attribute: 'background-color' }) backgroundColor = 'white';

  /** Shown instead of the content while a callback writing it runs. */
  @property({ attribute: 'loading-text' }) loadingText = 'Loading...';

  /** Stacking order of the card. */
  @property({ type: Number }) zindex = 1;

  /** Let the pointer reach the card (to select text or click a link in it); by default it passes through. */
  @property({ type: Boolean, reflect: true }) targetable = false;

  @query('[part="card"]') private card!: HTMLElement;

  private readonly resizeObserver = new ResizeObserver(() => this.place());

  /** The runtime marks outputs `loading` while their callback runs (docs/tooltip.md). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'loading'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'loading') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  private direction_(): TooltipDirection {
    if (DIRECTIONS.includes(this.direction)) return this.direction;
    this.warnOnce(`direction:${this.direction}`, `attribute "direction" must be top, right, bottom or left, not "${this.direction}"; using right`);
    return 'right';
  }

  private visibleBbox(): TooltipBbox | null {
    if (this.bbox === null || this.bbox === undefined) return null;
    if (isBbox(this.bbox)) return this.bbox;
    this.warnOnce('bbox', 'attribute "bbox" must be {x0, y0, x1, y1} in px; the tooltip stays hidden');
    return null;
  }

  protected override render() {
    const loading = this.hasAttribute('loading');
    return html`<div part="card" class="card" role="tooltip">
      ${loading ? html`<span part="loading">${this.loadingText}</span>` : html`<slot></slot>`}
    </div>`;
  }

  protected override firstUpdated(): void {
    this.resizeObserver.observe(this.card);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const box = this.visibleBbox();
    const visible = this.show && box !== null;
    this.toggleAttribute('data-visible', visible);
    if (box) {
      // The host is the box itself, so the card's CSS places it by `direction` (through the CSSOM: strict CSP allows it).
      Object.assign(this.style, { left: `${box.x0}px`, top: `${box.y0}px`, width: `${box.x1 - box.x0}px`, height: `${box.y1 - box.y0}px` });
    }
    this.style.setProperty('--_border', this.borderColor);
    this.style.setProperty('--_bg', this.backgroundColor);
    this.style.zIndex = String(this.zindex);
    this.place();
  }

  /** Puts the card on the `direction` side, else the opposite one when that side is off screen, then slides it inside the viewport. */
  private place(): void {
    const card = this.card;
    if (!card || !this.hasAttribute('data-visible')) return;
    const wanted = this.direction_();
    card.dataset.side = wanted;
    card.style.translate = '';
    card.style.removeProperty('--_arrow-shift');
    let rect = card.getBoundingClientRect();
    const [width, height] = [document.documentElement.clientWidth, document.documentElement.clientHeight];
    const overflows = (side: TooltipDirection, r: DOMRect) =>
      side === 'right' ? r.right > width - EDGE : side === 'left' ? r.left < EDGE : side === 'top' ? r.top < EDGE : r.bottom > height - EDGE;
    if (overflows(wanted, rect)) {
      card.dataset.side = OPPOSITE[wanted];
      const flipped = card.getBoundingClientRect();
      if (overflows(OPPOSITE[wanted], flipped)) card.dataset.side = wanted;
      else rect = flipped;
    }
    const side = card.dataset.side as TooltipDirection;
    const horizontal = side === 'left' || side === 'right';
    const [start, end, size] = horizontal ? [rect.top, rect.bottom, height] : [rect.left, rect.right, width];
    const shift = start < EDGE ? EDGE - start : end > size - EDGE ? Math.max(size - EDGE - end, EDGE - start) : 0;
    if (!shift) return;
    card.style.translate = horizontal ? `0 ${shift}px` : `${shift}px 0`;
    card.style.setProperty('--_arrow-shift', horizontal ? `0 ${-shift}px` : `${-shift}px 0`);
  }
}
