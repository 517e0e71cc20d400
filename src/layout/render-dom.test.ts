import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../dash-callback.js';
import '../dash-input.js';
import '../dash-dropdown.js';
import '../dash-tabs.js';
import type { DashCallback } from '../components/callback/callback.js';
import { renderLayout } from './render-dom.js';

const H = (type: string, props: Record<string, unknown> = {}) => ({ type, namespace: 'dash_html_components', props });
const D = (type: string, props: Record<string, unknown> = {}) => ({ type, namespace: 'dash_core_components', props });

/** Runs `fn` with console.warn collected instead of printed. */
function collectWarnings(fn: () => void): string[] {
  const warned: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warned.push(args.join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return warned;
}

describe('children from page functions: nodes and layout data', () => {
  it('replaces the content with returned DOM nodes and wires elements inside at once', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <button id="go">Go</button>
      <div id="page">old</div>
      <dash-callback inputs="go.n_clicks" outputs="page.children" prevent-initial-call .fn=${() => {
        const fragment = document.createDocumentFragment();
        const input = Object.assign(document.createElement('input'), { id: 'inner', value: 'abc' });
        const out = Object.assign(document.createElement('p'), { id: 'echo' });
        const callback = document.createElement('dash-callback') as DashCallback;
        callback.setAttribute('inputs', 'inner.value');
        callback.setAttribute('outputs', 'echo.children');
        callback.fn = (value: unknown) => `echo: ${String(value)}`;
        fragment.append(input, out, callback);
        return fragment;
      }}></dash-callback>
    </div>`);
    el.querySelector<HTMLButtonElement>('#go')!.click();
    await waitUntil(() => el.querySelector('#echo')?.textContent === 'echo: abc', 'initial call of the returned callback');
    expect(el.querySelector('#page')!.textContent).not.to.contain('old');
    el.querySelector<HTMLInputElement>('#inner')!.focus();
    await sendKeys({ type: 'd' });
    await waitUntil(() => el.querySelector('#echo')?.textContent === 'echo: abcd');
  });

  it('renders component JSON, and a re-render keeps unchanged elements with their state and focus', async () => {
    const layout = (title: string) => [
      H('H2', { id: 'title', children: title }),
      D('Input', { id: 'name', value: 'start' }),
      H('Button', { id: 'more', n_clicks: 0, children: 'More' }),
    ];
    const el = await fixture<HTMLElement>(html`<div>
      <input id="heading" value="One" />
      <section id="page"></section>
      <dash-callback inputs="heading.value" outputs="page.children" .fn=${(title: string) => layout(title)}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#title')?.textContent === 'One', 'first render');
    const input = el.querySelector('dash-input')!;
    await input.updateComplete;
    input.focus();
    await sendKeys({ type: '!' });
    await waitUntil(() => (input as unknown as { value: string }).value === 'start!');
    const heading = el.querySelector<HTMLInputElement>('#heading')!;
    heading.value = 'Two';
    heading.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => el.querySelector('#title')?.textContent === 'Two', 're-render');
    expect(el.querySelector('dash-input')).to.equal(input);
    // Dash sent the same value as before: the person's typing is kept, as React keeps it.
    expect((input as unknown as { value: string }).value).to.equal('start!');
    // Twice: back to the first title, nothing recreated.
    heading.value = 'One';
    heading.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => el.querySelector('#title')?.textContent === 'One');
    expect(el.querySelector('dash-input')).to.equal(input);
  });

  it('wires elements in rendered JSON: a rendered button\'s clicks drive a callback', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <input id="start" value="1" /><div id="page"></div>
      <p id="count"></p>
      <dash-callback inputs="start.value" outputs="page.children" .fn=${() => H('Div', { children: [H('Button', { id: 'add', n_clicks: 0, children: 'Add' })] })}></dash-callback>
      <dash-callback inputs="add.n_clicks" outputs="count.children" .fn=${(n: number) => `clicks: ${n}`}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#count')?.textContent === 'clicks: 0', 'initial call once the button appears');
    const button = el.querySelector<HTMLButtonElement>('#add')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.querySelector('#count')?.textContent === 'clicks: 1');
    button.click();
    await waitUntil(() => el.querySelector('#count')?.textContent === 'clicks: 2');
  });

  it('reading children back gives the layout data (so Patch and state see it)', async () => {
    const value = [H('P', { children: 'a' })];
    const el = await fixture<HTMLElement>(html`<div>
      <input id="start" value="1" /><div id="page"></div><p id="copy"></p>
      <dash-callback inputs="start.value" outputs="page.children" .fn=${() => value}></dash-callback>
      <dash-callback inputs="page.children" outputs="copy.children" .fn=${(c: unknown) => (Array.isArray(c) ? `list of ${c.length}` : String(c))}></dash-callback>
    </div>`);
    await waitUntil(() => el.querySelector('#copy')?.textContent === 'list of 1');
  });
});

