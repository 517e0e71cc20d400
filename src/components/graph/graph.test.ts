import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../dash-graph.js';
import { DashGraph } from './graph.js';
import type { PlotlyApi } from './plotly-loader.js';
import { captureWarnings, settle, warningsDuring } from '../../../test/browser/helpers.js';

DashGraph.plotlyUrl = '/node_modules/plotly.js-dist-min/plotly.min.js';

type Obj = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const scatter = (title = 'Sales by month') => ({
  data: [
    { type: 'scatter', mode: 'markers', name: 'North', x: [1, 2, 3, 4], y: [10, 15, 13, 17], customdata: ['a', 'b', 'c', 'd'], marker: { size: 14 } },
    { type: 'scatter', mode: 'markers', name: 'South', x: [1, 2, 3, 4], y: [16, 5, 11, 9], customdata: [['w', 1], ['x', 2], ['y', 3], ['z', 4]], marker: { size: 14 } },
  ],
  layout: { title: { text: title }, margin: { l: 40, r: 10, t: 40, b: 30 }, showlegend: true },
});

/** Waits until the graph has drawn (plotly's svg is in its div). */
async function drawn(el: DashGraph): Promise<Any> {
  await waitUntil(() => el.graphDiv.querySelector('.main-svg') && !el.shadowRoot!.querySelector('[part=placeholder]'), 'graph never drew', { timeout: 8000 });
  await settle(el);
  return el.graphDiv;
}

async function graph(figure: Obj = scatter(), extra: Obj = {}): Promise<DashGraph> {
  const el = await fixture<DashGraph>(html`<div style="width: 600px"><dash-graph .figure=${figure}></dash-graph></div>`).then(
    (div) => div.querySelector('dash-graph')!,
  );
  Object.assign(el, extra);
  await drawn(el);
  return el;
}

/** Page coordinates of point `i` of trace `curve`. */
function pointPosition(gd: Any, curve: number, i: number): { x: number; y: number } {
  const full = gd._fullLayout;
  const trace = gd._fullData[curve];
  const xa = full[trace.xaxis === 'x' ? 'xaxis' : `xaxis${trace.xaxis.slice(1)}`];
  const ya = full[trace.yaxis === 'y' ? 'yaxis' : `yaxis${trace.yaxis.slice(1)}`];
  const rect = gd.getBoundingClientRect();
  return {
    x: Math.round(rect.left + xa._offset + xa.d2p(trace.x[i])),
    y: Math.round(rect.top + ya._offset + ya.d2p(trace.y[i])),
  };
}

/** Wraps a plotly function to count its calls. */
function spy(name: keyof PlotlyApi): { calls: unknown[][]; restore(): void } {
  const plotly = window.Plotly as Any;
  const original = plotly[name];
  const calls: unknown[][] = [];
  plotly[name] = function (...args: unknown[]) {
    calls.push(args);
    return original.apply(this, args);
  };
  return { calls, restore: () => (plotly[name] = original) };
}

function collectPropChanges(el: HTMLElement): Array<{ prop: string; value: unknown; user: boolean }> {
  const seen: Array<{ prop: string; value: unknown; user: boolean }> = [];
  el.addEventListener('dash-prop-change', (e) => seen.push(e.detail as Any));
  return seen;
}

afterEach(async () => {
  await resetMouse();
});

