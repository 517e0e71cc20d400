/**
 * The part of `<dash-graph>` that only runs once plotly.js is there: drawing through `Plotly.react`
 * (or `Plotly.animate`), plotly's events turned into Dash's payloads, `extendData`/`prependData`,
 * resizing, purging, and copying plotly's stylesheet into a shadow root. `graph.ts` imports this
 * module dynamically, together with plotly.js, so a page without a graph downloads none of it.
 */
import { deepEqual } from '../../internal/deep-equal.js';
import type { PlotlyApi } from './plotly-loader.js';
import { isRecord } from '../../internal/is-record.js';
import { addStyleSheet } from '../../internal/add-style-sheet.js';

/** plotly's default height (as graph.ts's DEFAULT_HEIGHT): for a graph whose height comes from its content. */
const DEFAULT_HEIGHT = 450;

type Obj = Record<string, unknown>;
type Size = { width?: number; height?: number };

/** The element plotly.js draws into (plotly adds these to it). */
interface GraphDiv extends HTMLElement {
  on?(event: string, handler: (data: never) => void): void;
  removeAllListeners?(): void;
  data?: Obj[];
  layout?: Obj;
  _fullData?: Obj[];
}

/** The props that plotly's events write, as the user's changes. */
export type EventProp = 'clickData' | 'hoverData' | 'selectedData' | 'relayoutData' | 'restyleData' | 'clickAnnotationData';

/** `[Plotly function, the value written to extendData/prependData]`. */
export type Amend = ['extendTraces' | 'prependTraces', unknown];

/** What a plot reads from its `<dash-graph>` (the element and its public props). */
export interface PlotHost extends HTMLElement {
  readonly figure: unknown;
  readonly config: unknown;
  readonly responsive: 'auto' | boolean;
  readonly animationOptions: unknown;
  readonly clearOnUnhover: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  warnOnce(key: string, message: string): void;
}

/** The element's own parts a plot uses. */
export interface PlotHooks {
  /** The element's `animate` prop. */
  animated(): boolean;
  /** True when the element's height does not come from its content. */
  hasDefiniteHeight(): boolean;
  /** Writes an event prop as the user's change. */
  setByUser(prop: EventProp, value: unknown): void;
}

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
  if (isRecord(value) && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const out: Obj = {};
    for (const key of Object.keys(value)) out[key] = cloneContainers(value[key]);
    return out as T;
  }
  return value;
}

/**
 * Event data as Dash's dcc.Graph shapes it: each point keeps its plain fields (`curveNumber`,
 * `pointNumber`, `pointIndex`, `x`, `y`, `z`, `text` …) and `bbox`, `customdata` comes from the
 * trace, histogram `pointNumbers` pass through, and so do a selection's `range`/`lassoPoints`.
 */
function shapePoints(gd: GraphDiv, eventData: unknown): Obj | null {
  if (!isRecord(eventData) || !Array.isArray(eventData.points)) return null;
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

/** `update`, `[update, indices, maxPoints]`, or a list of those → a list of tuples. */
function normalizeAmend(value: unknown): Array<[Obj, number[] | undefined, unknown]> | null {
  if (isRecord(value)) return [[value, undefined, undefined]];
  if (!Array.isArray(value) || value.length === 0) return null;
  if (isRecord(value[0])) return [[value[0], value[1] as number[] | undefined, value[2]]];
  if (Array.isArray(value[0])) {
    const list = value.map((item) => normalizeAmend(item));
    return list.every(Boolean) ? list.flatMap((item) => item!) : null;
  }
  return null;
}

/** Copies of plotly.js's stylesheets per shadow root holding a graph (see adoptPlotlyStyles). */
const plotlySheetCopies = new WeakMap<ShadowRoot, Map<string, { sheet: CSSStyleSheet; text: string | null }>>();

/**
 * plotly.js puts its stylesheet in document.head (through CSSOM); a graph inside a shadow root needs a
 * copy. The copy is a constructable stylesheet (adoptedStyleSheets), not a <style> element: a strict
 * Content-Security-Policy (`style-src` without 'unsafe-inline') allows it.
 */
function adoptPlotlyStyles(root: Node): void {
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
    addStyleSheet(root, copy.sheet, true);
  });
}

