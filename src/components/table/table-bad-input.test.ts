// What <dash-table> does with input it cannot use (issue 11): an invalid per-column filter is left
// out of filterQuery and its box marked invalid, as in Dash; out-of-range or malformed property
// values get one warning naming the element and the attribute, and a sensible value is used.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { $$, bodyRows } from '../../../test/browser/table-helpers.js';

const rows = [
  { a: 1, b: 'x' },
  { a: 2, b: 'y' },
  { a: 3, b: 'z' },
];
const columns = [
  { id: 'a', name: 'A', type: 'numeric' },
  { id: 'b', name: 'B', type: 'text' },
];
const boxes = (el: DashTable) => $$<HTMLInputElement>(el, 'input[part=filter-input]');

async function typeInto(el: DashTable, box: HTMLInputElement, text: string) {
  box.focus();
  box.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<dash-table> invalid column filters', () => {
  for (const text of ['{a} <= 1', 'is prime "a"']) {
    it(`leaves ${text} out of filterQuery, marks its box invalid and filters nothing by it`, async () => {
      const el = await fixture<DashTable>(html`<dash-table filter-action="native" .columns=${columns} .data=${rows}></dash-table>`);
      const [boxA, boxB] = boxes(el);
      await typeInto(el, boxA, text);
      expect(bodyRows(el)).to.have.length(3);
      expect(el.filterQuery).to.equal('');
      expect(boxA.getAttribute('aria-invalid')).to.equal('true');
      expect(boxA.value).to.equal(text);

      // Another box still filters; the invalid one stays out and stays marked.
      await typeInto(el, boxB, 'y');
      expect(el.filterQuery).to.equal('{b} scontains "y"');
      expect(bodyRows(el)).to.have.length(1);
      expect(boxA.getAttribute('aria-invalid')).to.equal('true');
      expect(boxB.getAttribute('aria-invalid')).to.equal('false');

      // Corrected: valid again and filtering.
      await typeInto(el, boxA, '<= 2');
      expect(boxA.getAttribute('aria-invalid')).to.equal('false');
      expect(el.filterQuery).to.equal('{a} s<= 2 && {b} scontains "y"');
      expect(bodyRows(el)).to.have.length(1);
    });
  }
});
