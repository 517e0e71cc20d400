/**
 * What `<dash-graph>` shows and draws, loaded before its first update (docs/graph.md, "What loads
 * when"): the placeholder and error message, sizing, the queue of plotly.js work and the code that
 * draws with plotly.js (graph-plot.ts), and the styles. The element class keeps the Dash API:
 * properties, the graph div and events; it starts loading plotly.js itself, beside this chunk.
 */
import { html, nothing, type PropertyValues, type ReactiveController } from 'lit';
import { styleMap } from '../../internal/style-map.js';
import { emit } from '../../internal/events.js';
import { isRecord } from '../../internal/is-record.js';
import { loadPlotly, type PlotlyApi } from './plotly-loader.js';
import { GraphPlot } from './graph-plot.js';
import type { DashGraph, DashGraphErrorDetail } from './graph.js';

export { graphStyles as styles } from './graph.styles.js';

/** plotly's default height (graph-plot.ts draws at it too): for a graph whose height comes from its content. */
const DEFAULT_HEIGHT = 450;

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

/** The drawing of one `<dash-graph>`: plotly.js work runs one call at a time, and `updateComplete` waits for it. */
export class GraphDrawing implements ReactiveController {
  private status: 'loading' | 'ready' | 'error' = 'loading';
  private errorMessage = '';
  private plotly: PlotlyApi | null = null;
  /** What is drawn with plotly.js; one per connection. */
  private plot: GraphPlot | null = null;
  /** Bumped on connect/disconnect: queued work of an earlier connection does nothing. */
  private generation = 0;
  private ops: Promise<void> = Promise.resolve();
  private plotted = false;
  private needsPlot = false;
  private resizeObserver: ResizeObserver | null = null;

  constructor(private readonly host: DashGraph) {
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.host;
    this.generation++;
    this.needsPlot = true;
    this.plotly = window.Plotly ?? this.plotly;
    if (this.plotly) {
      this.startPlot(this.plotly);
    } else {
      this.setStatus('loading');
      const generation = this.generation;
      loadPlotly((host.constructor as typeof DashGraph).plotlyUrl).then(
        (plotly) => {
          if (generation === this.generation) this.startPlot(plotly);
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          const err = error instanceof Error ? error : new Error(String(error));
          this.errorMessage = `The graph could not be shown: ${err.message}.`;
          this.setStatus('error');
          console.warn(`${host.describe()}: ${err.message}`);
          emit<DashGraphErrorDetail>(host, 'dash-graph-error', { error: err });
        },
      );
    }
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(host);
  }

  hostDisconnected(): void {
    const host = this.host;
    this.generation++;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.ops = Promise.resolve();
    host.pending.clear();
    try {
      this.plot?.purge();
    } catch (error) {
      console.warn(`${host.describe()}: purge failed`, error);
    }
    this.plot = null;
    this.plotted = false;
    host.amends = [];
  }

  /** The element's `updated`: redraws when the figure, config or sizing changed, then applies streamed points. */
  updated(changed: PropertyValues): void {
    const host = this.host;
    if (!host.isConnected) return;
    if (changed.has('figure') || changed.has('config') || changed.has('responsive')) {
      if (changed.has('config') || changed.has('responsive') || !this.plot?.shows(host.figure)) {
        this.needsPlot = true;
        this.requestPlot();
      }
    }
    if (changed.has('figure')) host.internals.ariaLabel = titleText(isRecord(host.figure) ? host.figure.layout : null);
    // After a figure change in the same update, so `figure` + `extendData` extend the new figure.
    if (host.amends.length && this.plotted) this.run(() => this.applyAmends());
  }

  render() {
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

  private setStatus(status: 'loading' | 'ready' | 'error'): void {
    this.status = status;
    this.host.requestUpdate();
  }

  // ————— sizing —————

  private placeholderSize(): { width: string; height: string } {
    const { figure, responsive } = this.host;
    const layout = isRecord(figure) && isRecord(figure.layout) ? figure.layout : {};
    const fixed = responsive !== true;
    const width = fixed && typeof layout.width === 'number' ? `${layout.width}px` : '100%';
    const height = fixed && typeof layout.height === 'number' ? `${layout.height}px` : this.hasDefiniteHeight() ? '100%' : `${DEFAULT_HEIGHT}px`;
    return { width, height };
  }

  /** True when the element's height does not come from its content (a CSS height, or flex-grow in a column). */
  private hasDefiniteHeight(): boolean {
    const host = this.host;
    if (!host.isConnected) return false;
    const specified = host.computedStyleMap?.().get('height');
    if (specified && specified.toString() !== 'auto') return true;
    const parent = host.parentElement;
    if (!parent) return false;
    const style = getComputedStyle(host);
    if (parseFloat(style.flexGrow) > 0) {
      const parentStyle = getComputedStyle(parent);
      return parentStyle.display.includes('flex') && parentStyle.flexDirection.startsWith('column');
    }
    return false;
  }

  private isShown(): boolean {
    return this.host.getClientRects().length > 0;
  }

  private onResize(): void {
    if (!this.isShown()) return;
    if (this.needsPlot) {
      this.requestPlot();
      return;
    }
    if (!this.plotted || this.host.responsive === false) return;
    this.run(() => (this.plotted ? this.plot?.resize() : undefined));
  }

  // ————— drawing (graph-plot.ts does the plotly.js work) —————

  private startPlot(plotly: PlotlyApi): void {
    const host = this.host;
    this.plotly = plotly;
    this.plot = new GraphPlot(plotly, host.graphDiv, host, {
      animated: () => (host as unknown as { animate: boolean }).animate,
      hasDefiniteHeight: () => this.hasDefiniteHeight(),
      setByUser: (prop, value) => host.setByUser(prop, value as never),
    });
    this.setStatus('ready');
    this.requestPlot();
  }

  /** Runs plotly work one call at a time, in order; work queued before a disconnect is dropped. */
  private run(task: () => Promise<void> | void): void {
    const generation = this.generation;
    this.ops = this.ops
      .then(() => (generation === this.generation ? task() : undefined))
      .catch((error: unknown) => this.drawFailed(error));
    this.host.pending.track(this.ops);
  }

  private requestPlot(): void {
    if (!this.plot || !this.host.isConnected) return;
    this.run(async () => {
      await this.host.renderComplete(); // the slot that shows the plot div must be rendered before plotly measures text
      if (!this.needsPlot || !this.isShown() || !this.plot) return; // a hidden graph is drawn when it is shown
      this.needsPlot = false;
      await this.plot.draw();
      if (!this.plotted) {
        this.plotted = true;
        this.host.requestUpdate();
      }
      await this.applyAmends();
    });
  }

  private drawFailed(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    console.warn(`${this.host.describe()}: plotly.js could not draw the figure: ${err.message}`);
    emit<DashGraphErrorDetail>(this.host, 'dash-graph-error', { error: err });
  }

  private async applyAmends(): Promise<void> {
    if (this.plotted && this.plot) await this.plot.amend(this.host.amends.splice(0));
  }
}
