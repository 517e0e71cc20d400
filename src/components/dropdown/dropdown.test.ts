import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../dash-dropdown.js';
import '../../dash-callback.js';
import type { DashDropdown } from './dropdown.js';
import type { DashPropChangeEvent } from '../../internal/events.js';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';

const CITIES = [
  { label: 'New York City', value: 'NYC' },
  { label: 'Montreal', value: 'MTL' },
  { label: 'San Francisco', value: 'SF' },
  { label: 'Boston', value: 'BOS', disabled: true },
  { label: 'Chicago', value: 'CHI', search: 'windy' },
];

const input = (el: DashDropdown) => el.shadowRoot!.querySelector('input')!;
const listbox = (el: DashDropdown) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const rows = (el: DashDropdown) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const rowTexts = (el: DashDropdown) => rows(el).map((r) => r.textContent!.trim());
const chips = (el: DashDropdown) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="chip"]')];
const isOpen = (el: DashDropdown) => input(el).getAttribute('aria-expanded') === 'true';
const activeRow = (el: DashDropdown) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id) : null;
};

function collect(el: HTMLElement) {
  const log: string[] = [];
  const props: DashPropChangeEvent['detail'][] = [];
  el.addEventListener('input', () => log.push('input'));
  el.addEventListener('change', () => log.push('change'));
  el.addEventListener('dash-prop-change', (e) => props.push(e.detail));
  return { log, props };
}

