import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { type Row, $, $$, catchWarnings, collect, settle } from '../../../test/browser/table-helpers.js';
import { a11yTree, findNode } from '../../../test/browser/a11y-tree.js';

/** Body rows as arrays of cell texts. */
const bodyTexts = (el: DashTable) =>
  $$(el, '.body [role=row]').map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent ?? ''));
const column = (el: DashTable, i: number) => bodyTexts(el).map((r) => r[i]);
const header = (el: DashTable, id: string) => $(el, `[role=columnheader][data-column-id="${id}"]`);

async function click(target: Element, shift = false) {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  if (shift) await sendKeys({ down: 'Shift' });
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  if (shift) await sendKeys({ up: 'Shift' });
}

const people: Row[] = [
  { id: 1, name: 'Émile', age: 34, born: '1990-05-01', city: 'Paris' },
  { id: 2, name: 'anna', age: 9, born: '2015-01-20', city: 'Berlin' },
  { id: 3, name: 'Zoë', age: null, born: null, city: 'Zürich' },
  { id: 4, name: 'bob', age: 120, born: '1903-12-31 10:00:00', city: 'Boston' },
  { id: 5, name: 'Anna', age: 34, born: '1990-04-30', city: 'Bern' },
];
const peopleColumns = [
  { id: 'name', name: 'Name', type: 'text' },
  { id: 'age', name: 'Age', type: 'numeric' },
  { id: 'born', name: 'Born', type: 'datetime' },
  { id: 'city', name: 'City', type: 'text' },
];

