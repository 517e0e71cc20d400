// The table's view (table-view.ts) is a chunk loaded before a table's first update: in a page of
// its own, so the first test sees tables created before it has come.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-table.js';
import '../../dash-callback.js';
import type { DashCallback } from '../callback/callback.js';
import type { DashTable } from './table.js';
import { settle, until } from '../../../test/browser/helpers.js';

/** Requests for the view module (table-view.ts here, a table-view-<hash>.js chunk in the CDN build), not this file. */
const viewRequests = () => performance.getEntriesByType('resource').filter((e) => /\/table-view(\.ts|-\w+\.js)($|\?)/.test(e.name));
const cellTexts = (el: DashTable) => [...el.shadowRoot!.querySelectorAll('[part=cell]')].map((c) => c.textContent ?? '');
const rows = Array.from({ length: 1000 }, (_, i) => ({ n: i }));

function table(id: string): DashTable {
  const el = document.createElement('dash-table');
  el.id = id;
  el.virtualization = true;
  el.pageAction = 'none';
  el.columns = [{ id: 'n', name: 'N', type: 'numeric' }];
  el.data = rows;
  return el;
}

describe('<dash-table> view loaded on first use', () => {
  it('tables created before their view has come: one request, rows once it is there, derived props reach a callback, scrollToRow waits for it', async () => {
    expect(viewRequests()).to.deep.equal([]);
    const wrapper = await fixture<HTMLDivElement>(html`<div><span id="count"></span></div>`);
    const first = table('first');
    const second = table('second');
    wrapper.append(first, second);
    const callback = document.createElement('dash-callback') as DashCallback;
    callback.setAttribute('inputs', 'first.derived_virtual_indices');
    callback.setAttribute('outputs', 'count.children');
    callback.fn = (indices: unknown) => `${(indices as number[]).length} rows`;
    wrapper.append(callback);

    // The view is still on its way: nothing rendered, and nothing to export or scroll yet.
    expect(first.hasUpdated).to.equal(false);
    expect(first.toCsv()).to.equal('');
    first.scrollToRow(500);

    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(viewRequests()).to.have.length(1);
    expect(getComputedStyle(first.shadowRoot!.querySelector('.scroller')!).overflow).to.equal('auto');
    expect(cellTexts(second).slice(0, 3)).to.deep.equal(['0', '1', '2']);
    // The callback read derived_virtual_indices before the table's first update: it hears the rows.
    await until(() => wrapper.querySelector('#count')!.textContent === '1000 rows');
    // scrollToRow, called before the view came, scrolled once the rows were there.
    await until(() => cellTexts(first).includes('500'));
    expect(first.shadowRoot!.querySelector('.scroller')!.scrollTop).to.be.greaterThan(0);
    expect(first.toCsv().startsWith('N\r\n0\r\n1\r\n')).to.equal(true);
  });

  it('a table created once the view is there renders in its first update, and works from the keyboard', async () => {
    const el = table('later');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    // No request to wait for: Lit renders within microtasks.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(el.hasUpdated).to.equal(true);
    await settle(el);
    expect(cellTexts(el).slice(0, 2)).to.deep.equal(['0', '1']);
    const grid = el.shadowRoot!.querySelector<HTMLElement>('[role=grid]')!;
    grid.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.activeCell).to.deep.include({ row: 2, column: 0, column_id: 'n' });
    expect(viewRequests()).to.have.length(1);
  });
});
