import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../dash-callback.js';
import type { DashCallbackErrorDetail } from '../../components/callback/callback.js';
import { errorsDuring } from '../../../test/browser/helpers.js';

type Flags = { __ran?: number };
const flags = window as unknown as Flags;

/** Runs `fn` with console.error collected instead of printed. */

/** Renders a page with callbacks; resolves with the first dash-callback-error it reports. */
async function firstError(template: TemplateResult): Promise<{ el: HTMLElement; error: Error; logged: string[] }> {
  const { result, errors: logged } = await errorsDuring(async () => {
    const errored = oneEvent(document, 'dash-callback-error') as Promise<CustomEvent<DashCallbackErrorDetail>>;
    const el = await fixture<HTMLElement>(html`<div>${template}</div>`);
    const { error } = (await errored).detail;
    await aTimeout(20); // anything a refused write would have run has had its chance
    return { el, error };
  });
  return { ...result, logged };
}

const payload = '<img src=x onerror="window.__ran = 1">';

describe('writes from callbacks refuse what parses markup or runs code', () => {
  beforeEach(() => delete flags.__ran);

  it('refuses an output of innerHTML and names children as the alternative', async () => {
    const { el, error, logged } = await firstError(html`
      <input id="in" value="x" /><div id="victim">kept</div>
      <dash-callback inputs="in.value" outputs="victim.innerHTML" .fn=${() => payload}></dash-callback>
    `);
    expect(error.message).to.include('innerHTML').and.include('"children"');
    expect(logged.some((line) => line.includes('Callback error updating victim.innerHTML'))).to.be.true;
    expect(el.querySelector('#victim')!.innerHTML).to.equal('kept');
    expect(flags.__ran).to.equal(undefined);
  });

  it('refuses outerHTML, srcdoc, on* handlers and javascript: URLs as outputs', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['victim.outerHTML', payload, 'children'],
      ['victim.inner_html', payload, 'children'],
      ['frame.srcdoc', `<script>window.__ran = 1</script>`, 'children'],
      ['victim.onclick', 'window.__ran = 1', 'n_clicks'],
      ['link.href', 'javascript:window.__ran=1', 'javascript:'],
      ['link.href', ' \tJaVa\nScRiPt:window.__ran=1', 'javascript:'],
      ['frame.src', 'javascript:window.__ran=1', 'javascript:'],
      ['form.action', 'javascript:window.__ran=1', 'javascript:'],
      ['submit.formAction', 'javascript:window.__ran=1', 'javascript:'],
      ['script.children', 'window.__ran = 1', '<script>'],
    ];
    for (const [output, value, hint] of cases) {
      const { el, error } = await firstError(html`
        <input id="in" value="x" /><div id="victim">kept</div><a id="link" href="/safe">link</a>
        <iframe id="frame" title="frame"></iframe><form id="form"><button id="submit">go</button></form><script id="script"></script>
        <dash-callback inputs="in.value" outputs=${output} .fn=${() => value}></dash-callback>
      `);
      expect(error.message, output).to.include(hint);
      expect(el.querySelector('#victim')!.outerHTML, output).to.equal('<div id="victim">kept</div>');
      expect(el.querySelector('#link')!.getAttribute('href'), output).to.equal('/safe');
      el.querySelector<HTMLElement>('#victim')!.click();
      await aTimeout(20);
      expect(flags.__ran, output).to.equal(undefined);
      el.remove(); // the next case reuses the ids
    }
  });

  it('refuses them through ctx.setProps, writing none of the props given with them', async () => {
    const { el, error } = await firstError(html`
      <input id="in" value="x" /><div id="victim" title="before">kept</div><span id="out"></span>
      <dash-callback inputs="in.value" outputs="out.children"
        .fn=${(_: string, ctx: { setProps(id: string, props: Record<string, unknown>): void }) => {
          ctx.setProps('victim', { title: 'after', innerHTML: payload });
          return 'written';
        }}></dash-callback>
    `);
    expect(error.message).to.include('innerHTML').and.include('"children"');
    expect(el.querySelector('#victim')!.innerHTML).to.equal('kept');
    expect(el.querySelector('#victim')!.getAttribute('title')).to.equal('before');
    expect(el.querySelector('#out')!.textContent, 'the failed call writes no output').to.equal('');
    expect(flags.__ran).to.equal(undefined);
  });

  it('keeps allowing safe URLs, text and plain properties', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <input id="in" value="docs" /><a id="link" href="/">link</a><span id="out"></span>
      <dash-callback inputs="in.value" outputs="link.href, out.children, out.title"
        .fn=${(v: string) => [`/${v}?javascript:no`, payload, 'on']}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#out')!.textContent === payload);
    expect(el.querySelector('#link')!.getAttribute('href')).to.equal('/docs?javascript:no');
    expect(el.querySelector('#out img')).to.equal(null);
    expect(el.querySelector('#out')!.getAttribute('title')).to.equal('on');
  });

  describe('from an endpoint', () => {
    const realFetch = window.fetch;
    afterEach(() => (window.fetch = realFetch));
    const answerWith = (body: unknown) =>
      (window.fetch = (async () => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })) as typeof fetch);

    it('refuses a sideUpdate of innerHTML and writes nothing of the answer', async () => {
      answerWith({ multi: true, response: { out: { children: 'applied' } }, sideUpdate: { other: { title: 'written' }, victim: { innerHTML: payload } } });
      const { el, error } = await firstError(html`
        <input id="in" value="x" /><div id="victim">kept</div><span id="out">before</span><span id="other" title="before"></span>
        <dash-callback inputs="in.value" outputs="out.children" endpoint="/cb"></dash-callback>
      `);
      expect(error.message).to.include('innerHTML').and.include('"children"');
      expect(el.querySelector('#victim')!.innerHTML).to.equal('kept');
      expect(el.querySelector('#out')!.textContent).to.equal('before');
      expect(el.querySelector('#other')!.getAttribute('title')).to.equal('before');
      expect(flags.__ran).to.equal(undefined);
    });

    it('refuses an answer that writes a javascript: href', async () => {
      answerWith({ multi: true, response: { link: { href: 'javascript:window.__ran=1' } } });
      const { el, error } = await firstError(html`
        <input id="in" value="x" /><a id="link" href="/safe">link</a>
        <dash-callback inputs="in.value" outputs="link.href" endpoint="/cb"></dash-callback>
      `);
      expect(error.message).to.include('javascript:');
      expect(el.querySelector('#link')!.getAttribute('href')).to.equal('/safe');
    });

    it('refuses a sideUpdate that sets an on* handler', async () => {
      answerWith({ multi: true, response: { out: { children: 'x' } }, sideUpdate: { link: { onmouseover: 'window.__ran=1' } } });
      const { el, error } = await firstError(html`
        <input id="in" value="x" /><a id="link" href="/safe">link</a><span id="out"></span>
        <dash-callback inputs="in.value" outputs="out.children" endpoint="/cb"></dash-callback>
      `);
      expect(error.message).to.include('onmouseover').and.include('n_clicks');
      expect(el.querySelector<HTMLAnchorElement>('#link')!.onmouseover).to.equal(null);
    });
  });
});

