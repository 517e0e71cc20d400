import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../dash-dropdown.js';
import '../dash-slider.js';
import '../dash-range-slider.js';
import '../dash-checklist.js';
import '../dash-radio-items.js';
import '../dash-input.js';
import '../dash-textarea.js';
import '../dash-date-picker-single.js';
import '../dash-date-picker-range.js';
import type { DashDropdown } from '../components/dropdown/dropdown.js';
import type { DashSlider } from '../components/slider/slider.js';
import { captureWarnings } from '../../test/browser/helpers.js';

// Persistence is one mechanism in the base (docs/persistence.md); these tests drive it through
// real controls, with a person's keys, and "reload" by putting the same markup in the page again.

const KEY = (id: string, prop = 'value', persistence: unknown = true) => `_dash_persistence.${id}.${prop}.${JSON.stringify(persistence)}`;

let host: HTMLElement;

/** Puts markup in the page (again), as a reload would, and waits for its first element to render. */
async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(markup: string): Promise<T> {
  host.innerHTML = markup;
  const el = host.firstElementChild as T;
  await el.updateComplete;
  await nextFrame();
  return el;
}

const dropdown = (attrs: string) =>
  mount<DashDropdown>(`<dash-dropdown id="city" aria-label="City" options='["NYC","MTL","SF"]' ${attrs}></dash-dropdown>`);