async function center(node: Element): Promise<[number, number]> {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

async function click(node: Element) {
  await sendMouse({ type: 'click', position: await center(node) });
}

async function cities() {
  const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="City" .options=${CITIES}></dash-dropdown>`);
  return el;
}

before(async () => {
  await setViewport({ width: 900, height: 700 });
});

afterEach(async () => {
  // park the pointer away from any open list
  await sendMouse({ type: 'move', position: [890, 690] });
});

// The first test in this file: nothing has needed the dropdown's view (its lazy chunk) yet.
describe('dash-dropdown: before its view has loaded', () => {
  const viewFetched = () => performance.getEntriesByType('resource').some((e) => /dropdown\/dropdown-view\.ts/.test(e.name));

  it('loads its view when it connects; show() called before the view is there opens the list once it is', async () => {
    const el = document.createElement('dash-dropdown') as DashDropdown;
    el.setAttribute('aria-label', 'City');
    el.options = CITIES;
    el.value = 'MTL';
    // The Dash API works without the view: set and read back at once, bad values refused.
    expect(el.value).to.equal('MTL');
    expect(() => el.checkProp('value', { a: 1 })).to.throw(TypeError);
    const other = document.createElement('dash-dropdown') as DashDropdown;
    other.setAttribute('aria-label', 'Other');
    other.options = CITIES;
    expect(viewFetched()).to.equal(false);
    document.body.append(el, other);
    el.show();
    el.hide();
    el.show();
    other.show();
    other.hide();
    await Promise.all([settle(el), settle(other)]);
    expect(viewFetched()).to.equal(true);
    expect(isOpen(el)).to.equal(true);
    expect(isOpen(other)).to.equal(false);
    other.remove();
    expect(activeRow(el)!.textContent!.trim()).to.equal('Montreal');
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('Montreal');
    el.hide();
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    el.remove();
  });
});

describe('dash-dropdown: properties and attributes', () => {
  it('reads options as strings, objects and a {value: label} map', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="x" options='["North","South",3]'></dash-dropdown>`);
    el.show();
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['North', 'South', '3']);

    el.options = { a: 'Alpha', b: 'Beta' };
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['Alpha', 'Beta']);
    await click(rows(el)[1]);
    expect(el.value).to.equal('b');

    el.options = CITIES;
    await settle(el);
    el.show();
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['New York City', 'Montreal', 'San Francisco', 'Boston', 'Chicago']);
    expect(rows(el)[3].getAttribute('aria-disabled')).to.equal('true');
  });

  it('reads the value attribute as JSON or text and reflects it', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown options='["North","3",3]' value="North"></dash-dropdown>`);
    expect(el.value).to.equal('North');
    el.setAttribute('value', '3');
    expect(el.value).to.equal(3);
    el.setAttribute('value', '"3"');
    expect(el.value).to.equal('3');
    el.value = 'North';
    await el.updateComplete;
    expect(el.getAttribute('value')).to.equal('North');
    const multi = await fixture<DashDropdown>(html`<dash-dropdown multi options='["a","b"]' value='["a","b"]'></dash-dropdown>`);
    expect(multi.value).to.deep.equal(['a', 'b']);
  });

  it('has Dash defaults', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown></dash-dropdown>`);
    expect(el.value).to.equal(null);
    expect(el.multi).to.equal(false);
    expect(el.clearable).to.equal(true);
    expect(el.searchable).to.equal(true);
    expect(el.searchValue).to.equal('');
    expect(el.maxHeight).to.equal(200);
    expect(el.optionHeight).to.equal(35);
    expect(input(el).placeholder).to.equal('Select...');
  });

  it('turns clearable and searchable off with ="false"', async () => {
    const el = await fixture<DashDropdown>(
      html`<dash-dropdown clearable="false" searchable="false" options='["a"]' value="a"></dash-dropdown>`,
    );
    expect(el.clearable).to.equal(false);
    expect(el.searchable).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="clear-button"]')).to.equal(null);
    expect(input(el).readOnly).to.equal(true);
  });

  it('shows the placeholder, then the selected label as text', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown placeholder="Pick a city" .options=${CITIES}></dash-dropdown>`);
    expect(input(el).placeholder).to.equal('Pick a city');
    el.value = 'MTL';
    await el.updateComplete;
    expect(input(el).placeholder).to.equal('');
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('Montreal');
  });

  it('uses labels for every UI string (camelCase or snake_case keys)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown
      multi
      aria-label="Ville"
      .options=${['Paris', 'Lyon']}
      .value=${['Paris']}
      labels='{"placeholder":"Choisir…","no_results":"Aucun résultat","selectAll":"Tout","deselectAll":"Aucun","clear":"Effacer","removeChip":"Retirer {label}"}'
    ></dash-dropdown>`);
    expect(el.shadowRoot!.querySelector('[part="clear-button"]')!.getAttribute('aria-label')).to.equal('Effacer');
    expect(el.shadowRoot!.querySelector('[part="chip-remove"]')!.getAttribute('aria-label')).to.equal('Retirer Paris');
    el.value = [];
    await el.updateComplete;
    expect(input(el).placeholder).to.equal('Choisir…');
    el.show();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="select-all"]')!.textContent).to.equal('Tout');
    expect(el.shadowRoot!.querySelector('[part="deselect-all"]')!.textContent).to.equal('Aucun');
    el.searchValue = 'zzz';
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="no-results"]')!.textContent).to.equal('Aucun résultat');
  });

  it('uses maxHeight and optionHeight for the list', async () => {
    const el = await fixture<DashDropdown>(
      html`<dash-dropdown aria-label="n" max-height="100" option-height="20" .options=${Array.from({ length: 50 }, (_, i) => `n${i}`)}></dash-dropdown>`,
    );
    el.show();
    await settle(el);
    expect(listbox(el).getBoundingClientRect().height).to.equal(100);
    expect(rows(el)[0].getBoundingClientRect().height).to.equal(20);
  });
});

