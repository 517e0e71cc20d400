import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../dash-interval.js';
import '../../dash-callback.js';
import type { DashInterval } from './interval.js';
import type { DashCallback } from '../callback/callback.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dash-interval', () => {
  it('has Dash\'s defaults and renders nothing', async () => {
    const el = await fixture<DashInterval>(html`<dash-interval disabled></dash-interval>`);
    expect([el.interval, el.nIntervals, el.maxIntervals]).to.deep.equal([1000, 0, -1]);
    expect(el.getBoundingClientRect().width).to.equal(0);
  });

  it('counts ticks into n-intervals, announced for callbacks', async () => {
    const el = await fixture<DashInterval>(html`<dash-interval interval="10"></dash-interval>`);
    const seen: unknown[] = [];
    el.addEventListener('dash-prop-change', (e) => e.detail.prop === 'nIntervals' && seen.push(e.detail.value));
    await waitUntil(() => el.nIntervals >= 3, 'no ticks');
    expect(seen.slice(0, 2)).to.deep.equal([1, 2]);
    expect(el.getAttribute('n-intervals')).to.equal(String(el.nIntervals));
  });

  it('stops at maxIntervals, and a callback resetting nIntervals starts it again', async () => {
    const el = await fixture<DashInterval>(html`<dash-interval interval="5" max-intervals="3"></dash-interval>`);
    await waitUntil(() => el.nIntervals === 3);
    await pause(40);
    expect(el.nIntervals).to.equal(3);
    el.nIntervals = 0;
    await waitUntil(() => el.nIntervals === 3, 'did not resume after a reset');
    await pause(40);
    expect(el.nIntervals).to.equal(3);
  });

  it('disabled stops it; enabled again, twice, it resumes', async () => {
    const el = await fixture<DashInterval>(html`<dash-interval interval="5"></dash-interval>`);
    for (let round = 0; round < 2; round++) {
      const start = el.nIntervals;
      await waitUntil(() => el.nIntervals > start, 'not ticking', { timeout: 5000 });
      el.disabled = true;
      await el.updateComplete;
      const stopped = el.nIntervals;
      await pause(40);
      expect(el.nIntervals).to.equal(stopped);
      el.disabled = false;
      await el.updateComplete;
      await waitUntil(() => el.nIntervals > stopped + 1, 'did not resume', { timeout: 5000 });
    }
  });

  it('stops when removed and resumes when put back', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><dash-interval interval="5"></dash-interval></div>`);
    const el = host.querySelector('dash-interval')!;
    await waitUntil(() => el.nIntervals >= 2);
    el.remove();
    const stopped = el.nIntervals;
    await pause(40);
    expect(el.nIntervals).to.equal(stopped);
    host.append(el);
    await waitUntil(() => el.nIntervals > stopped + 1, 'did not resume');
  });

  it('drives a callback on n_intervals, even while the callback is slow', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <dash-interval id="tick" interval="10" max-intervals="6"></dash-interval>
      <span id="out"></span>
      <dash-callback inputs="tick.n_intervals" outputs="out.children"></dash-callback>
    </div>`);
    const cb = host.querySelector<DashCallback>('dash-callback')!;
    cb.fn = async (n: number) => {
      await pause(25);
      return `tick ${n}`;
    };
    const el = host.querySelector('dash-interval')!;
    await waitUntil(() => el.nIntervals === 6, 'ticks stalled behind the callback');
    await waitUntil(() => host.querySelector('#out')!.textContent === 'tick 6');
  });

  it('warns once about a bad interval and keeps ticking', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<DashInterval>(html`<dash-interval interval="-5" max-intervals="1"></dash-interval>`);
      await waitUntil(() => el.nIntervals === 1, 'no tick', { timeout: 3000 });
      expect(capture.messages).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-interval>').and.contain('interval');
    } finally {
      capture.restore();
    }
  });
});
