import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { a11yTree, findNode } from '../../../test/browser/a11y-tree.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { clickCenter, recordEvents } from '../../../test/browser/user-actions.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import '../../dash-checklist.js';
import '../../dash-callback.js';
import type { DashChecklist } from './checklist.js';

const CITIES = [
  { label: 'New York City', value: 'NYC' },
  { label: 'Montréal', value: 'MTL' },
  { label: 'San Francisco', value: 'SF' },
  { label: 'Boston', value: 'BOS', disabled: true },
];

const boxes = (el: DashChecklist) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
const labels = (el: DashChecklist) => [...el.shadowRoot!.querySelectorAll('[part~="label"]')].map((n) => n.textContent);
const checked = (el: DashChecklist) => boxes(el).map((b) => b.checked);

const cities = (value: unknown[] = []) =>
  fixture<DashChecklist>(html`<dash-checklist aria-label="Cities" .options=${CITIES} .value=${value}></dash-checklist>`);

describe('dash-checklist: options and value', () => {
  it('reads options as strings, objects and a {value: label} map, and value from JSON', async () => {
    const el = await fixture<DashChecklist>(html`<dash-checklist aria-label="x" options='["North","South",3]' value='["South"]'></dash-checklist>`);
    expect(labels(el)).to.deep.equal(['North', 'South', '3']);
    expect(checked(el)).to.deep.equal([false, true, false]);
    el.options = { a: 'Alpha', b: 'Beta' };
    el.value = ['b'];
    await settle(el);
    expect(labels(el)).to.deep.equal(['Alpha', 'Beta']);
    expect(checked(el)).to.deep.equal([false, true]);
  });

  it('defaults to an empty list, not inline', async () => {
    const el = await fixture<DashChecklist>(html`<dash-checklist aria-label="x"></dash-checklist>`);
    expect(el.value).to.deep.equal([]);
    expect(el.inline).to.equal(false);
    expect(boxes(el)).to.have.length(0);
  });

  it('renders labels as text, never HTML', async () => {
    const el = await fixture<DashChecklist>(html`<dash-checklist aria-label="x" .options=${[{ label: '<img src=x onerror=alert(1)><b>bold</b>', value: 'a' }]}></dash-checklist>`);
    expect(labels(el)).to.deep.equal(['<img src=x onerror=alert(1)><b>bold</b>']);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
  });

  it('builds the value in click order and fires input, change and dash-prop-change', async () => {
    const el = await cities();
    const { log, props } = recordEvents(el);
    await clickCenter(boxes(el)[2]);
    await clickCenter(boxes(el)[0]);
    await settle(el);
    expect(el.value).to.deep.equal(['SF', 'NYC']);
    expect(log).to.deep.equal(['input', 'change', 'input', 'change']);
    expect(props.map((p) => [p.prop, p.value, p.user])).to.deep.equal([
      ['value', ['SF'], true],
      ['value', ['SF', 'NYC'], true],
    ]);
    await clickCenter(boxes(el)[2]);
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);
    expect(checked(el)).to.deep.equal([true, false, false, false]);
  });

  it('clicking the label text toggles, and a disabled option cannot be checked', async () => {
    const el = await cities();
    const texts = [...el.shadowRoot!.querySelectorAll('[part~="label"]')];
    await clickCenter(texts[1]);
    await clickCenter(texts[1]);
    await clickCenter(texts[1]);
    await clickCenter(texts[3]);
    await settle(el);
    expect(el.value).to.deep.equal(['MTL']);
  });

  it('a value written from outside updates the boxes and fires no input/change', async () => {
    const el = await cities(['NYC']);
    const { log, props } = recordEvents(el);
    el.value = ['SF', 'MTL'];
    await settle(el);
    expect(checked(el)).to.deep.equal([false, true, true, false]);
    expect(log).to.deep.equal([]);
    expect(props).to.deep.equal([{ prop: 'value', value: ['SF', 'MTL'], user: false }]);
    el.value = ['SF', 'MTL'];
    await settle(el);
    expect(props).to.have.length(1);
    // the person then unchecks one: the order written from outside is kept
    await clickCenter(boxes(el)[2]);
    await settle(el);
    expect(el.value).to.deep.equal(['MTL']);
  });

  it('options removed by a callback drop out of the value, announced', async () => {
    const el = await cities(['NYC', 'SF', 'MTL']);
    const { props } = recordEvents(el);
    el.options = CITIES.filter((c) => c.value !== 'SF');
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'MTL']);
    expect(props.find((p) => p.prop === 'value')).to.deep.equal({ prop: 'value', value: ['NYC', 'MTL'], user: false });
  });

  it('inline lays the options in a row', async () => {
    const el = await cities();
    const [a, b] = el.shadowRoot!.querySelectorAll('[part~="option"]');
    expect(a.getBoundingClientRect().top).to.be.below(b.getBoundingClientRect().top);
    el.inline = true;
    await settle(el);
    expect(a.getBoundingClientRect().top).to.equal(b.getBoundingClientRect().top);
    expect(el.hasAttribute('inline')).to.equal(true);
  });

  it('applies labelStyle, inputStyle and the class names (also as part names)', async () => {
    const el = await fixture<DashChecklist>(html`<dash-checklist
      aria-label="x"
      options='["a","b"]'
      label-style='{"color":"rgb(255, 0, 0)","marginRight":12,"--ring":"blue"}'
      input-style='{"marginRight":5}'
      label-class-name="pill big"
      input-class-name="box"
    ></dash-checklist>`);
    const option = el.shadowRoot!.querySelector<HTMLElement>('[part~="option"]')!;
    const input = boxes(el)[0];
    expect(getComputedStyle(option).color).to.equal('rgb(255, 0, 0)');
    expect(option.style.marginRight).to.equal('12px');
    expect(option.style.getPropertyValue('--ring')).to.equal('blue');
    expect(input.style.marginRight).to.equal('5px');
    expect(option.getAttribute('part')).to.equal('option pill big');
    expect(option.classList.contains('pill')).to.equal(true);
    expect(input.getAttribute('part')).to.equal('input box');
    el.labelStyle = { fontWeight: 700 };
    await settle(el);
    expect(option.style.color).to.equal('');
    expect(option.style.fontWeight).to.equal('700');
  });
});

