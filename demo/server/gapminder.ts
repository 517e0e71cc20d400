// Dash's classic gapminder app (demo/gapminder.html) on vega-datasets' gapminder.json: a year slider
// and a region dropdown drive a scatter plot and a table; clicking a country on the plot filters
// the table to that country's history (Dash's `ctx.triggered_id` decides which input changed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NO_UPDATE, type DashServer, type ServerCallbackContext } from '../../src/server/index.js';

export interface GapminderRow {
  year: number;
  country: string;
  cluster: number;
  pop: number;
  life_expect: number;
  fertility: number;
}

/** vega-datasets' `cluster` codes, as its gapminder example names them. */
export const REGIONS = [
  'South Asia',
  'Europe & Central Asia',
  'Sub-Saharan Africa',
  'America',
  'East Asia & Pacific',
  'Middle East & North Africa',
];
const COLORS = ['#636efa', '#ef553b', '#00cc96', '#ab63fa', '#ffa15a', '#19d3f3'];

/** vega-datasets exports no data paths, so the file is read from node_modules. */
export const dataDir = fileURLToPath(new URL('../../node_modules/vega-datasets/data/', import.meta.url));
let rows: GapminderRow[] | null = null;
export function gapminder(): GapminderRow[] {
  rows ??= JSON.parse(readFileSync(`${dataDir}gapminder.json`, 'utf8')) as GapminderRow[];
  return rows;
}

export const YEARS = [...new Set(gapminder().map((r) => r.year))].sort((a, b) => a - b);

const tableRow = (r: GapminderRow) => ({
  country: r.country,
  region: REGIONS[r.cluster],
  year: r.year,
  pop: r.pop,
  life_expect: r.life_expect,
  fertility: r.fertility,
});

function regionIndex(region: unknown): number {
  return typeof region === 'string' ? REGIONS.indexOf(region) : -1;
}

export function gapminderFigure(year: number, region: string | null) {
  const r = regionIndex(region);
  const inYear = gapminder().filter((row) => row.year === year && (r < 0 || row.cluster === r));
  const data = REGIONS.map((name, i) => {
    const points = inYear.filter((row) => row.cluster === i);
    return {
      type: 'scatter',
      mode: 'markers',
      name,
      x: points.map((p) => p.fertility),
      y: points.map((p) => p.life_expect),
      text: points.map((p) => p.country),
      customdata: points.map((p) => p.country),
      marker: { size: points.map((p) => Math.sqrt(p.pop) / 800 + 6), color: COLORS[i], opacity: 0.8, line: { width: 1, color: '#fff' } },
      // The page's <dash-tooltip> card replaces plotly's hover label (as in Dash's tooltip example).
      hoverinfo: 'none',
    };
  }).filter((trace) => trace.x.length > 0);
  return {
    data,
    layout: {
      title: { text: `Life expectancy and fertility, ${year}` },
      xaxis: { title: { text: 'Fertility (births per woman)' }, range: [0.5, 9] },
      yaxis: { title: { text: 'Life expectancy (years)' }, range: [20, 90] },
      margin: { t: 48, r: 16, b: 48, l: 56 },
      hovermode: 'closest',
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}

interface ClickData {
  points?: Array<{ customdata?: unknown; text?: unknown; bbox?: unknown }>;
}

const people = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

export function registerGapminder(dash: DashServer): void {
  dash.callback({ outputs: 'gap-graph.figure', inputs: 'gap-year.value, gap-region.value' }, (year: number | null, region: string | null) =>
    gapminderFigure(year ?? YEARS[YEARS.length - 1], region),
  );

  dash.callback(
    {
      outputs: 'gap-table.data, gap-selection.children',
      inputs: 'gap-year.value, gap-region.value, gap-graph.clickData, gap-reset.n_clicks',
    },
    (year: number | null, region: string | null, click: ClickData | null, _resets: number, ctx: ServerCallbackContext) => {
      const y = year ?? YEARS[YEARS.length - 1];
      const country = click?.points?.[0]?.customdata ?? click?.points?.[0]?.text;
      if (ctx.triggeredId === 'gap-graph' && typeof country === 'string') {
        const history = gapminder().filter((row) => row.country === country).map(tableRow);
        return [history, `Showing ${country}, every year. Change the year or region, or press “Show all”, to see every country again.`];
      }
      const r = regionIndex(region);
      const list = gapminder()
        .filter((row) => row.year === y && (r < 0 || row.cluster === r))
        .map(tableRow);
      return [list, `Showing ${list.length} countries in ${r < 0 ? 'every region' : REGIONS[r]}, ${y}. Click a country on the plot to see its history.`];
    },
  );

  // The hover card: Dash's dcc.Tooltip example, fed by the graph's hoverData (its bbox places the card).
  dash.callback(
    {
      outputs: 'gap-tooltip.show, gap-tooltip.bbox, gap-tt-country.children, gap-tt-region.children, gap-tt-stats.children',
      inputs: 'gap-graph.hoverData',
      state: 'gap-year.value',
    },
    (hover: ClickData | null, year: number | null) => {
      const point = hover?.points?.[0];
      const row = gapminder().find((r) => r.country === point?.customdata && r.year === (year ?? YEARS[YEARS.length - 1]));
      if (!point || !row) return [false, NO_UPDATE, NO_UPDATE, NO_UPDATE, NO_UPDATE];
      return [
        true,
        point.bbox,
        row.country,
        REGIONS[row.cluster],
        `${row.year}: life expectancy ${row.life_expect} years, ${row.fertility} births per woman, population ${people.format(row.pop)}`,
      ];
    },
  );
}
