import { nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { isRecord } from '../../internal/is-record.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { PendingWork } from '../../internal/pending-work.js';
import { loadPlotly } from './plotly-loader.js';
import type { Amend } from './graph-plot.js';
import type { GraphDrawing } from './graph-view.js';

type Obj = Record<string, unknown>;

/** A plotly.js figure: `{data, layout, frames}`. */
export interface Figure {
  data?: Obj[];
  layout?: Obj;
  frames?: Obj[];
}

export interface DashGraphErrorDetail {
  error: Error;
}

const DEFAULT_ANIMATION = { frame: { redraw: false }, transition: { duration: 750, ease: 'cubic-in-out' } };
/** The placeholder, sizing, the drawing with plotly.js and the styles: a chunk loaded before the first update (docs/graph.md). */
const graphView = new Lazy(() => import('./graph-view.js'));

/**
 * `<dash-graph>`: a plotly.js figure, as Dash's `dcc.Graph`. plotly.js is loaded on first
 * connect only (`window.Plotly`, else `DashGraph.plotlyUrl` / `<meta name="dash-plotly-url">`,
 * else the copy shipped beside the bundle); changes go through `Plotly.react`; the graph fills its
 * container's width (and its height, when the element has one) and follows resizes, including a
 * graph first shown after being hidden. Clicks, hovers, selections, zooms and legend toggles
 * update the read-only `clickData`, `hoverData`, `selectedData`, `relayoutData` and `restyleData`
 * (Dash's shapes), which fire `dash-prop-change` with `user: true`.
 *
 * The plot is drawn into a light-DOM child (`div.dash-graph-plot`) so plotly.js's own stylesheet
 * (hover labels, modebar) applies to it.
 *
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 * @fires dash-graph-error - plotly.js could not be loaded, or could not draw the figure (`detail: {error}`).
 *
 * @csspart placeholder - The box of the figure's size shown while plotly.js loads (`aria-busy`).
 * @csspart error - The message shown when plotly.js could not be loaded.
 *
 * @cssprop --dash-graph-placeholder-bg - Background of the loading placeholder.
 * @cssprop --dash-graph-placeholder-color - Text colour of the loading placeholder.
 * @cssprop --dash-graph-error-bg - Background of the load-failure message.
 * @cssprop --dash-graph-error-color - Text colour of the load-failure message.
 * @cssprop --dash-graph-error-border - Border colour of the load-failure message.
 *
 * @attr {boolean} animate - Animate figure changes with `Plotly.animate` (when the number of traces
 * stays the same): Dash's `animate` prop, default `false`, as the attribute and the `animate`
 * property (which on this element replaces `Element.animate()`). The class type does not declare
 * the property (it would clash with that method): from TypeScript write
 * `Object.assign(graph, { animate: true })`, or set the attribute.
 * @property {boolean} animate
 *
 * @tagname dash-graph
 */
export class DashGraph extends LazyView(DashElement, graphView) {

  /**
   * URL plotly.js is loaded from when the page has no `window.Plotly`. Takes precedence over
   * `<meta name="dash-plotly-url" content="…">`; when neither is set, the copy shipped beside the
   * bundle is used. Read when the first graph connects.
   */
  static plotlyUrl: string | null = null;

  /**
   * The plotly.js figure, `{data, layout, frames}`. Set it as a property (JSON in the attribute works
   * too). Writing a figure equal to the one drawn redraws nothing, unless `extendData` or
   * `prependData` changed the plot since: then the figure written is drawn, as in Dash.
   */
  // Every write reaches updated(), even of the object already stored: whether to redraw is decided there.
  @property({ attribute: 'figure', converter: jsonConverter, hasChanged: () => true })
  figure: Figure = { data: [], layout: {}, frames: [] };

  /** plotly.js config (`displayModeBar`, `scrollZoom`, `locale` …). */
  @property({ attribute: 'config', converter: jsonConverter })
  config: Obj = {};

  /**
   * `auto` (default): fill the container's width, and its height when the element has one, unless
   * the figure's layout sets `width`/`height`. `true`: always fill the container. `false`: the
   * figure's size as plotly.js computes it, no resizing.
   */
  @property({ attribute: 'responsive', converter: jsonOrStringConverter })
  responsive: 'auto' | boolean = 'auto';

  // `animate` (Dash's boolean prop) is defined in the static block below, not as a class member: an
  // `animate` accessor in the class would be emitted into graph.d.ts, where it conflicts with
  // HTMLElement's animate() method (TS2423 for every consumer compiling without skipLibCheck). It is
  // documented for the manifest by the @property/@attr tags above.
  static {
    Object.defineProperty(this.prototype, 'animate', {
      get(this: DashGraph) {
        return this._animate;
      },
      set(this: DashGraph, value: unknown) {
        this._animate = Boolean(value);
      },
      configurable: true,
      enumerable: true,
    });
    // Wraps the accessor above (Lit keeps a user-defined accessor and requests an update after it).
    this.createProperty('animate', { type: Boolean, attribute: 'animate' });
  }

  /** Options for `Plotly.animate` (Dash's `animation_options`). */
  @property({ attribute: 'animation-options', converter: jsonConverter })
  animationOptions: Obj = DEFAULT_ANIMATION;

  /** Set `hoverData` back to `null` when the pointer leaves the points (Dash's `clear_on_unhover`). */
  @property({ type: Boolean, attribute: 'clear-on-unhover' })
  clearOnUnhover = false;

  /** Read-only: the last clicked point(s), `{points: [...], timestamp}`. */
  @property({ attribute: 'click-data', converter: jsonConverter })
  clickData: Obj | null = null;

  /** Read-only: the hovered point(s), `{points: [...]}`. */
  @property({ attribute: 'hover-data', converter: jsonConverter })
  hoverData: Obj | null = null;

  /** Read-only: the selected points (box/lasso), `{points, range | lassoPoints}`; `null` when deselected. */
  @property({ attribute: 'selected-data', converter: jsonConverter })
  selectedData: Obj | null = null;

  /** Read-only: plotly's relayout data (zoom, pan, autoscale: `{"xaxis.range[0]": …}`). */
  @property({ attribute: 'relayout-data', converter: jsonConverter })
  relayoutData: Obj | null = null;

  /** Read-only: plotly's restyle data (legend clicks: `[{visible: […]}, [traceIndices]]`). */
  @property({ attribute: 'restyle-data', converter: jsonConverter })
  restyleData: unknown[] | null = null;

  /** Read-only: the last clicked annotation (Dash's `clickAnnotationData`). */
  @property({ attribute: 'click-annotation-data', converter: jsonConverter })
  clickAnnotationData: Obj | null = null;

  /**
   * Write-only: appends points, `[update, traceIndices, maxPoints]` (or just `update`, or a list of
   * such), as `Plotly.extendTraces`. Every write is applied once.
   */
  @property({ attribute: 'extend-data', converter: jsonConverter })
  get extendData(): unknown {
    return this._extendData;
  }
  set extendData(value: unknown) {
    this._extendData = value;
    if (value !== null && value !== undefined) this.queueAmend(['extendTraces', value]);
  }

  /** Write-only: prepends points, as `extendData` does with `Plotly.prependTraces`. */
  @property({ attribute: 'prepend-data', converter: jsonConverter })
  get prependData(): unknown {
    return this._prependData;
  }
  set prependData(value: unknown) {
    this._prependData = value;
    if (value !== null && value !== undefined) this.queueAmend(['prependTraces', value]);
  }

  private _animate = false;
  private _extendData: unknown = null;
  private _prependData: unknown = null;
  /** @internal The figure role, and the name the view gives it from the figure's title. */
  readonly internals = this.attachInternals();
  private readonly plotDiv: HTMLDivElement;
  private drawing: GraphDrawing | null = null;
  /** @internal The plotly work queued so far, which `updateComplete` waits for. */
  readonly pending = new PendingWork();
  /** @internal Points written to `extendData`/`prependData`, not drawn yet. */
  amends: Amend[] = [];

  constructor() {
    super();
    this.internals.role = 'figure';
    const div = document.createElement('div');
    div.className = 'dash-graph-plot';
    this.plotDiv = div;
  }

  /** The plotly.js graph div (`gd`), for calling plotly.js directly. */
  get graphDiv(): HTMLElement {
    return this.plotDiv;
  }

  /** Resolves once Lit has rendered and plotly.js has finished the drawing queued so far. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'figure' && value !== null && value !== undefined && !isRecord(value)) {
      throw new TypeError(`${this.describe()}: figure must be an object {data, layout}, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    }
  }

  override connectedCallback(): void {
    if (this.plotDiv.parentNode !== this) this.append(this.plotDiv);
    // plotly.js starts loading now, beside this element's view (which draws with it once both are here).
    if (!window.Plotly) loadPlotly(DashGraph.plotlyUrl).catch(() => {});
    super.connectedCallback();
  }

  protected override viewLoaded(view: typeof import('./graph-view.js')): void {
    this.drawing = new view.GraphDrawing(this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.drawing?.updated(changed);
  }

  protected override render() {
    return this.drawing?.render() ?? nothing;
  }

  /** @internal Lit's update alone, without the plotly work (which waits for it). */
  renderComplete(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  /** @internal plotly's events write their props as the user's changes. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }

  private queueAmend(amend: Amend): void {
    this.amends.push(amend);
    this.requestUpdate();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-graph-error': CustomEvent<DashGraphErrorDetail>;
  }
}
