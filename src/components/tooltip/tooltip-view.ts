/**
 * What `<dash-tooltip>` shows and where, loaded before its first update (docs/tooltip.md, "What
 * loads when"): the card, its placement beside `bbox` (flipping and sliding to stay on screen) and
 * the styles. The element class keeps the Dash API: properties and the `loading` state.
 */
import { html, type ReactiveController } from 'lit';
import { isRecord } from '../../internal/is-record.js';
import type { DashTooltip, TooltipBbox, TooltipDirection } from './tooltip.js';

export { tooltipStyles as styles } from './tooltip.styles.js';

const DIRECTIONS: readonly TooltipDirection[] = ['top', 'right', 'bottom', 'left'];
const OPPOSITE: Record<TooltipDirection, TooltipDirection> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
/** Distance kept between the card and the viewport's edges, px. */
const EDGE = 4;

const isBbox = (v: unknown): v is TooltipBbox => isRecord(v) && ['x0', 'y0', 'x1', 'y1'].every((k) => Number.isFinite(v[k]));

/** The card of one `<dash-tooltip>`: rendered, then placed after each update and on resize. */
export class TooltipCard implements ReactiveController {
  private readonly resizeObserver = new ResizeObserver(() => this.place());
  private observed: HTMLElement | null = null;

  constructor(private readonly host: DashTooltip) {
    host.addController(this);
  }

  private get card(): HTMLElement | null {
    return this.host.renderRoot.querySelector('[part="card"]');
  }

  hostDisconnected(): void {
    this.resizeObserver.disconnect();
    this.observed = null;
  }

  render() {
    const host = this.host;
    return html`<div part="card" class="card" role="tooltip">
      ${host.hasAttribute('loading') ? html`<span part="loading">${host.loadingText}</span>` : html`<slot></slot>`}
    </div>`;
  }

  hostUpdated(): void {
    const host = this.host;
    const card = this.card;
    if (card && card !== this.observed) {
      this.resizeObserver.observe(card);
      this.observed = card;
    }
    const box = this.visibleBbox();
    host.toggleAttribute('data-visible', host.show && box !== null);
    if (box) {
      // The host is the box itself, so the card's CSS places it by `direction` (through the CSSOM: strict CSP allows it).
      Object.assign(host.style, { left: `${box.x0}px`, top: `${box.y0}px`, width: `${box.x1 - box.x0}px`, height: `${box.y1 - box.y0}px` });
    }
    host.style.setProperty('--_border', host.borderColor);
    host.style.setProperty('--_bg', host.backgroundColor);
    host.style.zIndex = String(host.zindex);
    this.place();
  }

  private direction(): TooltipDirection {
    const { direction } = this.host;
    if (DIRECTIONS.includes(direction)) return direction;
    this.host.warnOnce(`direction:${direction}`, `attribute "direction" must be top, right, bottom or left, not "${direction}"; using right`);
    return 'right';
  }

  private visibleBbox(): TooltipBbox | null {
    const { bbox } = this.host;
    if (bbox === null || bbox === undefined) return null;
    if (isBbox(bbox)) return bbox;
    this.host.warnOnce('bbox', 'attribute "bbox" must be {x0, y0, x1, y1} in px; the tooltip stays hidden');
    return null;
  }

  /** Puts the card on the `direction` side, else the opposite one when that side is off screen, then slides it inside the viewport. */
  private place(): void {
    const card = this.card;
    if (!card || !this.host.hasAttribute('data-visible')) return;
    const wanted = this.direction();
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
