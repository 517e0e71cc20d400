// Code a date picker loads on first use, in a page of its own (nothing loaded before): the view
// when a picker connects, and with it the calendar's formatter when a display format must show.
import { expect } from '@open-wc/testing';
import '../../dash-date-picker-range.js';
import type { DashDatePickerRange } from './date-picker-range.js';

/** The value of the first box the first time one is rendered. */
function firstBoxValue(el: HTMLElement): Promise<string> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const box = el.shadowRoot!.querySelector('input');
      if (!box) return;
      observer.disconnect();
      resolve(box.value);
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

describe('date pickers: code loaded on first use', () => {
  it('shows a display format from the first render, never ISO first', async () => {
    const calendarFetched = () => performance.getEntriesByType('resource').some((e) => /date-picker\/calendar\.ts/.test(e.name));
    expect(calendarFetched()).to.equal(false);
    const el = document.createElement('dash-date-picker-range') as DashDatePickerRange;
    el.setAttribute('aria-label', 'Dates');
    el.setAttribute('display-format', 'MMM D, YYYY');
    el.setAttribute('start-date', '2007-01-01');
    el.setAttribute('end-date', '2010-03-01');
    document.body.append(el);
    expect(await firstBoxValue(el)).to.equal('Jan 1, 2007');
    await el.updateComplete;
    expect(calendarFetched()).to.equal(true);
    const boxes = [...el.shadowRoot!.querySelectorAll('input')].map((b) => b.value);
    expect(boxes).to.deep.equal(['Jan 1, 2007', 'Mar 1, 2010']);
    el.remove();
  });
});