describe('<dash-graph> drawing', () => {
  it('draws the figure into a light-DOM plot div that fills the container width', async () => {
    const el = await graph();
    const gd = el.graphDiv as Any;
    expect(gd.parentElement).to.equal(el);
    expect(gd.querySelectorAll('.scatterlayer .trace').length).to.equal(2);
    const svg = gd.querySelector('.main-svg') as SVGSVGElement;
    expect(Number(svg.getAttribute('width'))).to.equal(600);
    expect(Number(svg.getAttribute('height'))).to.equal(450);
    expect(gd.querySelector('.gtitle')!.textContent).to.equal('Sales by month');
  });

  it('takes its accessible name from the figure title, or aria-label', async () => {
    // Default semantics through ElementInternals (role figure, name = title as text); an aria-label
    // attribute on the element overrides them, as ARIA attributes on a host always do.
    const el = await graph(scatter('<b>Revenue</b><br>2024'));
    const internals = (el as Any).internals as ElementInternals;
    expect(internals.role).to.equal('figure');
    expect(internals.ariaLabel).to.equal('Revenue 2024');
    el.figure = { data: [], layout: { title: 'Plain string title' } };
    await settle(el);
    expect(internals.ariaLabel).to.equal('Plain string title');
    el.setAttribute('aria-label', 'Quarterly revenue');
    await expect(el).to.be.accessible();
  });

  it('updates through Plotly.react, never newPlot, and does nothing for a deep-equal figure', async () => {
    const el = await graph();
    const changes = collectPropChanges(el);
    const react = spy('react');
    const newPlot = spy('newPlot' as keyof PlotlyApi);
    try {
      el.figure = structuredClone(el.figure);
      await settle(el);
      const stored = el.figure;
      el.figure = stored;
      await settle(el);
      await aTimeout(20);
      expect(react.calls.length, 'deep-equal figure').to.equal(0);
      expect(changes).to.deep.equal([]);

      const next = scatter('Updated');
      next.data[0].y = [1, 2, 3, 4];
      el.figure = next;
      await settle(el);
      expect(react.calls.length).to.equal(1);
      expect(newPlot.calls.length).to.equal(0);
      expect(el.graphDiv.querySelector('.gtitle')!.textContent).to.equal('Updated');
      expect((el.graphDiv as Any).data[0].y).to.deep.equal([1, 2, 3, 4]);
      expect(changes.map((c) => [c.prop, c.user])).to.deep.equal([['figure', false]]);
    } finally {
      react.restore();
      newPlot.restore();
    }
  });

  it('never writes into the figure object it was given', async () => {
    const figure = scatter();
    const copy = structuredClone(figure);
    const el = await graph(figure);
    el.extendData = [{ x: [[5]], y: [[20]] }, [0]];
    await settle(el);
    expect(figure).to.deep.equal(copy);
  });

  it('resolves updateComplete once plotly.js has drawn the change', async () => {
    const el = await graph();
    el.figure = scatter('After update');
    await el.updateComplete;
    expect(el.graphDiv.querySelector('.gtitle')!.textContent).to.equal('After update');
  });

  it('passes config to plotly and redraws when it changes', async () => {
    const el = await graph();
    expect(el.graphDiv.querySelector('.modebar')).to.exist;
    el.config = { displayModeBar: false };
    await settle(el);
    expect(el.graphDiv.querySelector('.modebar')).to.not.exist;
  });

  it('accepts the figure as a JSON attribute', async () => {
    const el = await fixture<DashGraph>(
      html`<dash-graph figure='{"data":[{"type":"bar","x":["a","b"],"y":[1,2]}],"layout":{"title":{"text":"Bars"}}}'></dash-graph>`,
    );
    await drawn(el);
    expect(el.graphDiv.querySelectorAll('.bars .point').length).to.equal(2);
  });

  it('animates figure changes with Plotly.animate when animate is set', async () => {
    const el = await graph();
    // As docs/graph.md shows for TypeScript: the class type does not declare `animate`.
    Object.assign(el, { animate: true });
    el.animationOptions = { transition: { duration: 0 }, frame: { duration: 0, redraw: false } };
    const animate = spy('animate');
    const react = spy('react');
    try {
      const next = scatter();
      next.data[0].y = [3, 3, 3, 3];
      el.figure = next;
      await settle(el);
      expect(animate.calls.length).to.equal(1);
      expect(react.calls.length).to.equal(0);
    } finally {
      animate.restore();
      react.restore();
    }
  });
});

