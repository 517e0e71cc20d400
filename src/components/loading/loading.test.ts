import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../dash-loading.js';
import '../../dash-callback.js';
import type { DashLoading } from './loading.js';
import type { DashCallback } from '../callback/callback.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const spinner = (el: DashLoading) => el.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]');
const contentVisible = (el: DashLoading) => getComputedStyle(el.shadowRoot!.querySelector('[part="content"]')!).visibility === 'visible';

/** A callback whose calls finish when the test says so. */
function slowCallback(cb: DashCallback) {
  let finish: (value: string) => void = () => {};
  cb.fn = (n: number) => (n ? new Promise<string>((resolve) => (finish = resolve)) : 'idle');
  return { finish: (value: string) => finish(value) };
}

async function page(loadingAttrs = '', outputIn: 'inside' | 'outside' = 'inside') {
  const out = '<span id="out">idle</span>';
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<button id="before">before</button>
    <dash-loading id="wrap" ${loadingAttrs}><p>${outputIn === 'inside' ? out : ''}<input id="field" aria-label="Field"></p></dash-loading>
    ${outputIn === 'outside' ? out : ''}
    <button id="after">after</button>
    <dash-callback inputs="before.n_clicks" outputs="out.children"></dash-callback>`;
  const el = host.querySelector('dash-loading')!;
  const cb = host.querySelector('dash-callback')!;
  const call = slowCallback(cb);
  await waitUntil(() => host.querySelector('#out')!.textContent === 'idle');
  const start = async () => {
    const started = oneEvent(cb, 'dash-callback-start');
    host.querySelector<HTMLButtonElement>('#before')!.click();
    await started;
    await el.updateComplete;
  };
  const finish = async (value: string) => {
    const ended = oneEvent(cb, 'dash-callback-end');
    call.finish(value);
    await ended;
    await el.updateComplete;
  };
  return { host, el, start, finish };
}

describe('dash-loading', () => {
  it('shows a spinner, hides the content and sets aria-busy while an output inside loads; twice', async () => {
    const { el, start, finish, host } = await page();
    expect(spinner(el)).to.equal(null);
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    for (const round of ['one', 'two']) {
      await start();
      expect(spinner(el)).to.not.equal(null);
      expect(spinner(el)!.getAttribute('aria-label')).to.equal('Loading');
      expect(el.getAttribute('aria-busy')).to.equal('true');
      expect(contentVisible(el)).to.equal(false);
      await finish(round);
      expect(host.querySelector('#out')!.textContent).to.equal(round);
      expect(spinner(el)).to.equal(null);
      expect(el.hasAttribute('aria-busy')).to.equal(false);
      expect(contentVisible(el)).to.equal(true);
    }
  });

  it('ignores outputs outside it', async () => {
    const { el, start, finish } = await page('', 'outside');
    await start();
    expect(spinner(el)).to.equal(null);
    await finish('x');
  });

  it('sees outputs inside shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><dash-loading><div id="shadow-host"></div></dash-loading></div>`);
    const el = host.querySelector('dash-loading')!;
    const root = host.querySelector('#shadow-host')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<button id="go">go</button><span id="out"></span>
      <dash-callback inputs="go.n_clicks" outputs="out.children" prevent-initial-call></dash-callback>`;
    const cb = root.querySelector('dash-callback')!;
    const call = slowCallback(cb);
    // Wiring may finish a frame after the elements connect (docs/callbacks.md).
    await nextFrame();
    await nextFrame();
    const started = oneEvent(cb, 'dash-callback-start');
    root.querySelector<HTMLButtonElement>('#go')!.click();
    await started;
    await el.updateComplete;
    expect(spinner(el)).to.not.equal(null);
    call.finish('done');
    await waitUntil(() => spinner(el) === null);
    expect(root.querySelector('#out')!.textContent).to.equal('done');
  });

  it('delayShow: a short call never shows it, a long one does', async () => {
    const { el, start, finish } = await page('delay-show="80"');
    await start();
    expect(spinner(el)).to.equal(null);
    await finish('quick');
    await pause(120);
    expect(spinner(el)).to.equal(null);
    await start();
    await waitUntil(() => spinner(el) !== null, 'never shown');
    await finish('slow');
    expect(spinner(el)).to.equal(null);
  });

  it('delayHide: keeps the spinner a while after the call ends', async () => {
    const { el, start, finish } = await page('delay-hide="60"');
    await start();
    await finish('done');
    expect(spinner(el)).to.not.equal(null);
    await waitUntil(() => spinner(el) === null, 'never hidden');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
  });

  it('targetComponents limits which outputs count', async () => {
    const other = await page(`target-components='{"chart":"figure"}'`);
    await other.start();
    expect(spinner(other.el)).to.equal(null);
    await other.finish('x');
    other.host.remove();
    const listed = await page(`target-components='{"out":["children"]}'`);
    await listed.start();
    expect(spinner(listed.el)).to.not.equal(null);
    await listed.finish('x');
  });

  it('display show / hide force it', async () => {
    const { el, start, finish } = await page('display="show"');
    expect(spinner(el)).to.not.equal(null);
    el.display = 'hide';
    await el.updateComplete;
    await start();
    expect(spinner(el)).to.equal(null);
    el.display = 'auto';
    await el.updateComplete;
    expect(spinner(el)).to.not.equal(null);
    await finish('x');
  });

  it('never traps focus: Tab goes past it while it spins', async () => {
    const { start, finish, host } = await page();
    await start();
    host.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('after');
    await finish('x');
    host.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id).to.equal('field');
  });

  it('overlayStyle replaces the hiding of the content', async () => {
    const { el, start, finish } = await page(`overlay-style='{"visibility":"visible","opacity":0.5}'`);
    await start();
    const content = el.shadowRoot!.querySelector('[part="content"]')!;
    expect(getComputedStyle(content).opacity).to.equal('0.5');
    expect(contentVisible(el)).to.equal(true);
    await finish('x');
    expect(getComputedStyle(content).opacity).to.equal('1');
  });

  it('draws Dash\'s five spinners in its colour, still for reduced motion; warns once about an unknown type', async () => {
    const el = await fixture<DashLoading>(html`<dash-loading display="show" color="rgb(255, 0, 0)"><p>x</p></dash-loading>`);
    for (const type of ['default', 'circle', 'dot', 'cube', 'graph'] as const) {
      el.type = type;
      await el.updateComplete;
      expect(spinner(el)!.classList.contains(type)).to.equal(true);
      const piece = spinner(el)!.querySelector('span')!;
      expect(getComputedStyle(piece).animationName).to.not.equal('none');
    }
    expect(getComputedStyle(spinner(el)!.querySelector('span')!).backgroundColor).to.equal('rgb(255, 0, 0)');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(spinner(el)!.querySelector('span')!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    const { messages: warnings, restore } = captureWarnings();
    try {
      el.type = 'hexagon' as never;
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<dash-loading>').and.contain('type');
      expect(spinner(el)!.classList.contains('default')).to.equal(true);
    } finally {
      restore();
    }
    await expect(el).to.be.accessible();
  });
});