describe('dash-table rendering', () => {
  it('names its grid from aria-labelledby, as from aria-label', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div><h2 id="people-title">People</h2><dash-table aria-labelledby="people-title" .data=${people} .columns=${peopleColumns}></dash-table></div>`,
    );
    const el = wrap.querySelector('dash-table')!;
    await el.updateComplete;
    const node = findNode(await a11yTree('dash-table'), (n) => n.role === 'grid');
    expect(node?.name).to.equal('People');
  });

  it('renders columns and rows as an accessible grid with counts and indices', async () => {
    const el = await fixture<DashTable>(html`<dash-table aria-label="People" .data=${people} .columns=${peopleColumns}></dash-table>`);
    const grid = $(el, '[role=grid]');
    expect(grid.getAttribute('aria-label')).to.equal('People');
    expect(grid.getAttribute('aria-colcount')).to.equal('4');
    expect(grid.getAttribute('aria-rowcount')).to.equal('6');
    expect($$(el, '[role=columnheader]').map((h) => h.textContent?.trim())).to.deep.equal(['Name', 'Age', 'Born', 'City']);
    expect(bodyTexts(el)[0]).to.deep.equal(['Émile', '34', '1990-05-01', 'Paris']);
    expect(bodyTexts(el)[2][1]).to.equal('');
    const rows = $$(el, '.body [role=row]');
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4', '5', '6']);
    expect(rows[0].querySelectorAll('[role=gridcell]')[3].getAttribute('aria-colindex')).to.equal('4');
    // Dash's defaults
    expect(el.pageAction).to.equal('native');
    expect(el.pageSize).to.equal(250);
    expect(el.sortAction).to.equal('none');
    expect(el.filterAction).to.equal('none');
    expect(el.sortMode).to.equal('single');
    expect($$(el, 'button[part=sort-button]')).to.have.length(0);
    expect($(el, '[part=filter-row]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows light and dark color schemes (overridable with color-scheme)', async () => {
    const el = await fixture<DashTable>(html`<dash-table style="color-scheme: light" .data=${people}></dash-table>`);
    const light = getComputedStyle($(el, '.scroller')).backgroundColor;
    el.style.colorScheme = 'dark';
    const dark = getComputedStyle($(el, '.scroller')).backgroundColor;
    expect(light).to.equal('rgb(255, 255, 255)');
    expect(dark).to.not.equal(light);
  });

  it('reads data, columns and sortBy from JSON attributes; cell text is text, never HTML', async () => {
    const el = await fixture<DashTable>(html`<dash-table
      data='[{"a":"<img src=x onerror=alert(1)>","b":"<b>bold</b>"}]'
      columns='[{"id":"a","name":"<i>A</i>"},{"id":"b","name":"B"}]'
    ></dash-table>`);
    expect(bodyTexts(el)[0]).to.deep.equal(['<img src=x onerror=alert(1)>', '<b>bold</b>']);
    expect($$(el, 'img, b, i')).to.have.length(0);
    expect(header(el, 'a').textContent?.trim()).to.equal('<i>A</i>');
  });

  it('infers columns from the first row when none are given; hides hiddenColumns', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${[{ x: 1, y: 2, z: 3 }]}></dash-table>`);
    expect($$(el, '[role=columnheader]').map((h) => h.textContent?.trim())).to.deep.equal(['x', 'y', 'z']);
    el.hiddenColumns = ['y'];
    await el.updateComplete;
    expect(bodyTexts(el)[0]).to.deep.equal(['1', '3']);
  });

  it('updates activeCell when a cell is clicked (Dash shape, row within the page)', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${people} .columns=${peopleColumns} page-size="2" page-current="1"></dash-table>`);
    const events = collect(el);
    await click($$(el, '.body [role=row]')[1].querySelectorAll('[role=gridcell]')[3]);
    await el.updateComplete;
    expect(el.activeCell).to.deep.equal({ row: 1, column: 3, column_id: 'city', row_id: 4 });
    expect(events.find((e) => e.detail.prop === 'activeCell')?.detail.user).to.equal(true);
    expect($$(el, '[data-active]').map((c) => c.textContent)).to.deep.equal(['Boston']);
  });
});

describe('dash-table virtualization', () => {
  const million = Array.from({ length: 1_000_000 }, (_, i) => ({ n: i, t: `row ${i}`, w: 'x'.repeat(i % 7) }));
  const cols = [
    { id: 'n', name: 'N', type: 'numeric' },
    { id: 't', name: 'T', type: 'text' },
    { id: 'w', name: 'W', type: 'text' },
  ];

  it('keeps only the visible rows (plus overscan) in the DOM with 1,000,000 rows', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" style="--dash-table-max-height: 400px" .data=${million} .columns=${cols}></dash-table>`);
    await settle(el);
    const rows = $$(el, '.body [role=row]');
    expect(rows.length).to.be.greaterThan(10).and.lessThan(40);
    expect(rows[0].getAttribute('aria-rowindex')).to.equal('2');
    expect($(el, '[role=grid]').getAttribute('aria-rowcount')).to.equal('1000001');
    expect(el.derivedVirtualIndices).to.have.length(1_000_000);
    expect(el.derivedViewportData).to.have.length(1_000_000);
    // stays within browsers' maximum element height
    const scroller = $(el, '.scroller');
    expect(scroller.scrollHeight).to.be.lessThan(16_000_000);
  });

  it('scrolls to the end and shows the last rows; scrolls to the middle and shows middle rows', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" style="--dash-table-max-height: 400px" .data=${million} .columns=${cols}></dash-table>`);
    await settle(el);
    const scroller = $(el, '.scroller');
    scroller.scrollTop = scroller.scrollHeight;
    await settle(el);
    const texts = column(el, 0);
    expect(texts[texts.length - 1]).to.equal('999999');
    const last = $$(el, '.body [role=row]').pop() as HTMLElement;
    expect(last.getAttribute('aria-rowindex')).to.equal('1000001');
    const lastRect = last.getBoundingClientRect();
    const viewRect = scroller.getBoundingClientRect();
    expect(lastRect.bottom).to.be.closeTo(viewRect.bottom - 1, 3);
    expect(lastRect.top).to.be.greaterThan(viewRect.top);

    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
    await settle(el);
    const head = $(el, '.head').getBoundingClientRect();
    // the first row visible under the header is close to row 500,000
    const visible = $$(el, '.body [role=row]').find((r) => r.getBoundingClientRect().bottom > head.bottom + 1) as HTMLElement;
    expect(Math.abs(Number(visible.querySelector('[role=gridcell]')?.textContent) - 499_995)).to.be.lessThan(20);
    expect(Math.abs(visible.getBoundingClientRect().top - head.bottom)).to.be.lessThan(33);
  });

  it('sorts and filters a million rows and repaints the rows in view', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" sort-action="native" filter-action="native" style="--dash-table-max-height: 400px" .data=${million} .columns=${cols}></dash-table>`);
    await settle(el);
    el.sortBy = [{ column_id: 'n', direction: 'desc' }];
    await settle(el);
    expect(column(el, 0).slice(0, 3)).to.deep.equal(['999999', '999998', '999997']);
    el.filterQuery = '{n} < 5';
    await settle(el);
    expect(column(el, 0)).to.deep.equal(['4', '3', '2', '1', '0']);
    expect($(el, '[role=grid]').getAttribute('aria-rowcount')).to.equal('7');
  });

  it('renders a page as plain rows without virtualization', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${million.slice(0, 600)} .columns=${cols}></dash-table>`);
    expect($$(el, '.body [role=row]')).to.have.length(250);
    expect($(el, '.window')).to.equal(null);
  });
});

describe('dash-table header alignment', () => {
  const wideCols = Array.from({ length: 14 }, (_, i) => ({ id: `c${i}`, name: `Column number ${i}`, type: i % 2 ? 'numeric' : 'text' }));
  const wideData = Array.from({ length: 300 }, (_, r) => Object.fromEntries(wideCols.map((c, i) => [c.id, i % 2 ? r * i : `text ${r} in column ${i}`])));

  function expectAligned(el: DashTable, rowSelector: string) {
    const heads = $$(el, '[role=columnheader]');
    const cells = [...$(el, rowSelector).querySelectorAll('[role=gridcell]')];
    expect(cells.length).to.equal(heads.length);
    heads.forEach((h, i) => {
      const a = h.getBoundingClientRect();
      const b = cells[i].getBoundingClientRect();
      expect(b.left, `left of column ${i}`).to.be.closeTo(a.left, 0.5);
      expect(b.width, `width of column ${i}`).to.be.closeTo(a.width, 0.5);
    });
  }

  it('keeps header and body columns aligned when scrolling horizontally and vertically', async () => {
    const el = await fixture<DashTable>(html`<div style="width: 600px"><dash-table virtualization filter-action="native" .data=${wideData} .columns=${wideCols}></dash-table></div>`).then((d) => d.firstElementChild as DashTable);
    await settle(el);
    const scroller = $(el, '.scroller');
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    scroller.scrollLeft = 700;
    scroller.scrollTop = 2000;
    await settle(el);
    expectAligned(el, '.body [role=row]');
    expectAligned(el, '.filter-row');
    // the header moved with the body
    expect(header(el, 'c0').getBoundingClientRect().left).to.be.lessThan(scroller.getBoundingClientRect().left - 500);
    // and stayed at the top
    expect(header(el, 'c0').getBoundingClientRect().top).to.be.closeTo(scroller.getBoundingClientRect().top + 1, 1);
  });

  it("sizes every row's cells to their columns, per table, as widths and hidden columns change", async () => {
    const cols = (a: number, b: number) => [
      { id: 'name', name: 'Name', width: a },
      { id: 'city', name: 'City', width: b },
    ];
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <dash-table row-selectable="multi" filter-action="native" .data=${people} .columns=${cols(150, 90)}></dash-table>
      <dash-table virtualization .data=${people} .columns=${cols(60, 200)}></dash-table>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('dash-table')] as DashTable[];
    await settle(a);
    await settle(b);
    // Each row of a table (header, filter, body): its cells' widths, in order.
    const widths = (el: DashTable) => $$(el, '[role=row]').map((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().width)));
    const expectWidths = (el: DashTable, expected: number[]) => {
      const rows = widths(el);
      expect(rows.length, 'rows').to.be.greaterThan(people.length);
      for (const row of rows) expect(row).to.deep.equal(expected);
    };
    const control = Math.round($(a, '.body [role=row] > *').getBoundingClientRect().width);
    expectWidths(a, [control, 150, 90]);
    expectWidths(b, [60, 200]);
    a.columns = cols(200, 90);
    await settle(a);
    expectWidths(a, [control, 200, 90]);
    expectWidths(b, [60, 200]);
    a.columns = cols(150, 90);
    await settle(a);
    expectWidths(a, [control, 150, 90]);
    a.hiddenColumns = ['name'];
    await settle(a);
    expectWidths(a, [control, 90]);
    a.hiddenColumns = [];
    await settle(a);
    expectWidths(a, [control, 150, 90]);
  });

  it('sizes a column by the width in its cells\' styles, as Dash does, keeping header and body aligned', async () => {
    const cols = [
      { id: 'name', name: 'Name' },
      { id: 'city', name: 'City' },
      { id: 'age', name: 'Age', type: 'numeric' },
    ];
    const el = await fixture<DashTable>(html`<dash-table virtualization .data=${people} .columns=${cols}></dash-table>`);
    await settle(el);
    const rows = () => $$(el, '[role=row]').map((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().left)));
    // Every row's cells start where the header's do.
    const expectAlignedRows = () => {
      const [head, ...body] = rows();
      expect(body.length).to.equal(people.length);
      for (const row of body) expect(row).to.deep.equal(head);
      return head;
    };
    const [, cityAt, ageAt] = expectAlignedRows();
    const cityWidth = () => Math.round(header(el, 'city').getBoundingClientRect().width);
    const measured = cityWidth();
    // Dash's idiom for a fixed column: the same bare number as minWidth, width and maxWidth.
    el.styleCellConditional = [{ if: { column_id: 'city' }, minWidth: 240, width: 240, maxWidth: 240 }];
    await settle(el);
    expect(cityWidth()).to.equal(240);
    expect(expectAlignedRows()[2]).to.equal(cityAt + 240);
    // A px width bounded by a styleCell minWidth; styleData counts too (the data cells' style).
    el.styleCellConditional = [];
    el.styleCell = { minWidth: '150px' };
    el.styleData = { width: '90px' };
    await settle(el);
    expect(cityWidth()).to.equal(150);
    expect(expectAlignedRows()[2] - expectAlignedRows()[1]).to.equal(150);
    // A width in another unit leaves the measured one, and the cells keep to it.
    el.styleCell = {};
    el.styleData = { width: '50%' };
    await settle(el);
    expect(cityWidth()).to.equal(measured);
    expect(expectAlignedRows()[2]).to.equal(ageAt);
    el.styleData = {};
    await settle(el);
    expect(expectAlignedRows()[2]).to.equal(ageAt);
  });

  it('keeps the header columns when a filter leaves 0 rows', async () => {
    const el = await fixture<DashTable>(html`<div style="width: 600px"><dash-table filter-action="native" .data=${wideData} .columns=${wideCols}></dash-table></div>`).then((d) => d.firstElementChild as DashTable);
    const before = $$(el, '[role=columnheader]').map((h) => h.getBoundingClientRect().width);
    el.filterQuery = '{c1} > 1000000';
    await settle(el);
    expect($$(el, '.body [role=row]')).to.have.length(0);
    expect($(el, '[part=empty]').textContent).to.contain('No rows');
    const after = $$(el, '[role=columnheader]').map((h) => h.getBoundingClientRect().width);
    expect(after).to.deep.equal(before);
    const scroller = $(el, '.scroller');
    scroller.scrollLeft = 500;
    await settle(el);
    expectAligned(el, '.filter-row');
  });

  it('fixedRows keeps the header (and the first data rows) fixed while the body scrolls', async () => {
    const el = await fixture<DashTable>(html`<dash-table .fixedRows=${{ headers: true, data: 2 }} style="--dash-table-max-height: 300px" .data=${wideData} .columns=${wideCols}></dash-table>`);
    await settle(el);
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 1500;
    await settle(el);
    const top = scroller.getBoundingClientRect().top;
    expect(header(el, 'c0').getBoundingClientRect().top).to.be.closeTo(top + 1, 1);
    const fixedRows = $$(el, '.fixed-data [role=row]');
    expect(fixedRows.map((r) => r.querySelector('[role=gridcell]')?.textContent)).to.deep.equal(['text 0 in column 0', 'text 1 in column 0']);
    expect(fixedRows[1].getBoundingClientRect().bottom).to.be.lessThan(top + 120);
    expect(column(el, 0)[0]).to.equal('text 2 in column 0');
  });
});

describe('dash-table sorting', () => {
  async function sortable(extra: Partial<DashTable> = {}) {
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    Object.assign(el, extra);
    await el.updateComplete;
    return el;
  }
  const sortButton = (el: DashTable, id: string) => header(el, id).querySelector('button') as HTMLButtonElement;

  it('cycles asc → desc → none on header click, numeric with nulls last', async () => {
    const el = await sortable();
    const events = collect(el);
    await click(sortButton(el, 'age'));
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([{ column_id: 'age', direction: 'asc' }]);
    expect(header(el, 'age').getAttribute('aria-sort')).to.equal('ascending');
    expect(column(el, 1)).to.deep.equal(['9', '34', '34', '120', '']);
    await click(sortButton(el, 'age'));
    await el.updateComplete;
    expect(header(el, 'age').getAttribute('aria-sort')).to.equal('descending');
    expect(column(el, 1)).to.deep.equal(['120', '34', '34', '9', '']);
    await click(sortButton(el, 'age'));
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([]);
    expect(header(el, 'age').hasAttribute('aria-sort')).to.equal(false);
    expect(column(el, 0)).to.deep.equal(['Émile', 'anna', 'Zoë', 'bob', 'Anna']);
    const sortEvents = events.filter((e) => e.detail.prop === 'sortBy');
    expect(sortEvents.map((e) => e.detail.user)).to.deep.equal([true, true, true]);
  });

  it('sorts text with locale collation and dates chronologically', async () => {
    const el = await sortable({ sortBy: [{ column_id: 'name', direction: 'asc' }] });
    expect(column(el, 0)).to.deep.equal(['anna', 'Anna', 'bob', 'Émile', 'Zoë']);
    el.sortBy = [{ column_id: 'born', direction: 'asc' }];
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['1903-12-31 10:00:00', '1990-04-30', '1990-05-01', '2015-01-20', '']);
    el.sortBy = [{ column_id: 'born', direction: 'desc' }];
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['2015-01-20', '1990-05-01', '1990-04-30', '1903-12-31 10:00:00', '']);
  });

  it('accepts columnId, and multi mode adds columns with shift-click', async () => {
    const el = await sortable({ sortMode: 'multi', sortBy: [{ columnId: 'age', direction: 'desc' }] });
    expect(column(el, 1)).to.deep.equal(['120', '34', '34', '9', '']);
    await click(sortButton(el, 'name'), true);
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([
      { column_id: 'age', direction: 'desc' },
      { column_id: 'name', direction: 'asc' },
    ]);
    expect(column(el, 0)).to.deep.equal(['bob', 'Anna', 'Émile', 'anna', 'Zoë']);
    expect(header(el, 'name').querySelector('.sort-order')?.textContent).to.equal('2');
    // a plain click replaces the multi sort
    await click(sortButton(el, 'city'));
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([{ column_id: 'city', direction: 'asc' }]);
  });

  it('is keyboard accessible: Enter sorts, Shift+Enter adds in multi mode', async () => {
    const el = await sortable({ sortMode: 'multi' });
    sortButton(el, 'city').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([{ column_id: 'city', direction: 'asc' }]);
    sortButton(el, 'age').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([
      { column_id: 'city', direction: 'asc' },
      { column_id: 'age', direction: 'asc' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('a text column: the rows shown and the derived props agree through asc, desc, ties, blanks, multi-sort, a filter and new data', async () => {
    const names = ['bob', null, 'Anna', 'bob', '', 'anna', 'Émile', 'bob'];
    const rows = names.map((name, id) => ({ id, name }));
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" sort-mode="multi" filter-action="native" .data=${rows} .columns=${[{ id: 'id', name: 'ID', type: 'numeric' }, { id: 'name', name: 'Name', type: 'text' }]}></dash-table>`);
    const expectOrder = (ids: number[]) => {
      expect(el.derivedVirtualIndices).to.deep.equal(ids);
      expect(el.derivedVirtualData).to.deep.equal(ids.map((i) => el.data[i]));
      expect(column(el, 0)).to.deep.equal(ids.map((i) => String(el.data[i].id)));
    };
    sortButton(el, 'name').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Equal names keep their row order; blanks last in both directions.
    expectOrder([5, 2, 0, 3, 7, 6, 1, 4]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expectOrder([6, 0, 3, 7, 2, 5, 1, 4]);
    el.sortBy = [{ column_id: 'name', direction: 'asc' }, { column_id: 'id', direction: 'desc' }];
    await el.updateComplete;
    expectOrder([5, 2, 7, 3, 0, 6, 4, 1]);
    el.sortBy = [{ column_id: 'name', direction: 'desc' }];
    el.filterQuery = '{id} > 2';
    await el.updateComplete;
    expectOrder([6, 3, 7, 5, 4]);
    el.filterQuery = '';
    el.sortBy = [{ column_id: 'name', direction: 'asc' }];
    el.data = rows.map((r) => ({ ...r, id: r.id + 10 })).reverse();
    await el.updateComplete;
    expectOrder([2, 5, 0, 4, 7, 1, 3, 6]);
  });
  it('a column of thousands of distinct names: rows, derived props and a listener agree after asc and desc; blanks last', async () => {
    const collator = new Intl.Collator();
    // More distinct names than the table looks at for repeated ones, a few blank.
    const rows = Array.from({ length: 6000 }, (_, id) => ({ id, name: id % 1000 === 7 ? null : `${['Núñez', 'smith', 'Lee'][id % 3]} ${((id * 7919) % 6000).toString(36)}` }));
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" virtualization .data=${rows} .columns=${[{ id: 'id', name: 'ID', type: 'numeric' }, { id: 'name', name: 'Name', type: 'text' }]}></dash-table>`);
    const heard: unknown[] = [];
    el.addEventListener('dash-prop-change', (e) => {
      const { prop, value } = (e as CustomEvent).detail;
      if (prop === 'derivedVirtualData') heard.push(value);
    });
    const blanks = rows.filter((r) => r.name === null).map((r) => r.id);
    for (const direction of ['asc', 'desc'] as const) {
      el.sortBy = [{ column_id: 'name', direction }];
      await el.updateComplete;
      await settle(el);
      const named = rows.filter((r) => r.name !== null).map((r) => r.name as string);
      named.sort((a, b) => (direction === 'asc' ? collator.compare(a, b) : collator.compare(b, a)));
      const order = el.derivedVirtualIndices;
      expect(order.length).to.equal(rows.length);
      expect(order.map((i) => rows[i].name)).to.deep.equal([...named, ...blanks.map(() => null)]);
      expect(order.slice(named.length)).to.deep.equal(blanks);
      expect(el.derivedVirtualData.every((row, i) => row === rows[order[i]])).to.equal(true);
      expect(heard.at(-1)).to.equal(el.derivedVirtualData);
      expect(column(el, 1).slice(0, 3)).to.deep.equal(named.slice(0, 3));
    }
    expect(heard.length).to.equal(2);
  });
});

