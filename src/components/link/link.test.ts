import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-link.js';
import '../../dash-location.js';
import type { DashLink } from './link.js';
import type { DashLocation } from '../location/location.js';

const start = location.href;
const anchor = (link: DashLink) => link.shadowRoot!.querySelector('a')!;

/** Clicks the link's anchor; says whether the link took the click over (prevented the load). */
function takenOver(link: DashLink, init: MouseEventInit = {}): boolean {
  let prevented = false;
  // Runs after the link's own handler; stops the real load either way, so the test page stays.
  const stop = (e: Event) => ((prevented = e.defaultPrevented), e.preventDefault());
  document.addEventListener('click', stop, { once: true });
  anchor(link).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init }));
  return prevented;
}

describe('dash-link', () => {
  afterEach(() => history.replaceState(null, '', start));

  it('is a real anchor with the slotted text as its name', async () => {
    const link = await fixture<DashLink>(html`<dash-link href="/page-2?x=1" title="Second page">Page 2</dash-link>`);
    const a = anchor(link);
    expect(a.href).to.equal(new URL('/page-2?x=1', location.href).href);
    expect(a.title).to.equal('Second page');
    expect(link.textContent).to.equal('Page 2');
    await expect(link).to.be.accessible();
  });

  it('Enter follows it without a reload', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><dash-location id="url"></dash-location><dash-link href="/page-2?x=1">Page 2</dash-link></div>`);
    const link = host.querySelector('dash-link')!;
    await link.updateComplete;
    anchor(link).focus();
    await sendKeys({ press: 'Enter' });
    const url = host.querySelector<DashLocation>('#url')!;
    await waitUntil(() => url.pathname === '/page-2');
    expect(url.search).to.equal('?x=1');
    await link.updateComplete;
    expect(anchor(link).getAttribute('aria-current')).to.equal('page');
    expect(anchor(link).part.contains('current')).to.equal(true);
  });

  it('leaves modified clicks, targets, refresh and other origins to the browser', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <dash-link id="plain" href="/plain">Plain</dash-link>
      <dash-link id="tab" href="/new-tab" target="_blank">New tab</dash-link>
      <dash-link id="reload" href="/reload" refresh>Reload</dash-link>
      <dash-link id="away" href="https://example.com/">Away</dash-link>
    </div>`);
    const links = Object.fromEntries([...host.querySelectorAll<DashLink>('dash-link')].map((l) => [l.id, l]));
    await Promise.all(Object.values(links).map((l) => l.updateComplete));
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) {
      expect(takenOver(links.plain, { [modifier]: true }), modifier).to.equal(false);
    }
    expect(takenOver(links.plain, { button: 1 })).to.equal(false);
    expect(takenOver(links.tab)).to.equal(false);
    expect(takenOver(links.reload)).to.equal(false);
    expect(takenOver(links.away)).to.equal(false);
    expect(location.href).to.equal(start);
    expect(takenOver(links.plain)).to.equal(true);
    expect(location.pathname).to.equal('/plain');
  });
});
