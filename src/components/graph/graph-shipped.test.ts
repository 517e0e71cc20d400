// With no window.Plotly and no configured URL, <dash-graph> loads the copy shipped beside the
// bundle: `plotly.min.js` next to the module (dist/components/graph/, cdn/) and, when that is
// missing (this dev server serves src/), node_modules/plotly.js-dist-min.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../dash-graph.js';
import type { DashGraph } from './graph.js';

describe('<dash-graph> shipped plotly.js', () => {
  it('loads the copy beside the bundle (falling back to node_modules in development)', async function () {
    // Fetching and compiling 3.5 MB of plotly.js takes seconds on a loaded CI machine.
    this.timeout(40_000);
    expect(window.Plotly).to.equal(undefined);
    const el = await fixture<DashGraph>(html`<dash-graph .figure=${{ data: [{ type: 'scatter', y: [1, 3, 2] }] }}></dash-graph>`);
    await waitUntil(() => el.graphDiv.querySelector('.main-svg'), 'never drew', { timeout: 30_000 });
    const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[data-dash-plotly]')];
    expect(scripts).to.have.length(1);
    expect(new URL(scripts[0].src).pathname).to.equal('/node_modules/plotly.js-dist-min/plotly.min.js');
    const tried = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('plotly.min.js'));
    expect(tried[0]).to.equal('/src/components/graph/plotly.min.js');
  });
});
