import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../dash-location.js';
import '../../dash-link.js';
import '../../dash-callback.js';
import type { DashLocation } from './location.js';
import type { DashLink } from '../link/link.js';
import type { DashCallback } from '../callback/callback.js';

// These tests move this page's address with pushState and put it back after each one; loading
// a new page (refresh) is driven end-to-end in test/e2e/multipage.test.ts.

const start = location.href;
const anchor = (link: DashLink) => link.shadowRoot!.querySelector('a')!;

async function click(node: Element, button: 'left' | 'middle' = 'left') {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', button, position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function app() {
  const host = await fixture<HTMLDivElement>(html`<div>
    <dash-location id="url" refresh="false"></dash-location>
    <dash-location id="other"></dash-location>
    <nav><dash-link id="home" href="/home">Home</dash-link> <dash-link id="two" href="/page-2?x=1">Page 2</dash-link></nav>
    <p id="page"></p>
    <dash-callback inputs="url.pathname" outputs="page.children"></dash-callback>
  </div>`);
  host.querySelector<DashCallback>('dash-callback')!.fn = (path: string) => `You are on ${path}`;
  const url = host.querySelector<DashLocation>('#url')!;
  const other = host.querySelector<DashLocation>('#other')!;
  const [home, two] = [...host.querySelectorAll<DashLink>('dash-link')];
  await Promise.all([home.updateComplete, two.updateComplete]);
  return { host, url, other, home, two, page: host.querySelector('#page')! };
}

describe('dash-location and dash-link', () => {
  afterEach(() => history.replaceState(null, '', start));

  it('reads the address on start', async () => {
    history.replaceState(null, '', '/start/here?q=2#part');
    const el = await fixture<DashLocation>(html`<dash-location></dash-location>`);
    expect([el.pathname, el.search, el.hash]).to.deep.equal(['/start/here', '?q=2', '#part']);
    expect(el.href).to.equal(location.href);
    expect(el.refresh).to.equal(true);
  });

  it('a link click changes the page without a reload, and back/forward follow', async () => {
    const { url, other, two, home, page } = await app();
    const marker = ((window as unknown as { marker: number }).marker = Math.random());
    await waitUntil(() => page.textContent === `You are on ${new URL(start).pathname}`);

    await click(anchor(two));
    expect(location.pathname).to.equal('/page-2');
    await waitUntil(() => page.textContent === 'You are on /page-2');
    expect([url.search, other.pathname, other.search]).to.deep.equal(['?x=1', '/page-2', '?x=1']);
    await two.updateComplete;
    expect(anchor(two).getAttribute('aria-current')).to.equal('page');
    expect(anchor(home).hasAttribute('aria-current')).to.equal(false);

    await click(anchor(home));
    await waitUntil(() => page.textContent === 'You are on /home');

    const back = oneEvent(window, 'popstate');
    history.back();
    await back;
    await waitUntil(() => page.textContent === 'You are on /page-2', 'back did not swap the page');
    expect(other.pathname).to.equal('/page-2');
    const forward = oneEvent(window, 'popstate');
    history.forward();
    await forward;
    await waitUntil(() => page.textContent === 'You are on /home', 'forward did not swap the page');
    // Still the same document: nothing reloaded.
    expect((window as unknown as { marker: number }).marker).to.equal(marker);
  });

  it('a callback writing pathname navigates; refresh=false tells only that location', async () => {
    const { url, other, page } = await app();
    url.pathname = '/written';
    await url.updateComplete;
    expect(location.pathname).to.equal('/written');
    await waitUntil(() => page.textContent === 'You are on /written');
    expect(url.href).to.equal(location.href);
    expect(other.pathname).to.equal(new URL(start).pathname);
  });

  it('refresh="callback-nav" navigates like a link: every location follows', async () => {
    const { url, other } = await app();
    url.refresh = 'callback-nav';
    url.search = '?q=7';
    url.hash = '#h';
    await url.updateComplete;
    expect(location.search + location.hash).to.equal('?q=7#h');
    await other.updateComplete;
    expect([other.search, other.hash]).to.deep.equal(['?q=7', '#h']);
    url.href = '/by-href';
    await url.updateComplete;
    expect(location.pathname).to.equal('/by-href');
    expect([url.pathname, url.search, other.pathname]).to.deep.equal(['/by-href', '', '/by-href']);
  });

});