describe('<dash-graph> animate (property and attribute)', () => {
  type WithAnimate = { animate: unknown };

  it('is a boolean property, false by default, coerced, with a dash-prop-change', async () => {
    const el = await graph();
    const changes = collectPropChanges(el);
    expect((el as unknown as WithAnimate).animate).to.equal(false);
    (el as unknown as WithAnimate).animate = 1;
    expect((el as unknown as WithAnimate).animate).to.equal(true);
    await settle(el);
    expect(changes).to.deep.include({ prop: 'animate', value: true, user: false });
    (el as unknown as WithAnimate).animate = true;
    await settle(el);
    expect(changes.filter((c) => c.prop === 'animate')).to.have.length(1);
  });

  it('follows the animate attribute, and animates with it', async () => {
    const el = await fixture<DashGraph>(html`<div style="width: 600px"><dash-graph animate .figure=${scatter()}></dash-graph></div>`).then(
      (div) => div.querySelector('dash-graph')!,
    );
    await drawn(el);
    expect((el as unknown as WithAnimate).animate).to.equal(true);
    el.animationOptions = { transition: { duration: 0 }, frame: { duration: 0, redraw: false } };
    const animate = spy('animate');
    const react = spy('react');
    try {
      const next = scatter();
      next.data[0].y = [4, 4, 4, 4];
      el.figure = next;
      await settle(el);
      expect(animate.calls.length).to.equal(1);
      el.removeAttribute('animate');
      expect((el as unknown as WithAnimate).animate).to.equal(false);
      el.figure = scatter();
      await settle(el);
      expect(animate.calls.length).to.equal(1);
      expect(react.calls.length).to.equal(1);
    } finally {
      animate.restore();
      react.restore();
    }
  });

  it('is an own accessor of the element class, listed as a reactive property', () => {
    expect(Object.getOwnPropertyDescriptor(DashGraph.prototype, 'animate')?.set).to.be.a('function');
    expect(DashGraph.elementProperties.get('animate')).to.include({ attribute: 'animate', type: Boolean });
  });
});