describe('dash-table filtering', () => {
  const filterInput = (el: DashTable, id: string) => $<HTMLInputElement>(el, `input[data-column-id="${id}"]`);
  async function type(input: HTMLInputElement, text: string) {
    input.focus();
    input.select();
    await sendKeys({ type: text });
    await sendKeys({ press: 'Enter' });
  }

  it('shows each filter box inside its row, where a click reaches it', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    for (const id of ['name', 'age', 'city']) {
      const box = filterInput(el, id).getBoundingClientRect();
      const row = filterInput(el, id).closest('[role=row]')!.getBoundingClientRect();
      expect(box.top, id).to.be.at.least(row.top);
      expect(box.bottom, id).to.be.at.most(row.bottom);
      expect(el.shadowRoot!.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2), id).to.equal(filterInput(el, id));
    }
  });

  it('filters through per-column inputs and writes filterQuery', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    expect(filterInput(el, 'city').getAttribute('aria-label')).to.equal('Filter City');
    const events = collect(el);
    await type(filterInput(el, 'city'), 'Ber');
    await el.updateComplete;
    expect(el.filterQuery).to.contain('{city}').and.contain('contains');
    expect(column(el, 3)).to.deep.equal(['Berlin', 'Bern']);
    await type(filterInput(el, 'age'), '> 20');
    await el.updateComplete;
    expect(column(el, 3)).to.deep.equal(['Bern']);
    expect(el.filterQuery).to.contain('&&');
    const q = events.filter((e) => e.detail.prop === 'filterQuery');
    expect(q.every((e) => e.detail.user)).to.equal(true);
    expect(el.derivedVirtualIndices).to.deep.equal([4]);
    // clearing a box removes its part
    await type(filterInput(el, 'city'), '');
    filterInput(el, 'city').value = '';
    filterInput(el, 'city').dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(column(el, 1)).to.deep.equal(['34', '120', '34']);
    await expect(el).to.be.accessible();
  });

  it('numeric boxes match equality and datetime boxes match date prefixes', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    await type(filterInput(el, 'age'), '34');
    await el.updateComplete;
    expect(column(el, 0)).to.deep.equal(['Émile', 'Anna']);
    await type(filterInput(el, 'age'), '');
    await type(filterInput(el, 'born'), '1990-05');
    await el.updateComplete;
    expect(column(el, 0)).to.deep.equal(['Émile']);
  });

  it('applies filterQuery end to end (operators, case prefixes, unary, negation, precedence) and shows it in the boxes', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    const names = async (q: string) => {
      el.filterQuery = q;
      await el.updateComplete;
      return column(el, 0);
    };
    expect(await names('{age} >= 34')).to.deep.equal(['Émile', 'bob', 'Anna']);
    expect(await names('{age} lt 34')).to.deep.equal(['anna']);
    expect(await names('{name} = anna')).to.deep.equal(['anna']);
    expect(await names('{name} ieq "ANNA"')).to.deep.equal(['anna', 'Anna']);
    expect(await names('{city} contains "Ber"')).to.deep.equal(['anna', 'Anna']);
    expect(await names('{age} is blank')).to.deep.equal(['Zoë']);
    expect(await names('{born} datestartswith "1990"')).to.deep.equal(['Émile', 'Anna']);
    expect(await names('!({age} > 10) || {name} = bob && {age} = 120')).to.deep.equal(['anna', 'Zoë', 'bob']);
    expect(await names('({age} = 34 or {age} = 9) and {city} ne "Bern"')).to.deep.equal(['Émile', 'anna']);
    expect(await names('{age} > 10 && {city} contains "B"')).to.deep.equal(['bob', 'Anna']);
    expect(filterInput(el, 'age').value).to.not.equal('');
    expect(filterInput(el, 'city').value).to.not.equal('');
  });

  it('marks an invalid filter box (an operator without a value) and leaves it out of filterQuery', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    await type(filterInput(el, 'city'), 'Ber');
    await type(filterInput(el, 'age'), '>');
    await el.updateComplete;
    expect(filterInput(el, 'age').getAttribute('aria-invalid')).to.equal('true');
    expect(filterInput(el, 'city').getAttribute('aria-invalid')).to.equal('false');
    expect(el.filterQuery).to.not.contain('{age}');
    expect(column(el, 3)).to.deep.equal(['Berlin', 'Bern']);
    // a query the boxes cannot show leaves them empty but still filters
    el.filterQuery = '{age} > 30 || {city} = "Berlin"';
    await el.updateComplete;
    expect(filterInput(el, 'city').value).to.equal('');
    expect(column(el, 3)).to.deep.equal(['Paris', 'Berlin', 'Boston', 'Bern']);
  });

  it('marks an invalid query invalid, filters nothing and throws nothing', async () => {
    const warnings = catchWarnings();
    try {
      const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
      el.filterQuery = '{age} > && (';
      await el.updateComplete;
      expect(bodyTexts(el)).to.have.length(5);
      const error = $(el, '[part=filter-error]');
      expect(error).to.not.equal(null);
      expect(error.textContent).to.contain('Invalid filter query');
      expect(filterInput(el, 'age').getAttribute('aria-invalid')).to.equal('true');
      expect(warnings.messages.some((m) => m.includes('filterQuery'))).to.equal(true);
      el.filterQuery = '{age} > 100';
      await el.updateComplete;
      expect($(el, '[part=filter-error]')).to.equal(null);
      expect(filterInput(el, 'age').getAttribute('aria-invalid')).to.equal('false');
      expect(column(el, 0)).to.deep.equal(['bob']);
    } finally {
      warnings.restore();
    }
  });
});

