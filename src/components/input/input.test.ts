import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yTree, findNode } from '../../../test/browser/a11y-tree.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { clickCenter, recordEvents } from '../../../test/browser/user-actions.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import '../../dash-input.js';
import '../../dash-callback.js';
import type { DashInput } from './input.js';
import type { DashCallback } from '../callback/callback.js';

const box = (el: DashInput) => el.shadowRoot!.querySelector('input')!;

async function typeInto(el: DashInput, text: string) {
  box(el).focus();
  await sendKeys({ type: text });
  await settle(el);
}

describe('dash-input: value and debounce', () => {
  it("has Dash's defaults", async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x"></dash-input>`);
    expect([el.type, el.value, el.debounce, el.step, el.nSubmit, el.nBlur, el.nSubmitTimestamp, el.nBlurTimestamp]).to.deep.equal([
      'text', null, false, 'any', 0, 0, -1, -1,
    ]);
    expect(box(el).type).to.equal('text');
  });

  it('follows every keystroke by default, firing input and dash-prop-change (user)', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x"></dash-input>`);
    const { log, props } = recordEvents(el);
    await typeInto(el, 'abc');
    expect(el.value).to.equal('abc');
    expect(el.getAttribute('value')).to.equal('abc');
    expect(log).to.deep.equal(['input', 'input', 'input']);
    expect(props.filter((p) => p.prop === 'value').map((p) => [p.value, p.user])).to.deep.equal([
      ['a', true], ['ab', true], ['abc', true],
    ]);
    box(el).blur();
    await settle(el);
    expect(log.at(-1)).to.equal('change');
    expect(el.nBlur).to.equal(1);
    expect(el.nBlurTimestamp).to.be.greaterThan(0);
  });

  it('shows a value written from outside, without input/change', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" value="North"></dash-input>`);
    expect(box(el).value).to.equal('North');
    const { log } = recordEvents(el);
    el.value = 'South';
    await settle(el);
    expect(box(el).value).to.equal('South');
    el.value = null;
    await settle(el);
    expect(box(el).value).to.equal('');
    expect(log).to.deep.equal([]);
  });

  it('debounce: value changes only on Enter or blur; Enter counts nSubmit either way', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" debounce></dash-input>`);
    expect(el.debounce).to.equal(true);
    await typeInto(el, 'Par');
    expect(el.value).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal('Par');
    expect(el.nSubmit).to.equal(1);
    expect(el.nSubmitTimestamp).to.be.greaterThan(0);
    await sendKeys({ type: 'is' });
    await settle(el);
    expect(el.value).to.equal('Par');
    box(el).blur();
    await settle(el);
    expect(el.value).to.equal('Paris');
    expect(el.nBlur).to.equal(1);
    expect(el.nSubmit).to.equal(1);
    await sendKeys({ press: 'Enter' }); // not focused: nothing
    box(el).focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.nSubmit).to.equal(2);
    expect(el.value).to.equal('Paris');
  });

  it('debounce in seconds: the value waits for quiet, then commits once', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" debounce="0.2"></dash-input>`);
    expect(el.debounce).to.equal(0.2);
    const { props } = recordEvents(el);
    await typeInto(el, 'abcd');
    expect(el.value).to.equal(null);
    await waitUntil(() => el.value === 'abcd', 'debounced value never committed', { timeout: 3000 });
    await settle(el);
    expect(props.filter((p) => p.prop === 'value').map((p) => p.value)).to.deep.equal(['abcd']);
  });

  it('"false" and a removed attribute turn debounce off', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" debounce="false"></dash-input>`);
    expect(el.debounce).to.equal(false);
    el.setAttribute('debounce', '');
    expect(el.debounce).to.equal(true);
    el.removeAttribute('debounce');
    expect(el.debounce).to.equal(false);
  });
});

describe('dash-input: type="number"', () => {
  it('gives numbers, null when cleared', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" type="number" value="5"></dash-input>`);
    expect(el.value).to.equal(5);
    expect(box(el).value).to.equal('5');
    box(el).focus();
    box(el).select();
    await sendKeys({ type: '12.5' });
    await settle(el);
    expect(el.value).to.equal(12.5);
    box(el).select();
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(el.value).to.equal(null);
  });

  it('null when constraint validation rejects the entry: out of min..max, off step, not a number', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" type="number" min="0" max="10" step="2"></dash-input>`);
    await typeInto(el, '4');
    expect(el.value).to.equal(4);
    await sendKeys({ type: '0' }); // 40 > max
    await settle(el);
    expect(el.value).to.equal(null);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '3' }); // off step
    await settle(el);
    expect(el.value).to.equal(null);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '-' }); // not a number yet
    await settle(el);
    expect(el.value).to.equal(null);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '8' });
    await settle(el);
    expect(el.value).to.equal(8);
  });

  it('a callback writing null while "-" is typed keeps the "-", and the next key gives -5', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-input id="n" aria-label="x" type="number"></dash-input>
      <dash-callback inputs="n.value" outputs="n.value" .fn=${(v: number | null) => v}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashInput>('dash-input')!;
    await settle(el);
    await typeInto(el, '-');
    await settle(el);
    await sendKeys({ type: '5' });
    await settle(el);
    expect(el.value).to.equal(-5);
    expect(box(el).value).to.equal('-5');
  });
});