/** One graph's plot: what `<dash-graph>` drew with plotly.js, from its first drawing to its purge. */
export class GraphPlot {
  /** The figure last drawn (the caller's object, never written to). */
  drawnFigure: Obj | null = null;
  /** extendData/prependData changed the plot since the last drawing: it no longer shows `drawnFigure`. */
  private amended = false;
  private drawnSize: Size = {};
  private drawn = false;
  private eventsBound = false;
  private ownRelayout = false;

  constructor(
    private readonly plotly: PlotlyApi,
    private readonly gd: GraphDiv,
    private readonly host: PlotHost,
    private readonly hooks: PlotHooks,
  ) {}

  /** Draws the host's figure at the host's size (`Plotly.react`, or `Plotly.animate` when asked). */
  async draw(): Promise<void> {
    const { plotly, gd, host, hooks } = this;
    const source = host.figure;
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
    const config = { ...(isRecord(host.config) ? host.config : {}), responsive: false };

    if (hooks.animated() && this.drawn && (gd.data?.length ?? -1) === figure.data.length) {
      if (figure.frames) {
        await plotly.deleteFrames(gd);
        await plotly.addFrames(gd, figure.frames);
      }
      await plotly.animate(gd, figure, host.animationOptions);
    } else {
      await plotly.react(gd, { ...figure, config });
    }
    this.drawn = true;
    this.amended = false;
    this.drawnFigure = isRecord(source) ? source : this.drawnFigure;
    this.drawnSize = size;
    this.checkTraceTypes(data);
    if (!this.eventsBound) this.bindEvents();
    adoptPlotlyStyles(gd.getRootNode());
  }

  /** Whether the plot shows `figure` as it is: drawn from an equal figure and not extended since. */
  shows(figure: unknown): boolean {
    return !this.amended && deepEqual(figure, this.drawnFigure);
  }

  /** Follows a new size of the element (nothing when the size drawn is still right). */
  async resize(): Promise<void> {
    const figure = this.host.figure;
    const size = this.sizeFor(isRecord(figure) && isRecord(figure.layout) ? figure.layout : {});
    if (size.width === this.drawnSize.width && size.height === this.drawnSize.height) return;
    this.drawnSize = size;
    this.ownRelayout = true;
    try {
      await this.plotly.relayout(this.gd, { width: size.width, height: size.height });
    } finally {
      this.ownRelayout = false;
    }
  }