describe('dash-table paging', () => {
  const rows = Array.from({ length: 600 }, (_, i) => ({ i }));
  const cols = [{ id: 'i', name: 'I', type: 'numeric' }];

  it('pages natively with accessible controls', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${rows} .columns=${cols}></dash-table>`);
    const nav = $(el, 'nav[part=paging]');
    expect(nav.getAttribute('aria-label')).to.equal('Pagination');
    expect($(el, '[role=status]').textContent).to.contain('Page 1 of 3');
    expect(($(el, 'button[aria-label="Previous page"]') as HTMLButtonElement).disabled).to.equal(true);
    const events = collect(el);
    await click($(el, 'button[aria-label="Next page"]'));
    await el.updateComplete;
    expect(el.pageCurrent).to.equal(1);
    expect(events.find((e) => e.detail.prop === 'pageCurrent')?.detail).to.deep.equal({ prop: 'pageCurrent', value: 1, user: true });
    expect(column(el, 0)[0]).to.equal('250');
    expect(el.derivedViewportIndices[0]).to.equal(250);
    expect(el.derivedViewportData).to.have.length(250);
    expect(el.derivedVirtualData).to.have.length(600);
    expect($$(el, '.body [role=row]')[0].getAttribute('aria-rowindex')).to.equal('2');
    await click($(el, 'button[aria-label="Last page"]'));
    await el.updateComplete;
    expect(el.pageCurrent).to.equal(2);
    expect(bodyTexts(el)).to.have.length(100);
    expect(($(el, 'button[aria-label="Next page"]') as HTMLButtonElement).disabled).to.equal(true);
    const input = $<HTMLInputElement>(el, 'input[part=page-input]');
    expect(input.labels?.[0]?.textContent).to.equal('Page');
    input.value = '1';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.pageCurrent).to.equal(0);
    el.pageSize = 100;
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('Page 1 of 6');
    await expect(el).to.be.accessible();
  });

  it('shows the last page when pageCurrent is past the end; pageAction none shows all rows', async () => {
    const el = await fixture<DashTable>(html`<dash-table page-current="9" .data=${rows} .columns=${cols}></dash-table>`);
    expect(column(el, 0)[0]).to.equal('500');
    el.pageAction = 'none';
    await el.updateComplete;
    expect(bodyTexts(el)).to.have.length(600);
    expect($(el, 'nav[part=paging]')).to.equal(null);
  });
});

describe('dash-table custom actions', () => {
  it('shows data as given and only emits pageCurrent, sortBy and filterQuery', async () => {
    const data = [{ n: 3 }, { n: 1 }, { n: 2 }];
    const el = await fixture<DashTable>(html`<dash-table
      page-action="custom" sort-action="custom" filter-action="custom" page-size="3" page-count="5"
      .data=${data} .columns=${[{ id: 'n', name: 'N', type: 'numeric' }]}
    ></dash-table>`);
    const events = collect(el);
    await click($(el, 'button[part=sort-button]'));
    await el.updateComplete;
    expect(el.sortBy).to.deep.equal([{ column_id: 'n', direction: 'asc' }]);
    expect(column(el, 0)).to.deep.equal(['3', '1', '2']);
    const input = $<HTMLInputElement>(el, 'input[part=filter-input]');
    input.focus();
    await sendKeys({ type: '> 1' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filterQuery).to.contain('{n}');
    expect(column(el, 0)).to.deep.equal(['3', '1', '2']);
    await click($(el, 'button[aria-label="Next page"]'));
    await el.updateComplete;
    expect(el.pageCurrent).to.equal(1);
    expect(column(el, 0)).to.deep.equal(['3', '1', '2']);
    expect($(el, '[role=status]').textContent).to.contain('Page 2 of 5');
    expect(events.filter((e) => e.detail.user).map((e) => e.detail.prop)).to.deep.equal(['sortBy', 'filterQuery', 'pageCurrent']);
    expect(el.derivedViewportData).to.deep.equal(data);
    // the callback answers with the next page
    el.data = [{ n: 4 }];
    await el.updateComplete;
    expect(column(el, 0)).to.deep.equal(['4']);
  });

  it('custom paging without pageCount keeps Next enabled', async () => {
    const el = await fixture<DashTable>(html`<dash-table page-action="custom" .data=${[{ a: 1 }]}></dash-table>`);
    expect(($(el, 'button[aria-label="Next page"]') as HTMLButtonElement).disabled).to.equal(false);
    expect(($(el, 'button[aria-label="Last page"]') as HTMLButtonElement).disabled).to.equal(true);
  });
});

describe('dash-table derived props', () => {
  it('keeps derived props current and announces them', async () => {
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" filter-action="native" page-size="2" .data=${people} .columns=${peopleColumns}></dash-table>`);
    expect(el.derivedVirtualIndices).to.deep.equal([0, 1, 2, 3, 4]);
    expect(el.derivedViewportIndices).to.deep.equal([0, 1]);
    const change = oneEvent(el, 'dash-prop-change');
    const events = collect(el);
    el.sortBy = [{ column_id: 'age', direction: 'desc' }];
    await change;
    await el.updateComplete;
    const props = events.map((e) => e.detail.prop);
    expect(props).to.include.members(['sortBy', 'derivedVirtualData', 'derivedVirtualIndices', 'derivedViewportData', 'derivedViewportIndices']);
    expect(events.every((e) => e.detail.user === false)).to.equal(true);
    expect(el.derivedVirtualIndices).to.deep.equal([3, 0, 4, 1, 2]);
    expect(el.derivedViewportData).to.deep.equal([people[3], people[0]]);
    el.filterQuery = '{age} < 100';
    await el.updateComplete;
    expect(el.derivedVirtualIndices).to.deep.equal([0, 4, 1]);
    expect(() => el.checkProp('derivedVirtualData', [])).to.throw(TypeError);
    expect(() => el.checkProp('pageCurrent', -1)).to.throw(TypeError);
    expect(() => el.checkProp('data', 'x')).to.throw(TypeError);
  });

  it('announces each sort\'s rows (read late, still that sort\'s); an order that stays, and deep-equal rows, are not announced again', async () => {
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    const events = collect(el);
    const derived = (prop: string) => events.filter((e) => e.detail.prop === prop);
    el.sortBy = [{ column_id: 'age', direction: 'asc' }];
    await el.updateComplete;
    el.sortBy = [{ column_id: 'age', direction: 'desc' }];
    await el.updateComplete;
    // Read only now: each event still holds its own sort's rows.
    const [asc, desc] = derived('derivedVirtualIndices').map((e) => e.detail.value as number[]);
    expect(asc).to.deep.equal([1, 0, 4, 3, 2]);
    expect(desc).to.deep.equal([3, 0, 4, 1, 2]);
    expect(el.derivedVirtualIndices).to.deep.equal(desc);
    expect(derived('derivedVirtualData').map((e) => e.detail.value)).to.deep.equal([asc.map((i) => people[i]), desc.map((i) => people[i])]);
    expect(derived('derivedViewportIndices').at(-1)!.detail.value).to.equal(el.derivedVirtualIndices);
    // The same order again (a sort by the column the rows are already in), and new rows that are deep-equal: no event.
    const count = events.length;
    el.sortBy = [{ column_id: 'age', direction: 'desc' }, { column_id: 'born', direction: 'desc' }];
    await el.updateComplete;
    expect(el.derivedVirtualIndices).to.deep.equal(desc);
    el.data = people.map((p) => ({ ...p }));
    await el.updateComplete;
    const props = events.slice(count).map((e) => e.detail.prop);
    expect(props).to.include.members(['sortBy']);
    expect(props.filter((p) => p.startsWith('derived'))).to.deep.equal([]);
    el.data = people.map((p) => ({ ...p, age: 1 }));
    await el.updateComplete;
    expect(events.slice(count).map((e) => e.detail.prop)).to.include.members(['derivedVirtualData', 'derivedViewportData']);
  });
});

