// The sales dashboard (demo/sales.html), as in Dash's introduction: a region dropdown drives a bar
// chart through a server callback, and a button submits a text input read as State.
import { PreventUpdate, type DashServer } from '../../src/server/index.js';

export const REGIONS = ['North', 'South', 'East', 'West'] as const;
export const PRODUCTS = ['Laptops', 'Phones', 'Tablets', 'Accessories'] as const;
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Deterministic made-up monthly sales (k$) for one region and product. */
export function monthlySales(region: string, product: string): number[] {
  let seed = [...`${region}/${product}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
  const base = 40 + PRODUCTS.indexOf(product as (typeof PRODUCTS)[number]) * -8 + REGIONS.indexOf(region as (typeof REGIONS)[number]) * 6;
  return MONTHS.map((_, m) => Math.round(base * (0.8 + 0.4 * next()) * (1 + (m >= 10 ? 0.35 : 0))));
}

export function salesFigure(region: string) {
  const data = PRODUCTS.map((product) => ({
    type: 'bar',
    name: product,
    x: MONTHS,
    y: monthlySales(region, product),
    hovertemplate: `${product}: %{y} k$<extra></extra>`,
  }));
  return {
    data,
    layout: {
      title: { text: `Monthly sales in the ${region}, 2024` },
      barmode: 'stack',
      yaxis: { title: { text: 'k$' } },
      margin: { t: 48, r: 16, b: 40, l: 56 },
      legend: { orientation: 'h', y: -0.15 },
    },
  };
}

export function registerSales(dash: DashServer): void {
  dash.callback(
    { outputs: 'sales-chart.figure, sales-total.children', inputs: 'sales-region.value' },
    (region: string | null) => {
      if (!region || !REGIONS.includes(region as (typeof REGIONS)[number])) {
        return [{ data: [], layout: { title: { text: 'Pick a region' } } }, 'Pick a region to see its sales.'];
      }
      const total = PRODUCTS.reduce((sum, p) => sum + monthlySales(region, p).reduce((a, b) => a + b, 0), 0);
      return [salesFigure(region), `Total sales in the ${region}: ${total.toLocaleString('en-US')} k$`];
    },
  );

  dash.callback(
    { outputs: 'sales-submitted.children', inputs: 'sales-submit.n_clicks', state: 'sales-note.value' },
    (clicks: number | null, note: string | null) => {
      if (!clicks) throw new PreventUpdate();
      return `You submitted: ${note ?? ''}`;
    },
  );
}