describe('dash-input: a callback writing while a person types', () => {
  it('keeps the caret where it was and every keystroke', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-input id="t" aria-label="x"></dash-input>
      <dash-callback inputs="t.value" outputs="t.value" .fn=${(v: string | null) => (v ?? '').toUpperCase()}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashInput>('dash-input')!;
    await typeInto(el, 'hello');
    await settle(el);
    expect(box(el).value).to.equal('HELLO');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: 'x' });
    await settle(el);
    await settle(el);
    expect(box(el).value).to.equal('HEXLLO');
    expect(box(el).selectionStart).to.equal(3);
    await sendKeys({ type: 'yz' });
    await settle(el);
    await settle(el);
    expect(el.value).to.equal('HEXYZLLO');
    expect(box(el).selectionStart).to.equal(5);
  });

  it('an async callback echoing the value never undoes what was typed since', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-input id="t" aria-label="x"></dash-input>
      <p id="echo"></p>
      <dash-callback id="cb" inputs="t.value" outputs="t.value, echo.children"></dash-callback>
    </div>`);
    const cb = wrap.querySelector<DashCallback>('dash-callback')!;
    cb.fn = async (v: unknown) => {
      await new Promise((r) => setTimeout(r, 20));
      return [v, String(v)];
    };
    const el = wrap.querySelector<DashInput>('dash-input')!;
    await typeInto(el, 'typing fast');
    await waitUntil(() => wrap.querySelector('#echo')!.textContent === 'typing fast', 'echo never arrived', { timeout: 3000 });
    expect(box(el).value).to.equal('typing fast');
    expect(el.value).to.equal('typing fast');
  });

  it('debounce: a write arriving during an uncommitted edit does not eat it', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x" debounce value="start"></dash-input>`);
    box(el).focus();
    box(el).select();
    await sendKeys({ type: 'mine' });
    el.value = 'theirs';
    await settle(el);
    expect(box(el).value).to.equal('mine');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal('mine');
    // committed: a callback clearing the box after submit (a chat box) works
    el.value = '';
    await settle(el);
    expect(box(el).value).to.equal('');
  });
});

