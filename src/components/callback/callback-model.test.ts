// Dash's whole callback model in the page (docs/callbacks.md): Patch, callbacks without outputs
// or inputs, pattern-matching ids (ALL / MATCH / ALLSMALLER).
import { expect, fixture, html, waitUntil, aTimeout, oneEvent } from '@open-wc/testing';
import '../../dash-callback.js';
import type { DashCallback } from './callback.js';
import { Patch } from '../../runtime/patch.js';

const settled = () => aTimeout(0);
const click = (el: Element) => (el as HTMLElement).click();
const byId = (root: ParentNode, id: string) => root.querySelector(`[id='${id}']`) as HTMLElement & Record<string, unknown>;

async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    return { result: await fn(), errors };
  } finally {
    console.error = original;
  }
}

describe('Patch in the page', () => {
  it('a function returning a Patch updates the output and never mutates the old value', async () => {
    const el = await fixture(html`<div>
      <button id="add">add</button><div id="store"></div>
      <dash-callback inputs="add.n_clicks" outputs="store.data" prevent-initial-call></dash-callback>
    </div>`);
    const initial = Object.freeze({ items: Object.freeze(['a']), count: 1 });
    const store = byId(el, 'store');
    store.data = initial;
    (el.querySelector('dash-callback') as DashCallback).fn = (n: number) => new Patch().append(['items'], `item ${n}`).add(['count'], 1);
    await settled();
    click(byId(el, 'add'));
    await waitUntil(() => (store.data as { count: number }).count === 2);
    click(byId(el, 'add'));
    await waitUntil(() => (store.data as { count: number }).count === 3);
    expect(store.data).to.deep.equal({ items: ['a', 'item 1', 'item 2'], count: 3 });
    expect(initial).to.deep.equal({ items: ['a'], count: 1 });
  });

  it("applies a Dash server's patch JSON in the response and in sideUpdate", async () => {
    const realFetch = window.fetch;
    const patchJson = (value: unknown) => ({ __dash_patch_update: '__dash_patch_update', operations: [{ operation: 'Append', location: ['y'], params: { value } }] });
    window.fetch = (async () =>
      new Response(JSON.stringify({ multi: true, response: { chart: { data: patchJson(9) } }, sideUpdate: { other: { data: patchJson(1) } } }), {
        headers: { 'Content-Type': 'application/json' },
      })) as typeof fetch;
    try {
      const el = await fixture(html`<div>
        <button id="go">go</button><div id="chart"></div><div id="other"></div>
        <dash-callback inputs="go.n_clicks" outputs="chart.data" endpoint="/cb" prevent-initial-call></dash-callback>
      </div>`);
      byId(el, 'chart').data = { y: [1] };
      byId(el, 'other').data = { y: [] };
      await settled();
      click(byId(el, 'go'));
      await waitUntil(() => (byId(el, 'chart').data as { y: number[] }).y.length === 2);
      expect(byId(el, 'chart').data).to.deep.equal({ y: [1, 9] });
      expect(byId(el, 'other').data).to.deep.equal({ y: [1] });
    } finally {
      window.fetch = realFetch;
    }
  });

  it('a Patch that does not fit the value is a callback error; the output stays', async () => {
    const el = await fixture(html`<div>
      <button id="go">go</button><div id="store"></div>
      <dash-callback inputs="go.n_clicks" outputs="store.data" prevent-initial-call></dash-callback>
    </div>`);
    byId(el, 'store').data = { n: 'text' };
    (el.querySelector('dash-callback') as DashCallback).fn = () => new Patch().sub(['n'], 1);
    await settled();
    const { result } = await quietly(async () => {
      const error = oneEvent(el, 'dash-callback-error');
      click(byId(el, 'go'));
      return (await error).detail.error.message;
    });
    expect(result).to.contain('Sub needs a number');
    expect(byId(el, 'store').data).to.deep.equal({ n: 'text' });
  });
});
