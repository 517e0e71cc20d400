import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-confirm-dialog.js';
import '../../dash-callback.js';
import type { DashConfirmDialog } from './confirm-dialog.js';
import { until as waitFor } from '../../../test/browser/helpers.js';

const dialog = (el: DashConfirmDialog) => el.shadowRoot!.querySelector('dialog')!;
const part = (el: DashConfirmDialog, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;

async function click(node: Element) {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function page() {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="delete">Delete everything</button>
    <dash-callback id="open" inputs="delete.n_clicks" outputs="confirm.displayed" prevent-initial-call></dash-callback>
    <dash-confirm-dialog id="confirm" message="Delete <b>everything</b>?"></dash-confirm-dialog>
  </div>`);
  wrapper.querySelector('dash-callback')!.fn = () => true;
  const el = wrapper.querySelector('dash-confirm-dialog')!;
  await el.updateComplete;
  await nextFrame();
  return { el, trigger: wrapper.querySelector('button')! };
}

describe('dash-confirm-dialog', () => {
  it('opens as a modal when a callback sets displayed; Escape cancels and focus returns', async () => {
    const { el, trigger } = await page();
    expect(dialog(el).open).to.equal(false);
    await click(trigger);
    await waitFor(() => dialog(el).open);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'submit'));
    expect(part(el, 'message').textContent).to.equal('Delete <b>everything</b>?');
    expect(part(el, 'message').querySelector('b')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.displayed).to.equal(false);
    expect(el.cancelNClicks).to.equal(1);
    expect(el.cancelNClicksTimestamp).to.be.greaterThan(Date.now() - 60_000);
    expect(el.submitNClicks).to.equal(0);
    expect(document.activeElement).to.equal(trigger);
  });

  it('counts OK in submitNClicks, keeps focus inside while open, and opens again each time', async () => {
    const { el, trigger } = await page();
    const changes: string[] = [];
    el.addEventListener('dash-prop-change', (e) => changes.push(`${e.detail.prop}:${String(e.detail.value)}:${e.detail.user}`));
    for (const round of [1, 2]) {
      await click(trigger);
      await waitFor(() => dialog(el).open);
      // Shift+Tab moves to Cancel, not to the page behind (it is inert while the dialog is modal).
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('cancel');
      expect(trigger.matches(':focus')).to.equal(false);
      await click(part(el, 'submit'));
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(el.submitNClicks).to.equal(round);
    }
    await nextFrame();
    expect(changes).to.include('submitNClicks:2:true').and.include('displayed:false:true').and.include('displayed:true:false');
  });

  it('closes without counting when displayed is set false by a callback or the page', async () => {
    const { el } = await page();
    el.displayed = true;
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    el.displayed = false;
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.cancelNClicks + el.submitNClicks).to.equal(0);
  });

  it('uses custom labels and passes axe while open', async () => {
    const el = await fixture<DashConfirmDialog>(html`<dash-confirm-dialog message="Sure?" labels='{"submit":"Yes, delete"}' displayed></dash-confirm-dialog>`);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    expect(part(el, 'submit').textContent).to.equal('Yes, delete');
    expect(part(el, 'cancel').textContent).to.equal('Cancel');
    await expect(el).to.be.accessible();
    el.displayed = false;
    await el.updateComplete;
  });
});
