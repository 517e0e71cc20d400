import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter, jsonOrStringConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { styleMap } from '../../internal/style-map.js';
import { emit } from '../../internal/events.js';
import { loadPlotly, type PlotlyApi } from './plotly-loader.js';
import { graphStyles } from './graph.styles.js';

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

/** The element plotly.js draws into (plotly adds these to it). */
interface GraphDiv extends HTMLDivElement {
  on?(event: string, handler: (data: never) => void): void;
  removeAllListeners?(): void;
  data?: Obj[];
  layout?: Obj;
  _fullData?: Obj[];
}

type Amend = ['extendTraces' | 'prependTraces', unknown];

const DEFAULT_ANIMATION = { frame: { redraw: false }, transition: { duration: 750, ease: 'cubic-in-out' } };
const DEFAULT_HEIGHT = 450;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Copies the containers of a figure (objects, arrays of objects) so plotly.js can write its
 * state into them (axis ranges, sizes) without touching the caller's objects, while arrays of
 * values are shared as they are: plotly.js compares them by reference, and never writes into them.
 */
function cloneContainers<T>(value: T): T {
  if (Array.isArray(value)) {
    if (value.length === 0 || typeof value[0] !== 'object' || value[0] === null) return value;
    return value.map(cloneContainers) as T;
  }
  if (isObject(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const out: Obj = {};
    for (const key of Object.keys(value)) out[key] = cloneContainers(value[key]);
    return out as T;
  }
  return value;
}

/** Plain text of a plotly title (string, or `{text}`), with plotly's markup tags dropped. */
function titleText(layout: unknown): string | null {
  if (!isObject(layout)) return null;
  const title = layout.title;
  const raw = typeof title === 'string' ? title : isObject(title) && typeof title.text === 'string' ? title.text : null;
  if (!raw) return null;
  const text = raw
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

/**
 * Event data as Dash's dcc.Graph shapes it: each point keeps its plain fields (`curveNumber`,
 * `pointNumber`, `pointIndex`, `x`, `y`, `z`, `text` …) and `bbox`, `customdata` comes from the
 * trace, histogram `pointNumbers` pass through, and so do a selection's `range`/`lassoPoints`.
 */
function shapePoints(gd: GraphDiv, eventData: unknown): Obj | null {
  if (!isObject(eventData) || !Array.isArray(eventData.points)) return null;
  const data = gd.data ?? [];
  const points = eventData.points.map((full: Obj) => {
    const point: Obj = {};
    for (const key of Object.keys(full)) {
      const v = full[key];
      if (typeof v !== 'object' || v === null) point[key] = v;
    }
    if ('bbox' in full && full.bbox) point.bbox = { ...(full.bbox as Obj) };
    const trace = typeof full.curveNumber === 'number' ? data[full.curveNumber] : undefined;
    const custom = trace?.customdata;
    if (Array.isArray(custom)) {
      if (typeof full.pointNumber === 'number') point.customdata = custom[full.pointNumber];
      else if (Array.isArray(full.pointNumbers)) point.customdata = full.pointNumbers.map((i: number) => custom[i]);
    }
    if (Array.isArray(full.pointNumbers)) point.pointNumbers = [...full.pointNumbers];
    return point;
  });
  const out: Obj = { points };
  if ('range' in eventData && eventData.range) out.range = eventData.range;
  if ('lassoPoints' in eventData && eventData.lassoPoints) out.lassoPoints = eventData.lassoPoints;
  return out;
}

/** A JSON-safe copy of relayout/restyle data (plotly reuses and mutates its event objects). */
function plainCopy<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Copies of plotly.js's stylesheets per shadow root holding a graph (see adoptPlotlyStyles). */
const plotlySheetCopies = new WeakMap<ShadowRoot, Map<string, { sheet: CSSStyleSheet; text: string | null }>>();

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

  /** The plotly.js figure, `{data, layout, frames}`. Set it as a property (JSON in the attribute works too). */
  @property({ attribute: 'figure', converter: jsonConverter })
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
  private readonly plotDiv: GraphDiv;
  private plotly: PlotlyApi | null = null;
  /** Bumped on connect/disconnect: queued work of an earlier connection does nothing. */
  private generation = 0;
  private ops: Promise<void> = Promise.resolve();
  private plotted = false;
  private needsPlot = false;
  private eventsBound = false;
  private amends: Amend[] = [];
  /** The figure last drawn (the caller's object, never written to). */
  private drawnFigure: Figure | null = null;
  private drawnSize: { width?: number; height?: number } = {};
  private ownRelayout = false;
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
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    let ops: Promise<void> | null = null;
    while (ops !== this.ops || this.isUpdatePending) {
      ops = this.ops;
      await ops;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'figure' && value !== null && value !== undefined && !isObject(value)) {
      throw new TypeError(`${this.describe()}: figure must be an object {data, layout}, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.generation++;
    if (this.plotDiv.parentNode !== this) this.append(this.plotDiv);
    this.needsPlot = true;
    this.plotly = window.Plotly ?? this.plotly;
    if (this.plotly) {
      this.status = 'ready';
      this.requestPlot();
    } else {
      this.status = 'loading';
      const generation = this.generation;
      loadPlotly(DashGraph.plotlyUrl).then(
        (plotly) => {
          if (generation !== this.generation) return;
          this.plotly = plotly;
          this.status = 'ready';
          this.requestPlot();
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
    if (this.plotted || this.eventsBound) {
      try {
        this.plotDiv.removeAllListeners?.();
        this.plotly?.purge(this.plotDiv);
      } catch (error) {
        console.warn(`${this.describe()}: purge failed`, error);
      }
    }
    this.plotted = false;
    this.eventsBound = false;
    this.drawnFigure = null;
    this.drawnSize = {};
    this.amends = [];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.isConnected) return;
    if (changed.has('figure') || changed.has('config') || changed.has('responsive')) {
      if (changed.has('config') || changed.has('responsive') || !deepEqual(this.figure, this.drawnFigure)) {
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
    const layout = isObject(this.figure) && isObject(this.figure.layout) ? this.figure.layout : {};
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

  /** The element's content box; `null` where it gives no size (hidden, or height from content). */
  private measure(): { width: number | null; height: number | null } {
    if (this.getClientRects().length === 0) return { width: null, height: null };
    const style = getComputedStyle(this);
    const width = this.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    let height: number | null = null;
    if (this.hasDefiniteHeight()) {
      // Measure without our own content, so a height that only our plot gives is not taken for the container's.
      const shadowParts = [...(this.renderRoot.querySelectorAll<HTMLElement>('[part]') ?? [])];
      const hidden = [this.plotDiv, ...shadowParts];
      const previous = hidden.map((el) => el.style.display);
      for (const el of hidden) el.style.display = 'none';
      const inner = this.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      hidden.forEach((el, i) => (el.style.display = previous[i]));
      if (inner > 0) height = inner;
    }
    return { width: width > 0 ? width : null, height };
  }

  /** The width/height `<dash-graph>` gives plotly for a layout (empty when plotly sizes it). */
  private sizeFor(layout: Obj): { width?: number; height?: number } {
    if (this.responsive === false) return {};
    const box = this.measure();
    const fill = this.responsive === true;
    const layoutWidth = !fill && typeof layout.width === 'number' ? layout.width : undefined;
    const layoutHeight = typeof layout.height === 'number' ? layout.height : undefined;
    const width = layoutWidth ?? box.width ?? undefined;
    const height = (fill ? (box.height ?? layoutHeight) : (layoutHeight ?? box.height)) ?? DEFAULT_HEIGHT;
    return { width, height };
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
    this.run(async () => {
      if (!this.plotted || !this.plotly) return;
      const size = this.sizeFor(isObject(this.figure?.layout) ? this.figure.layout : {});
      if (size.width === this.drawnSize.width && size.height === this.drawnSize.height) return;
      this.drawnSize = size;
      this.ownRelayout = true;
      try {
        await this.plotly.relayout(this.plotDiv, { width: size.width, height: size.height });
      } finally {
        this.ownRelayout = false;
      }
    });
  }

  // ————— drawing —————

  /** Runs plotly work one call at a time, in order; work queued before a disconnect is dropped. */
  private run(task: () => Promise<void> | void): void {
    const generation = this.generation;
    this.ops = this.ops
      .then(() => (generation === this.generation ? task() : undefined))
      .catch((error: unknown) => this.drawFailed(error));
  }

  private requestPlot(): void {
    if (!this.plotly || !this.isConnected) return;
    this.run(async () => {
      await super.getUpdateComplete(); // the slot that shows the plot div must be rendered before plotly measures text
      if (!this.needsPlot || !this.isShown()) return; // a hidden graph is drawn when it is shown
      this.needsPlot = false;
      await this.draw();
      await this.applyAmends();
    });
  }

  private validFigure(): { data: Obj[]; layout: Obj; frames: Obj[] | undefined } {
    let figure: unknown = this.figure;
    if (figure === null || figure === undefined) figure = {};
    if (!isObject(figure)) {
      this.warnOnce('figure-type', `figure must be an object {data, layout}, got ${Array.isArray(figure) ? 'an array' : typeof figure}; keeping the last figure`);
      figure = this.drawnFigure ?? {};
    }
    const fig = figure as Obj;
    let data = fig.data ?? [];
    if (!Array.isArray(data)) {
      this.warnOnce('data-type', 'figure.data must be an array of traces; drawing no traces');
      data = [];
    }
    const traces = (data as unknown[]).filter((trace, i) => {
      if (isObject(trace)) return true;
      this.warnOnce(`trace-${i}`, `figure.data[${i}] is not a trace object; skipped`);
      return false;
    }) as Obj[];
    let layout = fig.layout ?? {};
    if (!isObject(layout)) {
      this.warnOnce('layout-type', 'figure.layout must be an object; using an empty layout');
      layout = {};
    }
    const frames = Array.isArray(fig.frames) ? (fig.frames as Obj[]) : undefined;
    return { data: traces, layout: layout as Obj, frames };
  }

  private async draw(): Promise<void> {
    const plotly = this.plotly!;
    const gd = this.plotDiv;
    const source = this.figure;
    const { data, layout, frames } = this.validFigure();
    const figure = {
      data: cloneContainers(data),
      layout: cloneContainers(layout),
      frames: frames ? cloneContainers(frames) : undefined,
    };
    const size = this.sizeFor(layout);
    if (size.width !== undefined) figure.layout.width = size.width;
    if (size.height !== undefined) figure.layout.height = size.height;
    if (size.width !== undefined || size.height !== undefined) figure.layout.autosize = false;
    // <dash-graph> follows its container itself; plotly's own window-resize handler would fight it.
    const config = { ...(isObject(this.config) ? this.config : {}), responsive: false };

    if (this._animate && this.plotted && (gd.data?.length ?? -1) === figure.data.length) {
      if (figure.frames) {
        await plotly.deleteFrames(gd);
        await plotly.addFrames(gd, figure.frames);
      }
      await plotly.animate(gd, figure, this.animationOptions);
    } else {
      await plotly.react(gd, { ...figure, config });
    }
    this.drawnFigure = isObject(source) ? source : this.drawnFigure;
    this.drawnSize = size;
    this.checkTraceTypes(data);
    if (!this.eventsBound) this.bindEvents();
    this.adoptPlotlyStyles();
    if (!this.plotted) {
      this.plotted = true;
      this.requestUpdate();
    }
  }

  private checkTraceTypes(data: Obj[]): void {
    const full = this.plotDiv._fullData ?? [];
    data.forEach((trace, i) => {
      if (typeof trace.type !== 'string') return;
      const drawn = full.find((t) => t.index === i);
      if (drawn && drawn.type !== trace.type) {
        this.warnOnce(`trace-type-${trace.type}`, `figure.data[${i}] has unknown trace type "${trace.type}"; plotly.js drew it as "${String(drawn.type)}"`);
      }
    });
  }

  private drawFailed(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    console.warn(`${this.describe()}: plotly.js could not draw the figure: ${err.message}`);
    emit<DashGraphErrorDetail>(this, 'dash-graph-error', { error: err });
  }

  /**
   * plotly.js puts its stylesheet in document.head (through CSSOM); a graph inside a shadow root needs a
   * copy. The copy is a constructable stylesheet (adoptedStyleSheets), not a <style> element: a strict
   * Content-Security-Policy (`style-src` without 'unsafe-inline') allows it.
   */
  private adoptPlotlyStyles(): void {
    const root = this.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    let copies = plotlySheetCopies.get(root);
    if (!copies) plotlySheetCopies.set(root, (copies = new Map()));
    document.head.querySelectorAll('style').forEach((style, i) => {
      let text = '';
      try {
        text = [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText).join('\n');
      } catch {
        return;
      }
      if (!style.id.startsWith('plotly.js') && !text.includes('js-plotly-plot')) return;
      const key = style.id || String(i);
      let copy = copies.get(key);
      if (!copy) copies.set(key, (copy = { sheet: new CSSStyleSheet(), text: null }));
      if (copy.text !== text) copy.sheet.replaceSync((copy.text = text));
      // First, like a <style> prepended: the page's own rules for the shadow root win over plotly's.
      if (!root.adoptedStyleSheets.includes(copy.sheet)) root.adoptedStyleSheets = [copy.sheet, ...root.adoptedStyleSheets];
    });
  }

  private updateName(): void {
    const layout = isObject(this.figure) ? this.figure.layout : null;
    this.internals.ariaLabel = titleText(layout);
  }

  // ————— streaming —————

  private queueAmend(amend: Amend): void {
    this.amends.push(amend);
    this.requestUpdate();
  }

  /** `update`, `[update, indices, maxPoints]`, or a list of those → a list of tuples. */
  private normalizeAmend(value: unknown): Array<[Obj, number[] | undefined, unknown]> | null {
    if (isObject(value)) return [[value, undefined, undefined]];
    if (!Array.isArray(value) || value.length === 0) return null;
    if (isObject(value[0])) return [[value[0], value[1] as number[] | undefined, value[2]]];
    if (Array.isArray(value[0])) {
      const list = value.map((item) => this.normalizeAmend(item));
      return list.every(Boolean) ? list.flatMap((item) => item!) : null;
    }
    return null;
  }

  private async applyAmends(): Promise<void> {
    if (!this.plotted || !this.plotly) return;
    const gd = this.plotDiv;
    for (const [fn, value] of this.amends.splice(0)) {
      const prop = fn === 'extendTraces' ? 'extendData' : 'prependData';
      const tuples = this.normalizeAmend(value);
      if (!tuples) {
        this.warnOnce(`${prop}-shape`, `${prop} must be [update, traceIndices, maxPoints] (or an update object); ignored`);
        continue;
      }
      for (const [update, given, maxPoints] of tuples) {
        const count = gd.data?.length ?? 0;
        const first = update[Object.keys(update)[0]];
        const indices = given ?? (Array.isArray(first) ? first.map((_, i) => i) : []);
        const bad = Array.isArray(indices) ? indices.find((i) => !Number.isInteger(i) || i >= count || i < -count) : 'none';
        if (!Array.isArray(indices) || bad !== undefined) {
          this.warnOnce(`${prop}-trace-${String(bad)}`, `${prop} names trace ${JSON.stringify(bad)}, but the figure has ${count} trace(s); ignored`);
          continue;
        }
        try {
          await this.plotly[fn](gd, update, indices, maxPoints ?? undefined);
        } catch (error) {
          this.warnOnce(`${prop}-failed-${String(error)}`, `${prop} could not be applied: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  // ————— events —————

  private bindEvents(): void {
    const gd = this.plotDiv;
    if (!gd.on) return;
    this.eventsBound = true;
    gd.on('plotly_click', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) this.setByUser('clickData', { ...data, timestamp: Date.now() });
    });
    gd.on('plotly_hover', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) this.setByUser('hoverData', data);
    });
    gd.on('plotly_unhover', () => {
      if (this.clearOnUnhover) this.setByUser('hoverData', null);
    });
    gd.on('plotly_selected', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) this.setByUser('selectedData', data);
    });
    gd.on('plotly_deselect', () => this.setByUser('selectedData', null));
    gd.on('plotly_relayout', (e: unknown) => {
      if (!this.ownRelayout && isObject(e)) this.setByUser('relayoutData', plainCopy(e));
    });
    gd.on('plotly_restyle', (e: unknown) => {
      if (Array.isArray(e)) this.setByUser('restyleData', plainCopy(e));
    });
    gd.on('plotly_clickannotation', (e: unknown) => {
      if (!isObject(e)) return;
      const { event: _event, fullAnnotation: _full, ...rest } = e;
      this.setByUser('clickAnnotationData', plainCopy(rest));
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-graph-error': CustomEvent<DashGraphErrorDetail>;
  }
}