describe("a file input's files as a callback input", () => {
  /** Chooses files as a person would: a new FileList on the input, then input and change. */
  function choose(input: HTMLInputElement, ...names: string[]): void {
    const transfer = new DataTransfer();
    for (const name of names) transfer.items.add(new File([`${name} contents`], name, { type: 'text/csv' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('runs the callback on every new choice, once per choice', async () => {
    const calls: string[] = [];
    const el = await fixture<HTMLElement>(html`<div>
      <input id="upload" type="file" multiple /><span id="chosen"></span>
      <dash-callback inputs="upload.files" outputs="chosen.children" prevent-initial-call
        .fn=${(files: FileList) => {
          const names = [...files].map((f) => f.name).join(', ');
          calls.push(names);
          return names;
        }}></dash-callback>
    </div>`);
    const input = el.querySelector<HTMLInputElement>('#upload')!;
    const chosen = el.querySelector('#chosen')!;
    choose(input, 'a.csv');
    await waitUntil(() => chosen.textContent === 'a.csv');
    choose(input, 'b.csv');
    await waitUntil(() => chosen.textContent === 'b.csv', 'a second file chosen must run the callback again');
    choose(input, 'a.csv', 'b.csv');
    await waitUntil(() => chosen.textContent === 'a.csv, b.csv');
    expect(calls).to.deep.equal(['a.csv', 'b.csv', 'a.csv, b.csv']);
  });
});

// The patterns docs/callbacks.md shows: any element taking part by property and dash-prop-change.
describe('any element as a callback input or output', () => {
  class StarRating extends HTMLElement {
    #value = 0;
    get value() {
      return this.#value;
    }
    set value(value: number) {
      if (value === this.#value) return;
      this.#value = value;
      this.textContent = '★'.repeat(value) + '☆'.repeat(5 - value);
      this.dispatchEvent(new CustomEvent('dash-prop-change', { detail: { prop: 'value', value, user: false } }));
    }
    connectedCallback() {
      this.value = this.#value || 3;
      this.addEventListener('click', () => (this.value = (this.#value % 5) + 1));
    }
  }
  if (!customElements.get('star-rating')) customElements.define('star-rating', StarRating);

  it('a custom element that dispatches dash-prop-change is an input, and its property an output', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <star-rating id="stars" aria-label="Rating"></star-rating><p id="said"></p><button id="reset">Reset</button>
      <dash-callback inputs="stars.value" outputs="said.children" .fn=${(stars: number) => `${stars} of 5`}></dash-callback>
      <dash-callback inputs="reset.n_clicks" outputs="stars.value" prevent-initial-call .fn=${() => 0}></dash-callback>
    </div>`);
    const said = el.querySelector('#said')!;
    await waitUntil(() => said.textContent === '3 of 5');
    el.querySelector<HTMLElement>('#stars')!.click();
    await waitUntil(() => said.textContent === '4 of 5');
    el.querySelector<HTMLElement>('#reset')!.click();
    await waitUntil(() => said.textContent === '0 of 5');
    expect(el.querySelector('#stars')!.textContent).to.equal('☆☆☆☆☆');
  });

  it("a native element's own event, translated into dash-prop-change, makes it an input", async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <details id="more"><summary>More</summary>text</details><p id="state"></p>
      <dash-callback inputs="more.open" outputs="state.children" .fn=${(open: boolean) => (open ? 'open' : 'closed')}></dash-callback>
    </div>`);
    const more = el.querySelector<HTMLDetailsElement>('#more')!;
    more.addEventListener('toggle', () => more.dispatchEvent(new CustomEvent('dash-prop-change', { detail: { prop: 'open', value: more.open, user: true } })));
    const state = el.querySelector('#state')!;
    await waitUntil(() => state.textContent === 'closed');
    more.querySelector('summary')!.click();
    await waitUntil(() => state.textContent === 'open');
    more.querySelector('summary')!.click();
    await waitUntil(() => state.textContent === 'closed');
  });
});

describe('n_clicks: counted once, by the element or by the runtime', () => {
  /** A framework-free element that counts its own clicks (an `nClicks` accessor on its class). */
  class TallyButton extends HTMLElement {
    #n = 0;
    get nClicks(): number {
      return this.#n;
    }
    set nClicks(n: number) {
      this.#n = n;
    }
    connectedCallback() {
      this.addEventListener('click', () => {
        this.#n += 1;
        this.dispatchEvent(new CustomEvent('dash-prop-change', { bubbles: true, composed: true, detail: { prop: 'nClicks', value: this.#n, user: true } }));
      });
    }
  }
  if (!customElements.get('tally-button')) customElements.define('tally-button', TallyButton);

  it('an element whose class declares nClicks is left to count itself', async () => {
    const seen: number[] = [];
    const el = await fixture<HTMLElement>(html`<div>
      <tally-button id="t">+</tally-button>
      <dash-callback inputs="t.n_clicks" .fn=${(n: number) => void seen.push(n)}></dash-callback>
    </div>`);
    await waitUntil(() => seen.length === 1);
    const tally = el.querySelector<TallyButton>('#t')!;
    tally.click();
    tally.click();
    await waitUntil(() => seen.at(-1) === 2);
    expect(tally.nClicks).to.equal(2);
    expect(seen).to.deep.equal([0, 1, 2]);
  });

  it('a plain element given an nClicks value by the page is still counted by the runtime', async () => {
    const seen: number[] = [];
    const el = await fixture<HTMLElement>(html`<div><span id="s">tap</span></div>`);
    const span = el.querySelector<HTMLElement & { nClicks?: number }>('#s')!;
    span.nClicks = 5;
    const cb = document.createElement('dash-callback');
    cb.setAttribute('inputs', 's.n_clicks');
    (cb as unknown as { fn: (n: number) => void }).fn = (n) => void seen.push(n);
    el.append(cb);
    await waitUntil(() => seen.length === 1);
    span.click();
    await waitUntil(() => seen.at(-1) === 6);
    expect(seen).to.deep.equal([5, 6]);
  });
});
