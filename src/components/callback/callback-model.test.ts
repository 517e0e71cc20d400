// Dash's whole callback model in the page (docs/callbacks.md): Patch, callbacks without outputs
// or inputs, pattern-matching ids (ALL / MATCH / ALLSMALLER).
import { expect, fixture, html, waitUntil, aTimeout, oneEvent } from '@open-wc/testing';
import '../../dash-callback.js';
import type { DashCallback } from './callback.js';
import { Patch } from '../../runtime/patch.js';
import { errorsDuring } from '../../../test/browser/helpers.js';

const settled = () => aTimeout(0);
const click = (el: Element) => (el as HTMLElement).click();
const byId = (root: ParentNode, id: string) => root.querySelector(`[id='${id}']`) as HTMLElement & Record<string, unknown>;

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
    const { result } = await errorsDuring(async () => {
      const error = oneEvent(el, 'dash-callback-error');
      click(byId(el, 'go'));
      return (await error).detail.error.message;
    });
    expect(result).to.contain('Sub needs a number');
    expect(byId(el, 'store').data).to.deep.equal({ n: 'text' });
  });
});

/** `<input>` with an object id. */
const item = (index: number, value: string, type = 'item') => `<input id='{"type":"${type}","index":${index}}' value="${value}">`;
const typeInto = (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const itemInput = (root: ParentNode, index: number, type = 'item') => byId(root, `{"type":"${type}","index":${index}}`) as unknown as HTMLInputElement;

describe('pattern-matching callbacks in the page', () => {
  it('ALL gives an array in document order, [] when nothing matches, and runs again as items come and go', async () => {
    const el = await fixture(html`<div>
      <ul id="list"></ul><span id="total"></span>
      <dash-callback inputs='{"type":"item","index":"ALL"}.value' outputs="total.children"></dash-callback>
    </div>`);
    const seen: unknown[][] = [];
    (el.querySelector('dash-callback') as DashCallback).fn = (values: string[]) => {
      seen.push(values);
      return values.join('+');
    };
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).to.deep.equal([]);
    const list = byId(el, 'list');
    list.insertAdjacentHTML('beforeend', item(2, 'b') + item(1, 'a'));
    await waitUntil(() => byId(el, 'total').textContent === 'b+a');
    typeInto(itemInput(el, 1), 'A');
    await waitUntil(() => byId(el, 'total').textContent === 'b+A');
    itemInput(el, 2).remove();
    await waitUntil(() => byId(el, 'total').textContent === 'A');
    list.insertAdjacentHTML('afterbegin', item(7, 'z'));
    await waitUntil(() => byId(el, 'total').textContent === 'z+A');
  });

  it('MATCH runs once per item, only the changed item runs, new items get their initial call, removed ones are unwired', async () => {
    const el = await fixture(html`<div>
      <div id="items"></div>
      <dash-callback inputs='{"type":"item","index":"MATCH"}.value' outputs='{"type":"echo","index":"MATCH"}.children'></dash-callback>
    </div>`);
    const calls: unknown[] = [];
    (el.querySelector('dash-callback') as DashCallback).fn = (value: string, ctx: { triggeredId: unknown; outputsList: unknown }) => {
      calls.push({ value, triggeredId: ctx.triggeredId, outputsList: ctx.outputsList });
      return value.toUpperCase();
    };
    const items = byId(el, 'items');
    const add = (i: number, v: string) => items.insertAdjacentHTML('beforeend', `<p>${item(i, v)}<span id='{"index":${i},"type":"echo"}'></span></p>`);
    add(1, 'a');
    add(2, 'b');
    const echo = (i: number) => byId(el, `{"index":${i},"type":"echo"}`);
    await waitUntil(() => echo(1).textContent === 'A' && echo(2).textContent === 'B');
    expect(calls.length).to.equal(2);
    calls.length = 0;
    typeInto(itemInput(el, 2), 'bee');
    await waitUntil(() => echo(2).textContent === 'BEE');
    expect(calls).to.deep.equal([
      { value: 'bee', triggeredId: { index: 2, type: 'item' }, outputsList: { id: { index: 2, type: 'echo' }, property: 'children' } },
    ]);
    add(3, 'c');
    await waitUntil(() => echo(3).textContent === 'C');
    expect(calls.length).to.equal(2);
    const removed = itemInput(el, 1);
    removed.parentElement!.remove();
    await settled();
    calls.length = 0;
    typeInto(removed, 'gone');
    typeInto(itemInput(el, 3), 'sea');
    await waitUntil(() => echo(3).textContent === 'SEA');
    expect(calls.map((c) => (c as { value: string }).value)).to.deep.equal(['sea']);
  });

  it('an ALL state whose set changes does not run the callback (state never triggers)', async () => {
    const el = await fixture(html`<div>
      <button id="go">go</button><span id="out"></span><div id="items">${''}</div>
      <dash-callback inputs="go.n_clicks" state='{"type":"item","index":"ALL"}.value' outputs="out.children" prevent-initial-call></dash-callback>
    </div>`);
    let calls = 0;
    (el.querySelector('dash-callback') as DashCallback).fn = (_n: number, values: string[]) => `${++calls}: ${values.join(',')}`;
    byId(el, 'items').insertAdjacentHTML('beforeend', item(1, 'a') + item(2, 'b'));
    await aTimeout(20);
    itemInput(el, 1).remove();
    await aTimeout(20);
    expect(calls).to.equal(0);
    click(byId(el, 'go'));
    await waitUntil(() => byId(el, 'out').textContent === '1: b');
  });

  it('an ALL output takes an array, one value per matched element', async () => {
    const el = await fixture(html`<div>
      <input id="n" value="x" />
      <span id='{"type":"cell","index":1}'></span><span id='{"type":"cell","index":2}'></span>
      <dash-callback inputs="n.value" outputs='{"type":"cell","index":"ALL"}.children'></dash-callback>
    </div>`);
    (el.querySelector('dash-callback') as DashCallback).fn = (v: string) => [`${v}1`, `${v}2`];
    await waitUntil(() => byId(el, '{"type":"cell","index":2}').textContent === 'x2');
    expect(byId(el, '{"type":"cell","index":1}').textContent).to.equal('x1');
  });

  it('ALLSMALLER gives the values before the MATCH key', async () => {
    const el = await fixture(html`<div>
      <input id='{"type":"n","index":1}' value="1" /><input id='{"type":"n","index":2}' value="2" /><input id='{"type":"n","index":3}' value="3" />
      <span id='{"type":"sum","index":1}'></span><span id='{"type":"sum","index":2}'></span><span id='{"type":"sum","index":3}'></span>
      <dash-callback
        inputs='{"type":"n","index":"MATCH"}.value, {"type":"n","index":"ALLSMALLER"}.value'
        outputs='{"type":"sum","index":"MATCH"}.children'
      ></dash-callback>
    </div>`);
    (el.querySelector('dash-callback') as DashCallback).fn = (v: number, before: number[]) => `${[...before, v].join('+')}`;
    await waitUntil(() => byId(el, '{"type":"sum","index":3}').textContent === '1+2+3');
    expect(byId(el, '{"type":"sum","index":1}').textContent).to.equal('1');
    expect(byId(el, '{"type":"sum","index":2}').textContent).to.equal('1+2');
  });

  it('reports a wildcard where Dash forbids it and a malformed element id, and the rest of the page runs', async () => {
    const { errors } = await errorsDuring(async () => {
      const el = await fixture(html`<div>
        <input id="a" value="1" /><span id="b"></span>
        <input id='{"type":"item","index":1' value="bad" />
        <dash-callback id="bad" inputs="a.value" outputs='{"type":"x","index":"MATCH"}.children' fn="String"></dash-callback>
        <dash-callback id="ok" inputs='{"type":"item","index":"ALL"}.value, a.value' outputs="b.children"></dash-callback>
      </div>`);
      (el.querySelector('#ok') as DashCallback).fn = (items: string[], a: string) => `${items.length} ${a}`;
      await waitUntil(() => byId(el, 'b').textContent === '0 1');
    });
    expect(errors.filter((e) => e.includes('has MATCH on "index" but no input has MATCH')).length).to.equal(1);
    expect(errors.filter((e) => e.includes(`the element id {"type":"item","index":1 is not a valid JSON object id`)).length).to.equal(1);
  });

  it('sends pattern-matching requests in Dash\'s shapes and applies an answer keyed by object ids', async () => {
    const realFetch = window.fetch;
    const bodies: unknown[] = [];
    window.fetch = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      bodies.push(body);
      return new Response(JSON.stringify({ multi: true, response: { '{"index":2,"type":"echo"}': { children: 'from server' } } }), {
        headers: { 'Content-Type': 'application/json' },
      });
    }) as typeof fetch;
    try {
      const el = await fixture(html`<div>
        ${''}<input id='{"type":"item","index":2}' value="b" /><span id='{"type":"echo","index":2}'></span>
        <input id='{"index":1,"type":"item"}' value="a" />
        <dash-callback
          inputs='{"type":"item","index":"MATCH"}.value, {"type":"item","index":"ALL"}.value'
          outputs='{"type":"echo","index":"MATCH"}.children'
          endpoint="/cb"
          prevent-initial-call
        ></dash-callback>
      </div>`);
      await settled();
      typeInto(itemInput(el, 2), 'bee');
      await waitUntil(() => byId(el, '{"type":"echo","index":2}').textContent === 'from server');
      // Written from Dash's renderer format (dash-renderer callbacks.ts): MATCH as one entry, ALL as a list.
      expect(bodies).to.deep.equal([
        {
          output: '{"index":["MATCH"],"type":"echo"}.children',
          outputs: { id: { index: 2, type: 'echo' }, property: 'children' },
          inputs: [
            { id: { index: 2, type: 'item' }, property: 'value', value: 'bee' },
            [
              { id: { index: 2, type: 'item' }, property: 'value', value: 'bee' },
              { id: { index: 1, type: 'item' }, property: 'value', value: 'a' },
            ],
          ],
          changedPropIds: ['{"index":2,"type":"item"}.value'],
        },
      ]);
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('callbacks without outputs or inputs in the page', () => {
  it('a callback without outputs runs for its side effects through ctx.setProps', async () => {
    const el = await fixture(html`<div>
      <button id="go">go</button><span id="log"></span><span id="echo"></span>
      <dash-callback inputs="go.n_clicks" prevent-initial-call></dash-callback>
      <dash-callback inputs="log.title" outputs="echo.children" fn="String" prevent-initial-call></dash-callback>
    </div>`);
    (el.querySelector('dash-callback') as DashCallback).fn = (n: number, ctx: { setProps(id: string, props: object): void }) => {
      ctx.setProps('log', { title: `clicked ${n}` });
    };
    await settled();
    click(byId(el, 'go'));
    await waitUntil(() => byId(el, 'log').title === 'clicked 1');
    // setProps triggers what reads it.
    await waitUntil(() => byId(el, 'echo').textContent === 'clicked 1');
  });

  it('a callback without inputs runs once on start', async () => {
    let calls = 0;
    const el = await fixture(html`<div><span id="out"></span><dash-callback outputs="out.children"></dash-callback></div>`);
    (el.querySelector('dash-callback') as DashCallback).fn = () => `ran ${++calls}`;
    await waitUntil(() => byId(el, 'out').textContent === 'ran 1');
    await aTimeout(20);
    expect(calls).to.equal(1);
  });
});