describe('<dash-graph> events', () => {
  it('sets clickData as Dash shapes it, with a timestamp so a repeated click still changes it', async () => {
    const el = await graph();
    const changes = collectPropChanges(el);
    const gd = el.graphDiv as Any;
    const at = pointPosition(gd, 1, 2);
    await sendMouse({ type: 'move', position: [at.x, at.y] });
    await waitUntil(() => el.hoverData, 'no hover');
    await sendMouse({ type: 'click', position: [at.x, at.y] });
    await waitUntil(() => el.clickData, 'no click');
    const first = el.clickData as Any;
    expect(first.timestamp).to.be.a('number');
    expect(first.points).to.have.length(1);
    const point = first.points[0];
    expect(point).to.include({ curveNumber: 1, pointNumber: 2, pointIndex: 2, x: 3, y: 11 });
    expect(point.customdata).to.deep.equal(['y', 3]);
    expect(point.bbox).to.have.keys(['x0', 'x1', 'y0', 'y1']);
    expect(point).to.not.have.property('data');
    expect(point).to.not.have.property('fullData');
    expect(() => JSON.stringify(el.clickData)).to.not.throw();
    await settle(el);
    expect(changes.find((c) => c.prop === 'clickData')).to.include({ user: true });

    await aTimeout(5);
    await sendMouse({ type: 'click', position: [at.x, at.y] });
    await waitUntil(() => (el.clickData as Any).timestamp !== first.timestamp, 'a repeated click did not change clickData');
    expect((el.clickData as Any).points).to.deep.equal(first.points);
  });

  it('sets hoverData, and clears it on unhover with clearOnUnhover', async () => {
    const el = await graph(scatter(), { clearOnUnhover: true });
    const gd = el.graphDiv as Any;
    const at = pointPosition(gd, 0, 1);
    await sendMouse({ type: 'move', position: [at.x, at.y] });
    await waitUntil(() => el.hoverData, 'no hover');
    expect((el.hoverData as Any).points[0]).to.include({ curveNumber: 0, pointNumber: 1, x: 2, y: 15, customdata: 'b' });
    const rect = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.right + 40), Math.round(rect.bottom + 40)] });
    await waitUntil(() => el.hoverData === null, 'hoverData was not cleared');
  });

  it('keeps hoverData after unhover without clearOnUnhover', async () => {
    const el = await graph();
    const at = pointPosition(el.graphDiv, 0, 1);
    await sendMouse({ type: 'move', position: [at.x, at.y] });
    await waitUntil(() => el.hoverData, 'no hover');
    const rect = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.right + 40), Math.round(rect.bottom + 40)] });
    await aTimeout(50);
    expect(el.hoverData).to.not.equal(null);
  });

  it('sets relayoutData when the user zooms by dragging', async () => {
    const el = await graph();
    const gd = el.graphDiv as Any;
    const a = pointPosition(gd, 0, 0);
    const b = pointPosition(gd, 0, 2);
    await sendMouse({ type: 'move', position: [a.x + 5, a.y - 40] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [a.x + 30, a.y - 20] });
    await sendMouse({ type: 'move', position: [b.x, b.y + 20] });
    await sendMouse({ type: 'up' });
    await waitUntil(() => el.relayoutData, 'no relayoutData');
    expect(el.relayoutData).to.have.property('xaxis.range[0]');
    expect(el.relayoutData).to.have.property('xaxis.range[1]');
  });

  it('sets restyleData when a legend item is clicked', async () => {
    const el = await graph();
    const item = el.graphDiv.querySelector('.legend .traces .legendtoggle')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(item.left + item.width / 2), Math.round(item.top + item.height / 2)] });
    await waitUntil(() => el.restyleData, 'no restyleData');
    expect(el.restyleData).to.deep.equal([{ visible: ['legendonly'] }, [0]]);
  });

  it('sets selectedData from a box selection and clears it on deselect', async () => {
    const figure = scatter();
    (figure.layout as Obj).dragmode = 'select';
    const el = await graph(figure);
    const gd = el.graphDiv as Any;
    const a = pointPosition(gd, 0, 0);
    const b = pointPosition(gd, 0, 1);
    await sendMouse({ type: 'move', position: [a.x - 10, a.y + 10] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [a.x + 5, a.y] });
    await sendMouse({ type: 'move', position: [b.x + 10, b.y - 10] });
    await sendMouse({ type: 'up' });
    await waitUntil(() => el.selectedData, 'no selectedData');
    const selected = el.selectedData as Any;
    expect(selected.points.map((p: Any) => [p.curveNumber, p.pointNumber])).to.deep.include.members([
      [0, 0],
      [0, 1],
    ]);
    expect(selected.range).to.have.keys(['x', 'y']);
    gd.emit('plotly_deselect', null);
    await settle(el);
    expect(el.selectedData).to.equal(null);
  });

  it('shapes emitted events: histogram pointNumbers and their customdata', async () => {
    const el = await graph();
    const gd = el.graphDiv as Any;
    gd.emit('plotly_click', {
      points: [{ curveNumber: 0, pointNumbers: [0, 2], x: 1, y: 2, data: gd.data[0], fullData: gd._fullData[0], xaxis: {} }],
    });
    await settle(el);
    const point = (el.clickData as Any).points[0];
    expect(point.pointNumbers).to.deep.equal([0, 2]);
    expect(point.customdata).to.deep.equal(['a', 'c']);
    expect(point).to.not.have.property('xaxis');
  });

  it('does not fire events while outside code sets the read-only props, except dash-prop-change', async () => {
    const el = await graph();
    const changes = collectPropChanges(el);
    el.clickData = null;
    el.hoverData = { points: [] };
    await settle(el);
    expect(changes).to.deep.equal([{ prop: 'hoverData', value: { points: [] }, user: false }]);
  });
});