describe('dash-table bad input', () => {
  it('warns and keeps working with non-array data, missing columns, absent columns, mixed types', async () => {
    const warnings = catchWarnings();
    try {
      const el = await fixture<DashTable>(html`<dash-table id="t" sort-action="native" data='{"a": 1}' columns='[{"id":"a","name":"A","type":"numeric"}]'></dash-table>`);
      expect(bodyTexts(el)).to.have.length(0);
      expect(warnings.messages.some((m) => m.includes('<dash-table id="t">') && m.includes('"data"'))).to.equal(true);
      el.data = [{ a: 2, b: 'x' }, { b: 'y' }, { a: 'oops' }, 7 as unknown as Row, { a: 1 }];
      el.columns = [
        { id: 'a', name: 'A', type: 'numeric' },
        { id: 'ghost', name: 'Ghost' },
      ];
      await el.updateComplete;
      expect(bodyTexts(el)).to.deep.equal([['2', ''], ['', ''], ['oops', ''], ['', ''], ['1', '']]);
      el.sortBy = [{ column_id: 'a', direction: 'asc' }];
      await el.updateComplete;
      expect(column(el, 0)).to.deep.equal(['1', '2', '', 'oops', '']);
      const text = warnings.messages.join('\n');
      expect(text).to.contain('"ghost" is not in any row');
      expect(text).to.contain('some rows have no "a"');
      expect(text).to.contain('numeric');
      expect(text).to.contain('not an object');
      el.data = null as unknown as Row[];
      await el.updateComplete;
      expect(bodyTexts(el)).to.have.length(0);
    } finally {
      warnings.restore();
    }
  });

  it('survives a malformed JSON attribute and bad sortBy entries', async () => {
    const warnings = catchWarnings();
    try {
      const el = await fixture<DashTable>(html`<dash-table sort-action="native" data='[{"a":2},{"a":1}]'></dash-table>`);
      el.setAttribute('data', '[{broken');
      el.setAttribute('sort-by', '[{"column_id":"a","direction":"sideways"},{"column_id":"a","direction":"asc"}]');
      await el.updateComplete;
      expect(column(el, 0)).to.deep.equal(['1', '2']);
      expect(warnings.messages.length).to.be.greaterThanOrEqual(2);
    } finally {
      warnings.restore();
    }
  });
});
