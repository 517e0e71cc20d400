import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yTree, findNode } from '../../../test/browser/a11y-tree.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { clickCenter, recordEvents } from '../../../test/browser/user-actions.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import '../../dash-radio-items.js';
import '../../dash-callback.js';
import type { DashRadioItems } from './radio-items.js';

const CITIES = [
  { label: 'New York City', value: 'NYC' },
  { label: 'Montréal', value: 'MTL', disabled: true },
  { label: 'San Francisco', value: 'SF' },
  { label: 'Boston', value: 'BOS' },
];

const radios = (el: DashRadioItems) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
const checked = (el: DashRadioItems) => radios(el).map((b) => b.checked);
const focused = (el: DashRadioItems) => radios(el).indexOf(el.shadowRoot!.activeElement as HTMLInputElement);

const cities = (value: unknown = null) =>
  fixture<DashRadioItems>(html`<dash-radio-items aria-label="City" .options=${CITIES} .value=${value}></dash-radio-items>`);

describe('dash-radio-items', () => {
  it('reads options and value from attributes; value reflects; default null', async () => {
    const el = await fixture<DashRadioItems>(html`<dash-radio-items aria-label="x" options='["a","b",3]' value="3"></dash-radio-items>`);
    expect(el.value).to.equal(3);
    expect(checked(el)).to.deep.equal([false, false, true]);
    el.value = 'a';
    await settle(el);
    expect(el.getAttribute('value')).to.equal('a');
    expect(checked(el)).to.deep.equal([true, false, false]);
    const empty = await fixture<DashRadioItems>(html`<dash-radio-items aria-label="x"></dash-radio-items>`);
    expect(empty.value).to.equal(null);
  });

  it('a click selects; clicking the selected one changes nothing; a disabled one cannot be picked', async () => {
    const el = await cities();
    const { log, props } = recordEvents(el);
    await clickCenter(radios(el)[2]);
    await clickCenter(radios(el)[2]);
    await clickCenter(radios(el)[1]);
    await settle(el);
    expect(el.value).to.equal('SF');
    expect(log).to.deep.equal(['input', 'change']);
    expect(props).to.deep.equal([{ prop: 'value', value: 'SF', user: true }]);
  });

  it('is one tab stop; arrows move, skip disabled options, wrap, and select', async () => {
    const el = await cities('NYC');
    const before = document.createElement('button');
    before.textContent = 'before';
    const after = document.createElement('button');
    after.textContent = 'after';
    el.before(before);
    el.after(after);
    const { log } = recordEvents(el);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(0);
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.value).to.equal('SF'); // Montréal is disabled
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.value).to.equal('BOS');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.value).to.equal('NYC');
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(el.value).to.equal('BOS');
    expect(log).to.deep.equal(['input', 'change', 'input', 'change', 'input', 'change', 'input', 'change']);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal(3); // back to the selected option
    before.remove();
    after.remove();
  });

  it('Space selects the focused option when none is selected', async () => {
    const el = await cities();
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.value).to.equal('NYC');
    before.remove();
  });

  it('is a radiogroup named by aria-label or <label for>', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <label for="scale">Scale</label>
      <dash-radio-items id="scale" options='["Linear","Log"]' value="Log"></dash-radio-items>
      <dash-radio-items aria-label="Country" options='["Canada"]'></dash-radio-items>
    </div>`);
    await settle(wrap.querySelector('dash-radio-items')!);
    const scale = await a11yTree('#scale');
    expect(scale).to.include({ role: 'radiogroup', name: 'Scale' });
    expect(findNode(scale, (n) => n.role === 'radio' && n.name === 'Log')).to.include({ checked: true });
    expect(await a11yTree('[aria-label="Country"]')).to.include({ role: 'radiogroup', name: 'Country' });
  });

  it('passes axe in light and dark', async () => {
    const el = await cities('SF');
    await expect(el).to.be.accessible();
    el.style.colorScheme = 'dark';
    await expect(el).to.be.accessible();
  });

  it('options that no longer offer the value set it to null, announced', async () => {
    const el = await cities('SF');
    const { props } = recordEvents(el);
    el.options = ['NYC', 'BOS'];
    await settle(el);
    expect(el.value).to.equal(null);
    expect(el.hasAttribute('value')).to.equal(false);
    expect(props.find((p) => p.prop === 'value')).to.deep.equal({ prop: 'value', value: null, user: false });
  });

  it('submits under name, resets, and the radios of two groups stay apart', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <dash-radio-items name="a" aria-label="a" .options=${CITIES} value="NYC"></dash-radio-items>
      <dash-radio-items name="b" aria-label="b" .options=${CITIES} value="SF"></dash-radio-items>
    </form>`);
    const [a, b] = form.querySelectorAll('dash-radio-items');
    await settle(a);
    expect([...new FormData(form)]).to.deep.equal([['a', 'NYC'], ['b', 'SF']]);
    await clickCenter(radios(a)[3]);
    await settle(a);
    expect([...new FormData(form)]).to.deep.equal([['a', 'BOS'], ['b', 'SF']]);
    expect(checked(b)).to.deep.equal([false, false, true, false]);
    form.reset();
    await settle(a);
    expect(a.value).to.equal('NYC');
    expect(checked(a)).to.deep.equal([true, false, false, false]);
  });

  it('disabled set and cleared twice in one task, by attribute and property, then works by keyboard', async () => {
    const el = await cities('NYC');
    el.disabled = true;
    el.disabled = false;
    el.setAttribute('disabled', '');
    el.removeAttribute('disabled');
    await settle(el);
    radios(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.value).to.equal('SF');
    el.disabled = true;
    await settle(el);
    await clickCenter(radios(el)[3]);
    await settle(el);
    expect(el.value).to.equal('SF');
    el.disabled = false;
    await settle(el);
    await clickCenter(radios(el)[3]);
    await settle(el);
    expect(el.value).to.equal('BOS');
  });

  it('a wrong value warns once naming the element and selects nothing; callbacks cannot write one', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashRadioItems>(html`<dash-radio-items id="r" aria-label="x" options='["a","b"]' value='{"x":1}'></dash-radio-items>`);
      el.requestUpdate();
      await settle(el);
      expect(checked(el)).to.deep.equal([false, false]);
      expect(warnings.filter((w) => w.startsWith('<dash-radio-items id="r">') && w.includes('value'))).to.have.length(1);
      await clickCenter(radios(el)[1]);
      await settle(el);
      expect(el.value).to.equal('b');
      expect(() => el.checkProp('value', ['a'])).to.throw(/value must be/);
    } finally {
      restore();
    }
  });

  it('chained: one radio group sets the options and value of another (Dash chained callbacks)', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-radio-items id="country" aria-label="Country" options='["America","Canada"]' value="America"></dash-radio-items>
      <dash-radio-items id="city" aria-label="City"></dash-radio-items>
      <dash-callback inputs="country.value" outputs="city.options" .fn=${(c: string) => (c === 'America' ? ['New York City', 'San Francisco'] : ['Montréal', 'Toronto'])}></dash-callback>
      <dash-callback inputs="city.options" outputs="city.value" .fn=${(o: string[]) => o[0]}></dash-callback>
    </div>`);
    const country = wrap.querySelector<DashRadioItems>('#country')!;
    const city = wrap.querySelector<DashRadioItems>('#city')!;
    await settle(city);
    await settle(city);
    expect(city.value).to.equal('New York City');
    await clickCenter(radios(country)[1]);
    await settle(country);
    await settle(city);
    await settle(city);
    expect(city.value).to.equal('Montréal');
    expect(checked(city)).to.deep.equal([true, false]);
  });
});

const adapter: ControlAdapter = {
  tag: 'dash-radio-items',
  attributes: `options='["a","b","c"]' value="a"`,
  value: 'a',
  submits: ['a'],
  keys: ['ArrowDown'],
  valueAfterKeys: 'b',
  role: 'radiogroup',
};
runFormControlTests(adapter);
runAccessibleNameTests(adapter);
runBadInputTests(adapter, [
  { attribute: 'options', value: '{oops' },
  { attribute: 'value', value: '{"x":1}' },
]);