describe('dash-input: forms, disabled, attributes, bad input', () => {
  it('submits under name, resets, and reports the box validity to its form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><dash-input name="q" aria-label="q" value="dash" required></dash-input></form>`);
    const el = form.querySelector('dash-input')!;
    await settle(el);
    expect(new FormData(form).get('q')).to.equal('dash');
    box(el).focus();
    box(el).select();
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(el.value).to.equal('');
    expect(form.checkValidity()).to.equal(false);
    await sendKeys({ type: 'plotly' });
    await settle(el);
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('q')).to.equal('plotly');
    form.reset();
    await settle(el);
    expect(el.value).to.equal('dash');
    expect(box(el).value).to.equal('dash');
  });

  it('disabled set and cleared twice in one task, by attribute and property, then types again', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="x"></dash-input>`);
    el.disabled = true;
    el.disabled = false;
    el.setAttribute('disabled', '');
    el.removeAttribute('disabled');
    await settle(el);
    await typeInto(el, 'a');
    expect(el.value).to.equal('a');
    el.disabled = true;
    await settle(el);
    expect(box(el).disabled).to.equal(true);
    el.disabled = false;
    await settle(el);
    expect(box(el).disabled).to.equal(false);
    await clickCenter(box(el));
    await sendKeys({ type: 'b' });
    await settle(el);
    expect(el.value).to.equal('ab');
  });

  it('passes the HTML attributes to the box and copies a page <datalist>', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <datalist id="colors"><option value="red"></option><option value="green"></option></datalist>
      <dash-input aria-label="x" type="email" placeholder="you@example.com" max-length="20" min-length="3" pattern=".+@.+"
        auto-complete="email" input-mode="email" size="30" spell-check="false" list="colors" read-only multiple></dash-input>
    </div>`);
    const el = wrap.querySelector<DashInput>('dash-input')!;
    await settle(el);
    const b = box(el);
    expect([b.type, b.placeholder, b.maxLength, b.minLength, b.pattern, b.autocomplete, b.inputMode, b.size, b.spellcheck, b.readOnly, b.multiple]).to.deep.equal([
      'email', 'you@example.com', 20, 3, '.+@.+', 'email', 'email', 30, false, true, true,
    ]);
    expect(Array.from(b.list!.options, (o) => o.value)).to.deep.equal(['red', 'green']);
  });

  it('type="hidden" renders nothing visible; range gives numbers', async () => {
    const hidden = await fixture<DashInput>(html`<dash-input type="hidden" value="secret"></dash-input>`);
    expect(hidden.getBoundingClientRect().height).to.equal(0);
    const range = await fixture<DashInput>(html`<dash-input aria-label="r" type="range" min="0" max="10" step="1" value="3"></dash-input>`);
    box(range).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(range);
    expect(range.value).to.equal(4);
  });

  it('bad type or value warns once naming the element, and the box keeps working', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashInput>(html`<dash-input id="bad" aria-label="x" type="bogus" value='{"a":1}'></dash-input>`);
      el.requestUpdate();
      await settle(el);
      expect(warnings.filter((w) => w.startsWith('<dash-input id="bad">') && w.includes('type'))).to.have.length(1);
      expect(warnings.filter((w) => w.startsWith('<dash-input id="bad">') && w.includes('value'))).to.have.length(1);
      expect(box(el).type).to.equal('text');
      box(el).select();
      await typeInto(el, 'ok');
      expect(el.value).to.equal('ok');
      expect(() => el.checkProp('value', { a: 1 })).to.throw(/value must be/);
    } finally {
      restore();
    }
  });

  it('is a textbox named by aria-label or <label for>; clicking the label focuses the box', async () => {
    const wrap = await fixture<HTMLElement>(html`<div id="w">
      <label for="city">Home city</label><dash-input id="city"></dash-input>
      <dash-input id="qty" aria-label="Quantity" type="number"></dash-input>
    </div>`);
    const tree = await a11yTree('#w');
    expect(findNode(tree, (n) => n.role === 'textbox' && n.name === 'Home city')).to.not.equal(null);
    expect(findNode(tree, (n) => n.role === 'spinbutton' && n.name === 'Quantity')).to.not.equal(null);
    await clickCenter(wrap.querySelector('label')!);
    expect(document.activeElement).to.equal(wrap.querySelector('#city'));
    await sendKeys({ type: 'Oslo' });
    await settle(wrap.querySelector<DashInput>('#city')!);
    expect(wrap.querySelector<DashInput>('#city')!.value).to.equal('Oslo');
  });

  it('passes axe in light and dark', async () => {
    const el = await fixture<DashInput>(html`<dash-input aria-label="City" value="Paris"></dash-input>`);
    await expect(el).to.be.accessible();
    el.style.colorScheme = 'dark';
    await expect(el).to.be.accessible();
  });

  it('nSubmit wires to a callback (Dash: n_submit)', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-input id="q" aria-label="x" debounce></dash-input>
      <p id="out"></p>
      <dash-callback inputs="q.n_submit" state="q.value" outputs="out.children" prevent-initial-call .fn=${(n: number, v: string) => `${n}:${v}`}></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashInput>('dash-input')!;
    await settle(el);
    await typeInto(el, 'go');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await waitUntil(() => wrap.querySelector('#out')!.textContent === '1:go', 'callback did not run', { timeout: 3000 });
  });
});

describe('dash-input: persistence', () => {
  beforeEach(() => sessionStorage.clear());

  it('what a person typed survives a reload (same markup again)', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const markup = `<dash-input id="keep" aria-label="x" persistence persistence-type="session" value="start"></dash-input>`;
    const mount = async () => {
      host.innerHTML = markup;
      const el = host.firstElementChild as DashInput;
      await settle(el);
      return el;
    };
    let el = await mount();
    box(el).select();
    await typeInto(el, 'kept');
    el = await mount();
    expect(el.value).to.equal('kept');
    expect(box(el).value).to.equal('kept');
  });
});

const adapter: ControlAdapter = {
  tag: 'dash-input',
  attributes: 'value="abc"',
  value: 'abc',
  submits: ['abc'],
  keys: ['End', 'x'],
  valueAfterKeys: 'abcx',
  role: 'textbox',
};
runFormControlTests(adapter);
runAccessibleNameTests(adapter);
runBadInputTests(adapter, [
  { attribute: 'type', value: 'bogus' },
  { attribute: 'value', value: '{"a":1}' },
]);
