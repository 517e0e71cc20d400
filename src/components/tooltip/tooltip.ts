import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { defaultTrueConverter, jsonConverter } from '../../internal/converters.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import type { TooltipCard } from './tooltip-view.js';

/** A box to point at, in px from the tooltip's positioning parent (as `hoverData.points[0].bbox`). */
export interface TooltipBbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type TooltipDirection = 'top' | 'right' | 'bottom' | 'left';

/** The card, its placement and the styles: a chunk loaded before the first update (docs/tooltip.md). */
const tooltipView = new Lazy(() => import('./tooltip-view.js'));

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
export class DashTooltip extends LazyView(DashElement, tooltipView) {
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

  private card: TooltipCard | null = null;

  /** The runtime marks outputs `loading` while their callback runs (docs/tooltip.md). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'loading'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'loading') this.requestUpdate();
    else super.attributeChangedCallback(name, old, value);
  }

  protected override viewLoaded(view: typeof import('./tooltip-view.js')): void {
    this.card = new view.TooltipCard(this);
  }

  protected override render() {
    return this.card?.render() ?? nothing;
  }
}
