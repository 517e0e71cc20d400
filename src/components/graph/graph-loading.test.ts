// Loading plotly.js (docs/graph.md), in a page of its own: nothing is loaded until a graph connects,
// then the configured URL (DashGraph.plotlyUrl, else <meta name="dash-plotly-url">) is used once
// per page; a failure is shown and reported; window.Plotly, when present, wins over everything.
// The code that draws with plotly.js (graph-plot.ts) is loaded with it, never before.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../dash-graph.js';
import { DashGraph } from './graph.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const PLOTLY = '/node_modules/plotly.js-dist-min/plotly.min.js';
const figure = { data: [{ type: 'bar', x: ['a', 'b'], y: [1, 2] }], layout: { height: 280 } };

const plotlyScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => s.src.includes('plotly'));
const plotlyRequests = () => performance.getEntriesByType('resource').filter((e) => !e.name.includes('plotly-loader'));
// every request the page made for a plotly.js bundle (not this package's own loader module)
const plotlyBundles = () => plotlyRequests().filter((e) => /plotly[^/]*\.js/.test(new URL(e.name).pathname));

describe('<dash-graph> loading plotly.js', () => {
  it('loads nothing on a page without a graph, even with the element registered', async () => {
    await fixture(html`<div><p>No graph here</p><span>just text</span></div>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(customElements.get('dash-graph')).to.equal(DashGraph);
    expect(window.Plotly).to.equal(undefined);
    expect(plotlyScripts()).to.have.length(0);
    expect(plotlyBundles()).to.have.length(0);
    // nor the code that draws with plotly.js (graph-plot, loaded with plotly.js)
    const modules = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(modules.some((p) => p.includes('/graph/') && p.includes('graph.ts'))).to.be.true;
    expect(modules.filter((p) => p.includes('graph-plot'))).to.deep.equal([]);
  });

  it('shows a clear message and fires dash-graph-error when plotly.js cannot be loaded', async () => {
    DashGraph.plotlyUrl = '/no/such/plotly.js';
    const warnings = captureWarnings();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('dash-graph');
      el.figure = figure;
      const event = oneEvent(wrapper, 'dash-graph-error');
      wrapper.append(el);
      const { detail, composed, bubbles } = (await event) as CustomEvent;
      expect(bubbles && composed).to.be.true;
      expect(detail.error).to.be.instanceOf(Error);
      expect(detail.error.message).to.contain('/no/such/plotly.js');
      await el.updateComplete;
      const message = el.shadowRoot!.querySelector('[part=error]')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('could not be shown');
      expect(message.textContent).to.contain('/no/such/plotly.js');
      expect(el.shadowRoot!.querySelector('[part=placeholder]')).to.equal(null);
      expect(window.Plotly).to.equal(undefined);
    } finally {
      warnings.restore();
      DashGraph.plotlyUrl = null;
    }
  });

  it('loads from <meta name="dash-plotly-url"> once for all graphs, showing a busy placeholder of the figure size meanwhile', async () => {
    const meta = document.createElement('meta');
    meta.name = 'dash-plotly-url';
    meta.content = `${PLOTLY}?from=meta`;
    document.head.append(meta);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 400px"><dash-graph></dash-graph><dash-graph></dash-graph></div>`);
    const [a, b] = wrapper.querySelectorAll('dash-graph');
    a.figure = figure;
    b.figure = figure;
    await a.updateComplete;
    const placeholder = a.shadowRoot!.querySelector<HTMLElement>('[part=placeholder]')!;
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    const box = placeholder.getBoundingClientRect();
    expect([Math.round(box.width), Math.round(box.height)]).to.deep.equal([400, 280]);

    await waitUntil(() => a.graphDiv.querySelector('.main-svg') && b.graphDiv.querySelector('.main-svg'), 'graphs never drew', { timeout: 8000 });
    const scripts = plotlyScripts();
    expect(scripts).to.have.length(1);
    expect(scripts[0].src).to.contain('?from=meta');
    expect(performance.getEntriesByType('resource').filter((e) => e.name.includes('graph-plot'))).to.have.length(1);
    expect(window.Plotly).to.exist;
    await waitUntil(() => !a.shadowRoot!.querySelector('[part=placeholder]'), 'placeholder stays');
    meta.remove();
  });

  it('uses window.Plotly when the page has it, whatever URL is configured', async () => {
    const real = window.Plotly as Any;
    let reacts = 0;
    window.Plotly = { ...real, react: (...args: Any[]) => (reacts++, real.react(...args)) };
    DashGraph.plotlyUrl = '/never/used.js';
    try {
      const el = await fixture<DashGraph>(html`<dash-graph .figure=${figure}></dash-graph>`);
      await waitUntil(() => el.graphDiv.querySelector('.main-svg'), 'never drew');
      expect(reacts).to.be.greaterThan(0);
      expect(plotlyScripts().some((s) => s.src.includes('/never/used.js'))).to.be.false;
      expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    } finally {
      window.Plotly = real;
      DashGraph.plotlyUrl = null;
    }
  });
});