describe('dash-checklist: keyboard and accessibility', () => {
  it('Tab reaches every enabled box and Space toggles it', async () => {
    const el = await cities();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'SF']);
    before.remove();
  });

  it('is a group named by aria-label or <label for>', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <label for="topics">Topics</label>
      <dash-checklist id="topics" options='["a","b"]'></dash-checklist>
      <dash-checklist aria-label="Cities" options='["c"]'></dash-checklist>
    </div>`);
    await settle(wrap.querySelector('dash-checklist')!);
    const topics = await a11yTree('#topics');
    expect(topics).to.include({ role: 'group', name: 'Topics' });
    expect(findNode(topics, (n) => n.role === 'checkbox' && n.name === 'a')).to.not.equal(null);
    const cities = await a11yTree('[aria-label="Cities"]');
    expect(cities).to.include({ role: 'group', name: 'Cities' });
  });

  it('passes axe in light and dark', async () => {
    const el = await cities(['NYC']);
    await expect(el).to.be.accessible();
    el.style.colorScheme = 'dark';
    await expect(el).to.be.accessible();
  });
});

describe('dash-checklist: forms and disabled', () => {
  it('submits one entry per checked value under name, and resets', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <dash-checklist name="city" aria-label="x" .options=${CITIES} .value=${['MTL']}></dash-checklist>
    </form>`);
    const el = form.querySelector('dash-checklist')!;
    await settle(el);
    expect(new FormData(form).getAll('city')).to.deep.equal(['MTL']);
    await clickCenter(boxes(el)[2]);
    await settle(el);
    expect(new FormData(form).getAll('city')).to.deep.equal(['MTL', 'SF']);
    form.reset();
    await settle(el);
    expect(el.value).to.deep.equal(['MTL']);
    expect(checked(el)).to.deep.equal([false, true, false, false]);
  });

  it('disabled set and cleared twice in one task (attribute and property), then works', async () => {
    const el = await cities();
    el.setAttribute('disabled', '');
    el.removeAttribute('disabled');
    el.disabled = true;
    el.disabled = false;
    await settle(el);
    expect(boxes(el).map((b) => b.disabled)).to.deep.equal([false, false, false, true]);
    await clickCenter(boxes(el)[0]);
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);

    el.disabled = true;
    await settle(el);
    expect(el.hasAttribute('disabled')).to.equal(true);
    await clickCenter(boxes(el)[1]);
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);
    el.removeAttribute('disabled');
    await settle(el);
    el.setAttribute('disabled', '');
    await settle(el);
    el.removeAttribute('disabled');
    await settle(el);
    await clickCenter(boxes(el)[1]);
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'MTL']);
  });

  it('a disabled fieldset disables it, and it works again when enabled', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset><dash-checklist name="c" aria-label="x" options='["a","b"]'></dash-checklist></fieldset></form>`);
    const fieldset = form.querySelector('fieldset')!;
    const el = form.querySelector('dash-checklist')!;
    fieldset.disabled = true;
    await settle(el);
    expect(boxes(el)[0].disabled).to.equal(true);
    fieldset.disabled = false;
    await settle(el);
    await clickCenter(boxes(el)[0]);
    await settle(el);
    expect(el.value).to.deep.equal(['a']);
  });
});

describe('dash-checklist: bad input and callbacks', () => {
  it('malformed options JSON warns once naming element and attribute, and keeps working', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashChecklist>(html`<dash-checklist id="bad" aria-label="x" options='["a",'></dash-checklist>`);
      el.setAttribute('options', '["a","b"]');
      await settle(el);
      el.setAttribute('options', '{oops');
      await settle(el);
      expect(labels(el)).to.deep.equal(['a', 'b']);
      expect(warnings.filter((w) => w.includes('<dash-checklist id="bad">') && w.includes('"options"'))).to.have.length(2);
    } finally {
      restore();
    }
  });

  it('a scalar value warns once and is read as a one-entry list; wrong option shapes are skipped', async () => {
    const { messages: warnings, restore } = captureWarnings();
    try {
      const el = await fixture<DashChecklist>(html`<dash-checklist id="v" aria-label="x" .options=${['a', { nope: 1 }, 'b']} value="b"></dash-checklist>`);
      expect(checked(el)).to.deep.equal([false, true]);
      expect(warnings.filter((w) => w.includes('value must be an array'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('options must be'))).to.have.length(1);
      await clickCenter(boxes(el)[0]);
      await settle(el);
      expect(el.value).to.deep.equal(['b', 'a']);
    } finally {
      restore();
    }
  });

  it('works as a callback input and output', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-checklist id="src" aria-label="x" options='["a","b","c"]'></dash-checklist>
      <dash-checklist id="dst" aria-label="y" options='["a","b","c"]'></dash-checklist>
      <p id="out"></p>
      <dash-callback inputs="src.value" outputs="dst.value, out.children" .fn=${(v: string[]) => [[...v].reverse(), v.join('+')]}></dash-callback>
    </div>`);
    const src = wrap.querySelector<DashChecklist>('#src')!;
    const dst = wrap.querySelector<DashChecklist>('#dst')!;
    await settle(src);
    await clickCenter(boxes(src)[1]);
    await clickCenter(boxes(src)[2]);
    await settle(src);
    await settle(dst);
    expect(dst.value).to.deep.equal(['c', 'b']);
    expect(checked(dst)).to.deep.equal([false, true, true]);
    expect(wrap.querySelector('#out')!.textContent).to.equal('b+c');
  });

  it('a callback refuses a non-array value', async () => {
    const el = await cities();
    expect(() => el.checkProp('value', 'NYC')).to.throw(/value must be an array/);
    expect(() => el.checkProp('options', 3)).to.throw(/options/);
  });
});

