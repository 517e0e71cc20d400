import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../dash-app.js';
import '../../dash-callback.js';
import '../../dash-input.js';
import { errorsDuring } from '../../../test/browser/helpers.js';

const H = (type: string, props: Record<string, unknown> = {}) => ({ type, namespace: 'dash_html_components', props });
type Dc = Record<string, unknown> & { PreventUpdate: unknown; no_update: unknown; callback_context: { triggered?: unknown[]; inputs?: Record<string, unknown> }; set_props: (id: string, p: object) => void };

/** Answers the app's GETs from `routes` (by path); everything else goes to the network. */
function stubFetch(routes: Record<string, unknown>): () => void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
    if (path in routes) return new Response(JSON.stringify(routes[path]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    return original(input, init);
  };
  return () => (window.fetch = original);
}

describe('<dash-app src>', () => {
  let restore: () => void = () => {};
  afterEach(() => restore());

  it('renders the layout and runs clientside callbacks with Dash\'s dash_clientside helpers', async () => {
    const seen: unknown[] = [];
    const dc = ((window as unknown as { dash_clientside?: Dc }).dash_clientside ??= {} as Dc);
    dc.t = {
      echo(value: string) {
        seen.push(dc.callback_context.triggered, Object.keys(dc.callback_context.inputs ?? {}));
        if (value === 'stop') throw dc.PreventUpdate;
        if (value === 'same') return dc.no_update;
        dc.set_props('side', { children: `side ${value}` });
        return `echo ${value}`;
      },
    };
    restore = stubFetch({
      '/myapp/_dash-layout': H('Div', { children: [H('Input', { id: 'in', value: 'a' }), H('P', { id: 'out' }), H('P', { id: 'side' })] }),
      '/myapp/_dash-dependencies': [
        { output: 'out.children', inputs: [{ id: 'in', property: 'value' }], state: [], clientside_function: { namespace: 't', function_name: 'echo' }, prevent_initial_call: false },
      ],
    });
    const app = await fixture<HTMLElement>(html`<dash-app src="/myapp"></dash-app>`);
    await waitUntil(() => app.querySelector('#out')?.textContent === 'echo a', 'the initial clientside call');
    expect(app.querySelector('#side')!.textContent).to.equal('side a');
    expect(seen.slice(0, 2)).to.deep.equal([[], ['in.value']]);
    const input = app.querySelector<HTMLInputElement>('#in')!;
    for (const [value, shown] of [['b', 'echo b'], ['stop', 'echo b'], ['same', 'echo b'], ['c', 'echo c']]) {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await waitUntil(() => seen.length >= 2 && (seen.at(-2) as Array<{ value: string }>)[0]?.value === value, `the call for ${value}`);
      expect(app.querySelector('#out')!.textContent).to.equal(shown);
    }
    expect(seen.at(-2)).to.deep.equal([{ prop_id: 'in.value', value: 'c' }]);
  });

  it('takes the prefix from _dash-config when src is empty, and shows an error it cannot load', async () => {
    const config = Object.assign(document.createElement('script'), { id: '_dash-config', type: 'application/json', textContent: '{"requests_pathname_prefix":"/cfg/"}' });
    document.head.append(config);
    restore = stubFetch({ '/cfg/_dash-layout': H('P', { id: 'ok', children: 'from config' }), '/cfg/_dash-dependencies': [] });
    try {
      const app = await fixture<HTMLElement>(html`<dash-app src=""></dash-app>`);
      await waitUntil(() => app.querySelector('#ok')?.textContent === 'from config');
    } finally {
      config.remove();
    }
    await errorsDuring(async () => {
      // Listened for before the app connects: its error may come before fixture() resolves.
      const errored = oneEvent(document, 'dash-app-error');
      const broken = await fixture<HTMLElement>(html`<dash-app src="/nowhere/"></dash-app>`);
      await errored;
      expect(broken.querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    });
  });
});
