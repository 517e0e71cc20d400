import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { styleMap } from '../../internal/style-map.js';
import { emit } from '../../internal/events.js';
import { loadPlotly, type PlotlyApi } from './plotly-loader.js';
import type { Amend, GraphPlot } from './graph-plot.js';
import { graphStyles } from './graph.styles.js';
import { isRecord } from '../../internal/is-record.js';
import { PendingWork } from '../../internal/pending-work.js';

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
/** plotly's default height (graph-plot.ts draws at it too): for a graph whose height comes from its content. */
const DEFAULT_HEIGHT = 450;

type PlotModule = typeof import('./graph-plot.js');
/** graph-plot.js, once loaded (with plotly.js) for the first graph. */
let plotModule: PlotModule | null = null;


/** Plain text of a plotly title (string, or `{text}`), with plotly's markup tags dropped. */
function titleText(layout: unknown): string | null {
  if (!isRecord(layout)) return null;
  const title = layout.title;
  const raw = typeof title === 'string' ? title : isRecord(title) && typeof title.text === 'string' ? title.text : null;
  if (!raw) return null;
  const text = raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

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
export class DashGraph extends DashElement {
  static override styles = graphStyles;

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

  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private errorMessage = '';

  private _animate = false;
  private _extendData: unknown = null;
  private _prependData: unknown = null;
  private readonly internals: ElementInternals;
  private readonly plotDiv: HTMLDivElement;
  private plotly: PlotlyApi | null = null;
  /** What is drawn with plotly.js (graph-plot.ts, loaded with plotly.js); one per connection. */
  private plot: GraphPlot | null = null;
  /** Bumped on connect/disconnect: queued work of an earlier connection does nothing. */
  private generation = 0;
  private ops: Promise<void> = Promise.resolve();
  /** The plotly work queued so far, which `updateComplete` waits for. */
  private readonly pending = new PendingWork();
  private plotted = false;
  private needsPlot = false;
  private amends: Amend[] = [];
  private resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.internals = this.attachInternals();
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
    super.connectedCallback();
    this.generation++;
    if (this.plotDiv.parentNode !== this) this.append(this.plotDiv);
    this.needsPlot = true;
    this.plotly = window.Plotly ?? this.plotly;
    if (this.plotly && plotModule) {
      this.startPlot(this.plotly, plotModule);
    } else {
      this.status = 'loading';
      const generation = this.generation;
      // plotly.js and the code that draws with it (graph-plot.js, a lazy chunk in the CDN build), together.
      Promise.all([this.plotly ?? loadPlotly(DashGraph.plotlyUrl), import('./graph-plot.js')]).then(
        ([plotly, module]) => {
          plotModule = module;
          if (generation === this.generation) this.startPlot(plotly, module);
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          const err = error instanceof Error ? error : new Error(String(error));
          this.status = 'error';
          this.errorMessage = `The graph could not be shown: ${err.message}.`;
          console.warn(`${this.describe()}: ${err.message}`);
          emit<DashGraphErrorDetail>(this, 'dash-graph-error', { error: err });
        },
      );
    }
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation++;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.ops = Promise.resolve();
    this.pending.clear();
    try {
      this.plot?.purge();
    } catch (error) {
      console.warn(`${this.describe()}: purge failed`, error);
    }
    this.plot = null;
    this.plotted = false;
    this.amends = [];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.isConnected) return;
    if (changed.has('figure') || changed.has('config') || changed.has('responsive')) {
      if (changed.has('config') || changed.has('responsive') || !this.plot?.shows(this.figure)) {
        this.needsPlot = true;
        this.requestPlot();
      }
    }
    if (changed.has('figure')) this.updateName();
    // After a figure change in the same update, so `figure` + `extendData` extend the new figure.
    if (this.amends.length && this.plotted) this.run(() => this.applyAmends());
  }

  protected override render() {
    if (this.status === 'error') {
      return html`<div part="error" role="alert">${this.errorMessage}</div><slot></slot>`;
    }
    if (this.status === 'loading' || !this.plotted) {
      const { width, height } = this.placeholderSize();
      return html`<div part="placeholder" aria-busy="true" style=${styleMap({ width, height })}>
          ${this.status === 'loading' ? 'Loading graph…' : nothing}
        </div>
        <slot></slot>`;
    }
    return html`<slot></slot>`;
  }

  // ————— sizing —————

  private placeholderSize(): { width: string; height: string } {
    const layout = isRecord(this.figure) && isRecord(this.figure.layout) ? this.figure.layout : {};
    const fixed = this.responsive !== true;
    const width = fixed && typeof layout.width === 'number' ? `${layout.width}px` : '100%';
    const height = fixed && typeof layout.height === 'number' ? `${layout.height}px` : this.hasDefiniteHeight() ? '100%' : `${DEFAULT_HEIGHT}px`;
    return { width, height };
  }

  /** True when the element's height does not come from its content (a CSS height, or flex-grow in a column). */
  private hasDefiniteHeight(): boolean {
    if (!this.isConnected) return false;
    const specified = this.computedStyleMap?.().get('height');
    if (specified && specified.toString() !== 'auto') return true;
    const parent = this.parentElement;
    if (!parent) return false;
    const style = getComputedStyle(this);
    if (parseFloat(style.flexGrow) > 0) {
      const parentStyle = getComputedStyle(parent);
      return parentStyle.display.includes('flex') && parentStyle.flexDirection.startsWith('column');
    }
    return false;
  }

  private isShown(): boolean {
    return this.getClientRects().length > 0;
  }

  private onResize(): void {
    if (!this.isShown()) return;
    if (this.needsPlot) {
      this.requestPlot();
      return;
    }
    if (!this.plotted || this.responsive === false) return;
    this.run(() => (this.plotted ? this.plot?.resize() : undefined));
  }

  // ————— drawing (graph-plot.ts does the plotly.js work) —————

  private startPlot(plotly: PlotlyApi, module: PlotModule): void {
    this.plotly = plotly;
    this.plot = new module.GraphPlot(plotly, this.plotDiv, this, {
      animated: () => this._animate,
      hasDefiniteHeight: () => this.hasDefiniteHeight(),
      setByUser: (prop, value) => this.setByUser(prop, value as never),
    });
    this.status = 'ready';
    this.requestPlot();
  }

  /** Runs plotly work one call at a time, in order; work queued before a disconnect is dropped. */
  private run(task: () => Promise<void> | void): void {
    const generation = this.generation;
    this.ops = this.ops
      .then(() => (generation === this.generation ? task() : undefined))
      .catch((error: unknown) => this.drawFailed(error));
    this.pending.track(this.ops);
  }

  private requestPlot(): void {
    if (!this.plot || !this.isConnected) return;
    this.run(async () => {
      await super.getUpdateComplete(); // the slot that shows the plot div must be rendered before plotly measures text
      if (!this.needsPlot || !this.isShown() || !this.plot) return; // a hidden graph is drawn when it is shown
      this.needsPlot = false;
      await this.plot.draw();
      if (!this.plotted) {
        this.plotted = true;
        this.requestUpdate();
      }
      await this.applyAmends();
    });
  }

  private drawFailed(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    console.warn(`${this.describe()}: plotly.js could not draw the figure: ${err.message}`);
    emit<DashGraphErrorDetail>(this, 'dash-graph-error', { error: err });
  }

  private updateName(): void {
    const layout = isRecord(this.figure) ? this.figure.layout : null;
    this.internals.ariaLabel = titleText(layout);
  }

  // ————— streaming —————

  private queueAmend(amend: Amend): void {
    this.amends.push(amend);
    this.requestUpdate();
  }

  private async applyAmends(): Promise<void> {
    if (this.plotted && this.plot) await this.plot.amend(this.amends.splice(0));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-graph-error': CustomEvent<DashGraphErrorDetail>;
  }
}