describe('dash-dropdown: mouse', () => {
  it('is closed when moved elsewhere in the page while open, and opens again there', async () => {
    const el = await cities();
    el.show();
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    const box = document.createElement('div');
    document.body.append(box);
    box.append(el);
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.querySelector<HTMLElement>('.menu')!.hidden).to.equal(true);
    await click(el);
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    box.remove();
  });

  it('opens on click, selects an option, closes, fires input + change + dash-prop-change', async () => {
    const el = await cities();
    const { log, props } = collect(el);
    await click(el);
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await click(rows(el)[1]);
    await settle(el);
    expect(el.value).to.equal('MTL');
    expect(log).to.deep.equal(['input', 'change']);
    expect(props).to.deep.include({ prop: 'value', value: 'MTL', user: true });
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('ignores clicks on disabled options', async () => {
    const el = await cities();
    await click(el);
    await settle(el);
    await click(rows(el)[3]);
    await settle(el);
    expect(el.value).to.equal(null);
    expect(isOpen(el)).to.equal(true);
  });

  it('closes when clicking outside', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="padding-bottom:300px">
      <dash-dropdown aria-label="City" .options=${CITIES}></dash-dropdown>
      <p id="outside" style="margin-top:260px">outside</p>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    await click(el);
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    await click(wrapper.querySelector('#outside')!);
    await settle(el);
    expect(isOpen(el)).to.equal(false);
  });

  it('clears with the clear button (null single, [] multi)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="c" .options=${CITIES} value="SF"></dash-dropdown>`);
    const { log } = collect(el);
    const clear = el.shadowRoot!.querySelector('[part="clear-button"]')!;
    expect(clear.getAttribute('aria-label')).to.equal('Clear selection');
    await click(clear);
    await settle(el);
    expect(el.value).to.equal(null);
    expect(log).to.deep.equal(['input', 'change']);
    expect(el.shadowRoot!.querySelector('[part="clear-button"]')).to.equal(null);

    const multi = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES} .value=${['SF', 'NYC']}></dash-dropdown>`);
    await click(multi.shadowRoot!.querySelector('[part="clear-button"]')!);
    await settle(multi);
    expect(multi.value).to.deep.equal([]);
  });

  it('multi: toggles options, keeps the list open, removes chips by their buttons', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES}></dash-dropdown>`);
    const { log } = collect(el);
    await click(el);
    await settle(el);
    await click(rows(el)[0]);
    await settle(el);
    await click(rows(el)[2]);
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'SF']);
    expect(isOpen(el)).to.equal(true);
    expect(rows(el)[0].getAttribute('aria-selected')).to.equal('true');
    expect(listbox(el).getAttribute('aria-multiselectable')).to.equal('true');
    expect(chips(el).map((c) => c.querySelector('.chip-label')!.textContent)).to.deep.equal(['New York City', 'San Francisco']);
    await click(rows(el)[0]);
    await settle(el);
    expect(el.value).to.deep.equal(['SF']);
    const remove = chips(el)[0].querySelector('button')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove San Francisco');
    await click(remove);
    await settle(el);
    expect(el.value).to.deep.equal([]);
    expect(log.filter((x) => x === 'change')).to.have.length(4);
  });

  it('multi: select all / deselect all act on the filtered, enabled options', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES} .value=${['MTL']}></dash-dropdown>`);
    await click(el);
    await settle(el);
    await click(el.shadowRoot!.querySelector('[part="select-all"]')!);
    await settle(el);
    expect(el.value).to.deep.equal(['MTL', 'NYC', 'SF', 'CHI']);
    await sendKeys({ type: 'r' });
    await settle(el);
    expect(rowTexts(el).map((t) => t.replace('✓', ''))).to.deep.equal(['New York City', 'Montreal', 'San Francisco']);
    await click(el.shadowRoot!.querySelector('[part="deselect-all"]')!);
    await settle(el);
    expect(el.value).to.deep.equal(['CHI']);
  });

  it('closeOnSelect overrides the default', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown close-on-select="false" aria-label="c" .options=${CITIES}></dash-dropdown>`);
    await click(el);
    await settle(el);
    await click(rows(el)[0]);
    await settle(el);
    expect(el.value).to.equal('NYC');
    expect(isOpen(el)).to.equal(true);
    el.hide(); // its open list would cover the next fixture
    const multi = await fixture<DashDropdown>(html`<dash-dropdown multi close-on-select aria-label="c" .options=${CITIES}></dash-dropdown>`);
    await click(multi);
    await settle(multi);
    await click(rows(multi)[0]);
    await settle(multi);
    expect(multi.value).to.deep.equal(['NYC']);
    expect(isOpen(multi)).to.equal(false);
  });

  it('does nothing when disabled', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown disabled aria-label="c" .options=${CITIES} value="SF"></dash-dropdown>`);
    await click(el);
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(input(el).disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="clear-button"]')).to.equal(null);
  });
});

describe('dash-dropdown: keyboard (APG combobox)', () => {
  it('ArrowDown opens and moves, Enter selects, focus stays on the input', async () => {
    const el = await cities();
    const { log } = collect(el);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    expect(activeRow(el)!.textContent).to.contain('New York City');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('San Francisco');
    await sendKeys({ press: 'ArrowDown' }); // skips disabled Boston
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('Chicago');
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('San Francisco');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal('SF');
    expect(isOpen(el)).to.equal(false);
    expect(log).to.deep.equal(['input', 'change']);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    // reopening puts the cursor on the selected option
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('San Francisco');
    expect(activeRow(el)!.getAttribute('aria-selected')).to.equal('true');
  });

  it('ArrowUp opens on the last option; Home / End jump', async () => {
    const el = await cities();
    el.focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('Chicago');
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('New York City');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('Chicago');
  });

  it('PageDown / PageUp move by a page and keep the active option rendered', async () => {
    const options = Array.from({ length: 1000 }, (_, i) => `item ${i}`);
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="n" .options=${options}></dash-dropdown>`);
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'PageDown' });
    await settle(el);
    // 200px / 35px = 5 rows visible; a page is 4 rows
    expect(activeRow(el)!.textContent).to.equal('item 4');
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.equal('item 999');
    expect(listbox(el).scrollTop).to.be.greaterThan(30000);
    await sendKeys({ press: 'PageUp' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.equal('item 995');
  });

  it('Escape closes and clears the search; Escape again leaves the value', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="c" .options=${CITIES} value="NYC"></dash-dropdown>`);
    el.focus();
    await sendKeys({ type: 'mon' });
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    expect(el.searchValue).to.equal('mon');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(el.searchValue).to.equal('');
    expect(input(el).value).to.equal('');
    expect(el.value).to.equal('NYC');
  });

  it('typing filters case-insensitively on label and search, sets searchValue as a user change', async () => {
    const el = await cities();
    const { log, props } = collect(el);
    el.focus();
    await sendKeys({ type: 'SAN' });
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['San Francisco']);
    expect(el.searchValue).to.equal('SAN');
    expect(props.filter((p) => p.prop === 'searchValue').at(-1)).to.deep.equal({ prop: 'searchValue', value: 'SAN', user: true });
    expect(log).to.deep.equal([]); // typing a search is not a value change
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'windy' });
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['Chicago']);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('1');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal('CHI');
    expect(el.searchValue).to.equal('');
  });

  it('shows "No results found" when nothing matches', async () => {
    const el = await cities();
    el.focus();
    await sendKeys({ type: 'zzz' });
    await settle(el);
    expect(rows(el)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[part="no-results"]')!.textContent).to.equal('No results found');
    await sendKeys({ press: 'Enter' });
    expect(el.value).to.equal(null);
  });

  it('Backspace on an empty search removes the last chip (multi) or clears (single)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES} .value=${['NYC', 'SF']}></dash-dropdown>`);
    const { log } = collect(el);
    el.focus();
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);
    expect(log).to.deep.equal(['input', 'change']);
    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Backspace' }); // deletes the typed x only
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);

    const single = await fixture<DashDropdown>(html`<dash-dropdown aria-label="c" .options=${CITIES} value="SF"></dash-dropdown>`);
    single.focus();
    await sendKeys({ press: 'Backspace' });
    await settle(single);
    expect(single.value).to.equal(null);
  });

  it('multi: Enter toggles and the list stays open; Tab reaches select all', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES}></dash-dropdown>`);
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'MTL']);
    expect(isOpen(el)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.equal(['NYC']);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('part')).to.equal('select-all');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.equal(['NYC', 'MTL', 'SF', 'CHI']);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('Tab closes the list and moves on (single)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <dash-dropdown aria-label="c" .options=${CITIES}></dash-dropdown><button id="next">next</button>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(isOpen(el)).to.equal(false);
    expect(document.activeElement!.id).to.equal('next');
  });

  it('not searchable: Space opens and selects, letters jump (type-ahead)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown searchable="false" aria-label="c" .options=${CITIES}></dash-dropdown>`);
    el.focus();
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(isOpen(el)).to.equal(true);
    await sendKeys({ type: 'sa' });
    await settle(el);
    expect(activeRow(el)!.textContent).to.contain('San Francisco');
    expect(el.searchValue).to.equal('');
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.value).to.equal('SF');
  });
});

