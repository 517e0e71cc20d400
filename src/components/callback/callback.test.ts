import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { property } from 'lit/decorators.js';
import '../../dash-callback.js';
import '../../dash-app.js';
import type { DashCallback } from './callback.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { NO_UPDATE, PreventUpdate } from '../../runtime/sentinels.js';
import { define } from '../../internal/define.js';
import { dependencyCases } from '../../../test/fixtures/dependency-cases.js';
import { errorsDuring } from '../../../test/browser/helpers.js';

/** A minimal dash element: `value` reflects and announces itself like the real ones. */
class TestControl extends DashElement {
  @property({ converter: jsonOrStringConverter, reflect: true }) value: unknown = null;
}
define('test-control', TestControl);

const settled = () => aTimeout(0);

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function cb(root: ParentNode, selector = 'dash-callback') {
  return root.querySelector(selector) as DashCallback;
}

describe('<dash-callback> with a function', () => {
  it('makes the initial call and updates the output as the user types', async () => {
    const el = await fixture(html`<div>
      <input id="name" value="Ada" />
      <span id="greeting"></span>
      <dash-callback inputs="name.value" outputs="greeting.children" .fn=${(name: string) => `Hello ${name}`}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#greeting')!.textContent === 'Hello Ada');
    type(el.querySelector('#name')!, 'Grace');
    await waitUntil(() => el.querySelector('#greeting')!.textContent === 'Hello Grace');
  });

  it('waits for an fn set by a later script, then makes the initial call without an error', async () => {
    const errors: Event[] = [];
    const el = await fixture(html`<div @dash-callback-error=${(e: Event) => errors.push(e)}>
      <input id="region" value="North" /><span id="label"></span>
      <dash-callback id="label-cb" inputs="region.value" outputs="label.children"></dash-callback>
    </div>`);
    await aTimeout(10);
    expect(el.querySelector('#label')!.textContent).to.equal('');
    cb(el).fn = (region: string) => `Showing ${region}`;
    await waitUntil(() => el.querySelector('#label')!.textContent === 'Showing North');
    expect(errors).to.have.length(0);
  });

  it('renders children as text, never HTML', async () => {
    const el = await fixture(html`<div>
      <span id="out"></span>
      <input id="in" value="x" />
      <dash-callback inputs="in.value" outputs="out.children" .fn=${() => '<img src=x onerror="window.__xss=1">'}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#out')!.textContent!.startsWith('<img'));
    expect(el.querySelector('#out img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('resolves fn="ns.name" from globals, dash_clientside style', async () => {
    const w = window as unknown as Record<string, unknown>;
    w.dash_clientside = { shop: { total: (a: number, b: number) => a * b } };
    const el = await fixture(html`<div>
      <input id="qty" type="number" value="3" />
      <input id="price" type="number" value="4" />
      <span id="total"></span>
      <dash-callback inputs="qty.value, price.value" outputs="total.children" fn="dash_clientside.shop.total"></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#total')!.textContent === '12');
    delete w.dash_clientside;
  });

  it('makes the initial call of fn="ns.name" defined by a later module script, without an error', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'later script';
    frame.srcdoc = `<!doctype html>
      <script>window.errors = []; addEventListener('dash-callback-error', (e) => errors.push(e.detail.error.message));</script>
      <input id="region" value="North"><span id="label"></span>
      <dash-callback inputs="region.value" outputs="label.children" fn="app.label"></dash-callback>
      <script type="module" src="/src/dash-callback.ts"></script>
      <script type="module">window.app = { label: (region) => 'Showing ' + region };</script>`;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    try {
      await loaded;
      const page = frame.contentWindow as Window & { errors: string[] };
      await waitUntil(() => page.document.querySelector('#label')!.textContent === 'Showing North', 'the initial call never happened');
      expect(page.errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('looks fn="ns.name" up when the callback runs: a name defined soon after wiring is found', async () => {
    const w = window as unknown as Record<string, unknown>;
    const errors: Event[] = [];
    const el = await fixture(html`<div @dash-callback-error=${(e: Event) => errors.push(e)}>
      <input id="region" value="North" /><span id="label"></span>
      <dash-callback inputs="region.value" outputs="label.children" fn="lateApp.label"></dash-callback>
    </div>`);
    await aTimeout(100);
    w.lateApp = { label: (region: string) => `Showing ${region}` };
    try {
      await waitUntil(() => el.querySelector('#label')!.textContent === 'Showing North');
      w.lateApp = { label: (region: string) => `Now ${region}` }; // replaced: the next call uses the new one
      type(el.querySelector('#region')!, 'South');
      await waitUntil(() => el.querySelector('#label')!.textContent === 'Now South');
      expect(errors).to.have.length(0);
    } finally {
      delete w.lateApp;
    }
  });

  it('counts button clicks as n_clicks and passes State without triggering on it', async () => {
    const calls: unknown[][] = [];
    const el = await fixture(html`<div>
      <input id="box" value="first" />
      <button id="submit">Submit</button>
      <p id="said"></p>
      <dash-callback inputs="submit.n_clicks" state="box.value" outputs="said.children" prevent-initial-call
        .fn=${(n: number, text: string) => (calls.push([n, text]), `You submitted: ${text} (${n})`)}></dash-callback>
    </div>`);
    await settled();
    type(el.querySelector('#box')!, 'second');
    await settled();
    expect(calls).to.deep.equal([]);
    el.querySelector<HTMLButtonElement>('#submit')!.click();
    await waitUntil(() => el.querySelector('#said')!.textContent === 'You submitted: second (1)');
    el.querySelector<HTMLButtonElement>('#submit')!.click();
    await waitUntil(() => el.querySelector('#said')!.textContent === 'You submitted: second (2)');
  });

  it('gives ctx.triggered, triggeredId, inputs and state', async () => {
    const seen: unknown[] = [];
    const el = await fixture(html`<div>
      <input id="a" value="1" /><input id="b" value="2" /><input id="s" value="S" />
      <dash-callback inputs="a.value, b.value" state="s.value" outputs="out.children"
        .fn=${(_a: string, _b: string, _s: string, ctx: unknown) => (seen.push(ctx), 'ok')}></dash-callback>
      <span id="out"></span>
    </div>`);
    await waitUntil(() => seen.length === 1);
    const first = seen[0] as Record<string, unknown>;
    expect(first.triggered).to.deep.equal([]);
    expect(first.triggeredId).to.equal(null);
    expect(first.inputs).to.deep.equal({ 'a.value': '1', 'b.value': '2' });
    expect(first.state).to.deep.equal({ 's.value': 'S' });
    type(el.querySelector('#b')!, '3');
    await waitUntil(() => seen.length === 2);
    const second = seen[1] as Record<string, unknown>;
    expect(second.triggered).to.deep.equal([{ id: 'b', prop: 'value', prop_id: 'b.value', value: '3' }]);
    expect(second.triggeredId).to.equal('b');
  });

  it('writes several outputs from an array and leaves NO_UPDATE ones alone', async () => {
    const el = await fixture(html`<div>
      <input id="in" value="v" />
      <span id="one">keep</span><span id="two"></span>
      <dash-callback inputs="in.value" outputs="one.children, two.children" .fn=${(v: string) => [NO_UPDATE, `two:${v}`]}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#two')!.textContent === 'two:v');
    expect(el.querySelector('#one')!.textContent).to.equal('keep');
  });

  it('PreventUpdate leaves outputs alone without an error', async () => {
    let errors = 0;
    const el = await fixture(html`<div @dash-callback-error=${() => errors++}>
      <input id="in" value="v" /><span id="out">before</span>
      <dash-callback inputs="in.value" outputs="out.children" .fn=${() => {
        throw new PreventUpdate();
      }}></dash-callback>
    </div>`);
    await settled();
    await settled();
    expect(el.querySelector('#out')!.textContent).to.equal('before');
    expect(errors).to.equal(0);
  });

  it('writes DOM properties: hidden, className, style', async () => {
    const el = await fixture(html`<div>
      <input id="in" value="on" />
      <p id="target">t</p>
      <dash-callback inputs="in.value" outputs="target.hidden, target.className, target.style"
        .fn=${(v: string) => [v === 'off', `state-${v}`, { color: 'red', marginTop: 4 }]}></dash-callback>
    </div>`);
    const target = el.querySelector<HTMLElement>('#target')!;
    await waitUntil(() => target.className === 'state-on');
    expect(target.hidden).to.equal(false);
    expect(target.style.color).to.equal('red');
    expect(target.style.marginTop).to.equal('4px');
    type(el.querySelector('#in')!, 'off');
    await waitUntil(() => target.hidden === true);
  });

  it('chains glitch-free: the join runs once per change, after both branches', async () => {
    const joins: string[] = [];
    const el = await fixture(html`<div>
      <input id="x" value="1" />
      <span id="y"></span><span id="z"></span><span id="j"></span>
      <dash-callback inputs="x.value" outputs="y.children" .fn=${async (x: string) => (await aTimeout(5), `y${x}`)}></dash-callback>
      <dash-callback inputs="x.value" outputs="z.children" .fn=${(x: string) => `z${x}`}></dash-callback>
      <dash-callback inputs="y.children, z.children" outputs="j.children" .fn=${(y: string, z: string) => (joins.push(`${y}+${z}`), `${y}+${z}`)}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#j')!.textContent === 'y1+z1');
    expect(joins).to.deep.equal(['y1+z1']);
    type(el.querySelector('#x')!, '2');
    await waitUntil(() => el.querySelector('#j')!.textContent === 'y2+z2');
    await aTimeout(20);
    expect(joins).to.deep.equal(['y1+z1', 'y2+z2']);
  });

  it('latest wins: a slow superseded call is aborted and never applied', async () => {
    const signals: AbortSignal[] = [];
    const el = await fixture(html`<div>
      <input id="q" value="" /><span id="out"></span>
      <dash-callback inputs="q.value" outputs="out.children" prevent-initial-call
        .fn=${async (q: string, ctx: { signal: AbortSignal }) => {
          signals.push(ctx.signal);
          await aTimeout(q === 'slow' ? 60 : 5);
          return `result ${q}`;
        }}></dash-callback>
    </div>`);
    await settled();
    type(el.querySelector('#q')!, 'slow');
    await settled();
    type(el.querySelector('#q')!, 'fast');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'result fast');
    await aTimeout(80);
    expect(el.querySelector('#out')!.textContent).to.equal('result fast');
    expect(signals[0].aborted).to.equal(true);
  });

  it('syncs two controls through one callback with the same props as inputs and outputs', async () => {
    let calls = 0;
    const el = await fixture(html`<div>
      <input id="num" type="number" value="5" />
      <test-control id="ctl" value="5"></test-control>
      <dash-callback inputs="num.value, ctl.value" outputs="num.value, ctl.value"
        .fn=${(n: number, c: number, ctx: { triggeredId: string | null }) => {
          calls++;
          const v = ctx.triggeredId === 'num' ? n : c;
          return [v, v];
        }}></dash-callback>
    </div>`);
    await waitUntil(() => calls === 1);
    const num = el.querySelector<HTMLInputElement>('#num')!;
    num.value = '8';
    num.dispatchEvent(new Event('input', { bubbles: true }));
    const ctl = el.querySelector<TestControl>('#ctl')!;
    await waitUntil(() => ctl.value === 8);
    await aTimeout(30);
    expect(calls).to.equal(2);
    expect(ctl.getAttribute('value')).to.equal('8');
  });

  it('reacts to dash elements set by outside code, but not to deep-equal values', async () => {
    const calls: unknown[] = [];
    const el = await fixture(html`<div>
      <test-control id="ctl"></test-control><span id="out"></span>
      <dash-callback inputs="ctl.value" outputs="out.children" prevent-initial-call .fn=${(v: unknown) => (calls.push(v), JSON.stringify(v))}></dash-callback>
    </div>`);
    await settled();
    const ctl = el.querySelector<TestControl>('#ctl')!;
    ctl.value = ['a', 'b'];
    await waitUntil(() => calls.length === 1);
    ctl.value = ['a', 'b'];
    await ctl.updateComplete;
    await aTimeout(10);
    expect(calls).to.deep.equal([['a', 'b']]);
    expect(el.querySelector('#out')!.textContent).to.equal('["a","b"]');
  });

  it('ctx.setProps updates other elements and triggers their callbacks', async () => {
    const el = await fixture(html`<div>
      <input id="in" value="go" /><input id="side" value="" /><span id="echo"></span><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children"
        .fn=${(v: string, ctx: { setProps: (id: string, p: Record<string, unknown>) => void }) => (ctx.setProps('side', { value: `side ${v}` }), v)}></dash-callback>
      <dash-callback inputs="side.value" outputs="echo.children" .fn=${(v: string) => `echo ${v}`}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#echo')!.textContent === 'echo side go');
  });

  it('debounce waits for quiet and calls once', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div>
      <input id="q" value="" /><span id="out"></span>
      <dash-callback inputs="q.value" outputs="out.children" debounce="40" prevent-initial-call .fn=${(q: string) => (calls.push(q), q)}></dash-callback>
    </div>`);
    await settled();
    const q = el.querySelector<HTMLInputElement>('#q')!;
    for (const text of ['d', 'da', 'das', 'dash']) type(q, text);
    await settled();
    expect(calls).to.deep.equal([]);
    await waitUntil(() => calls.length === 1);
    expect(calls).to.deep.equal(['dash']);
  });
});

describe('<dash-callback> loading and running', () => {
  it('marks the callback and outputs loading / aria-busy, and toggles running props', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const el = await fixture(html`<div>
      <button id="go">Go</button><span id="out"></span>
      <dash-callback inputs="go.n_clicks" outputs="out.children" running="go.disabled" prevent-initial-call
        .fn=${async (n: number) => (await gate, `done ${n}`)}></dash-callback>
    </div>`);
    await settled();
    const out = el.querySelector('#out')!;
    const button = el.querySelector<HTMLButtonElement>('#go')!;
    const started = oneEvent(el, 'dash-callback-start');
    button.click();
    await started;
    expect(out.hasAttribute('loading')).to.equal(true);
    expect(out.getAttribute('aria-busy')).to.equal('true');
    expect(cb(el).hasAttribute('loading')).to.equal(true);
    expect(button.disabled).to.equal(true);
    const ended = oneEvent(el, 'dash-callback-end');
    release();
    await ended;
    expect(out.textContent).to.equal('done 1');
    expect(out.hasAttribute('loading')).to.equal(false);
    expect(out.hasAttribute('aria-busy')).to.equal(false);
    expect(button.disabled).to.equal(false);
  });
});

describe('<dash-callback> removed mid-call', () => {
  it('clears loading and aria-busy from its outputs and never applies the result', async () => {
    let release!: (v: string) => void;
    const el = await fixture(html`<div>
      <input id="in" value="1" /><span id="out">before</span>
      <dash-callback inputs="in.value" outputs="out.children" .fn=${() => new Promise<string>((r) => (release = r))}></dash-callback>
    </div>`);
    const out = el.querySelector('#out')!;
    await waitUntil(() => out.hasAttribute('loading'));
    cb(el).remove();
    expect(out.hasAttribute('loading')).to.equal(false);
    expect(out.hasAttribute('aria-busy')).to.equal(false);
    release('late');
    await aTimeout(10);
    expect(out.textContent).to.equal('before');
  });

  it('re-wires once when its attributes change, making one new call', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div>
      <input id="a" value="A" /><input id="b" value="B" /><span id="out"></span>
      <dash-callback inputs="a.value" outputs="out.children" .fn=${(v: string) => (calls.push(v), v)}></dash-callback>
    </div>`);
    await waitUntil(() => calls.length === 1);
    cb(el).setAttribute('inputs', 'b.value');
    cb(el).setAttribute('prevent-initial-call', 'false');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'B');
    await aTimeout(10);
    expect(calls).to.deep.equal(['A', 'B']);
  });
});

describe('<dash-callback> errors', () => {
  it('a throwing callback fires dash-callback-error, logs, keeps outputs, and others keep working', async () => {
    const { errors } = await errorsDuring(async () => {
      const seen: CustomEvent[] = [];
      const el = await fixture(html`<div @dash-callback-error=${(e: CustomEvent) => seen.push(e)}>
        <input id="in" value="1" /><span id="bad">before</span><span id="good"></span>
        <dash-callback id="broken" inputs="in.value" outputs="bad.children" .fn=${() => {
          throw new Error('boom');
        }}></dash-callback>
        <dash-callback inputs="in.value" outputs="good.children" .fn=${(v: string) => `good ${v}`}></dash-callback>
      </div>`);
      await waitUntil(() => seen.length === 1);
      expect(seen[0].detail.error.message).to.equal('boom');
      expect(seen[0].detail.outputs).to.deep.equal(['bad.children']);
      await waitUntil(() => el.querySelector('#good')!.textContent === 'good 1');
      expect(el.querySelector('#bad')!.textContent).to.equal('before');
      type(el.querySelector('#in')!, '2');
      await waitUntil(() => el.querySelector('#good')!.textContent === 'good 2');
    });
    expect(errors.some((e) => e.includes('Callback error updating bad.children: boom'))).to.equal(true);
  });

  it('reports a malformed inputs list and an unresolvable fn by name', async () => {
    await errorsDuring(async () => {
      const el = await fixture(html`<div>
        <input id="in" value="1" /><span id="out"></span>
      </div>`);
      const malformed = oneEvent(el, 'dash-callback-error');
      el.insertAdjacentHTML('beforeend', '<dash-callback inputs="in" outputs="out.children"></dash-callback>');
      expect((await malformed).detail.error.message).to.contain('"in" is not of the form ID.PROP');
      const missingFn = oneEvent(el, 'dash-callback-error');
      el.insertAdjacentHTML('beforeend', '<dash-callback inputs="in.value" outputs="out.children" fn="nope.missing"></dash-callback>');
      expect((await missingFn).detail.error.message).to.contain('fn="nope.missing" does not name a function');
    });
  });

  it('rejects malformed lists with the same messages as dash-elements/server (one table of cases)', async () => {
    const el = await fixture(html`<div><input id="a" value="1" /><span id="out"></span></div>`);
    for (const { inputs, expect: expected } of dependencyCases) {
      if (Array.isArray(expected)) continue;
      const { result: message } = await errorsDuring(async () => {
        const error = oneEvent(el, 'dash-callback-error');
        const callback = document.createElement('dash-callback');
        callback.setAttribute('inputs', inputs);
        callback.setAttribute('outputs', 'out.children');
        callback.setAttribute('fn', 'String');
        el.append(callback);
        const { detail } = await error;
        callback.remove();
        return detail.error.message;
      });
      expect(message, inputs).to.equal(expected.error);
    }
  });

  it("writes an output named with Dash's @hash suffix to the property itself", async () => {
    const el = await fixture(html`<div>
      <input id="a" value="x" /><span id="out"></span>
      <dash-callback inputs="a.value" outputs="out.children@dup1" fn="String"></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#out')!.textContent === 'x');
    type(el.querySelector('#a')!, 'y');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'y');
  });

  it('rejects a wrong number of output values', async () => {
    await errorsDuring(async () => {
      const seen: CustomEvent[] = [];
      const el = await fixture(html`<div @dash-callback-error=${(e: CustomEvent) => seen.push(e)}>
        <input id="in" value="1" /><span id="a">a</span><span id="b">b</span>
        <dash-callback inputs="in.value" outputs="a.children, b.children" .fn=${() => 'just one'}></dash-callback>
      </div>`);
      await waitUntil(() => seen.length === 1);
      expect(seen[0].detail.error.message).to.contain('expected an array of 2 values');
      expect(el.querySelector('#a')!.textContent).to.equal('a');
    });
  });

  it('reports a cycle naming it and does not run its callbacks', async () => {
    let ran = 0;
    await errorsDuring(async () => {
      const el = await fixture(html`<div><input id="x" value="1" /><input id="y" value="2" /></div>`);
      const error = oneEvent(el, 'dash-callback-error');
      el.insertAdjacentHTML('beforeend', '<dash-callback inputs="x.value" outputs="y.value"></dash-callback><dash-callback inputs="y.value" outputs="x.value"></dash-callback>');
      el.querySelectorAll('dash-callback').forEach((c) => ((c as DashCallback).fn = () => ran++));
      const { detail } = await error;
      expect(detail.error.message).to.match(/Circular dependency: (x\.value → y\.value → x\.value|y\.value → x\.value → y\.value)/);
    });
    await settled();
    expect(ran).to.equal(0);
  });
});

describe('<dash-callback> scopes and dynamic elements', () => {
  it('resolves ids inside each <dash-app>, so apps may reuse ids', async () => {
    const el = await fixture(html`<div>
      <dash-app id="one"><input id="in" value="first" /><span id="out"></span>
        <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => `1:${v}`}></dash-callback></dash-app>
      <dash-app id="two"><input id="in" value="second" /><span id="out"></span>
        <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => `2:${v}`}></dash-callback></dash-app>
    </div>`);
    await waitUntil(() => el.querySelector('#two #out')!.textContent === '2:second');
    expect(el.querySelector('#one #out')!.textContent).to.equal('1:first');
    type(el.querySelector('#two #in')!, 'changed');
    await waitUntil(() => el.querySelector('#two #out')!.textContent === '2:changed');
    expect(el.querySelector('#one #out')!.textContent).to.equal('1:first');
  });

  it('a callback moved from one <dash-app> to another, and back, works in the app it is in and no longer in the other', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div>
      <dash-app id="one"><input id="in" value="first" /><span id="out"></span>
        <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => (calls.push(v), v)}></dash-callback></dash-app>
      <dash-app id="two"><input id="in" value="second" /><span id="out"></span></dash-app>
    </div>`);
    const [one, two] = ['#one', '#two'].map((app) => ({ input: el.querySelector<HTMLInputElement>(`${app} #in`)!, out: el.querySelector(`${app} #out`)! }));
    await waitUntil(() => one.out.textContent === 'first');
    el.querySelector('#two')!.append(cb(el));
    await waitUntil(() => two.out.textContent === 'second');
    type(one.input, 'typed in one');
    type(two.input, 'typed in two');
    expect(two.out.textContent).to.equal('typed in two');
    el.querySelector('#one')!.append(cb(el));
    await waitUntil(() => one.out.textContent === 'typed in one');
    type(two.input, 'typed in two again');
    type(one.input, 'one again');
    expect(one.out.textContent).to.equal('one again');
    expect(two.out.textContent).to.equal('typed in two');
    expect(calls).to.deep.equal(['first', 'second', 'typed in two', 'typed in one', 'one again']);
  });

  it('works inside a shadow root', async () => {
    const host = await fixture(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="in" value="shadow"><span id="out"></span><dash-callback inputs="in.value" outputs="out.children"></dash-callback>';
    cb(shadow).fn = (v: string) => `in ${v}`;
    await waitUntil(() => shadow.getElementById('out')!.textContent === 'in shadow');
  });

  it('waits for a missing input element, then wires it and makes the initial call', async () => {
    const el = await fixture(html`<div>
      <span id="out">none</span>
      <dash-callback inputs="late.value" outputs="out.children" .fn=${(v: string) => `late ${v}`}></dash-callback>
    </div>`);
    await aTimeout(10);
    expect(el.querySelector('#out')!.textContent).to.equal('none');
    el.insertAdjacentHTML('afterbegin', '<input id="late" value="arrived">');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'late arrived');
  });

  it('reports an id that is not in the page once, and still wires it when it appears', async () => {
    const seen: CustomEvent[] = [];
    await errorsDuring(async () => {
      const el = await fixture(html`<div @dash-callback-error=${(e: CustomEvent) => seen.push(e)}>
        <span id="out"></span>
        <dash-callback inputs="nowhere.value" outputs="out.children" .fn=${(v: string) => `got ${v}`}></dash-callback>
      </div>`);
      await waitUntil(() => seen.length === 1);
      expect(seen[0].detail.error.message).to.contain('no element with id "nowhere"');
      expect(seen[0].detail.outputs).to.deep.equal(['out.children']);
      el.insertAdjacentHTML('afterbegin', '<input id="nowhere" value="here">');
      await waitUntil(() => el.querySelector('#out')!.textContent === 'got here');
      expect(seen).to.have.length(1);
    });
  });

  it('unwires removed elements and callbacks (their listeners are gone)', async () => {
    let calls = 0;
    const el = await fixture(html`<div>
      <input id="in" value="a" /><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => (calls++, v)}></dash-callback>
    </div>`);
    await waitUntil(() => calls === 1);
    const input = el.querySelector<HTMLInputElement>('#in')!;
    input.remove();
    await settled();
    type(input, 'detached');
    await aTimeout(10);
    expect(calls).to.equal(1);
    el.prepend(input);
    await waitUntil(() => calls === 2);
    expect(el.querySelector('#out')!.textContent).to.equal('detached');
    cb(el).remove();
    await settled();
    type(input, 'after callback removed');
    await aTimeout(10);
    expect(calls).to.equal(2);
  });
});

