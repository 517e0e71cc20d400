import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { $, settle } from '../../../test/browser/table-helpers.js';

// Persistence (docs/persistence.md) on the table: a person's sort and filter survive a reload.

const columns = [
  { id: 'name', name: 'Name' },
  { id: 'age', name: 'Age', type: 'numeric' as const },
];
const data = [
  { name: 'Ann', age: 41 },
  { name: 'Bob', age: 29 },
  { name: 'Cy', age: 35 },
];

let host: HTMLElement;

async function table(): Promise<DashTable> {
  host.replaceChildren();
  const el = document.createElement('dash-table') as DashTable;
  el.id = 'people';
  el.setAttribute('aria-label', 'People');
  el.setAttribute('persistence', '');
  el.setAttribute('sort-action', 'native');
  el.setAttribute('filter-action', 'native');
  el.columns = columns.map((c) => ({ ...c }));
  el.data = data.map((r) => ({ ...r }));
  host.append(el);
  await settle(el);
  return el;
}

async function click(node: Element) {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

describe('dash-table persistence', () => {
  beforeEach(async () => {
    localStorage.clear();
    host = await fixture(html`<div></div>`);
  });

  it('keeps a sort made by a click, and drops it when the page sorts', async () => {
    let el = await table();
    await click($(el, 'button[part=sort-button]'));
    await settle(el);
    const sorted = el.sortBy;
    expect(sorted).to.have.length(1);
    el = await table();
    expect(el.sortBy).to.deep.equal(sorted);
    el.sortBy = [];
    await settle(el);
    expect((await table()).sortBy).to.deep.equal([]);
  });

  it('columns.name keeps only names, by position', async () => {
    localStorage.setItem('_dash_persistence.people.columns.name.true', JSON.stringify([['Full name', 'Years'], ['Name', 'Age']]));
    const el = await table();
    expect(el.columns.map((c) => c.name)).to.deep.equal(['Full name', 'Years']);
    expect(el.columns.map((c) => c.id)).to.deep.equal(['name', 'age']);
  });
});