describe('dash-dropdown: outside writes and options changes', () => {
  it('outside writes fire dash-prop-change (user: false) and never input/change', async () => {
    const el = await cities();
    const { log, props } = collect(el);
    el.value = 'SF';
    await el.updateComplete;
    el.value = 'SF';
    await el.updateComplete;
    expect(props).to.deep.equal([{ prop: 'value', value: 'SF', user: false }]);
    expect(log).to.deep.equal([]);
  });

  it('searchValue written from outside filters the list (server-side search)', async () => {
    const el = await cities();
    el.searchValue = 'new';
    await el.updateComplete;
    expect(input(el).value).to.equal('new');
    el.show();
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['New York City']);
    // a callback answering the search replaces the options: the filter applies to them
    el.options = ['New Delhi', 'Newark', 'Paris'];
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['New Delhi', 'Newark']);
  });

  it('drops a value that new options no longer offer and announces it (dash#1868)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="c" .options=${CITIES} value="SF"></dash-dropdown>`);
    const { log, props } = collect(el);
    el.options = [{ label: 'Montreal', value: 'MTL' }];
    await el.updateComplete;
    expect(el.value).to.equal(null);
    expect(props).to.deep.include({ prop: 'value', value: null, user: false });
    expect(log).to.deep.equal([]);
    expect(el.hasAttribute('value')).to.equal(false);

    const multi = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="c" .options=${CITIES} .value=${['SF', 'MTL', 'NYC']}></dash-dropdown>`);
    const m = collect(multi);
    multi.options = ['MTL', 'NYC', 'X'];
    await multi.updateComplete;
    expect(multi.value).to.deep.equal(['MTL', 'NYC']);
    expect(m.props).to.deep.include({ prop: 'value', value: ['MTL', 'NYC'], user: false });
    // still offered: nothing changes
    m.props.length = 0;
    multi.options = ['MTL', 'NYC'];
    await multi.updateComplete;
    expect(m.props.map((p) => p.prop)).to.deep.equal(['options']);
  });

  it('a value set from outside that is not in options warns once and is shown as is', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown id="dd" aria-label="c" .options=${CITIES}></dash-dropdown>`);
    const { messages: warnings, restore } = captureWarnings();
    try {
      el.value = 'Atlantis';
      await el.updateComplete;
      el.value = 'SF';
      await el.updateComplete;
      el.value = 'Atlantis';
      await el.updateComplete;
    } finally {
      restore();
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<dash-dropdown id="dd">').and.contain('Atlantis');
    expect(el.value).to.equal('Atlantis');
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('Atlantis');
  });

  it('bad options and malformed JSON warn and keep working', async () => {
    const { messages: warnings, restore } = captureWarnings();
    let el: DashDropdown;
    try {
      el = await fixture<DashDropdown>(html`<dash-dropdown id="bad" aria-label="c" .options=${['ok', null, [1], { nope: 1 }, { label: 'Fine', value: 'f' }]}></dash-dropdown>`);
      el.setAttribute('options', '[oops');
      el.setAttribute('labels', '{bad');
    } finally {
      restore();
    }
    expect(warnings.length).to.be.greaterThan(1);
    expect(warnings.some((w) => w.includes('options'))).to.equal(true);
    expect(warnings.some((w) => w.includes('"labels"'))).to.equal(true);
    el!.show();
    await settle(el!);
    expect(rowTexts(el!)).to.deep.equal(['ok', 'Fine']);
  });

  it('checkProp refuses values a callback must not write', async () => {
    const el = await cities();
    expect(() => el.checkProp('options', 5)).to.throw(TypeError);
    expect(() => el.checkProp('value', { a: 1 })).to.throw(TypeError);
    expect(() => el.checkProp('searchValue', 3)).to.throw(TypeError);
    expect(() => el.checkProp('value', ['a'])).not.to.throw();
  });
});

