// Code a table loads on first use, in a page of its own: d3-format only when a column has a
// `format.specifier` (once for every table; raw values until it has come, the formatted ones after),
// the filter-query language only for a filterQuery, a conditional style's filter_query or native filter
// boxes (table-preload.test.ts; rows held until it has come, never shown or reported unfiltered), the sort code only for a sortable table (rows
// held the same way), the filter boxes' language only for a table with filter boxes or a filterQuery, what turns typed
// text into values only for a table with editable cells, the clipboard reader on the first paste.
import { expect, fixture, html } from '@open-wc/testing';
import '../../dash-table.js';
import type { DashTable, DashTableColumn } from './table.js';

const bodyTexts = (el: DashTable) =>
  [...el.shadowRoot!.querySelectorAll('.body [role=row]')].map((r) => [...r.querySelectorAll('[part=cell]')].map((c) => c.textContent ?? ''));
/** Requests for d3-format or the module that uses it. */
const d3Requests = () => performance.getEntriesByType('resource').filter((e) => /d3-format|table-format-d3/.test(e.name));
const requests = (name: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(name));
const data = [{ n: 1234567.891, p: 0.4567, m: null }];

describe('<dash-table> code loaded on first use', () => {
  it('loads nothing for tables without a specifier, filter boxes or a paste (Intl formats need no d3-format)', async () => {
    const columns = [
      { id: 'n', name: 'N', type: 'numeric' },
      { id: 'p', name: 'P', type: 'numeric', format: { locale: 'en-US', options: { style: 'percent', maximumFractionDigits: 1 } } },
    ];
    const el = await fixture<DashTable>(html`<dash-table .columns=${columns} .data=${data}></dash-table>`);
    expect(bodyTexts(el)).to.deep.equal([['1234567.891', '45.7%']]);
    await new Promise((r) => setTimeout(r, 100));
    expect(d3Requests()).to.deep.equal([]);
    expect(requests('column-query')).to.deep.equal([]);
    expect(requests('table-paste')).to.deep.equal([]);
    expect(requests('table-edit')).to.deep.equal([]);
    expect(requests('table-filter')).to.deep.equal([]);
    expect(requests('table-sort')).to.deep.equal([]);
    expect(requests('table-io')).to.have.length(1); // copy and CSV export: in the bundle
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

  it('a filterQuery holds the rows until the filter language has loaded: derivedVirtualData is never unfiltered', async () => {
    const columns: DashTableColumn[] = [{ id: 'age', name: 'Age', type: 'numeric' }];
    const reported: unknown[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.addEventListener('dash-prop-change', (e) => {
      const { prop, value } = (e as CustomEvent<{ prop: string; value: unknown }>).detail;
      if (prop === 'derivedVirtualData') reported.push(value);
    });
    const el = document.createElement('dash-table');
    el.setAttribute('filter-action', 'native');
    el.filterQuery = '{age} > 40';
    el.columns = columns;
    el.data = [{ age: 36 }, { age: 85 }];
    wrapper.append(el);
    // Lit renders within microtasks; the filter language needs a request, so it cannot have come yet.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(el.hasUpdated).to.be.true;
    expect(bodyTexts(el)).to.deep.equal([]);
    await el.updateComplete;
    expect(bodyTexts(el)).to.deep.equal([['85']]);
    expect(el.derivedVirtualData).to.deep.equal([{ age: 85 }]);
    expect(reported).to.deep.equal([[{ age: 85 }]]);
    expect(requests('table-filter')).to.have.length(1);
  });

  it('a sortBy holds the rows until the sort code has loaded: derivedVirtualData is never unsorted', async () => {
    const reported: unknown[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.addEventListener('dash-prop-change', (e) => {
      const { prop, value } = (e as CustomEvent<{ prop: string; value: unknown }>).detail;
      if (prop === 'derivedVirtualData') reported.push(value);
    });
    const el = document.createElement('dash-table');
    el.setAttribute('sort-action', 'native');
    el.sortBy = [{ column_id: 'age', direction: 'desc' }];
    el.columns = [{ id: 'age', name: 'Age', type: 'numeric' }];
    el.data = [{ age: 36 }, { age: 85 }, { age: 40 }];
    wrapper.append(el);
    // Lit renders within microtasks; the sort code needs a request, so it cannot have come yet.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(el.hasUpdated).to.be.true;
    expect(bodyTexts(el)).to.deep.equal([]);
    await el.updateComplete;
    expect(bodyTexts(el)).to.deep.equal([['85'], ['40'], ['36']]);
    expect(reported).to.deep.equal([[{ age: 85 }, { age: 40 }, { age: 36 }]]);
    expect(requests('table-sort')).to.have.length(1);

    // Loaded: a second sort is applied in the same update.
    el.sortBy = [{ column_id: 'age', direction: 'asc' }];
    await el.updateComplete;
    expect(bodyTexts(el)).to.deep.equal([['36'], ['40'], ['85']]);
  });

  it('a conditional style with a filter_query applies once the filter language is there', async () => {
    const el = await fixture<DashTable>(
      html`<dash-table
        .columns=${[{ id: 'age', name: 'Age', type: 'numeric' }]}
        .data=${[{ age: 36 }, { age: 85 }]}
        .styleDataConditional=${[{ if: { filter_query: '{age} > 40' }, color: 'rgb(255, 0, 0)' }]}
      ></dash-table>`,
    );
    const colors = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.body [part=cell]')].map((c) => getComputedStyle(c).color);
    expect(colors[0]).not.to.equal('rgb(255, 0, 0)');
    expect(colors[1]).to.equal('rgb(255, 0, 0)');
  });

  it('a filterQuery set from outside shows in the filter boxes once their language has loaded (one load)', async () => {
    const columns: DashTableColumn[] = [
      { id: 'name', name: 'Name' },
      { id: 'age', name: 'Age', type: 'numeric' },
    ];
    const people = [
      { name: 'Ada', age: 36 },
      { name: 'Grace', age: 85 },
    ];
    const tables = await Promise.all(
      [0, 1].map(() => fixture<DashTable>(html`<dash-table filter-action="native" filter-query="{age} > 40" .columns=${columns} .data=${people}></dash-table>`)),
    );
    for (const el of tables) {
      expect(bodyTexts(el)).to.deep.equal([['Grace', '85']]);
      const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[part=filter-input]')].map((b) => b.value);
      expect(boxes).to.deep.equal(['', '> 40']);
    }
    expect(requests('column-query')).to.have.length(1);
  });

  it('an editable table loads what turns typed text into values with it, before the first edit', async () => {
    const el = await fixture<DashTable>(html`<dash-table editable .columns=${[{ id: 'n', name: 'N', type: 'numeric' }]} .data=${[{ n: 1 }]}></dash-table>`);
    expect(requests('table-edit')).to.have.length(1);
    expect(bodyTexts(el)).to.deep.equal([['1']]);
  });
});