describe('<dash-graph> streaming', () => {
  it('extends traces with extendData, keeping maxPoints, once per write', async () => {
    const el = await graph();
    const gd = el.graphDiv as Any;
    el.extendData = [{ x: [[5, 6]], y: [[1, 2]] }, [0], 5];
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([2, 3, 4, 5, 6]);
    el.extendData = [{ x: [[5, 6]], y: [[1, 2]] }, [0], 5];
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([4, 5, 6, 5, 6]);
    expect(gd.querySelectorAll('.scatterlayer .trace')[0].querySelectorAll('.point').length).to.equal(5);
  });

  it('prepends with prependData; an update without indices goes to the first traces', async () => {
    const el = await graph();
    const gd = el.graphDiv as Any;
    el.prependData = { x: [[0], [0]], y: [[1], [2]] };
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([0, 1, 2, 3, 4]);
    expect(gd.data[1].y).to.deep.equal([2, 16, 5, 11, 9]);
  });

  it('applies extendData written with a new figure to the new figure', async () => {
    const el = await graph();
    const next = scatter();
    next.data[0].x = [10, 11];
    next.data[0].y = [1, 1];
    el.figure = next;
    el.extendData = [{ x: [[12]], y: [[1]] }, [0]];
    await settle(el);
    expect((el.graphDiv as Any).data[0].x).to.deep.equal([10, 11, 12]);
  });

  it('redraws the original figure written back after extendData, as the same object or a copy', async () => {
    const original = scatter();
    const el = await graph(original);
    const gd = el.graphDiv as Any;
    for (const x of [5, 6, 7]) {
      el.extendData = [{ x: [[x]], y: [[x]] }, [0]];
      await settle(el);
    }
    expect(gd.data[0].x).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    el.figure = structuredClone(original); // a "reset" callback's answer: equal to the stored figure
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([1, 2, 3, 4]);
    expect(gd.querySelectorAll('.scatterlayer .trace')[0].querySelectorAll('.point').length).to.equal(4);

    el.extendData = [{ x: [[8]], y: [[8]] }, [0]];
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([1, 2, 3, 4, 8]);
    const changes = collectPropChanges(el);
    const stored = el.figure;
    el.figure = stored; // the very object stored
    await settle(el);
    expect(gd.data[0].x).to.deep.equal([1, 2, 3, 4]);
    expect(changes, 'writing the same figure is no property change').to.deep.equal([]);
  });

  it('warns about extendData for a missing trace and keeps working', async () => {
    const el = await graph();
    const warnings = await warningsDuring(async () => {
      el.extendData = [{ x: [[9]], y: [[9]] }, [7]];
      await settle(el);
      el.extendData = 'nonsense';
      await settle(el);
    });
    expect(warnings.some((w) => w.includes('<dash-graph') && w.includes('extendData') && w.includes('7'))).to.be.true;
    expect(warnings.some((w) => w.includes('extendData must be'))).to.be.true;
    el.extendData = [{ x: [[5]], y: [[5]] }, [0]];
    await settle(el);
    expect((el.graphDiv as Any).data[0].x).to.deep.equal([1, 2, 3, 4, 5]);
  });
});