describe('renderLayout', () => {
  it('maps Dash html props onto native elements', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    renderLayout(host, H('Div', {
      id: 'box', className: 'card', style: { marginTop: 4, backgroundColor: 'red' }, title: 'Tip', 'data-row': 1, 'aria-label': 'Box',
      children: ['Text ', 7, H('A', { href: '/page', children: 'link' }), H('Label', { htmlFor: 'x', children: 'L' })],
    }));
    const box = host.querySelector<HTMLElement>('#box')!;
    expect(box.className).to.equal('card');
    expect(box.style.marginTop).to.equal('4px');
    expect(box.style.backgroundColor).to.equal('red');
    expect(box.title).to.equal('Tip');
    expect(box.dataset.row).to.equal('1');
    expect(box.getAttribute('aria-label')).to.equal('Box');
    expect(box.textContent).to.equal('Text 7linkL');
    expect(host.querySelector('a')!.getAttribute('href')).to.equal('/page');
    expect(host.querySelector('label')!.htmlFor).to.equal('x');
    // A prop that goes away goes back to the default.
    renderLayout(host, H('Div', { id: 'box', children: 'Text' }));
    expect(host.querySelector('#box')).to.equal(box);
    expect(box.className).to.equal('');
    expect(box.title).to.equal('');
    expect(box.getAttribute('style') ?? '').to.equal('');
    expect(box.hasAttribute('data-row')).to.equal(false);
  });

  it('gives dcc components to our elements with camelCase props', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    renderLayout(host, D('Dropdown', { id: 'dd', options: ['NYC', 'SF'], value: 'SF', clearable: false }));
    const dropdown = host.querySelector('dash-dropdown')! as unknown as { value: unknown; clearable: boolean; updateComplete: Promise<unknown> };
    await dropdown.updateComplete;
    expect(dropdown.value).to.equal('SF');
    expect(dropdown.clearable).to.equal(false);
  });

  it('keeps keyed elements when they move, and scroll of kept elements', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const item = (n: number) => H('Li', { key: `k${n}`, children: `item ${n}` });
    renderLayout(host, H('Ul', { children: [item(1), item(2), item(3)] }));
    const [one, two, three] = host.querySelectorAll('li');
    renderLayout(host, H('Ul', { children: [item(3), item(1)] }));
    const after = [...host.querySelectorAll('li')];
    expect(after).to.deep.equal([three, one]);
    expect(two.isConnected).to.equal(false);

    const scroller = H('Div', { id: 's', style: { height: 40, overflow: 'auto' }, children: H('Div', { style: { height: 400 } }) });
    renderLayout(host, [scroller, 'a']);
    const box = host.querySelector<HTMLElement>('#s')!;
    box.scrollTop = 100;
    renderLayout(host, [scroller, 'b']);
    expect(host.querySelector('#s')).to.equal(box);
    expect(box.scrollTop).to.equal(100);
  });

  it('replaces an element whose type changed at the same position', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    renderLayout(host, [H('P', { children: 'x' })]);
    const p = host.firstElementChild;
    renderLayout(host, [H('Span', { children: 'x' })]);
    expect(host.firstElementChild!.localName).to.equal('span');
    expect(p!.isConnected).to.equal(false);
  });

  it('shows a labelled placeholder for types it does not have, warns once, and renders the rest', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const card = { type: 'Card', namespace: 'dash_bootstrap_components', props: { children: 'secret' } };
    const warned = collectWarnings(() => {
      renderLayout(host, [card, H('P', { children: 'rest' })]);
      renderLayout(host, [card, H('P', { children: 'rest' })]);
    });
    expect(warned.length).to.equal(1);
    expect(warned[0]).to.contain('dash_bootstrap_components.Card');
    const placeholder = host.querySelector('[data-dash-unsupported]')!;
    expect(placeholder.textContent).to.equal('Unsupported component: dash_bootstrap_components.Card');
    expect(placeholder.getAttribute('role')).to.equal('note');
    expect(host.querySelector('p')!.textContent).to.equal('rest');
  });

  it('never lets known payloads run: event handlers, markup props, javascript: URLs, scripts', async () => {
    const flags = window as unknown as { __ran?: number };
    delete flags.__ran;
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const warned = collectWarnings(() =>
      renderLayout(host, [
        H('Img', { id: 'img', src: 'x', onError: 'window.__ran = 1', onerror: 'window.__ran = 2' }),
        H('Div', { id: 'inner', dangerouslySetInnerHTML: { __html: '<img src=x onerror="window.__ran=3">' }, innerHTML: '<img src=x onerror="window.__ran=4">' }),
        H('A', { id: 'js', href: ' javascript:window.__ran=5', children: 'click' }),
        H('Iframe', { id: 'frame', srcDoc: '<script>parent.__ran=6</script>', src: 'javascript:parent.__ran=7' }),
        H('Script', { children: 'window.__ran = 8' }),
        H('P', { children: '<img src=x onerror="window.__ran=9">' }),
        D('Input', { id: 'in', onFocus: 'window.__ran = 10' }),
      ]),
    );
    host.querySelector<HTMLAnchorElement>('#js')!.click();
    await aTimeout(50);
    expect(flags.__ran).to.equal(undefined);
    expect(host.querySelector('script')).to.equal(null);
    expect(host.querySelector('#img')!.hasAttribute('onerror')).to.equal(false);
    expect(host.querySelector('#inner')!.children.length).to.equal(0);
    expect(host.querySelector('#js')!.hasAttribute('href')).to.equal(false);
    expect(host.querySelector('#frame')!.hasAttribute('srcdoc')).to.equal(false);
    expect(host.querySelector('p')!.textContent).to.equal('<img src=x onerror="window.__ran=9">');
    expect(warned.length).to.be.greaterThan(5);
  });
});
