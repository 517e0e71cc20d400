// The live monitor (demo/app.html, page /demo/app/live): a deliberately slow server callback that
// summarizes the readings the page keeps in its <dash-store>, so the page's <dash-loading> shows.
import { PreventUpdate, type DashServer } from '../../src/server/index.js';

/** How long the summary takes: long enough to see the spinner. */
export const SUMMARY_DELAY_MS = 900;

interface Reading {
  n: number;
  value: number;
}

export function summarize(readings: Reading[]): string {
  if (readings.length === 0) return 'No readings yet.';
  const values = readings.map((r) => r.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return `Server summary of ${values.length} readings (ticks ${readings[0].n}–${readings[readings.length - 1].n}): mean ${mean.toFixed(2)}, spread ${spread.toFixed(2)}, min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)}.`;
}

export function registerLive(dash: DashServer): void {
  dash.callback(
    { outputs: 'live-summary.children', inputs: 'live-summarize.n_clicks', state: 'live-readings.data', preventInitialCall: true },
    async (clicks: number | null, readings: Reading[] | null) => {
      if (!clicks) throw new PreventUpdate();
      await new Promise((resolve) => setTimeout(resolve, SUMMARY_DELAY_MS));
      return summarize(Array.isArray(readings) ? readings : []);
    },
  );
}