describe('<dash-graph> lifecycle and size', () => {
  it('purges the plot on disconnect and restores it on reconnect', async () => {
    const el = await graph();
    const parent = el.parentElement!;
    const gd = el.graphDiv as Any;
    const purge = spy('purge');
    try {
      el.remove();
      expect(purge.calls.length).to.equal(1);
      expect(gd.querySelector('.main-svg')).to.not.exist;
      expect(gd.on).to.equal(undefined);
      parent.append(el);
      await drawn(el);
      expect(gd.querySelectorAll('.scatterlayer .trace').length).to.equal(2);
      // events are bound again
      const at = pointPosition(gd, 0, 0);
      await sendMouse({ type: 'move', position: [at.x, at.y] });
      await waitUntil(() => el.hoverData, 'no hover after reconnect');
    } finally {
      purge.restore();
    }
  });

  it('follows its container width, and its own height when it has one', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 500px"><dash-graph style="height: 300px"></dash-graph></div>`);
    const el = wrapper.querySelector('dash-graph')!;
    el.figure = scatter();
    const gd = await drawn(el);
    const svg = () => gd.querySelector('.main-svg') as SVGSVGElement;
    expect([svg().getAttribute('width'), svg().getAttribute('height')]).to.deep.equal(['500', '300']);
    wrapper.style.width = '420px';
    el.style.height = '260px';
    await waitUntil(() => svg().getAttribute('width') === '420' && svg().getAttribute('height') === '260', 'did not follow the resize');
    expect(el.relayoutData, 'our own resizes are not user relayouts').to.equal(null);
  });

  it('fills a column flexbox when it grows in it', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="display: flex; flex-direction: column; height: 380px; width: 400px"><h3 style="margin: 0; height: 30px">T</h3><dash-graph style="flex: 1"></dash-graph></div>`,
    );
    const el = wrapper.querySelector('dash-graph')!;
    el.figure = scatter();
    const gd = await drawn(el);
    expect(gd.querySelector('.main-svg').getAttribute('height')).to.equal('350');
  });

  it('keeps the figure size with responsive=false, and the layout size in auto mode', async () => {
    const figure = scatter();
    Object.assign(figure.layout, { width: 320, height: 240 });
    const el = await graph(figure);
    const svg = () => el.graphDiv.querySelector('.main-svg')!;
    expect([svg().getAttribute('width'), svg().getAttribute('height')]).to.deep.equal(['320', '240']);
    el.responsive = true;
    await settle(el);
    expect(svg().getAttribute('width')).to.equal('600');
  });

  it('draws a graph that starts hidden at the right size once it is shown (dash#3236)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 520px; display: none"><dash-graph></dash-graph></div>`);
    const el = wrapper.querySelector('dash-graph')!;
    el.figure = scatter();
    await el.updateComplete;
    await aTimeout(100);
    wrapper.style.display = 'block';
    const gd = await drawn(el);
    const svg = gd.querySelector('.main-svg') as SVGSVGElement;
    expect(svg.getAttribute('width')).to.equal('520');
    // text was measured while visible: tick labels have a real size
    const tick = gd.querySelector('.xtick text') as SVGTextElement;
    expect(tick.getBBox().width).to.be.greaterThan(0);
  });

  it('resizes a graph hidden after drawing and shown at another width', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 500px"><dash-graph></dash-graph></div>`);
    const el = wrapper.querySelector('dash-graph')!;
    el.figure = scatter();
    const gd = await drawn(el);
    wrapper.style.display = 'none';
    await aTimeout(50);
    wrapper.style.width = '350px';
    wrapper.style.display = 'block';
    await waitUntil(() => gd.querySelector('.main-svg').getAttribute('width') === '350', 'did not resize after being shown');
  });
});

