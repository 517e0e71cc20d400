import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yTree } from '../../../test/browser/a11y-tree.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { clickCenter } from '../../../test/browser/user-actions.js';
import type { DashPropChangeDetail } from '../../internal/events.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import '../../dash-button.js';
import '../../dash-callback.js';
import type { DashButton } from './button.js';

const inner = (el: DashButton) => el.shadowRoot!.querySelector('button')!;

describe('dash-button', () => {
  it("counts pointer clicks, Enter, Space and click() once each, with Dash's defaults", async () => {
    const el = await fixture<DashButton>(html`<dash-button>Go</dash-button>`);
    expect([el.nClicks, el.nClicksTimestamp, el.type, el.disabled]).to.deep.equal([0, -1, 'submit', false]);
    const props: DashPropChangeDetail[] = [];
    el.addEventListener('dash-prop-change', (e) => props.push(e.detail));
    await clickCenter(el);
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    el.click();
    await settle(el);
    expect(el.nClicks).to.equal(4);
    expect(el.getAttribute('n-clicks')).to.equal('4');
    expect(el.nClicksTimestamp).to.be.greaterThan(0);
    expect(props.filter((p) => p.prop === 'nClicks').map((p) => p.value)).to.deep.equal([1, 2, 3, 4]);
    expect(props.filter((p) => p.prop === 'nClicks').every((p) => p.user)).to.equal(true);
  });

  it('wired by a callback on n_clicks, each click counts once (the runtime leaves it to the element)', async () => {
    const seen: number[] = [];
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-button id="go">Go</dash-button>
      <p id="out"></p>
      <dash-callback inputs="go.n_clicks" outputs="out.children" .fn=${(n: number) => { seen.push(n); return String(n); }}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashButton>('dash-button')!;
    await settle(el);
    await waitUntil(() => seen.length === 1, 'no initial call');
    await clickCenter(el);
    await settle(el);
    el.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await waitUntil(() => wrap.querySelector('#out')!.textContent === '2', 'callback did not see 2');
    expect(el.nClicks).to.equal(2);
    expect(seen).to.deep.equal([0, 1, 2]);
  });

  it('a plain element wired on n_clicks is still counted by the runtime', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <button id="plain">Go</button>
      <p id="out"></p>
      <dash-callback inputs="plain.n_clicks" outputs="out.children" .fn=${(n: number) => String(n)}></dash-callback>
    </div>`);
    await nextFrame();
    wrap.querySelector<HTMLButtonElement>('#plain')!.click();
    await waitUntil(() => wrap.querySelector('#out')!.textContent === '1', 'plain button not counted');
  });

  it('a callback may write nClicks (reset to 0), and counting goes on from there', async () => {
    const el = await fixture<DashButton>(html`<dash-button>Go</dash-button>`);
    el.click();
    el.click();
    el.nClicks = 0;
    await settle(el);
    el.click();
    await settle(el);
    expect(el.nClicks).to.equal(1);
    expect(() => el.checkProp('nClicks', 'x')).to.throw(/nClicks must be a number/);
  });

  it('disabled: no clicks counted; set and cleared twice in one task, then counts again', async () => {
    const el = await fixture<DashButton>(html`<dash-button disabled>Go</dash-button>`);
    await clickCenter(el);
    el.click();
    await settle(el);
    expect(el.nClicks).to.equal(0);
    expect(inner(el).disabled).to.equal(true);
    el.disabled = false;
    el.disabled = true;
    el.removeAttribute('disabled');
    el.setAttribute('disabled', '');
    el.disabled = false;
    await settle(el);
    await clickCenter(el);
    await settle(el);
    expect(el.nClicks).to.equal(1);
    el.disabled = true;
    await settle(el);
    el.disabled = false;
    await settle(el);
    el.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.nClicks).to.equal(2);
  });

  it('submits its form with name=value, resets it with type="reset", does nothing with type="button"', async () => {
    const submitted: Array<[string, FormDataEntryValue][]> = [];
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      submitted.push([...new FormData(e.target as HTMLFormElement)]);
    }}>
      <input name="q" value="start" />
      <dash-button name="action" value="save">Save</dash-button>
      <dash-button type="reset">Reset</dash-button>
      <dash-button type="button">Nothing</dash-button>
    </form>`);
    const [save, reset, nothing] = form.querySelectorAll('dash-button');
    const q = form.querySelector('input')!;
    q.value = 'changed';
    await clickCenter(nothing);
    expect(submitted).to.have.length(0);
    await clickCenter(save);
    expect(submitted).to.deep.equal([[['q', 'changed'], ['action', 'save']]]);
    expect([...new FormData(form)]).to.deep.equal([['q', 'changed']]); // only the submitter's submission carries it
    await clickCenter(reset);
    expect(q.value).to.equal('start');
    expect(submitted).to.have.length(1);
    expect(nothing.nClicks + save.nClicks + reset.nClicks).to.equal(3);
  });

  it('counts blurs, is a button named by its content or aria-label, and passes axe in light and dark', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><dash-button id="b1">Run <b>now</b></dash-button><dash-button id="b2" aria-label="Close">×</dash-button></div>`);
    const [b1] = wrap.querySelectorAll('dash-button');
    b1.focus();
    b1.blur();
    await settle(b1);
    expect(b1.nBlur).to.equal(1);
    expect(b1.nBlurTimestamp).to.be.greaterThan(0);
    const tree1 = await a11yTree('#b1');
    const tree2 = await a11yTree('#b2');
    const find = (n: { role: string; name?: string; children?: unknown[] }): { role: string; name?: string } | null =>
      n.role === 'button' ? n : ((n.children ?? []) as (typeof n)[]).map(find).find(Boolean) ?? null;
    expect(find(tree1)).to.include({ role: 'button', name: 'Run now' });
    expect(find(tree2)).to.include({ role: 'button', name: 'Close' });
    await expect(wrap).to.be.accessible();
    wrap.style.colorScheme = 'dark';
    await expect(wrap).to.be.accessible();
  });

  it('slotted content is the page\'s own DOM; a bad type warns once and acts as submit', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashButton>(html`<dash-button id="x" type="bogus">Go</dash-button>`);
      el.requestUpdate();
      await settle(el);
      expect(warnings.filter((w) => w.startsWith('<dash-button id="x">') && w.includes('type'))).to.have.length(1);
      el.click();
      await settle(el);
      expect(el.nClicks).to.equal(1);
    } finally {
      restore();
    }
  });
});

// Not a value control: the shared suites read nClicks, and Enter is the key that changes it.
const adapter: ControlAdapter = {
  tag: 'dash-button',
  attributes: 'type="button"',
  value: 0,
  submits: [],
  keys: ['Enter'],
  valueAfterKeys: 1,
  role: 'button',
  read: (el) => (el as DashButton).nClicks,
};
runAccessibleNameTests(adapter);
runBadInputTests(adapter, [{ attribute: 'type', value: 'bogus' }]);
