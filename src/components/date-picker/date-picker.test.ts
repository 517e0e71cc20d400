import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-date-picker-single.js';
import '../../dash-date-picker-range.js';
import '../../dash-callback.js';
import type { DashDatePickerSingle } from './date-picker-single.js';
import type { DashDatePickerRange } from './date-picker-range.js';
import { today } from './date-math.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';
import { captureWarnings, errorsDuring, settle } from '../../../test/browser/helpers.js';

type Picker = DashDatePickerSingle | DashDatePickerRange;

interface Log {
  input: number;
  change: number;
  props: Array<{ prop: string; value: unknown; user: boolean }>;
}

function record(el: HTMLElement): Log {
  const log: Log = { input: 0, change: 0, props: [] };
  el.addEventListener('input', () => log.input++);
  el.addEventListener('change', () => log.change++);
  el.addEventListener('dash-prop-change', (e) => log.props.push(e.detail));
  return log;
}

const shadow = (el: Picker) => el.shadowRoot!;
const box = (el: Picker, which = 'date') => shadow(el).querySelector<HTMLInputElement>(`input[data-box="${which}"]`)!;
const dialog = (el: Picker) => shadow(el).querySelector<HTMLElement>('[role="dialog"]');
const cell = (el: Picker, day: string) => shadow(el).querySelector<HTMLElement>(`[data-date="${day}"]`)!;
const focusedDay = (el: Picker) => (shadow(el).activeElement as HTMLElement | null)?.dataset.date;
const titles = (el: Picker) => Array.from(shadow(el).querySelectorAll('.month-title'), (t) => t.textContent!.trim());
const headers = (el: Picker) => Array.from(shadow(el).querySelectorAll('th'), (t) => t.getAttribute('abbr'));

/** Opens the calendar the way a keyboard user does: focus the box, ArrowDown. */
async function openByKeyboard(el: Picker, which = 'date'): Promise<void> {
  box(el, which).focus();
  await sendKeys({ press: 'ArrowDown' });
  await settle(el);
}

async function press(el: Picker, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key.startsWith('Shift+')) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: key.slice(6) });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: key });
  }
  await settle(el);
}