  /** Applies writes to extendData/prependData, in order, to the figure drawn. */
  async amend(amends: Amend[]): Promise<void> {
    const { gd, host } = this;
    for (const [fn, value] of amends) {
      const prop = fn === 'extendTraces' ? 'extendData' : 'prependData';
      const tuples = normalizeAmend(value);
      if (!tuples) {
        host.warnOnce(`${prop}-shape`, `${prop} must be [update, traceIndices, maxPoints] (or an update object); ignored`);
        continue;
      }
      for (const [update, given, maxPoints] of tuples) {
        const count = gd.data?.length ?? 0;
        const first = update[Object.keys(update)[0]];
        const indices = given ?? (Array.isArray(first) ? first.map((_, i) => i) : []);
        const bad = Array.isArray(indices) ? indices.find((i) => !Number.isInteger(i) || i >= count || i < -count) : 'none';
        if (!Array.isArray(indices) || bad !== undefined) {
          host.warnOnce(`${prop}-trace-${String(bad)}`, `${prop} names trace ${JSON.stringify(bad)}, but the figure has ${count} trace(s); ignored`);
          continue;
        }
        try {
          await this.plotly[fn](gd, update, indices, maxPoints ?? undefined);
          this.amended = true;
        } catch (error) {
          host.warnOnce(`${prop}-failed-${String(error)}`, `${prop} could not be applied: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }

  /** Removes plotly's listeners and drawing (`Plotly.purge`). */
  purge(): void {
    if (!this.drawn && !this.eventsBound) return;
    this.gd.removeAllListeners?.();
    this.plotly.purge(this.gd);
  }

  /** The element's content box; `null` where it gives no size (hidden, or height from content). */
  private measure(): { width: number | null; height: number | null } {
    const el = this.host;
    if (el.getClientRects().length === 0) return { width: null, height: null };
    const style = getComputedStyle(el);
    const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    let height: number | null = null;
    if (this.hooks.hasDefiniteHeight()) {
      // Measure without our own content, so a height that only our plot gives is not taken for the container's.
      const shadowParts = [...(el.renderRoot.querySelectorAll<HTMLElement>('[part]') ?? [])];
      const hidden = [this.gd, ...shadowParts];
      const previous = hidden.map((h) => h.style.display);
      for (const h of hidden) h.style.display = 'none';
      const inner = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      hidden.forEach((h, i) => (h.style.display = previous[i]));
      if (inner > 0) height = inner;
    }
    return { width: width > 0 ? width : null, height };
  }

  /** The width/height `<dash-graph>` gives plotly for a layout (empty when plotly sizes it). */
  private sizeFor(layout: Obj): Size {
    const { responsive } = this.host;
    if (responsive === false) return {};
    const box = this.measure();
    const fill = responsive === true;
    const layoutWidth = !fill && typeof layout.width === 'number' ? layout.width : undefined;
    const layoutHeight = typeof layout.height === 'number' ? layout.height : undefined;
    const width = layoutWidth ?? box.width ?? undefined;
    const height = (fill ? (box.height ?? layoutHeight) : (layoutHeight ?? box.height)) ?? DEFAULT_HEIGHT;
    return { width, height };
  }

  private validFigure(): { data: Obj[]; layout: Obj; frames: Obj[] | undefined } {
    const { host } = this;
    let figure: unknown = host.figure;
    if (figure === null || figure === undefined) figure = {};
    if (!isRecord(figure)) {
      host.warnOnce('figure-type', `figure must be an object {data, layout}, got ${Array.isArray(figure) ? 'an array' : typeof figure}; keeping the last figure`);
      figure = this.drawnFigure ?? {};
    }
    const fig = figure as Obj;
    let data = fig.data ?? [];
    if (!Array.isArray(data)) {
      host.warnOnce('data-type', 'figure.data must be an array of traces; drawing no traces');
      data = [];
    }
    const traces = (data as unknown[]).filter((trace, i) => {
      if (isRecord(trace)) return true;
      host.warnOnce(`trace-${i}`, `figure.data[${i}] is not a trace object; skipped`);
      return false;
    }) as Obj[];
    let layout = fig.layout ?? {};
    if (!isRecord(layout)) {
      host.warnOnce('layout-type', 'figure.layout must be an object; using an empty layout');
      layout = {};
    }
    const frames = Array.isArray(fig.frames) ? (fig.frames as Obj[]) : undefined;
    return { data: traces, layout: layout as Obj, frames };
  }

  private checkTraceTypes(data: Obj[]): void {
    const full = this.gd._fullData ?? [];
    data.forEach((trace, i) => {
      if (typeof trace.type !== 'string') return;
      const drawn = full.find((t) => t.index === i);
      if (drawn && drawn.type !== trace.type) {
        this.host.warnOnce(`trace-type-${trace.type}`, `figure.data[${i}] has unknown trace type "${trace.type}"; plotly.js drew it as "${String(drawn.type)}"`);
      }
    });
  }

  private bindEvents(): void {
    const { gd, host } = this;
    const { setByUser } = this.hooks;
    if (!gd.on) return;
    this.eventsBound = true;
    gd.on('plotly_click', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) setByUser('clickData', { ...data, timestamp: Date.now() });
    });
    gd.on('plotly_hover', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) setByUser('hoverData', data);
    });
    gd.on('plotly_unhover', () => {
      if (host.clearOnUnhover) setByUser('hoverData', null);
    });
    gd.on('plotly_selected', (e: unknown) => {
      const data = shapePoints(gd, e);
      if (data) setByUser('selectedData', data);
    });
    gd.on('plotly_deselect', () => setByUser('selectedData', null));
    gd.on('plotly_relayout', (e: unknown) => {
      if (!this.ownRelayout && isRecord(e)) setByUser('relayoutData', plainCopy(e));
    });
    gd.on('plotly_restyle', (e: unknown) => {
      if (Array.isArray(e)) setByUser('restyleData', plainCopy(e));
    });
    gd.on('plotly_clickannotation', (e: unknown) => {
      if (!isRecord(e)) return;
      const { event: _event, fullAnnotation: _full, ...rest } = e;
      setByUser('clickAnnotationData', plainCopy(rest));
    });
  }
}
