import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yTree, findNode } from '../../../test/browser/a11y-tree.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { clickCenter } from '../../../test/browser/user-actions.js';
import type { DashPropChangeDetail } from '../../internal/events.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import '../../dash-textarea.js';
import '../../dash-callback.js';
import type { DashTextarea } from './textarea.js';

const box = (el: DashTextarea) => el.shadowRoot!.querySelector('textarea')!;

describe('dash-textarea', () => {
  it('follows every keystroke (Enter is a new line), firing input, then change on blur', async () => {
    const el = await fixture<DashTextarea>(html`<dash-textarea aria-label="Notes"></dash-textarea>`);
    expect([el.value, el.nBlur, el.nClicks, el.nClicksTimestamp]).to.deep.equal([null, 0, 0, -1]);
    const log: string[] = [];
    const props: DashPropChangeDetail[] = [];
    el.addEventListener('input', () => log.push('input'));
    el.addEventListener('change', () => log.push('change'));
    el.addEventListener('dash-prop-change', (e) => props.push(e.detail));
    await clickCenter(el);
    await sendKeys({ type: 'ab' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'c' });
    await settle(el);
    expect(el.value).to.equal('ab\nc');
    box(el).blur();
    await settle(el);
    expect(log).to.deep.equal(['input', 'input', 'input', 'input', 'change']);
    expect(el.nClicks).to.equal(1);
    expect(el.nBlur).to.equal(1);
    expect(props.filter((p) => p.prop === 'value').every((p) => p.user)).to.equal(true);
  });

  it('shows writes from outside, keeps the caret of a person typing', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-textarea id="t" aria-label="x" value="one two"></dash-textarea>
      <dash-callback inputs="t.value" outputs="t.value" .fn=${(v: string) => v.replace(/teh/g, 'the')}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashTextarea>('dash-textarea')!;
    await settle(el);
    expect(box(el).value).to.equal('one two');
    box(el).focus();
    box(el).setSelectionRange(3, 3);
    await sendKeys({ type: ' teh' });
    await settle(el);
    await settle(el);
    expect(box(el).value).to.equal('one the two');
    expect(box(el).selectionStart).to.equal(7);
    await sendKeys({ type: '!' });
    await settle(el);
    expect(el.value).to.equal('one the! two');
  });

  it('is a multi-line textbox named by <label for>', async () => {
    await fixture<HTMLElement>(html`<div id="w"><label for="n">Notes</label><dash-textarea id="n"></dash-textarea></div>`);
    const node = findNode(await a11yTree('#w'), (n) => n.role === 'textbox' && n.name === 'Notes');
    expect(node).to.not.equal(null);
  });

  it('passes rows, cols, wrap, lengths, placeholder, readOnly and required to the box', async () => {
    const el = await fixture<DashTextarea>(html`<dash-textarea aria-label="x" rows="5" cols="30" wrap="hard" max-length="50" min-length="2" placeholder="Say…" read-only required></dash-textarea>`);
    const b = box(el);
    expect([b.rows, b.cols, b.wrap, b.maxLength, b.minLength, b.placeholder, b.readOnly, b.required]).to.deep.equal([5, 30, 'hard', 50, 2, 'Say…', true, true]);
  });

  it('submits under name, resets, and is invalid in its form while required and empty', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><dash-textarea name="notes" aria-label="x" required value="hi"></dash-textarea></form>`);
    const el = form.querySelector('dash-textarea')!;
    await settle(el);
    expect(new FormData(form).get('notes')).to.equal('hi');
    expect(form.checkValidity()).to.equal(true);
    el.value = '';
    await settle(el);
    expect(form.checkValidity()).to.equal(false);
    form.reset();
    await settle(el);
    expect(box(el).value).to.equal('hi');
    expect(form.checkValidity()).to.equal(true);
  });

  it('disabled set and cleared twice in one task, then types again', async () => {
    const el = await fixture<DashTextarea>(html`<dash-textarea aria-label="x"></dash-textarea>`);
    el.disabled = true;
    el.disabled = false;
    el.setAttribute('disabled', '');
    el.removeAttribute('disabled');
    await settle(el);
    el.disabled = true;
    await settle(el);
    expect(box(el).disabled).to.equal(true);
    el.disabled = false;
    await settle(el);
    await clickCenter(el);
    await sendKeys({ type: 'ok' });
    await settle(el);
    expect(el.value).to.equal('ok');
  });

  it('nClicks is counted once when a callback listens to n_clicks', async () => {
    const seen: number[] = [];
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-textarea id="t" aria-label="x"></dash-textarea>
      <dash-callback inputs="t.n_clicks" outputs="" .fn=${(n: number) => void seen.push(n)}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashTextarea>('dash-textarea')!;
    await settle(el);
    await clickCenter(el);
    await clickCenter(el);
    await waitUntil(() => seen.at(-1) === 2, 'callback did not see 2 clicks');
    expect(el.nClicks).to.equal(2);
  });

  it('form="id" (Dash’s form prop) puts it in a form it is not inside, which submits and resets it', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <form id="f"></form>
      <dash-textarea form="f" name="notes" aria-label="Notes" value="kept"></dash-textarea>
    </div>`);
    const form = wrap.querySelector('form')!;
    const el = wrap.querySelector<DashTextarea>('dash-textarea')!;
    await settle(el);
    expect(new FormData(form).get('notes')).to.equal('kept');
    box(el).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '!' });
    await settle(el);
    expect(new FormData(form).get('notes')).to.equal('kept!');
    form.reset();
    await settle(el);
    expect(box(el).value).to.equal('kept');
  });

  it('a value of the wrong shape warns once, the box keeps working; axe passes in light and dark', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashTextarea>(html`<dash-textarea id="w" aria-label="Notes" value='[1,2]'></dash-textarea>`);
      el.requestUpdate();
      await settle(el);
      expect(warnings.filter((w) => w.startsWith('<dash-textarea id="w">') && w.includes('value'))).to.have.length(1);
      box(el).select();
      box(el).focus();
      await sendKeys({ type: 'fine' });
      await settle(el);
      expect(el.value).to.equal('fine');
      expect(() => el.checkProp('value', {})).to.throw(/value must be/);
      await expect(el).to.be.accessible();
      el.style.colorScheme = 'dark';
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });
});

const adapter: ControlAdapter = {
  tag: 'dash-textarea',
  attributes: 'value="abc"',
  value: 'abc',
  submits: ['abc'],
  keys: ['End', 'x'],
  valueAfterKeys: 'abcx',
  role: 'textbox',
};
runFormControlTests(adapter);
runAccessibleNameTests(adapter);
runBadInputTests(adapter, [{ attribute: 'value', value: '[1,2]' }]);