async function click(node: Element): Promise<void> {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function type(el: Picker, which: string, text: string): Promise<void> {
  const input = box(el, which);
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

describe('date pickers: before their view has loaded', () => {
  it('load their view, but not the calendar, when one connects; a date set before is read back at once', async () => {
    const fetched = (file: RegExp) => performance.getEntriesByType('resource').some((e) => file.test(e.name));
    const el = document.createElement('dash-date-picker-single') as DashDatePickerSingle;
    el.setAttribute('aria-label', 'Day');
    el.date = '2024-03-05';
    expect(el.date).to.equal('2024-03-05');
    expect(() => el.checkProp('date', 'soon')).to.throw(TypeError);
    expect(fetched(/date-picker\/date-picker-view\.ts/)).to.equal(false);
    document.body.append(el);
    await settle(el);
    expect(fetched(/date-picker\/date-picker-view\.ts/)).to.equal(true);
    expect(fetched(/date-picker\/calendar\.ts/)).to.equal(false);
    expect(box(el).value).to.equal('2024-03-05');
    expect(box(el).getAttribute('aria-label')).to.equal('Day');
    el.remove();
  });
});

describe('dash-date-picker-single', () => {
  it('shows its date in the box, keeps a datetime to its date, and has no calendar until opened', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single date="2024-03-05T13:45:00" aria-label="Day"></dash-date-picker-single>`);
    await settle(el);
    expect(el.date).to.equal('2024-03-05');
    expect(el.getAttribute('date')).to.equal('2024-03-05');
    expect(box(el).value).to.equal('2024-03-05');
    expect(box(el).getAttribute('aria-label')).to.equal('Day');
    expect(dialog(el)).to.equal(null);
    // The first test in this file: nothing has needed the calendar's code yet.
    const calendarFetched = () => performance.getEntriesByType('resource').some((e) => /date-picker\/calendar\.ts/.test(e.name));
    expect(calendarFetched()).to.equal(false);
    await openByKeyboard(el);
    expect(calendarFetched()).to.equal(true);
    expect(dialog(el)).to.exist;
  });

  it('warns once about a value that is not a date and stays usable', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single date="2024-02-30"></dash-date-picker-single>`);
      await settle(el);
      expect(el.date).to.equal(null);
      expect(warnings.messages.filter((m) => m.includes('dash-date-picker-single') && m.includes('date'))).to.have.length(1);
      el.date = '2024-01-02';
      await settle(el);
      expect(box(el).value).to.equal('2024-01-02');
    } finally {
      warnings.restore();
    }
  });

  it('opens the APG dialog on ArrowDown with focus on the selected day; Escape closes and returns focus to the box', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single date="2024-03-05" aria-label="Day"></dash-date-picker-single>`);
    await openByKeyboard(el);
    const d = dialog(el)!;
    expect(d).to.exist;
    expect(d.getAttribute('aria-modal')).to.equal('false');
    expect(shadow(el).querySelector('[role="grid"]')).to.exist;
    expect(shadow(el).querySelector('.open')!.getAttribute('aria-expanded')).to.equal('true');
    expect(focusedDay(el)).to.equal('2024-03-05');
    expect(cell(el, '2024-03-05').getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, '2024-03-05').getAttribute('tabindex')).to.equal('0');
    expect(cell(el, '2024-03-06').getAttribute('tabindex')).to.equal('-1');
    expect(cell(el, '2024-03-05').getAttribute('aria-label')).to.match(/Tuesday, March 5, 2024/);
    expect(titles(el)).to.deep.equal(['March 2024']);
    await press(el, 'Escape');
    expect(dialog(el)).to.equal(null);
    expect(shadow(el).activeElement).to.equal(box(el));
  });

  it('moves by day, week, month, year and to the week’s ends; Enter picks once and closes', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single date="2024-03-05" aria-label="Day"></dash-date-picker-single>`);
    const log = record(el);
    await openByKeyboard(el);
    await press(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2024-03-06');
    await press(el, 'ArrowDown');
    expect(focusedDay(el)).to.equal('2024-03-13');
    await press(el, 'ArrowUp', 'ArrowUp', 'ArrowLeft');
    expect(focusedDay(el)).to.equal('2024-02-27');
    expect(titles(el)).to.deep.equal(['February 2024']);
    await press(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2024-03-27');
    await press(el, 'Shift+PageDown');
    expect(focusedDay(el)).to.equal('2025-03-27');
    expect(titles(el)).to.deep.equal(['March 2025']);
    await press(el, 'Shift+PageUp', 'PageUp');
    expect(focusedDay(el)).to.equal('2024-02-27');
    await press(el, 'Home');
    expect(focusedDay(el)).to.equal('2024-02-25'); // Sunday
    await press(el, 'End');
    expect(focusedDay(el)).to.equal('2024-03-02'); // Saturday, into March
    expect(log.input).to.equal(0);
    await press(el, 'Enter');
    expect(el.date).to.equal('2024-03-02');
    expect(log.input).to.equal(1);
    expect(log.change).to.equal(1);
    expect(log.props.filter((p) => p.prop === 'date')).to.deep.equal([{ prop: 'date', value: '2024-03-02', user: true }]);
    expect(dialog(el)).to.equal(null);
    expect(shadow(el).activeElement).to.equal(box(el));
    // Space picks too; the second opening starts on the new date.
    await openByKeyboard(el);
    expect(focusedDay(el)).to.equal('2024-03-02');
    await press(el, 'ArrowRight', ' ');
    expect(el.date).to.equal('2024-03-03');
    expect(log.change).to.equal(2);
  });

  it('turns months with the previous/next buttons and picks with a click', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single initial-visible-month="2023-11-20" aria-label="Day"></dash-date-picker-single>`);
    await click(shadow(el).querySelector('.open')!);
    await settle(el);
    expect(titles(el)).to.deep.equal(['November 2023']);
    expect(focusedDay(el)).to.equal('2023-11-20');
    await click(shadow(el).querySelector('.next')!);
    await settle(el);
    expect(titles(el)).to.deep.equal(['December 2023']);
    await click(cell(el, '2023-12-24'));
    await settle(el);
    expect(el.date).to.equal('2023-12-24');
    expect(dialog(el)).to.equal(null);
  });

  it('marks today with aria-current and shows outside days unless turned off', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day"></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(cell(el, today()).getAttribute('aria-current')).to.equal('date');
    expect(focusedDay(el)).to.equal(today());
    expect(shadow(el).querySelectorAll('td.outside').length).to.be.greaterThan(0);
    el.showOutsideDays = false;
    await settle(el);
    expect(shadow(el).querySelectorAll('td.outside').length).to.equal(0);
  });

  it('refuses days outside min..max and disabledDays, in the grid and typed', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single
      aria-label="Day"
      date="2024-03-10"
      min-date-allowed="2024-03-05"
      max-date-allowed="2024-03-20"
      disabled-days='["2024-03-11"]'
    ></dash-date-picker-single>`);
    const log = record(el);
    await openByKeyboard(el);
    expect(cell(el, '2024-03-04').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2024-03-21').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2024-03-11').getAttribute('aria-disabled')).to.equal('true');
    expect(cell(el, '2024-03-12').hasAttribute('aria-disabled')).to.equal(false);
    await press(el, 'ArrowRight', 'Enter');
    expect(el.date).to.equal('2024-03-10');
    expect(dialog(el)).to.exist;
    await click(cell(el, '2024-03-04'));
    await settle(el);
    expect(el.date).to.equal('2024-03-10');
    await press(el, 'Escape');
    for (const text of ['2024-03-11', '2024-03-25', 'not a date', '2024-02-30']) {
      await type(el, 'date', text);
      expect(el.date, text).to.equal('2024-03-10');
      expect(box(el).getAttribute('aria-invalid'), text).to.equal('true');
    }
    expect(log.input + log.change).to.equal(0);
    await type(el, 'date', '2024-03-12');
    expect(el.date).to.equal('2024-03-12');
    expect(box(el).getAttribute('aria-invalid')).to.equal('false');
    expect(log.change).to.equal(1);
  });

  it('shows and reads dates in displayFormat; titles in monthFormat', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single
      aria-label="Day"
      date="2024-03-05"
      display-format="MMM Do, YY (dddd) Q"
      month-format="MM/YYYY"
    ></dash-date-picker-single>`);
    await settle(el);
    expect(box(el).value).to.equal('Mar 5th, 24 (Tuesday) 1');
    el.displayFormat = 'DD/MM/YYYY';
    await settle(el);
    expect(box(el).value).to.equal('05/03/2024');
    await type(el, 'date', '7/4/2024');
    expect(el.date).to.equal('2024-04-07');
    expect(box(el).value).to.equal('07/04/2024');
    await type(el, 'date', '2024-12-31');
    expect(el.date).to.equal('2024-12-31');
    await openByKeyboard(el);
    expect(titles(el)).to.deep.equal(['12/2024']);
  });

  it('takes month and day names from lang', async () => {
    const wrap = await fixture<HTMLElement>(html`<div lang="fr"><dash-date-picker-single aria-label="Jour" date="2024-03-05" display-format="D MMMM YYYY" first-day-of-week="1"></dash-date-picker-single></div>`);
    const el = wrap.querySelector<DashDatePickerSingle>('dash-date-picker-single')!;
    await settle(el);
    expect(box(el).value).to.equal('5 mars 2024');
    await openByKeyboard(el);
    expect(titles(el)[0].toLowerCase()).to.equal('mars 2024');
    expect(headers(el)[0]).to.equal('lundi');
    await press(el, 'Home');
    expect(focusedDay(el)).to.equal('2024-03-04');
    await type(el, 'date', '14 juillet 2024');
    expect(el.date).to.equal('2024-07-14');
  });

  it('starts weeks on firstDayOfWeek', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-06" first-day-of-week="3"></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(headers(el)[0]).to.equal('Wednesday');
    await press(el, 'End');
    expect(focusedDay(el)).to.equal('2024-03-12');
  });

  it('flips left and right with isRTL', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-06" is-rtl></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(shadow(el).querySelector('.picker')!.getAttribute('dir')).to.equal('rtl');
    await press(el, 'ArrowLeft');
    expect(focusedDay(el)).to.equal('2024-03-07');
  });

  it('shows numberOfMonthsShown months, vertically when asked; the grid moves across them', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-28" number-of-months-shown="2" calendar-orientation="vertical"></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(titles(el)).to.deep.equal(['March 2024', 'April 2024']);
    expect(shadow(el).querySelectorAll('[role="grid"]')).to.have.length(2);
    expect(shadow(el).querySelector('.months')!.classList.contains('vertical')).to.equal(true);
    await press(el, 'ArrowDown');
    expect(focusedDay(el)).to.equal('2024-04-04');
    expect(titles(el)).to.deep.equal(['March 2024', 'April 2024']);
    await press(el, 'PageDown');
    expect(titles(el)).to.deep.equal(['April 2024', 'May 2024']);
    expect(focusedDay(el)).to.equal('2024-05-04');
  });

  it('stays open on select when asked; a click outside closes', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-05" stay-open-on-select></dash-date-picker-single>`);
    await openByKeyboard(el);
    await press(el, 'ArrowRight', 'Enter');
    expect(el.date).to.equal('2024-03-06');
    expect(dialog(el)).to.exist;
    expect(cell(el, '2024-03-06').getAttribute('aria-selected')).to.equal('true');
    await sendMouse({ type: 'click', position: [600, 500] });
    await settle(el);
    expect(dialog(el)).to.equal(null);
  });

  it('clears with the clear button when clearable, reopening when asked', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-05"></dash-date-picker-single>`);
    expect(shadow(el).querySelector('.clear')).to.equal(null);
    el.clearable = true;
    el.reopenCalendarOnClear = true;
    await settle(el);
    const log = record(el);
    await click(shadow(el).querySelector('.clear')!);
    await settle(el);
    expect(el.date).to.equal(null);
    expect(box(el).value).to.equal('');
    expect(log.change).to.equal(1);
    expect(dialog(el)).to.exist;
    expect(shadow(el).querySelector('.clear')).to.equal(null);
  });

  it('sizes days with daySize', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-05" day-size="50"></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(cell(el, '2024-03-05').getBoundingClientRect().width).to.be.closeTo(50, 1);
    el.daySize = 30;
    await settle(el);
    expect(cell(el, '2024-03-05').getBoundingClientRect().width).to.be.closeTo(30, 1);
  });

  it('opens in a portal overlay with withPortal and withFullScreenPortal', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" with-portal></dash-date-picker-single>`);
    await openByKeyboard(el);
    expect(getComputedStyle(shadow(el).querySelector('.popup')!).position).to.equal('fixed');
    // A press on the dimmed page around the calendar closes it.
    await sendMouse({ type: 'click', position: [5, 5] });
    await settle(el);
    expect(dialog(el)).to.equal(null);
    expect(shadow(el).activeElement).to.equal(box(el));
    el.withFullScreenPortal = true;
    await openByKeyboard(el);
    const calendar = shadow(el).querySelector<HTMLElement>('.calendar')!;
    expect(calendar.getBoundingClientRect().width).to.equal(window.innerWidth);
  });

  it('a callback writing the date while a person types shows the written date', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-date-picker-single id="dp" aria-label="Day" date="2024-03-05"></dash-date-picker-single>
      <button id="go">go</button>
      <dash-callback inputs="go.n_clicks" outputs="dp.date" prevent-initial-call></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashDatePickerSingle>('#dp')!;
    (wrap.querySelector('dash-callback') as unknown as { fn: () => string }).fn = () => '2025-01-01';
    await settle(el);
    box(el).focus();
    await sendKeys({ type: '2024-0' });
    expect(box(el).value).to.equal('2024-03-052024-0');
    wrap.querySelector<HTMLButtonElement>('#go')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(el.date).to.equal('2025-01-01');
    expect(box(el).value).to.equal('2025-01-01');
  });

  it('refuses a callback writing a non-date, keeping the date', async () => {
    const errors: string[] = [];
    const wrap = await fixture<HTMLElement>(html`<div @dash-callback-error=${(e: CustomEvent<{ error: Error }>) => errors.push(e.detail.error.message)}>
      <dash-date-picker-single id="dp2" aria-label="Day" date="2024-03-05"></dash-date-picker-single>
      <button id="go2">go</button>
      <dash-callback inputs="go2.n_clicks" outputs="dp2.date" prevent-initial-call></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashDatePickerSingle>('#dp2')!;
    (wrap.querySelector('dash-callback') as unknown as { fn: () => string }).fn = () => 'next Tuesday';
    await settle(el);
    await errorsDuring(async () => {
      wrap.querySelector<HTMLButtonElement>('#go2')!.click();
      await waitUntil(() => errors.length > 0, 'the callback error');
    });
    expect(el.date).to.equal('2024-03-05');
    expect(errors.join()).to.match(/date must be a YYYY-MM-DD date/);
  });

  it('submits under name, resets with its form, and survives disabled set and cleared twice', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <label for="dp">Day</label>
      <dash-date-picker-single id="dp" name="day" date="2024-03-05"></dash-date-picker-single>
    </form>`);
    const el = form.querySelector<DashDatePickerSingle>('dash-date-picker-single')!;
    await settle(el);
    expect(box(el).getAttribute('aria-label')).to.equal('Day');
    await click(form.querySelector('label')!);
    expect(shadow(el).activeElement).to.equal(box(el));
    expect(new FormData(form).get('day')).to.equal('2024-03-05');
    await type(el, 'date', '2024-04-01');
    expect(new FormData(form).get('day')).to.equal('2024-04-01');
    form.reset();
    await settle(el);
    expect(el.date).to.equal('2024-03-05');
    expect(box(el).value).to.equal('2024-03-05');
    for (let i = 0; i < 2; i++) {
      el.disabled = true;
      await settle(el);
      expect(box(el).disabled).to.equal(true);
      expect(shadow(el).querySelector<HTMLButtonElement>('.open')!.disabled).to.equal(true);
      el.disabled = false;
      await settle(el);
      expect(box(el).disabled).to.equal(false);
    }
    await openByKeyboard(el);
    await press(el, 'ArrowRight', 'Enter');
    expect(el.date).to.equal('2024-03-06');
  });

  it('keeps a picked date across a re-creation with persistence, until the page starts elsewhere', async () => {
    localStorage.clear();
    const make = (date: string) => fixture<DashDatePickerSingle>(html`<dash-date-picker-single id="kept" persistence aria-label="Day" date=${date}></dash-date-picker-single>`);
    let el = await make('2024-03-05');
    expect(el.persistedProps).to.deep.equal(['date']);
    await openByKeyboard(el);
    await press(el, 'ArrowRight', 'Enter');
    expect(el.date).to.equal('2024-03-06');
    el.remove();
    el = await make('2024-03-05');
    await settle(el);
    expect(el.date).to.equal('2024-03-06');
    expect(box(el).value).to.equal('2024-03-06');
    el.remove();
    el = await make('2024-04-01');
    await settle(el);
    expect(el.date).to.equal('2024-04-01');
    localStorage.clear();
  });

  it('is accessible with the calendar open', async () => {
    const el = await fixture<DashDatePickerSingle>(html`<dash-date-picker-single aria-label="Day" date="2024-03-05" clearable></dash-date-picker-single>`);
    await expect(el).to.be.accessible();
    await openByKeyboard(el);
    await expect(el).to.be.accessible();
  });
});