describe('<dash-graph> bad input and safety', () => {
  it('warns about a figure that is not an object and keeps the last one; callbacks may not write it', async () => {
    const el = await graph();
    const warnings = await warningsDuring(async () => {
      (el as Any).figure = 'not a figure';
      await settle(el);
    });
    expect(warnings.some((w) => w.includes('<dash-graph') && w.includes('figure must be an object'))).to.be.true;
    expect(el.graphDiv.querySelectorAll('.scatterlayer .trace').length).to.equal(2);
    expect(() => el.checkProp('figure', 'nope')).to.throw(TypeError);
    expect(() => el.checkProp('figure', { data: [] })).to.not.throw();
    el.figure = scatter('Back');
    await settle(el);
    expect(el.graphDiv.querySelector('.gtitle')!.textContent).to.equal('Back');
  });

  it('warns about unknown trace types and bad traces, and still draws the rest', async () => {
    let el: DashGraph;
    const warnings = await warningsDuring(async () => {
      el = await graph({ data: [{ type: 'sparkles', x: [1], y: [1] }, 42, { type: 'bar', x: [1, 2], y: [3, 4] }], layout: {} });
    });
    expect(warnings.some((w) => w.includes('unknown trace type "sparkles"'))).to.be.true;
    expect(warnings.some((w) => w.includes('figure.data[1]'))).to.be.true;
    expect(el!.graphDiv.querySelectorAll('.bars .point').length).to.equal(2);
  });

  it('a malformed figure attribute warns and keeps the previous figure', async () => {
    const el = await graph();
    const warnings = await warningsDuring(async () => {
      el.setAttribute('figure', '{"data": [');
      await settle(el);
    });
    expect(warnings.some((w) => w.includes('figure'))).to.be.true;
    expect(el.graphDiv.querySelectorAll('.scatterlayer .trace').length).to.equal(2);
  });

  it('never turns text from data into DOM HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await graph({
      data: [{ type: 'bar', name: evil, x: [evil, 'b'], y: [1, 2], text: [evil, evil], textposition: 'inside', hovertext: evil }],
      layout: { title: { text: `<b>Bold</b> ${evil}` }, showlegend: true },
    });
    await aTimeout(50);
    expect(el.querySelector('img')).to.equal(null);
    expect((window as Any).__pwned).to.equal(undefined);
    expect(el.graphDiv.querySelector('.gtitle')!.textContent).to.contain('Bold');
  });
});

describe('<dash-graph> inside a shadow root', () => {
  it("copies plotly.js's stylesheet into the shadow root, so the modebar and hover labels are styled", async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 500px"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('dash-graph');
    el.figure = scatter();
    root.append(el);
    await drawn(el);
    // A constructable stylesheet (allowed under a strict CSP), not a <style> element.
    expect(root.querySelector('style')).to.equal(null);
    expect(root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('modebar')))).to.equal(true);
    const modebar = el.graphDiv.querySelector('.modebar') as HTMLElement;
    expect(getComputedStyle(modebar).position).to.equal('absolute');
    // A second graph in the same shadow root shares the copy.
    const copies = root.adoptedStyleSheets.length;
    const second = document.createElement('dash-graph');
    second.figure = scatter();
    root.append(second);
    await drawn(second);
    expect(root.adoptedStyleSheets.length).to.equal(copies);
  });
});

describe('<dash-graph> keyboard', () => {
  it('lets the keyboard reach the modebar buttons and shows the modebar while focused', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 500px"><button id="before">before</button><dash-graph></dash-graph></div>`);
    const el = wrapper.querySelector('dash-graph')!;
    el.figure = scatter();
    await drawn(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    const active = document.activeElement as HTMLElement;
    expect(active.classList.contains('modebar-btn')).to.be.true;
    expect(el.contains(active)).to.be.true;
    expect(active.getAttribute('aria-label')).to.be.a('string').and.not.empty;
    const group = active.closest('.modebar-group') as HTMLElement;
    await waitUntil(() => getComputedStyle(group).opacity === '1', 'modebar stays invisible while focused');
  });
});

describe('<dash-graph> events: dash-graph-error on draw failures', () => {
  it('fires dash-graph-error when plotly.js throws, and keeps working', async () => {
    const el = await graph();
    const plotly = window.Plotly as Any;
    const original = plotly.react;
    plotly.react = () => Promise.reject(new Error('boom'));
    const warnings = captureWarnings();
    try {
      const event = oneEvent(el, 'dash-graph-error');
      el.figure = scatter('Will fail');
      const { detail } = await event;
      expect(detail.error.message).to.equal('boom');
    } finally {
      plotly.react = original;
      warnings.restore();
    }
    el.figure = scatter('Works again');
    await settle(el);
    expect(el.graphDiv.querySelector('.gtitle')!.textContent).to.equal('Works again');
  });
});