describe('<dash-callback endpoint>', () => {
  const realFetch = window.fetch;
  let requests: Array<{ url: string; init: RequestInit; body: Record<string, unknown> }>;
  let answer: (body: Record<string, unknown>, signal: AbortSignal) => Promise<Response>;
  beforeEach(() => {
    requests = [];
    window.fetch = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      requests.push({ url, init, body });
      return answer(body, init.signal!);
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
    document.cookie = '_csrf_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
  const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json' } });

  it("POSTs Dash's wire format with the CSRF header and applies the answer", async () => {
    document.cookie = '_csrf_token=tok123';
    answer = async (body) => json({ multi: true, response: { label: { children: `got ${(body.inputs as Array<{ value: string }>)[0].value}` } } });
    const el = await fixture(html`<div>
      <input id="region" value="North" /><span id="label"></span>
      <dash-callback inputs="region.value" outputs="label.children" endpoint="/_dash-update-component"></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#label')!.textContent === 'got North');
    const [first] = requests;
    expect(first.url).to.equal('/_dash-update-component');
    expect(first.body).to.deep.equal({
      output: 'label.children',
      outputs: { id: 'label', property: 'children' },
      inputs: [{ id: 'region', property: 'value', value: 'North' }],
      changedPropIds: [],
    });
    const headers = new Headers(first.init.headers);
    expect(headers.get('Content-Type')).to.equal('application/json');
    expect(headers.get('X-CSRFToken')).to.equal('tok123');
    expect(first.init.credentials).to.equal('same-origin');
    type(el.querySelector('#region')!, 'South');
    await waitUntil(() => el.querySelector('#label')!.textContent === 'got South');
    expect(requests[1].body.changedPropIds).to.deep.equal(['region.value']);
  });

  it('sends several outputs as Dash does and keeps the page spelling of props', async () => {
    answer = async () => json({ multi: true, response: { a: { children: 'A' } } });
    const el = await fixture(html`<div>
      <button id="btn">b</button><input id="s" value="st" /><span id="a"></span><span id="b">B0</span>
      <dash-callback inputs="btn.n_clicks" state="s.value" outputs="a.children, b.children" endpoint="/cb"></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#a')!.textContent === 'A');
    expect(el.querySelector('#b')!.textContent).to.equal('B0');
    expect(requests[0].body).to.deep.equal({
      output: '..a.children...b.children..',
      outputs: [
        { id: 'a', property: 'children' },
        { id: 'b', property: 'children' },
      ],
      inputs: [{ id: 'btn', property: 'n_clicks', value: 0 }],
      state: [{ id: 's', property: 'value', value: 'st' }],
      changedPropIds: [],
    });
  });

  it('204 leaves outputs alone; a server error fires dash-callback-error and keeps outputs', async () => {
    answer = async () => new Response(null, { status: 204 });
    const el = await fixture(html`<div>
      <input id="in" value="1" /><span id="out">kept</span>
      <dash-callback inputs="in.value" outputs="out.children" endpoint="/cb"></dash-callback>
    </div>`);
    await waitUntil(() => requests.length === 1);
    await settled();
    expect(el.querySelector('#out')!.textContent).to.equal('kept');
    answer = async () => json({ error: 'database down' }, 500);
    await errorsDuring(async () => {
      const error = oneEvent(el, 'dash-callback-error');
      type(el.querySelector('#in')!, '2');
      const { detail } = await error;
      expect(detail.error.message).to.contain('500').and.contain('database down');
    });
    expect(el.querySelector('#out')!.textContent).to.equal('kept');
  });

  it('aborts a superseded request and applies only the newest answer', async () => {
    answer = (body, signal) =>
      new Promise((resolve, reject) => {
        const value = (body.inputs as Array<{ value: string }>)[0].value;
        signal.addEventListener('abort', () => reject(signal.reason));
        setTimeout(() => resolve(json({ multi: true, response: { out: { children: value } } })), value === 'slow' ? 50 : 5);
      });
    const el = await fixture(html`<div>
      <input id="in" value="" /><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children" endpoint="/cb" prevent-initial-call></dash-callback>
    </div>`);
    await settled();
    type(el.querySelector('#in')!, 'slow');
    await waitUntil(() => requests.length === 1);
    type(el.querySelector('#in')!, 'fast');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'fast');
    expect(requests[0].init.signal!.aborted).to.equal(true);
    await aTimeout(70);
    expect(el.querySelector('#out')!.textContent).to.equal('fast');
  });

  it('fails a request that outlives the timeout, and keeps the outputs', async () => {
    answer = (_body, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    await errorsDuring(async () => {
      const seen: CustomEvent[] = [];
      const el = await fixture(html`<div @dash-callback-error=${(e: CustomEvent) => seen.push(e)}>
        <input id="in" value="1" /><span id="out">kept</span>
        <dash-callback inputs="in.value" outputs="out.children" endpoint="/slow" timeout="30"></dash-callback>
      </div>`);
      await waitUntil(() => seen.length === 1);
      expect(seen[0].detail.error.message).to.contain('no answer within 30 ms');
      expect(el.querySelector('#out')!.textContent).to.equal('kept');
    });
  });

  it('dash-callback-request can change the request or skip it', async () => {
    answer = async () => json({ multi: true, response: { out: { children: 'answered' } } });
    const el = await fixture(html`<div>
      <input id="in" value="1" /><span id="out">start</span>
      <dash-callback inputs="in.value" outputs="out.children" endpoint="/cb" prevent-initial-call></dash-callback>
    </div>`);
    await settled();
    const edit = (e: CustomEvent) => {
      e.detail.url = '/edited';
      e.detail.headers.set('Authorization', 'Bearer t');
    };
    el.addEventListener('dash-callback-request', edit as EventListener);
    type(el.querySelector('#in')!, '2');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'answered');
    expect(requests[0].url).to.equal('/edited');
    expect(new Headers(requests[0].init.headers).get('Authorization')).to.equal('Bearer t');
    el.removeEventListener('dash-callback-request', edit as EventListener);
    el.addEventListener('dash-callback-request', (e) => e.preventDefault());
    el.querySelector('#out')!.textContent = 'untouched';
    type(el.querySelector('#in')!, '3');
    await aTimeout(20);
    expect(requests.length).to.equal(1);
    expect(el.querySelector('#out')!.textContent).to.equal('untouched');
  });
});

// Callbacks connected together are wired in one batch a microtask later (docs/callbacks.md, "Wiring and scale").
describe('<dash-callback> hears its inputs at the scope root', () => {
  it('a person typing into the input (real keys) runs the callback, in the page and in a shadow root', async () => {
    const el = await fixture(html`<div>
      <input id="name" value="" /><span id="out"></span>
      <dash-callback inputs="name.value" outputs="out.children" .fn=${(v: string) => `[${v}]`}></dash-callback>
    </div>`);
    const host = el.appendChild(document.createElement('div'));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="name" value=""><span id="out"></span><dash-callback inputs="name.value" outputs="out.children"></dash-callback>';
    cb(shadow).fn = (v: string) => `shadow [${v}]`;
    await waitUntil(() => shadow.getElementById('out')!.textContent === 'shadow []');
    el.querySelector<HTMLInputElement>('#name')!.focus();
    await sendKeys({ type: 'ab' });
    expect(el.querySelector('#out')!.textContent).to.equal('[ab]');
    shadow.querySelector<HTMLInputElement>('#name')!.focus();
    await sendKeys({ type: 'cd' });
    expect(shadow.getElementById('out')!.textContent).to.equal('shadow [cd]');
    expect(el.querySelector('#out')!.textContent).to.equal('[ab]');
  });

  it('a callback in a shadow root nested in another shadow root hears its input', async () => {
    const outer = (await fixture(html`<div></div>`)).attachShadow({ mode: 'open' });
    const inner = outer.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
    inner.innerHTML = '<select id="pick"><option>a</option><option>b</option></select><span id="out"></span><dash-callback inputs="pick.value" outputs="out.children"></dash-callback>';
    cb(inner).fn = (v: string) => `picked ${v}`;
    await waitUntil(() => inner.getElementById('out')!.textContent === 'picked a');
    const select = inner.getElementById('pick') as HTMLSelectElement;
    select.value = 'b';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(inner.getElementById('out')!.textContent).to.equal('picked b');
  });

  it('an input replaced after wiring: the new element runs the callback, the old one no longer does', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div>
      <input id="in" value="old" /><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => (calls.push(v), v)}></dash-callback>
    </div>`);
    await waitUntil(() => calls.length === 1);
    const old = el.querySelector<HTMLInputElement>('#in')!;
    const replacement = Object.assign(document.createElement('input'), { id: 'in', value: 'new' });
    old.replaceWith(replacement);
    await waitUntil(() => el.querySelector('#out')!.textContent === 'new');
    el.append(old); // back in the page, but no longer the element with that id the callback reads
    old.id = 'was-in';
    await settled();
    type(old, 'typed into the old one');
    type(replacement, 'typed into the new one');
    type(replacement, 'typed into the new one again');
    expect(calls).to.deep.equal(['old', 'new', 'typed into the new one', 'typed into the new one again']);
  });

  it('an input event that does not bubble, or that a listener stops, still runs the callback', async () => {
    const el = await fixture(html`<div>
      <input id="in" value="a" /><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children" .fn=${(v: string) => v}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#out')!.textContent === 'a');
    const input = el.querySelector<HTMLInputElement>('#in')!;
    input.value = 'no bubbles';
    input.dispatchEvent(new Event('input'));
    expect(el.querySelector('#out')!.textContent).to.equal('no bubbles');
    input.addEventListener('input', (event) => event.stopPropagation());
    el.addEventListener('change', (event) => event.stopPropagation());
    type(input, 'stopped');
    expect(el.querySelector('#out')!.textContent).to.equal('stopped');
    input.value = 'changed';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(el.querySelector('#out')!.textContent).to.equal('changed');
  });

  it("a dash element's change is its own: the same prop announced from inside its shadow root is not taken for it", async () => {
    const calls: unknown[] = [];
    const el = await fixture(html`<div>
      <test-control id="outer" value="1"></test-control><span id="out"></span>
      <dash-callback inputs="outer.value" outputs="out.children" .fn=${(v: unknown) => (calls.push(v), String(v))}></dash-callback>
    </div>`);
    await waitUntil(() => calls.length === 1);
    const outer = el.querySelector<TestControl>('#outer')!;
    const nested = outer.shadowRoot!.appendChild(document.createElement('test-control')) as TestControl;
    nested.id = 'outer';
    nested.dispatchEvent(new CustomEvent('dash-prop-change', { bubbles: true, composed: true, detail: { prop: 'value', value: 'nested', user: true } }));
    outer.dispatchEvent(new CustomEvent('dash-prop-change', { bubbles: true, composed: true, detail: { prop: 'label', value: 'other prop', user: true } }));
    expect(calls).to.deep.equal([1]);
    outer.value = 2; // as the element does when a person changes it
    outer.dispatchEvent(new CustomEvent('dash-prop-change', { bubbles: true, composed: true, detail: { prop: 'value', value: 2, user: true } }));
    expect(calls).to.deep.equal([1, 2]);
    expect(el.querySelector('#out')!.textContent).to.equal('2');
    // As docs/callbacks.md's own element does: an event that neither bubbles nor leaves a shadow root.
    outer.value = 3;
    outer.dispatchEvent(new CustomEvent('dash-prop-change', { detail: { prop: 'value', value: 3, user: false } }));
    expect(calls).to.deep.equal([1, 2, 3]);
  });

  it('two callbacks reading one input both run once per edit; removing one leaves the other', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div>
      <input id="in" value="a" /><span id="x"></span><span id="y"></span>
      <dash-callback id="cx" inputs="in.value" outputs="x.children" .fn=${(v: string) => (calls.push(`x ${v}`), v)}></dash-callback>
      <dash-callback id="cy" inputs="in.value" outputs="y.children" .fn=${(v: string) => (calls.push(`y ${v}`), v)}></dash-callback>
    </div>`);
    await waitUntil(() => calls.length === 2);
    type(el.querySelector<HTMLInputElement>('#in')!, 'b');
    cb(el, '#cx').remove();
    await settled();
    type(el.querySelector<HTMLInputElement>('#in')!, 'c');
    expect(calls).to.deep.equal(['x a', 'y a', 'x b', 'y b', 'y c']);
  });
});

describe('<dash-callback> wiring many at once', () => {
  const fragmentOf = (markup: string) => document.createRange().createContextualFragment(markup);

  it('a fragment of callbacks and outputs, fn set once inserted: each runs once, a chain in order', async () => {
    const el = await fixture(html`<div></div>`);
    const calls: string[] = [];
    // The chain's second link comes first in the page.
    el.append(
      fragmentOf(`<dash-callback id="second" inputs="mid.children" outputs="out.children"></dash-callback>
        <input id="in" value="x"><span id="mid"></span><span id="out"></span>
        <dash-callback id="first" inputs="in.value" outputs="mid.children"></dash-callback>`),
    );
    cb(el, '#first').fn = (v: string) => (calls.push(`first ${v}`), `${v}1`);
    cb(el, '#second').fn = (v: string) => (calls.push(`second ${v}`), `${v}2`);
    await waitUntil(() => el.querySelector('#out')!.textContent === 'x12');
    await aTimeout(10);
    expect(calls).to.deep.equal(['first x', 'second x1']);
    type(el.querySelector<HTMLInputElement>('#in')!, 'y');
    expect(el.querySelector('#out')!.textContent).to.equal('y12');
    expect(calls).to.deep.equal(['first x', 'second x1', 'first y', 'second y1']);
  });

  it('a callback removed in the task that inserted it never runs, nor reports its missing ids', async () => {
    let ran = 0;
    const { errors } = await errorsDuring(async () => {
      const el = await fixture(html`<div><input id="in" value="a" /></div>`);
      el.append(fragmentOf('<dash-callback inputs="in.value" outputs="nowhere.children"></dash-callback>'));
      cb(el).fn = () => ran++;
      cb(el).remove();
      await aTimeout(50);
    });
    expect(ran).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('inputs changed in the task that inserted it: one initial call, with the new inputs', async () => {
    const calls: string[] = [];
    const el = await fixture(html`<div><input id="a" value="A" /><input id="b" value="B" /><span id="out"></span></div>`);
    el.append(fragmentOf('<dash-callback inputs="a.value" outputs="out.children"></dash-callback>'));
    cb(el).fn = (v: string) => (calls.push(v), v);
    cb(el).setAttribute('inputs', 'b.value');
    await waitUntil(() => el.querySelector('#out')!.textContent === 'B');
    await aTimeout(10);
    expect(calls).to.deep.equal(['B']);
  });

  it('two <dash-app>s inserted in one fragment: each callback finds the ids of its own app', async () => {
    const el = await fixture(html`<div></div>`);
    const app = (name: string) =>
      `<dash-app id="${name}"><input id="in" value="${name}"><span id="out"></span><dash-callback inputs="in.value" outputs="out.children"></dash-callback></dash-app>`;
    el.append(fragmentOf(app('north') + app('south')));
    for (const callback of el.querySelectorAll<DashCallback>('dash-callback')) callback.fn = (v: string) => `${v}!`;
    const out = (name: string) => el.querySelector(`#${name} #out`)!.textContent;
    await waitUntil(() => out('north') === 'north!' && out('south') === 'south!');
    type(el.querySelector<HTMLInputElement>('#south #in')!, 'S');
    expect([out('north'), out('south')]).to.deep.equal(['north!', 'S!']);
    type(el.querySelector<HTMLInputElement>('#north #in')!, 'N');
    expect([out('north'), out('south')]).to.deep.equal(['N!', 'S!']);
  });

  it('an output shared by two callbacks inserted together: each write applies, the initial ones in page order', async () => {
    const el = await fixture(html`<div></div>`);
    el.append(
      fragmentOf(`<input id="a" value="A"><input id="b" value="B"><span id="out"></span>
        <dash-callback id="from-a" inputs="a.value" outputs="out.children"></dash-callback>
        <dash-callback id="from-b" inputs="b.value" outputs="out.children"></dash-callback>`),
    );
    const calls: string[] = [];
    cb(el, '#from-a').fn = (v: string) => (calls.push(v), `a: ${v}`);
    cb(el, '#from-b').fn = (v: string) => (calls.push(v), `b: ${v}`);
    await waitUntil(() => calls.length === 2);
    const out = () => el.querySelector('#out')!.textContent;
    expect(out()).to.equal('b: B');
    type(el.querySelector<HTMLInputElement>('#a')!, 'A2');
    expect(out()).to.equal('a: A2');
    type(el.querySelector<HTMLInputElement>('#b')!, 'B2');
    expect(out()).to.equal('b: B2');
    type(el.querySelector<HTMLInputElement>('#a')!, 'A3');
    expect(out()).to.equal('a: A3');
  });

  it('initial calls that change the page: a removed input unwires its reader, an added or renamed one wires the callbacks waiting for it', async () => {
    const el = await fixture(html`<div></div>`);
    el.append(
      fragmentOf(`<input id="a" value="A"><input id="b" value="B"><input id="x" value="X">
        <span id="out-a"></span><span id="out-b"></span><span id="out-late"></span><span id="out-y"></span>
        <dash-callback id="changes-page" inputs="a.value" outputs="out-a.children"></dash-callback>
        <dash-callback id="reads-b" inputs="b.value" outputs="out-b.children"></dash-callback>
        <dash-callback id="reads-late" inputs="late.value" outputs="out-late.children"></dash-callback>
        <dash-callback id="reads-y" inputs="y.value" outputs="out-y.children"></dash-callback>`),
    );
    const calls: string[] = [];
    cb(el, '#changes-page').fn = (v: string) => {
      el.querySelector('#b')!.remove();
      el.append(Object.assign(document.createElement('input'), { id: 'late', value: 'L' }));
      el.querySelector('#x')!.id = 'y';
      return v;
    };
    cb(el, '#reads-b').fn = (v: string) => (calls.push(`b ${v}`), v);
    cb(el, '#reads-late').fn = (v: string) => (calls.push(`late ${v}`), v);
    cb(el, '#reads-y').fn = (v: string) => (calls.push(`y ${v}`), v);
    const text = (id: string) => el.querySelector(`#${id}`)!.textContent;
    await waitUntil(() => text('out-late') === 'L' && text('out-y') === 'X');
    // The input it read is gone: an input with its id is a new element, which gets an initial call.
    el.append(Object.assign(document.createElement('input'), { id: 'b', value: 'B2' }));
    await waitUntil(() => text('out-b') === 'B2');
    type(el.querySelector<HTMLInputElement>('#late')!, 'L2');
    type(el.querySelector<HTMLInputElement>('#y')!, 'Y2');
    expect([text('out-late'), text('out-y')]).to.deep.equal(['L2', 'Y2']);
    expect(calls.filter((call) => call.startsWith('b '))).to.deep.equal(['b B', 'b B2']);
  });

  it('a callback moved in the task that inserted it is wired once, where it is', async () => {
    const el = await fixture(html`<div><input id="in" value="v" /><span id="out"></span><section></section></div>`);
    el.append(fragmentOf('<dash-callback inputs="in.value" outputs="out.children"></dash-callback>'));
    let calls = 0;
    cb(el).fn = (v: string) => (calls++, v);
    el.querySelector('section')!.append(cb(el));
    await waitUntil(() => el.querySelector('#out')!.textContent === 'v');
    await aTimeout(10);
    expect(calls).to.equal(1);
    type(el.querySelector<HTMLInputElement>('#in')!, 'w');
    expect([calls, el.querySelector('#out')!.textContent]).to.deep.equal([2, 'w']);
  });

  it('a cycle closed by a later insertion is reported; removing one of its callbacks wires the other anew', async () => {
    const calls: string[] = [];
    await errorsDuring(async () => {
      const el = await fixture(html`<div><input id="x" value="1" /><input id="y" value="2" /></div>`);
      el.append(fragmentOf('<dash-callback id="xy" inputs="x.value" outputs="y.value"></dash-callback>'));
      cb(el, '#xy').fn = (v: string) => (calls.push(`xy ${v}`), v);
      await waitUntil(() => calls.length === 1);
      const error = oneEvent(el, 'dash-callback-error');
      el.append(fragmentOf('<dash-callback id="yx" inputs="y.value" outputs="x.value"></dash-callback>'));
      cb(el, '#yx').fn = (v: string) => (calls.push(`yx ${v}`), v);
      expect((await error).detail.error.message).to.match(/^Circular dependency: /);
      await settled();
      cb(el, '#yx').remove();
      await settled();
      type(el.querySelector<HTMLInputElement>('#x')!, '5');
      expect(el.querySelector<HTMLInputElement>('#y')!.value).to.equal('5');
    });
    // Out of the cycle, xy is wired again: a new initial call, then the change.
    expect(calls).to.deep.equal(['xy 1', 'xy 1', 'xy 5']);
  });
});