/** A person picks the next option with the keyboard. */
async function pickNext(el: DashDropdown) {
  el.shadowRoot!.querySelector('input')!.focus();
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('persistence', () => {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    host = await fixture(html`<div></div>`);
  });

  it('keeps a person\'s choice across a reload, and stores what Dash stores', async () => {
    let el = await dropdown('value="NYC" persistence');
    await pickNext(el);
    expect(el.value).to.equal('MTL');
    expect(JSON.parse(localStorage.getItem(KEY('city'))!)).to.deep.equal(['MTL', 'NYC']);

    el = await dropdown('value="NYC" persistence');
    expect(el.value).to.equal('MTL');
    expect(el.shadowRoot!.querySelector('[part="value"]')!.textContent!.trim()).to.equal('MTL');
    // A second edit still remembers the page's value from before the first one.
    await pickNext(el);
    expect(JSON.parse(localStorage.getItem(KEY('city'))!)).to.deep.equal(['SF', 'NYC']);
  });

  it('lets a page that now starts from another value win, and forgets the edit', async () => {
    const first = await dropdown('value="NYC" persistence');
    await pickNext(first);
    const el = await dropdown('value="SF" persistence');
    expect(el.value).to.equal('SF');
    expect(localStorage.getItem(KEY('city'))).to.equal(null);
    // Even when the page goes back to its old value later, the edit is gone.
    expect((await dropdown('value="NYC" persistence')).value).to.equal('NYC');
  });

  it('drops the edit when a callback or outside code writes the value', async () => {
    const el = await dropdown('value="NYC" persistence');
    await pickNext(el);
    el.value = 'SF';
    await el.updateComplete;
    expect(localStorage.getItem(KEY('city'))).to.equal(null);
    expect((await dropdown('value="NYC" persistence')).value).to.equal('NYC');
  });

  it('stores nothing without persistence or without an id', async () => {
    await pickNext(await dropdown('value="NYC"'));
    host.innerHTML = `<dash-dropdown aria-label="City" options='["NYC","MTL"]' value="NYC" persistence></dash-dropdown>`;
    const anonymous = host.firstElementChild as DashDropdown;
    await anonymous.updateComplete;
    await pickNext(anonymous);
    expect(anonymous.value).to.equal('MTL');
    expect(localStorage.length).to.equal(0);
    expect((await dropdown('value="NYC" persistence')).value).to.equal('NYC');
  });

  it('changing persistence puts the page\'s value back; changing it back brings the edit back', async () => {
    const el = await dropdown('value="NYC" persistence="alice"');
    await pickNext(el);
    expect(el.value).to.equal('MTL');
    el.persistence = 'bob';
    await el.updateComplete;
    expect(el.value).to.equal('NYC');
    el.persistence = 'alice';
    await el.updateComplete;
    expect(el.value).to.equal('MTL');
    el.persistence = false;
    await el.updateComplete;
    expect(el.value).to.equal('NYC');
    expect(localStorage.getItem(KEY('city', 'value', 'alice'))).to.not.equal(null);
  });

  it('session and memory types keep edits where they say', async () => {
    let el = await dropdown('value="NYC" persistence persistence-type="session"');
    await pickNext(el);
    expect(sessionStorage.getItem(KEY('city'))).to.not.equal(null);
    expect(localStorage.length).to.equal(0);
    expect((await dropdown('value="NYC" persistence persistence-type="session"')).value).to.equal('MTL');

    el = await mount<DashDropdown>(`<dash-dropdown id="mem" aria-label="City" options='["NYC","MTL","SF"]' value="NYC" persistence persistence-type="memory"></dash-dropdown>`);
    await pickNext(el);
    expect(localStorage.getItem(KEY('mem'))).to.equal(null);
    expect(sessionStorage.getItem(KEY('mem'))).to.equal(null);
    // Memory survives the element being re-created within the page (a tab switch re-render).
    el = await mount<DashDropdown>(`<dash-dropdown id="mem" aria-label="City" options='["NYC","MTL","SF"]' value="NYC" persistence persistence-type="memory"></dash-dropdown>`);
    expect(el.value).to.equal('MTL');
  });

  it('reports a corrupt kept entry once and keeps working', async () => {
    localStorage.setItem(KEY('city'), '{not json');
    const capture = captureWarnings();
    try {
      const el = await dropdown('value="NYC" persistence');
      expect(el.value).to.equal('NYC');
      expect(capture.messages).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-dropdown id="city">').and.contain('_dash_persistence.city.value');
      expect(localStorage.getItem(KEY('city'))).to.equal(null);
      await pickNext(el);
      expect(JSON.parse(localStorage.getItem(KEY('city'))!)).to.deep.equal(['MTL', 'NYC']);
    } finally {
      capture.restore();
    }
  });

  it('keeps an edit in memory, with one warning, when storage is full', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const capture = captureWarnings();
    try {
      const el = await dropdown('value="NYC" persistence');
      await pickNext(el);
      await pickNext(el);
      expect(el.value).to.equal('SF');
      expect(capture.messages).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-dropdown id="city">');
      expect((await dropdown('value="NYC" persistence')).value).to.equal('SF');
    } finally {
      Storage.prototype.setItem = setItem;
      capture.restore();
    }
  });

  it('persists a slider moved with the keyboard, and the range slider\'s array', async () => {
    let el = await mount<DashSlider>(`<dash-slider id="year" aria-label="Year" min="0" max="10" value="5" persistence></dash-slider>`);
    el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal(7);
    el = await mount<DashSlider>(`<dash-slider id="year" aria-label="Year" min="0" max="10" value="5" persistence></dash-slider>`);
    expect(el.value).to.equal(7);
    expect(el.shadowRoot!.querySelector('[role="slider"]')!.getAttribute('aria-valuenow')).to.equal('7');

    const range = await mount<DashSlider>(`<dash-range-slider id="span" aria-label="Span" min="0" max="10" value="[2,8]" persistence></dash-range-slider>`);
    range.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await range.updateComplete;
    const again = await mount<DashSlider>(`<dash-range-slider id="span" aria-label="Span" min="0" max="10" value="[2,8]" persistence></dash-range-slider>`);
    expect(again.value).to.deep.equal([3, 8]);
  });

  // Every other control with a user-editable value declares its props on the same mechanism.
  const controls: Array<{ markup: string; edit: (el: HTMLElement) => Promise<void>; props: Record<string, unknown> }> = [
    {
      markup: `<dash-checklist id="c" aria-label="Fruit" options='["apple","pear"]' value='["apple"]' persistence></dash-checklist>`,
      edit: async (el) => {
        el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[1].focus();
        await sendKeys({ press: 'Space' });
      },
      props: { value: ['apple', 'pear'] },
    },
    {
      markup: `<dash-radio-items id="r" aria-label="Fruit" options='["apple","pear"]' value="apple" persistence></dash-radio-items>`,
      edit: async (el) => {
        el.shadowRoot!.querySelector<HTMLInputElement>('input')!.focus();
        await sendKeys({ press: 'ArrowDown' });
      },
      props: { value: 'pear' },
    },
    {
      markup: `<dash-input id="i" aria-label="Name" value="Ann" persistence></dash-input>`,
      edit: async (el) => {
        el.shadowRoot!.querySelector<HTMLInputElement>('input')!.focus();
        await sendKeys({ press: 'End' });
        await sendKeys({ type: 'a' });
      },
      props: { value: 'Anna' },
    },
    {
      markup: `<dash-textarea id="t" aria-label="Note" value="Hi" persistence></dash-textarea>`,
      edit: async (el) => {
        el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!.focus();
        await sendKeys({ press: 'End' });
        await sendKeys({ type: '!' });
      },
      props: { value: 'Hi!' },
    },
    {
      markup: `<dash-date-picker-single id="d" aria-label="Day" date="2024-05-01" persistence></dash-date-picker-single>`,
      edit: async (el) => {
        const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-box="date"]')!;
        box.focus();
        box.select();
        await sendKeys({ type: '2024-05-09' });
        await sendKeys({ press: 'Enter' });
      },
      props: { date: '2024-05-09' },
    },
    {
      markup: `<dash-date-picker-range id="dr" aria-label="Stay" start-date="2024-05-01" end-date="2024-05-03" persistence></dash-date-picker-range>`,
      edit: async (el) => {
        const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-box="end"]')!;
        box.focus();
        box.select();
        await sendKeys({ type: '2024-05-07' });
        await sendKeys({ press: 'Enter' });
      },
      props: { startDate: '2024-05-01', endDate: '2024-05-07' },
    },
  ];
  for (const { markup, edit, props } of controls) {
    const tag = markup.slice(1, markup.indexOf(' '));
    it(`${tag} keeps a person's edit across a reload`, async () => {
      const el = await mount<HTMLElement & { updateComplete: Promise<boolean> }>(markup);
      await edit(el);
      await el.updateComplete;
      for (const [prop, value] of Object.entries(props)) expect((el as unknown as Record<string, unknown>)[prop], prop).to.deep.equal(value);
      const again = await mount<HTMLElement & { updateComplete: Promise<boolean> }>(markup);
      for (const [prop, value] of Object.entries(props)) expect((again as unknown as Record<string, unknown>)[prop], `${prop} after reload`).to.deep.equal(value);
    });
  }
});
