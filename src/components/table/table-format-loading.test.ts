// d3-format, in a page of its own: a table loads it only when a column has a `format.specifier`,
// once for every table, showing the raw values until it has come and the formatted ones after.
import { expect, fixture, html } from '@open-wc/testing';
import '../../dash-table.js';
import type { DashTable, DashTableColumn } from './table.js';

const bodyTexts = (el: DashTable) =>
  [...el.shadowRoot!.querySelectorAll('.body [role=row]')].map((r) => [...r.querySelectorAll('[part=cell]')].map((c) => c.textContent ?? ''));
/** Requests for d3-format or the module that uses it. */
const d3Requests = () => performance.getEntriesByType('resource').filter((e) => /d3-format|table-format-d3/.test(e.name));
const data = [{ n: 1234567.891, p: 0.4567, m: null }];

describe('<dash-table> loading d3-format', () => {
  it('loads nothing for tables without a specifier (Intl formats need no d3-format)', async () => {
    const columns = [
      { id: 'n', name: 'N', type: 'numeric' },
      { id: 'p', name: 'P', type: 'numeric', format: { locale: 'en-US', options: { style: 'percent', maximumFractionDigits: 1 } } },
    ];
    const el = await fixture<DashTable>(html`<dash-table .columns=${columns} .data=${data}></dash-table>`);
    expect(bodyTexts(el)).to.deep.equal([['1234567.891', '45.7%']]);
    await new Promise((r) => setTimeout(r, 100));
    expect(d3Requests()).to.deep.equal([]);
  });

  it('shows raw values until d3-format has loaded, then the formatted ones; one load for every table', async () => {
    const columns: DashTableColumn[] = [
      { id: 'n', name: 'N', type: 'numeric', format: { specifier: ',.2f' } },
      { id: 'm', name: 'M', type: 'numeric', format: { specifier: '.1f', nully: '—' } },
    ];
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const tables = [0, 1].map(() => {
      const el = document.createElement('dash-table');
      el.columns = columns;
      el.data = data;
      wrapper.append(el);
      return el;
    });
    // Lit renders within microtasks; d3-format needs a request, so it cannot have come yet.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(tables.every((el) => el.hasUpdated)).to.be.true;
    expect(bodyTexts(tables[0])).to.deep.equal([['1234567.891', '—']]);
    for (const el of tables) await el.updateComplete;
    for (const el of tables) expect(bodyTexts(el)).to.deep.equal([['1,234,567.89', '—']]);
    expect(d3Requests().filter((e) => e.name.includes('table-format-d3'))).to.have.length(1);

    // A third table, once loaded: formatted from its first render.
    const third = await fixture<DashTable>(html`<dash-table .columns=${columns} .data=${[{ n: -2.5, m: null }]}></dash-table>`);
    expect(bodyTexts(third)).to.deep.equal([['-2.50', '—']]);
    expect(d3Requests().filter((e) => e.name.includes('table-format-d3'))).to.have.length(1);
  });
});