describe('dash-dropdown: forms', () => {
  it('submits the value under its name, each value of a multi, and resets with the form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <dash-dropdown name="city" aria-label="City" .options=${CITIES} value="MTL"></dash-dropdown>
      <dash-dropdown name="tags" multi aria-label="Tags" .options=${CITIES} .value=${['NYC', 'SF']}></dash-dropdown>
      <dash-dropdown name="none" aria-label="None" .options=${CITIES}></dash-dropdown>
    </form>`);
    const [single, multi] = form.querySelectorAll('dash-dropdown');
    await single.updateComplete;
    await multi.updateComplete;
    let data = new FormData(form);
    expect(data.getAll('city')).to.deep.equal(['MTL']);
    expect(data.getAll('tags')).to.deep.equal(['NYC', 'SF']);
    expect(data.has('none')).to.equal(false);

    // user changes, then reset
    single.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(single);
    expect(single.value).to.equal('SF');
    multi.value = ['CHI'];
    await multi.updateComplete;
    data = new FormData(form);
    expect(data.getAll('city')).to.deep.equal(['SF']);
    expect(data.getAll('tags')).to.deep.equal(['CHI']);

    form.reset();
    await single.updateComplete;
    await multi.updateComplete;
    expect(single.value).to.equal('MTL');
    expect(multi.value).to.deep.equal(['NYC', 'SF']);
    data = new FormData(form);
    expect(data.getAll('city')).to.deep.equal(['MTL']);
    expect(data.getAll('tags')).to.deep.equal(['NYC', 'SF']);
  });

  it('is not submitted when disabled or inside a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <dash-dropdown name="a" disabled .options=${['x']} value="x"></dash-dropdown>
      <fieldset disabled><dash-dropdown name="b" .options=${['x']} value="x"></dash-dropdown></fieldset>
    </form>`);
    const b = form.querySelectorAll('dash-dropdown')[1];
    await b.updateComplete;
    const data = new FormData(form);
    expect(data.has('a')).to.equal(false);
    expect(data.has('b')).to.equal(false);
    expect(input(b).disabled).to.equal(true);
  });
});

