// What <dash-table> does with input it cannot use (issue 11): an invalid per-column filter is left
// out of filterQuery and its box marked invalid, as in Dash; out-of-range or malformed property
// values get one warning naming the element and the attribute, and a sensible value is used.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { $, $$, bodyRows } from '../../../test/browser/table-helpers.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

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

describe('<dash-table> bad property values', () => {
  const many = Array.from({ length: 25 }, (_, i) => ({ a: i, b: `r${i}` }));
  const shownA = (el: DashTable) => bodyRows(el).map((r) => r.querySelector('[part=cell]')?.textContent);

  /** The warnings `make()` causes: exactly one, naming the element and the attribute. */
  async function oneWarning(attribute: string, make: () => Promise<DashTable>): Promise<DashTable> {
    const warnings = captureWarnings();
    let el: DashTable;
    try {
      el = await make();
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
    const about = warnings.messages.filter((m) => m.includes(attribute));
    expect(about, warnings.messages.join('\n')).to.have.length(1);
    expect(about[0]).to.match(/^<dash-table( id="[^"]*")?>: /);
    return el;
  }

  it('page-current past the last page: the last page, kept as the property', async () => {
    const el = await oneWarning('page-current', () =>
      fixture<DashTable>(html`<dash-table page-current="999" page-size="10" .columns=${columns} .data=${many}></dash-table>`),
    );
    expect(el.pageCurrent).to.equal(2);
    expect(el.getAttribute('page-current')).to.equal('2');
    expect(shownA(el)).to.deep.equal(['20', '21', '22', '23', '24']);
    expect($(el, '[role=status]').textContent).to.contain('Page 3 of 3');
    // Paging on from there works as usual.
    ($(el, 'button[aria-label="First page"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.pageCurrent).to.equal(0);
  });

  it('page-current below 0: the first page', async () => {
    const el = await oneWarning('page-current', () =>
      fixture<DashTable>(html`<dash-table page-current="-4" page-size="10" .columns=${columns} .data=${many}></dash-table>`),
    );
    expect(el.pageCurrent).to.equal(0);
    expect(shownA(el)![0]).to.equal('0');
  });

  it('page-current past a custom page count: the last page; unknown count: kept', async () => {
    const el = await oneWarning('page-current', () =>
      fixture<DashTable>(html`<dash-table page-action="custom" page-count="4" page-current="9" .columns=${columns} .data=${rows}></dash-table>`),
    );
    expect(el.pageCurrent).to.equal(3);
    const open = await fixture<DashTable>(html`<dash-table page-action="custom" page-current="9" .columns=${columns} .data=${rows}></dash-table>`);
    expect(open.pageCurrent).to.equal(9);
  });

  it('page-size="-1": the default 250 rows per page, not one', async () => {
    const el = await oneWarning('page-size', () =>
      fixture<DashTable>(html`<dash-table page-size="-1" .columns=${columns} .data=${many}></dash-table>`),
    );
    expect(el.pageSize).to.equal(250);
    expect(bodyRows(el)).to.have.length(25);
    expect($(el, 'nav[part=paging]')).to.equal(null);
  });

  it(`selected-rows='[99,"x"]': the entries that are rows are kept`, async () => {
    const el = await oneWarning('selected-rows', () =>
      fixture<DashTable>(html`<dash-table row-selectable="multi" selected-rows='[1,99,"x"]' .columns=${columns} .data=${rows}></dash-table>`),
    );
    expect(el.selectedRows).to.deep.equal([1]);
    const checked = $$<HTMLInputElement>(el, '.body input[part=select-input]').map((i) => i.checked);
    expect(checked).to.deep.equal([false, true, false]);
  });

  it('hidden-columns="7": no column hidden', async () => {
    const el = await oneWarning('hidden-columns', () =>
      fixture<DashTable>(html`<dash-table hidden-columns="7" .columns=${columns} .data=${rows}></dash-table>`),
    );
    expect(el.hiddenColumns).to.deep.equal([]);
    expect($$(el, '[part=header-cell]')).to.have.length(2);
  });

  it(`fixed-rows='"x"': nothing fixed, and the table works`, async () => {
    const el = await oneWarning('fixed-rows', () =>
      fixture<DashTable>(html`<dash-table fixed-rows='"x"' .columns=${columns} .data=${rows}></dash-table>`),
    );
    expect(el.fixedRows).to.deep.equal({ headers: false, data: 0 });
    expect(bodyRows(el)).to.have.length(3);
  });

  it('a bad value written again warns no more (one warning per attribute)', async () => {
    const el = await oneWarning('page-size', () =>
      fixture<DashTable>(html`<dash-table page-size="0" .columns=${columns} .data=${many}></dash-table>`),
    );
    const warnings = captureWarnings();
    el.pageSize = -3;
    await el.updateComplete;
    warnings.restore();
    expect(warnings.messages).to.deep.equal([]);
    expect(el.pageSize).to.equal(250);
  });
});
