// In a page of its own, so no other table has loaded the filter code yet: a table with native filter
// boxes loads it with them, so a person's first filter applies at once, not after a request.
import { expect, fixture, html } from '@open-wc/testing';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { until } from '../../../test/browser/helpers.js';

const filterRequests = () => performance.getEntriesByType('resource').filter((e) => /table-filter\.(js|ts)/.test(e.name));
const bodyTexts = (el: DashTable) => [...el.shadowRoot!.querySelectorAll('.body [role=row]')].map((r) => r.textContent?.trim());

describe('<dash-table filter-action="native">', () => {
  it('loads the filter code with its filter boxes, before anyone filters', async () => {
    const columns = [{ id: 'age', name: 'Age', type: 'numeric' }];
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .columns=${columns} .data=${[{ age: 36 }, { age: 85 }]}></dash-table>`);
    await until(() => filterRequests().length === 1);
    expect(bodyTexts(el)).to.deep.equal(['36', '85']);
  });
});
