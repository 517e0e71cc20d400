/**
 * Loads plotly.js once per page, on first use (docs/graph.md):
 * 1. `window.Plotly` when the page already has it;
 * 2. else the configured URL (`DashGraph.plotlyUrl`, or `<meta name="dash-plotly-url" content=…>`);
 * 3. else the copy shipped next to the bundle (`plotly.min.js` beside this module: `dist/components/graph/`
 *    in the npm build, `cdn/` in the one-file CDN build), and, when that is missing (development
 *    servers that serve `src/`), `/node_modules/plotly.js-dist-min/plotly.min.js`.
 * plotly.js-dist-min is a UMD bundle that sets `window.Plotly`, so it is loaded as a classic script.
 */

import { Lazy } from '../../internal/lazy.js';

/** The part of the plotly.js API that `<dash-graph>` uses. */
export interface PlotlyApi {
  version?: string;
  react(gd: HTMLElement, figure: Record<string, unknown>): Promise<unknown>;
  relayout(gd: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
  extendTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  prependTraces(gd: HTMLElement, update: unknown, indices: number[], maxPoints?: unknown): Promise<unknown>;
  animate(gd: HTMLElement, frameOrGroup: unknown, options?: unknown): Promise<unknown>;
  addFrames(gd: HTMLElement, frames: unknown[]): Promise<unknown>;
  deleteFrames(gd: HTMLElement, indices?: number[]): Promise<unknown>;
  purge(gd: HTMLElement): void;
}

declare global {
  interface Window {
    Plotly?: PlotlyApi;
  }
}

/** Where the shipped copy would be, beside this module (rewritten by bundlers that handle `new URL`). */
function shippedUrls(): string[] {
  const urls = [new URL('./plotly.min.js', import.meta.url).href];
  const dev = new URL('/node_modules/plotly.js-dist-min/plotly.min.js', document.baseURI).href;
  if (!urls.includes(dev)) urls.push(dev);
  return urls;
}

function configuredUrl(configured: string | null | undefined): string | null {
  if (configured) return configured;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="dash-plotly-url"]');
  return meta?.content ? meta.content : null;
}

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.dataset.dashPlotly = '';
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load plotly.js from ${url}`));
    };
    document.head.append(script);
  });
}

async function loadFrom(urls: string[]): Promise<PlotlyApi> {
  let lastError: unknown = null;
  for (const url of urls) {
    try {
      await loadScript(url);
    } catch (error) {
      lastError = error;
      continue;
    }
    if (window.Plotly) return window.Plotly;
    lastError = new Error(`${url} loaded but did not define window.Plotly`);
  }
  throw lastError ?? new Error('could not load plotly.js');
}

/**
 * Resolves to plotly.js, loading it at most once per page. A failed load is not cached: a later
 * call (a graph connecting again, or a fixed URL) tries again.
 */
export function loadPlotly(configured?: string | null): Promise<PlotlyApi> {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  return plotly.load(configured);
}

const plotly = new Lazy((configured?: string | null) => {
  const url = configuredUrl(configured);
  return loadFrom(url ? [url] : shippedUrls());
});
