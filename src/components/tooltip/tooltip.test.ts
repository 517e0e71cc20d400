import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../dash-tooltip.js';
import type { DashTooltip } from './tooltip.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';

const card = (el: DashTooltip) => el.shadowRoot!.querySelector<HTMLElement>('[part="card"]')!;

/** A positioned container at (left, top), 400×300, holding a tooltip. */
async function setup(left: number, top: number, attrs = '') {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<div class="box"><dash-tooltip ${attrs}><b>Chile</b><br>Life expectancy 78.6</dash-tooltip></div>`;
  const container = wrapper.querySelector<HTMLElement>('.box')!;
  Object.assign(container.style, { position: 'fixed', left: `${left}px`, top: `${top}px`, width: '400px', height: '300px' });
  const el = wrapper.querySelector('dash-tooltip')!;
  await settle(el);
  return { el, container };
}

describe('dash-tooltip', () => {
  before(() => setViewport({ width: 800, height: 600 }));

  it('sits on the right of the bbox by default, vertically centred, with an arrow gap', async () => {
    const { el, container } = await setup(50, 50);
    expect(getComputedStyle(el).visibility).to.equal('hidden');
    el.bbox = { x0: 100, y0: 80, x1: 110, y1: 90 };
    await settle(el);
    expect(getComputedStyle(el).visibility).to.equal('visible');
    const r = card(el).getBoundingClientRect();
    const c = container.getBoundingClientRect();
    expect(r.left - (c.left + 110)).to.be.within(7, 9);
    expect((r.top + r.bottom) / 2 - (c.top + 85)).to.be.within(-1, 1);
    expect(card(el).getAttribute('role')).to.equal('tooltip');
    expect(el.textContent).to.contain('Chile');
  });

  it('goes where direction says: top, bottom, left', async () => {
    const { el, container } = await setup(200, 200);
    el.bbox = { x0: 100, y0: 100, x1: 120, y1: 120 };
    const c = container.getBoundingClientRect();
    const box = { left: c.left + 100, right: c.left + 120, top: c.top + 100, bottom: c.top + 120 };
    for (const [direction, check] of [
      ['top', (r: DOMRect) => r.bottom <= box.top],
      ['bottom', (r: DOMRect) => r.top >= box.bottom],
      ['left', (r: DOMRect) => r.right <= box.left],
    ] as const) {
      el.direction = direction;
      await settle(el);
      expect(check(card(el).getBoundingClientRect()), direction).to.equal(true);
    }
  });

  it('flips to the other side near an edge, and slides along to stay on screen', async () => {
    const { el, container } = await setup(380, 0);
    // Right of a point at x = 390 + 380 = 770 of an 800 px viewport: no room on the right.
    el.bbox = { x0: 385, y0: 2, x1: 390, y1: 6 };
    await settle(el);
    const c = container.getBoundingClientRect();
    let r = card(el).getBoundingClientRect();
    expect(r.right).to.be.at.most(c.left + 385);
    expect(r.top).to.be.at.least(0);
    expect(card(el).dataset.side).to.equal('left');
    // Above a point at the top of the viewport: shown below it.
    el.direction = 'top';
    el.bbox = { x0: 200, y0: 4, x1: 210, y1: 10 };
    await settle(el);
    r = card(el).getBoundingClientRect();
    expect(card(el).dataset.side).to.equal('bottom');
    expect(r.top).to.be.at.least(c.top + 10);
    // Below a point at the far right: slid left to stay inside.
    el.direction = 'bottom';
    el.bbox = { x0: 415, y0: 100, x1: 419, y1: 104 };
    await settle(el);
    r = card(el).getBoundingClientRect();
    expect(r.right).to.be.at.most(800);
    expect(r.left).to.be.at.least(0);
  });

  it('hides with show=false and shows again, twice', async () => {
    const { el } = await setup(50, 50);
    el.bbox = { x0: 10, y0: 10, x1: 20, y1: 20 };
    for (let i = 0; i < 2; i++) {
      el.show = false;
      await settle(el);
      expect(getComputedStyle(el).visibility).to.equal('hidden');
      el.show = true;
      await settle(el);
      expect(getComputedStyle(el).visibility).to.equal('visible');
    }
  });

  it('shows loadingText while a callback writing it runs, and takes its colours', async () => {
    const { el } = await setup(50, 50, 'background-color="rgb(255, 250, 200)" border-color="rgb(200, 0, 0)" loading-text="Fetching…"');
    el.bbox = { x0: 10, y0: 10, x1: 20, y1: 20 };
    el.setAttribute('loading', '');
    await settle(el);
    expect(card(el).textContent!.trim()).to.equal('Fetching…');
    el.removeAttribute('loading');
    await settle(el);
    expect(card(el).querySelector('slot')).to.not.equal(null);
    const style = getComputedStyle(card(el));
    expect(style.backgroundColor).to.equal('rgb(255, 250, 200)');
    expect(style.borderTopColor).to.equal('rgb(200, 0, 0)');
    expect(style.pointerEvents).to.equal('none');
    el.targetable = true;
    await settle(el);
    expect(getComputedStyle(card(el)).pointerEvents).to.equal('auto');
  });

  it('warns once about a bad bbox or direction, and keeps working', async () => {
    const capture = captureWarnings();
    const warnings = capture.messages;
    try {
      const { el } = await setup(50, 50);
      el.bbox = { x0: 'a' } as never;
      await settle(el);
      el.bbox = { x0: 'b' } as never;
      await settle(el);
      expect(getComputedStyle(el).visibility).to.equal('hidden');
      el.direction = 'diagonal' as never;
      el.bbox = { x0: 10, y0: 10, x1: 20, y1: 20 };
      await settle(el);
      expect(card(el).dataset.side).to.equal('right');
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.contain('<dash-tooltip>').and.contain('"bbox"');
      expect(warnings[1]).to.contain('"direction"');
    } finally {
      capture.restore();
    }
  });

  it('passes axe while shown', async () => {
    const { el } = await setup(50, 50);
    el.bbox = { x0: 10, y0: 10, x1: 20, y1: 20 };
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
