// Dash's "multiple inputs" tutorial app (demo/multiple-inputs.html) on vega-datasets' gapminder
// data: two indicator dropdowns, two Linear/Log radio groups and a year slider drive one scatter.
import type { DashServer } from '../../src/server/index.js';
import { gapminder, YEARS } from './gapminder.js';

/** The indicators the dropdowns offer: a column of gapminder.json and its axis title. */
export const INDICATORS = {
  fertility: 'Fertility (births per woman)',
  life_expect: 'Life expectancy (years)',
  pop: 'Population',
} as const;
type Indicator = keyof typeof INDICATORS;

const isIndicator = (v: unknown): v is Indicator => typeof v === 'string' && v in INDICATORS;

export function indicatorFigure(x: unknown, y: unknown, xType: unknown, yType: unknown, year: unknown) {
  const xCol: Indicator = isIndicator(x) ? x : 'fertility';
  const yCol: Indicator = isIndicator(y) ? y : 'life_expect';
  const inYear = gapminder().filter((row) => row.year === (typeof year === 'number' ? year : YEARS[YEARS.length - 1]));
  const axis = (col: Indicator, type: unknown) => ({ title: { text: INDICATORS[col] }, type: type === 'Log' ? 'log' : 'linear' });
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        x: inYear.map((row) => row[xCol]),
        y: inYear.map((row) => row[yCol]),
        text: inYear.map((row) => row.country),
        hovertemplate: '<b>%{text}</b><br>%{x}<br>%{y}<extra></extra>',
        marker: { size: 10, opacity: 0.75, color: '#636efa' },
      },
    ],
    layout: {
      xaxis: axis(xCol, xType),
      yaxis: axis(yCol, yType),
      margin: { l: 64, b: 48, t: 16, r: 16 },
      hovermode: 'closest',
    },
  };
}

export function registerMultipleInputs(dash: DashServer): void {
  dash.callback(
    { outputs: 'mi-graph.figure', inputs: 'mi-xaxis-column.value, mi-yaxis-column.value, mi-xaxis-type.value, mi-yaxis-type.value, mi-year.value' },
    indicatorFigure,
  );
}
