// Dash's "multiple inputs" app (demo/multiple-inputs.html) and chained-callbacks app
// (demo/chained.html), driven with real clicks and keys.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pickOption, startE2E, waitUntil, type E2E, type OpenPage } from './helpers.js';

interface Row {
  year: number;
  pop: number;
}
const data = JSON.parse(readFileSync(new URL('../../node_modules/vega-datasets/data/gapminder.json', import.meta.url), 'utf8')) as Row[];
const countIn = (year: number) => data.filter((r) => r.year === year).length;

let e2e: E2E;
before(async () => {
  e2e = await startE2E();
});
after(() => e2e?.close());

/** The scatter's axis titles, types and point count, as plotly drew them. */
async function plotState(app: OpenPage) {
  return app.page.evaluate(() => {
    const graph = document.querySelector('#mi-graph') as HTMLElement & { figure: { layout: { xaxis: { type: string; title: { text: string } }; yaxis: { type: string; title: { text: string } } } } };
    const { xaxis, yaxis } = graph.figure.layout;
    return {
      x: `${xaxis.title.text} (${xaxis.type})`,
      y: `${yaxis.title.text} (${yaxis.type})`,
      points: graph.querySelectorAll('.scatterlayer .point').length,
      xTitle: graph.querySelector('.xtitle')?.textContent,
    };
  });
}

test('multiple inputs: every control drives the one scatter', async () => {
  const app = await e2e.open('demo/multiple-inputs.html');
  const { page } = app;
  await page.locator('#mi-graph .xtitle', { hasText: 'Fertility (births per woman)' }).waitFor();
  assert.deepEqual(await plotState(app), {
    x: 'Fertility (births per woman) (linear)',
    y: 'Life expectancy (years) (linear)',
    points: countIn(2005),
    xTitle: 'Fertility (births per woman)',
  });

  // a radio group: a click on "Log"
  await page.locator('#mi-xaxis-type [part~="option"]', { hasText: 'Log' }).click();
  await waitUntil(page, () => (document.querySelector('#mi-graph') as unknown as { figure: { layout: { xaxis: { type: string } } } }).figure.layout.xaxis.type === 'log', 'x axis on a log scale');
  await page.locator('#mi-graph .xaxislayer-above .xtick').first().waitFor();

  // the other radio group by keyboard: Tab into it, arrow to Log and back to Linear
  await page.locator('#mi-yaxis-type input').first().focus();
  await page.keyboard.press('ArrowRight');
  await waitUntil(page, () => (document.querySelector('#mi-graph') as unknown as { figure: { layout: { yaxis: { type: string } } } }).figure.layout.yaxis.type === 'log', 'y axis on a log scale');
  assert.equal(await page.locator('#mi-yaxis-type').getAttribute('value'), 'Log');
  await page.keyboard.press('ArrowLeft');
  await waitUntil(page, () => (document.querySelector('#mi-graph') as unknown as { figure: { layout: { yaxis: { type: string } } } }).figure.layout.yaxis.type === 'linear', 'y axis linear again');

  // an indicator dropdown
  await pickOption(page, '#mi-yaxis-column', 'Population');
  await page.locator('#mi-graph .ytitle', { hasText: 'Population' }).waitFor();

  // the year slider, snapping to marks: Home goes to 1955
  await page.locator('#mi-year [role="slider"]').focus();
  await page.keyboard.press('Home');
  await waitUntil(page, () => (document.querySelector('#mi-year') as unknown as { value: number }).value === 1955, 'year 1955');
  await page.keyboard.press('ArrowRight');
  await waitUntil(page, () => (document.querySelector('#mi-year') as unknown as { value: number }).value === 1960, 'next mark, 1960');
  await waitUntil(page, () => document.querySelectorAll('#mi-graph .scatterlayer .point').length > 0, 'points drawn');
  assert.deepEqual(await plotState(app), {
    x: 'Fertility (births per woman) (log)',
    y: 'Population (linear)',
    points: countIn(1960),
    xTitle: 'Fertility (births per woman)',
  });
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('chained callbacks: country → cities offered → city picked → sentence', async () => {
  const app = await e2e.open('demo/chained.html');
  const { page } = app;
  const sentence = page.locator('#display-selected-values');
  await sentence.getByText('New York City is a city in America', { exact: true }).waitFor();
  assert.deepEqual(await page.locator('#cities-radio [part~="label"]').allTextContents(), ['New York City', 'San Francisco', 'Cincinnati']);

  await page.locator('#countries-radio [part~="option"]', { hasText: 'Canada' }).click();
  await sentence.getByText('Montréal is a city in Canada', { exact: true }).waitFor();
  assert.deepEqual(await page.locator('#cities-radio [part~="label"]').allTextContents(), ['Montréal', 'Toronto', 'Ottawa']);
  assert.equal(await page.locator('#cities-radio input').first().isChecked(), true);

  // keyboard: the city group is one tab stop; ArrowDown picks the next city
  await page.locator('#countries-radio input:checked').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await sentence.getByText('Toronto is a city in Canada', { exact: true }).waitFor();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await sentence.getByText('New York City is a city in America', { exact: true }).waitFor();

  assert.equal(await page.locator('#cities-radio').getAttribute('value'), 'New York City');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