describe('dash-checklist: persistence', () => {
  beforeEach(() => localStorage.clear());

  it('a person\'s checks survive a reload (same markup again); a callback write drops them', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const markup = `<dash-checklist id="keep" aria-label="x" persistence options='["a","b","c"]' value='["a"]'></dash-checklist>`;
    const mount = async () => {
      host.innerHTML = markup;
      const el = host.firstElementChild as DashChecklist;
      await settle(el);
      return el;
    };
    let el = await mount();
    await clickCenter(boxes(el)[2]);
    await settle(el);
    expect(el.value).to.deep.equal(['a', 'c']);
    el = await mount();
    expect(el.value).to.deep.equal(['a', 'c']);
    expect(checked(el)).to.deep.equal([true, false, true]);
    el.value = ['b'];
    await settle(el);
    el = await mount();
    expect(el.value).to.deep.equal(['a']);
  });
});

const adapter: ControlAdapter = {
  tag: 'dash-checklist',
  attributes: `options='["a","b","c"]' value='["b"]'`,
  value: ['b'],
  submits: ['b'],
  keys: ['Space'],
  valueAfterKeys: ['b', 'a'],
  role: 'group',
};
runFormControlTests(adapter);
runAccessibleNameTests(adapter);
runBadInputTests(adapter, [
  { attribute: 'options', value: '["a",' },
  { attribute: 'value', value: '{"a":1}' },
]);
