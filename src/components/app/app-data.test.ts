// Its own file (its own page): the app loader's code must not be loaded yet when the test starts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../dash-app.js';

describe('<dash-app src> first load', () => {
  it('asks for the layout and callbacks while its loading code is still on its way', async () => {
    const asked: Record<string, number> = {};
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL) => {
      const path = new URL(String(input), location.href).pathname;
      asked[path] = performance.now();
      const body = path.endsWith('_dash-layout') ? { type: 'P', namespace: 'dash_html_components', props: { id: 'p', children: 'hello' } } : [];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const app = await fixture<HTMLElement>(html`<dash-app src="/first/"></dash-app>`);
      await waitUntil(() => app.querySelector('#p')?.textContent === 'hello', 'the layout');
    } finally {
      window.fetch = original;
    }
    const loader = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => new URL(e.name).pathname.endsWith('/app-loader.ts'));
    expect(loader, 'the loader was fetched by this page').to.exist;
    expect(Object.keys(asked).sort()).to.deep.equal(['/first/_dash-dependencies', '/first/_dash-layout']);
    expect(asked['/first/_dash-layout']).to.be.below(loader!.responseEnd);
    expect(asked['/first/_dash-dependencies']).to.be.below(loader!.responseEnd);
  });
});