describe('dash-date-picker-range', () => {
  it('picks start then end (singledate writes each), never an end before the start', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" initial-visible-month="2024-03-01"></dash-date-picker-range>`);
    const log = record(el);
    expect(box(el, 'start').placeholder).to.equal('Start Date');
    expect(box(el, 'end').placeholder).to.equal('End Date');
    expect(box(el, 'start').getAttribute('aria-label')).to.equal('Stay, start date');
    await openByKeyboard(el, 'start');
    expect(focusedDay(el)).to.equal('2024-03-01');
    await press(el, 'ArrowDown', 'Enter');
    expect(el.startDate).to.equal('2024-03-08');
    expect(el.endDate).to.equal(null);
    expect(dialog(el)).to.exist;
    // The start itself is too short a stay (minimumNights 1); an earlier day becomes the new start.
    expect(cell(el, '2024-03-08').getAttribute('aria-disabled')).to.equal('true');
    await press(el, 'ArrowLeft', 'ArrowLeft', 'Enter');
    expect(el.startDate).to.equal('2024-03-06');
    await press(el, 'ArrowRight', 'Enter');
    expect(el.startDate).to.equal('2024-03-06');
    expect(el.endDate).to.equal('2024-03-07');
    expect(dialog(el)).to.equal(null);
    expect(log.props.map((p) => `${p.prop}=${p.value}`)).to.deep.equal(['startDate=2024-03-08', 'startDate=2024-03-06', 'endDate=2024-03-07']);
    expect(log.change).to.equal(3);
    expect(box(el, 'start').value).to.equal('2024-03-06');
    expect(box(el, 'end').value).to.equal('2024-03-07');
  });

  it('marks the days between as in range, and clicking picks both ends', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" start-date="2024-03-04" end-date="2024-03-09"></dash-date-picker-range>`);
    await openByKeyboard(el, 'start');
    expect(cell(el, '2024-03-04').getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, '2024-03-09').getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, '2024-03-06').classList.contains('in-range')).to.equal(true);
    expect(cell(el, '2024-03-10').classList.contains('in-range')).to.equal(false);
    await click(cell(el, '2024-03-12'));
    await settle(el);
    // A start after the end drops the end.
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-12', null]);
    await click(cell(el, '2024-03-20'));
    await settle(el);
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-12', '2024-03-20']);
  });

  it('minimumNights refuses ends too close to the start; 0 allows a one-day range', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" start-date="2024-03-04" minimum-nights="3"></dash-date-picker-range>`);
    await openByKeyboard(el, 'end');
    for (const d of ['2024-03-04', '2024-03-05', '2024-03-06']) expect(cell(el, d).getAttribute('aria-disabled'), d).to.equal('true');
    expect(cell(el, '2024-03-07').hasAttribute('aria-disabled')).to.equal(false);
    await press(el, 'Escape');
    await type(el, 'end', '2024-03-05');
    expect(el.endDate).to.equal(null);
    expect(box(el, 'end').getAttribute('aria-invalid')).to.equal('true');
    el.minimumNights = 0;
    await settle(el);
    await type(el, 'end', '2024-03-04');
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-04', '2024-03-04']);
  });

  it('bothdates writes nothing for a half-picked range and both ends together once complete', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" updatemode="bothdates" start-date="2024-03-04" end-date="2024-03-09"></dash-date-picker-range>`);
    const log = record(el);
    await openByKeyboard(el, 'start');
    await press(el, 'ArrowRight', 'Enter');
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-04', '2024-03-09']);
    expect(box(el, 'start').value).to.equal('2024-03-05');
    expect(box(el, 'end').value).to.equal('');
    expect(log.props).to.have.length(0);
    // Closing drops the half-picked range.
    await press(el, 'Escape');
    expect(box(el, 'start').value).to.equal('2024-03-04');
    expect(box(el, 'end').value).to.equal('2024-03-09');
    await openByKeyboard(el, 'start');
    await press(el, 'ArrowRight', 'Enter', 'ArrowDown', 'Enter');
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-05', '2024-03-12']);
    expect(log.change).to.equal(1);
    expect(log.props.map((p) => p.prop).sort()).to.deep.equal(['endDate', 'startDate']);
  });

  it('refuses a typed start after the end, and an end before the start', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" start-date="2024-03-04" end-date="2024-03-09"></dash-date-picker-range>`);
    await type(el, 'start', '2024-03-10');
    expect(el.startDate).to.equal('2024-03-04');
    expect(box(el, 'start').getAttribute('aria-invalid')).to.equal('true');
    await type(el, 'end', '2024-03-01');
    expect(el.endDate).to.equal('2024-03-09');
    expect(box(el, 'end').getAttribute('aria-invalid')).to.equal('true');
    await type(el, 'start', '2024-03-02');
    expect(el.startDate).to.equal('2024-03-02');
    expect(box(el, 'start').getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps a picked range across a re-creation with persistence', async () => {
    localStorage.clear();
    const make = () =>
      fixture<DashDatePickerRange>(html`<dash-date-picker-range id="kept-range" persistence aria-label="Stay" start-date="2024-03-04" end-date="2024-03-09"></dash-date-picker-range>`);
    let el = await make();
    expect(el.persistedProps).to.deep.equal(['startDate', 'endDate']);
    await type(el, 'end', '2024-03-20');
    await type(el, 'start', '2024-03-10');
    el.remove();
    el = await make();
    await settle(el);
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-10', '2024-03-20']);
    localStorage.clear();
  });

  it('submits start and end under name, resets, and clears both', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <dash-date-picker-range aria-label="Stay" name="stay" start-date="2024-03-04" end-date="2024-03-09" clearable></dash-date-picker-range>
    </form>`);
    const el = form.querySelector<DashDatePickerRange>('dash-date-picker-range')!;
    await settle(el);
    expect(new FormData(form).getAll('stay')).to.deep.equal(['2024-03-04', '2024-03-09']);
    await click(shadow(el).querySelector('.clear')!);
    await settle(el);
    expect([el.startDate, el.endDate]).to.deep.equal([null, null]);
    expect(new FormData(form).getAll('stay')).to.deep.equal([]);
    form.reset();
    await settle(el);
    expect([el.startDate, el.endDate]).to.deep.equal(['2024-03-04', '2024-03-09']);
    for (let i = 0; i < 2; i++) {
      el.disabled = true;
      await settle(el);
      expect(box(el, 'start').disabled && box(el, 'end').disabled).to.equal(true);
      el.disabled = false;
      await settle(el);
    }
    expect(box(el, 'end').disabled).to.equal(false);
  });

  it('is accessible with the calendar open', async () => {
    const el = await fixture<DashDatePickerRange>(html`<dash-date-picker-range aria-label="Stay" start-date="2024-03-04" end-date="2024-03-09" number-of-months-shown="2"></dash-date-picker-range>`);
    await expect(el).to.be.accessible();
    await openByKeyboard(el, 'start');
    await expect(el).to.be.accessible();
  });
});

const singleAdapter: ControlAdapter = {
  tag: 'dash-date-picker-single',
  attributes: 'date="2024-03-05"',
  value: '2024-03-05',
  submits: ['2024-03-05'],
  keys: ['ArrowDown', 'ArrowRight', 'Enter'],
  valueAfterKeys: '2024-03-06',
  role: 'textbox',
  read: (el) => (el as DashDatePickerSingle).date,
};
const rangeAdapter: ControlAdapter = {
  tag: 'dash-date-picker-range',
  attributes: 'start-date="2024-03-04" end-date="2024-03-09"',
  value: ['2024-03-04', '2024-03-09'],
  submits: ['2024-03-04', '2024-03-09'],
  keys: ['ArrowDown', 'ArrowRight', 'Enter'],
  valueAfterKeys: ['2024-03-05', '2024-03-09'],
  role: 'textbox',
  nameFor: (label) => `${label}, start date`,
  read: (el) => [(el as DashDatePickerRange).startDate, (el as DashDatePickerRange).endDate],
};
for (const adapter of [singleAdapter, rangeAdapter]) {
  runFormControlTests(adapter);
  runAccessibleNameTests(adapter);
}
runBadInputTests(singleAdapter, [
  { attribute: 'date', value: '2024-02-30', expect: (el) => expect((el as unknown as DashDatePickerSingle).date).to.equal(null) },
  { attribute: 'min-date-allowed', value: 'soon' },
  { attribute: 'disabled-days', value: '["2024-03-06"' },
]);
runBadInputTests(rangeAdapter, [
  { attribute: 'start-date', value: 'yesterday', expect: (el) => expect((el as unknown as DashDatePickerRange).startDate).to.equal(null) },
  { attribute: 'disabled-days', value: '"2024-03-05"' },
]);