describe('dash-dropdown: accessibility', () => {
  it('wires the APG combobox roles and states', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="City" .options=${CITIES} value="MTL"></dash-dropdown>`);
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.getAttribute('aria-controls')).to.equal('listbox');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect(box.getAttribute('aria-label')).to.equal('City');
    expect(el.shadowRoot!.getElementById('listbox')!.getAttribute('role')).to.equal('listbox');
    expect(el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.equal('Montreal');
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    const active = activeRow(el)!;
    expect(active.getAttribute('role')).to.equal('option');
    expect(active.getAttribute('aria-selected')).to.equal('true');
    expect(active.textContent).to.contain('Montreal');
    expect(rows(el).map((r) => r.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(rows(el).every((r) => r.getAttribute('aria-setsize') === '5')).to.equal(true);
  });

  it('passes axe closed and open (single and multi)', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="City" .options=${CITIES} value="MTL"></dash-dropdown>`);
    await expect(el).to.be.accessible();
    el.show();
    await settle(el);
    await expect(el).to.be.accessible();
    const multi = await fixture<DashDropdown>(html`<dash-dropdown multi aria-label="Cities" .options=${CITIES} .value=${['MTL', 'SF']}></dash-dropdown>`);
    await expect(multi).to.be.accessible();
    multi.show();
    await settle(multi);
    await expect(multi).to.be.accessible();
    multi.searchValue = 'zzz';
    await settle(multi);
    await expect(multi).to.be.accessible();
  });

  it('takes its name from <label for>, and clicking the label focuses the input', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <label for="region">Region</label>
      <dash-dropdown id="region" .options=${CITIES}></dash-dropdown>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    await settle(el);
    expect(input(el).getAttribute('aria-label')).to.equal('Region');
    expect(listbox(el).getAttribute('aria-label')).to.equal('Region');
    await expect(wrapper).to.be.accessible();
    await click(wrapper.querySelector('label')!);
    await settle(el);
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('focusing the host lands on the input, even with chips; connecting does not steal focus', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button id="b">b</button></div>`);
    const button = wrapper.querySelector('button')!;
    button.focus();
    const el = document.createElement('dash-dropdown');
    el.multi = true;
    el.options = CITIES;
    el.value = ['NYC', 'SF'];
    el.setAttribute('aria-label', 'c');
    wrapper.append(el);
    await settle(el);
    expect(document.activeElement).to.equal(button);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('follows aria-label changes on the host', async () => {
    const el = await cities();
    el.setAttribute('aria-label', 'Town');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-label')).to.equal('Town');
  });
});

describe('dash-dropdown: text only', () => {
  it('renders labels and values containing HTML as characters', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<DashDropdown>(html`<dash-dropdown
      multi
      aria-label="x"
      .options=${[{ label: evil, value: evil }, '<b>bold</b>']}
      .value=${[evil, '<i>not an option</i>']}
    ></dash-dropdown>`);
    el.show();
    await settle(el);
    await aTimeout(50);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('b, i')).to.equal(null);
    expect(rows(el)[0].textContent).to.contain(evil);
    expect(chips(el)[0].textContent).to.contain(evil);
    expect(chips(el)[1].textContent).to.contain('<i>not an option</i>');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('dash-dropdown: virtual rendering', () => {
  const big = Array.from({ length: 100_000 }, (_, i) => ({ label: `Option ${i}`, value: i }));

  it('keeps only visible rows in the DOM with 100,000 options', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="Big" .options=${big}></dash-dropdown>`);
    el.show();
    await settle(el);
    expect(rows(el).length).to.be.lessThan(20);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(80);
    const spacer = el.shadowRoot!.querySelector<HTMLElement>('.spacer')!;
    expect(spacer.getBoundingClientRect().height).to.equal(100_000 * 35);
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('100000');
  });

  it('renders later rows when scrolled', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="Big" .options=${big}></dash-dropdown>`);
    el.show();
    await settle(el);
    listbox(el).scrollTop = 50_000 * 35;
    await oneEvent(listbox(el), 'scroll');
    await settle(el);
    const texts = rowTexts(el);
    expect(texts).to.include('Option 50000');
    expect(texts).not.to.include('Option 0');
    expect(rows(el).length).to.be.lessThan(20);
    const row = rows(el).find((r) => r.textContent === 'Option 50001')!;
    expect(row.getAttribute('aria-posinset')).to.equal('50002');
    // the rendered row is where the list shows it
    const lb = listbox(el).getBoundingClientRect();
    const r = row.getBoundingClientRect();
    expect(r.top).to.be.within(lb.top, lb.bottom);
    await click(row);
    await settle(el);
    expect(el.value).to.equal(50001);
  });

  it('reopening scrolls back to the selected option', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="Big" .options=${big} .value=${1000}></dash-dropdown>`);
    for (let i = 0; i < 2; i++) {
      el.show();
      await settle(el);
      const row = rows(el).find((r) => r.textContent === 'Option 1000')!;
      expect(row, `open #${i + 1}`).to.exist;
      const lb = listbox(el).getBoundingClientRect();
      const r = row.getBoundingClientRect();
      expect(r.top).to.be.within(lb.top, lb.bottom - r.height);
      el.hide();
      await settle(el);
    }
  });

  it('filters 100,000 options by typing, narrowing incrementally', async () => {
    const el = await fixture<DashDropdown>(html`<dash-dropdown aria-label="Big" .options=${big}></dash-dropdown>`);
    el.focus();
    await sendKeys({ type: '9999' });
    await settle(el);
    // 9999, 19999 … 99999 and 99990..99998
    expect(rows(el)[0].getAttribute('aria-setsize')).to.equal('19');
    expect(rowTexts(el)[0]).to.equal('Option 9999');
    await sendKeys({ type: '8' });
    await settle(el);
    expect(rowTexts(el)).to.deep.equal(['Option 99998']);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    expect(Number(rows(el)[0].getAttribute('aria-setsize'))).to.be.greaterThan(19);
  });
});

describe('dash-dropdown: with <dash-callback>', () => {
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await aTimeout(10);
    expect(check(), what).to.equal(true);
  };

  it('is an input (value) and an output (value) of callbacks', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <dash-dropdown id="cb-region" aria-label="Region" .options=${CITIES} value="NYC"></dash-dropdown>
      <span id="cb-out"></span>
      <dash-callback id="cb-1" inputs="cb-region.value" outputs="cb-out.children" .fn=${(v: unknown) => `Showing ${v}`}></dash-callback>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    const out = wrapper.querySelector('#cb-out')!;
    await until(() => out.textContent === 'Showing NYC', 'initial call');
    el.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await until(() => out.textContent === 'Showing MTL', 'after a keyboard choice');
  });

  it('serves a server-side search: searchValue in, options out, the chosen value kept', async () => {
    const all = Array.from({ length: 5000 }, (_, i) => ({ label: `City ${i}`, value: i }));
    const calls: string[] = [];
    const search = (text: string, value: unknown) => {
      calls.push(text);
      // as in Dash's docs: the matches, plus the selected option so the value is kept
      return all.filter((o) => (text && o.label.includes(text)) || o.value === value).slice(0, 20);
    };
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <dash-dropdown id="cb-search" aria-label="City"></dash-dropdown>
      <dash-callback id="cb-2" inputs="cb-search.searchValue" state="cb-search.value" outputs="cb-search.options" .fn=${search}></dash-callback>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    await until(() => calls.length === 1, 'initial call');
    el.focus();
    await sendKeys({ type: 'City 42' });
    await until(() => rowTexts(el).includes('City 420'), 'options answered the search');
    expect(calls.at(-1)).to.equal('City 42');
    expect(rowTexts(el)[0]).to.equal('City 42');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal(42);
    // closing cleared the search; the answer keeps the selected option, so the value stays
    await until(() => calls.at(-1) === '', 'search cleared');
    await settle(el);
    expect(el.value).to.equal(42);
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('City 42');
  });

  it('takes value and options written by a callback, without input/change', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="cb-btn">go</button>
      <dash-dropdown id="cb-target" aria-label="T" .options=${['a']}></dash-dropdown>
      <dash-callback
        id="cb-3"
        inputs="cb-btn.n_clicks"
        outputs="cb-target.options, cb-target.value"
        prevent-initial-call
        .fn=${() => [['x', 'y', 'z'], 'y']}
      ></dash-callback>
    </div>`);
    const el = wrapper.querySelector('dash-dropdown')!;
    const { log } = collect(el);
    await aTimeout(20);
    (wrapper.querySelector('#cb-btn') as HTMLButtonElement).click();
    await until(() => el.value === 'y', 'callback wrote value');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('y');
    expect(log).to.deep.equal([]);
  });
});

const dropdownAdapter: ControlAdapter = {
  tag: 'dash-dropdown',
  attributes: `options='["a","b","c"]' value="a"`,
  value: 'a',
  submits: ['a'],
  keys: ['ArrowDown', 'ArrowDown', 'Enter'],
  valueAfterKeys: 'b',
  role: 'combobox',
};
runFormControlTests(dropdownAdapter);
runAccessibleNameTests(dropdownAdapter);
runBadInputTests(dropdownAdapter, [
  { attribute: 'options', value: '["a", "b"', expect: (el) => expect((el as DashDropdown).options).to.deep.equal(['a', 'b', 'c']) },
  { attribute: 'max-height', value: 'abc', expect: (el) => expect(listbox(el as DashDropdown).style.maxHeight).to.equal('200px') },
  { attribute: 'option-height', value: '-5' },
]);
