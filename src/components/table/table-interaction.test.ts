import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { type Row, $, $$, bodyRows, catchWarnings, collect, root, settle } from '../../../test/browser/table-helpers.js';

const bodyTexts = (el: DashTable) => bodyRows(el).map((r) => [...r.querySelectorAll('[part=cell]')].map((c) => c.textContent ?? ''));
/** The data cell at page row r, data column c (the r-th rendered body row). */
const cell = (el: DashTable, r: number, c: number) => bodyRows(el)[r].querySelectorAll<HTMLElement>('[part=cell]')[c];
const grid = (el: DashTable) => $(el, '[role=grid]');
const editor = (el: DashTable) => $<HTMLInputElement>(el, 'input.editor');

async function click(target: Element, opts: { shift?: boolean } = {}) {
  target.scrollIntoView({ block: 'center', inline: 'center' });
  const r = target.getBoundingClientRect();
  const position: [number, number] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  if (opts.shift) await sendKeys({ down: 'Shift' });
  await sendMouse({ type: 'click', position });
  if (opts.shift) await sendKeys({ up: 'Shift' });
}

async function press(key: string, ...modifiers: string[]) {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of modifiers.reverse()) await sendKeys({ up: m });
}

/** Puts text on the real clipboard: select it in a textarea and press Ctrl+C. */
async function clipboardWrite(text: string) {
  const ta = document.createElement('textarea');
  document.body.append(ta);
  ta.value = text;
  ta.focus();
  ta.select();
  await press('KeyC', 'Control');
  ta.remove();
}

/** Reads the real clipboard: Ctrl+V into a textarea. */
async function clipboardRead(): Promise<string> {
  const ta = document.createElement('textarea');
  document.body.append(ta);
  ta.focus();
  await press('KeyV', 'Control');
  const text = ta.value;
  ta.remove();
  return text;
}

const people: Row[] = [
  { id: 'a', name: 'Ada', age: 36, born: '1815-12-10' },
  { id: 'b', name: 'Grace', age: 85, born: '1906-12-09' },
  { id: 'c', name: 'Alan', age: 41, born: '1912-06-23' },
  { id: 'd', name: 'Edsger', age: 72, born: '1930-05-11' },
];
const peopleColumns = [
  { id: 'name', name: 'Name', type: 'text' },
  { id: 'age', name: 'Age', type: 'numeric' },
  { id: 'born', name: 'Born', type: 'datetime' },
];

function million(): Row[] {
  const rows: Row[] = new Array(1_000_000);
  for (let i = 0; i < rows.length; i++) rows[i] = { id: i, n: i, label: `row ${i}` };
  return rows;
}

describe('dash-table editing', () => {
  it('Enter edits, Enter commits and moves down: data is replaced immutably, dataPrevious/dataTimestamp set, events fired', async () => {
    const data = people.map((r) => ({ ...r }));
    const el = await fixture<DashTable>(html`<dash-table editable .data=${data} .columns=${peopleColumns}></dash-table>`);
    const events = collect(el);
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push('change'));
    el.addEventListener('input', () => changes.push('input'));
    await click(cell(el, 0, 0));
    await press('Enter');
    await settle(el);
    expect(editor(el)).to.exist;
    expect(root(el).activeElement).to.equal(editor(el));
    expect(editor(el).value).to.equal('Ada');
    await press('Backspace');
    await sendKeys({ type: 'Lovelace' });
    expect(changes, 'typing fires nothing outside').to.deep.equal([]);
    const before = Date.now();
    await press('Enter');
    await settle(el);
    expect(editor(el)).to.equal(null);
    expect(el.data).to.not.equal(data);
    expect(el.data[0]).to.deep.equal({ ...people[0], name: 'AdLovelace' });
    expect(data[0].name, 'the old row object is untouched').to.equal('Ada');
    expect(el.data[1]).to.equal(data[1]);
    expect(el.dataPrevious).to.equal(data);
    expect(el.dataTimestamp).to.be.a('number').and.at.least(before);
    const dataEvent = events.find((e) => e.detail.prop === 'data');
    expect(dataEvent?.detail.user).to.equal(true);
    expect(events.find((e) => e.detail.prop === 'dataPrevious')?.detail.user).to.equal(true);
    expect(changes).to.deep.equal(['input', 'change']);
    expect(el.activeCell).to.deep.equal({ row: 1, column: 0, column_id: 'name', row_id: 'b' });
    expect(cell(el, 0, 0).textContent).to.equal('AdLovelace');
    expect(root(el).activeElement).to.equal(grid(el));
  });

  it('typing starts an edit that replaces the value; Tab commits and moves right; Escape cancels', async () => {
    const el = await fixture<DashTable>(html`<dash-table editable .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 1, 0));
    await sendKeys({ type: 'Hopper' });
    await settle(el);
    expect(editor(el).value).to.equal('Hopper');
    await press('Tab');
    await settle(el);
    expect(el.data[1].name).to.equal('Hopper');
    expect(el.activeCell?.column_id).to.equal('age');
    await sendKeys({ type: '99' });
    await press('Escape');
    await settle(el);
    expect(editor(el)).to.equal(null);
    expect(el.data[1].age).to.equal(85);
    expect(root(el).activeElement).to.equal(grid(el));
  });

  it('numeric cells take numbers only: invalid text keeps the editor open with a message', async () => {
    const el = await fixture<DashTable>(html`<dash-table editable .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 0, 1));
    await press('F2');
    await settle(el);
    const input = editor(el);
    expect(input.getAttribute('inputmode')).to.equal('decimal');
    input.select();
    await sendKeys({ type: '12abc' });
    await press('Enter');
    await settle(el);
    expect(editor(el)).to.exist;
    expect(editor(el).getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part=edit-error]').textContent).to.contain('number');
    expect(el.data[0].age).to.equal(36);
    editor(el).select();
    await sendKeys({ type: '1e2' });
    await press('Enter');
    await settle(el);
    expect(el.data[0].age).to.equal(100);
    expect(typeof el.data[0].age).to.equal('number');
    expect($(el, '[part=edit-error]')).to.equal(null);
  });

  it('dates are validated and normalised; clicking away with an invalid date keeps the old value', async () => {
    const el = await fixture<DashTable>(html`<dash-table editable .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 0, 2));
    await press('Enter');
    await settle(el);
    editor(el).select();
    await sendKeys({ type: '2024-1-5' });
    await press('Enter');
    await settle(el);
    expect(el.data[0].born).to.equal('2024-01-05');
    await press('Enter'); // now on row 1
    await settle(el);
    editor(el).select();
    await sendKeys({ type: '2024-02-30' });
    await press('Enter');
    await settle(el);
    expect(editor(el).getAttribute('aria-invalid')).to.equal('true');
    await click(cell(el, 3, 0));
    await settle(el);
    expect(editor(el)).to.equal(null);
    expect(el.data[1].born).to.equal('1906-12-09');
  });

  it('column editable overrides the table; read-only cells do not open an editor; double-click edits', async () => {
    const columns = [{ ...peopleColumns[0], editable: false }, peopleColumns[1], peopleColumns[2]];
    const el = await fixture<DashTable>(html`<dash-table editable .data=${people} .columns=${columns}></dash-table>`);
    expect(cell(el, 0, 0).getAttribute('aria-readonly')).to.equal('true');
    expect(cell(el, 0, 1).hasAttribute('aria-readonly')).to.equal(false);
    expect(grid(el).getAttribute('aria-readonly')).to.equal('false');
    await click(cell(el, 0, 0));
    await press('Enter');
    await sendKeys({ type: 'x' });
    await settle(el);
    expect(editor(el)).to.equal(null);
    cell(el, 2, 1).dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    expect(editor(el)?.value).to.equal('41');
  });

  it('Delete clears the selected editable cells (null for numbers)', async () => {
    const el = await fixture<DashTable>(html`<dash-table editable .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 0, 0));
    await click(cell(el, 1, 1), { shift: true });
    await press('Delete');
    await settle(el);
    expect(el.data.slice(0, 2).map((r) => [r.name, r.age])).to.deep.equal([['', null], ['', null]]);
    expect(el.data[2]).to.equal(people[2]);
  });

  it('rowDeletable: labelled delete buttons remove the row; selection indices follow', async () => {
    const el = await fixture<DashTable>(html`<dash-table row-deletable row-selectable="multi" .data=${people} .columns=${peopleColumns} .selectedRows=${[0, 3]}></dash-table>`);
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push('change'));
    const buttons = $$(el, 'button[part=delete-button]');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Delete row 1', 'Delete row 2', 'Delete row 3', 'Delete row 4']);
    await click(buttons[1]);
    await settle(el);
    expect(el.data.map((r) => r.name)).to.deep.equal(['Ada', 'Alan', 'Edsger']);
    expect(el.dataPrevious?.length).to.equal(4);
    expect(el.selectedRows).to.deep.equal([0, 2]);
    expect(el.selectedRowIds).to.deep.equal(['a', 'd']);
    expect(changes).to.deep.equal(['change']);
  });

  it('edits a row of a million (virtualized): Ctrl+End, Enter, type, Enter', async () => {
    const data = million();
    const el = await fixture<DashTable>(html`<dash-table editable virtualization page-action="none" style="--dash-table-max-height: 300px"
      .columns=${[{ id: 'n', name: 'N', type: 'numeric' }, { id: 'label', name: 'Label', type: 'text' }]} .data=${data}></dash-table>`);
    await settle(el);
    grid(el).focus();
    await press('End', 'Control');
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 999_999, column: 1, column_id: 'label', row_id: 999_999 });
    await press('Enter');
    await settle(el);
    editor(el).select();
    await sendKeys({ type: 'last' });
    await press('Enter');
    await settle(el);
    expect(el.data[999_999]).to.deep.equal({ id: 999_999, n: 999_999, label: 'last' });
    expect(el.data.length).to.equal(1_000_000);
    expect(el.dataPrevious).to.equal(data);
    const active = $(el, '[data-active]');
    expect(active.textContent).to.equal('last');
  });
});

describe('dash-table selection', () => {
  it('multi: checkboxes select rows by data index and id; selections follow rows through sorting and filtering', async () => {
    const el = await fixture<DashTable>(html`<dash-table row-selectable="multi" sort-action="native" filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    const events = collect(el);
    const boxes = $$<HTMLInputElement>(el, '.body input[part=select-input]');
    expect(boxes.map((b) => b.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox', 'checkbox']);
    expect(boxes[0].getAttribute('aria-label')).to.equal('Select row 1');
    await click(boxes[1]);
    await click(boxes[3]);
    await settle(el);
    expect(el.selectedRows).to.deep.equal([1, 3]);
    expect(el.selectedRowIds).to.deep.equal(['b', 'd']);
    expect(events.find((e) => e.detail.prop === 'selectedRows')?.detail.user).to.equal(true);
    // Sort by name: Ada, Alan, Edsger, Grace — Grace and Edsger stay selected.
    el.sortBy = [{ column_id: 'name', direction: 'asc' }];
    await settle(el);
    const checked = () => bodyRows(el).filter((r) => r.querySelector<HTMLInputElement>('input[part=select-input]')!.checked).map((r) => r.querySelector('[part=cell]')!.textContent);
    expect(checked()).to.deep.equal(['Edsger', 'Grace']);
    expect(bodyRows(el).map((r) => r.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'true', 'true']);
    el.filterQuery = '{age} > 40';
    await settle(el);
    expect(checked()).to.deep.equal(['Edsger', 'Grace']);
    expect(el.selectedRows).to.deep.equal([1, 3]);
  });

  it('select-all selects the filtered rows on every page, and clears them again', async () => {
    const data = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, n: i }));
    const el = await fixture<DashTable>(html`<dash-table row-selectable="multi" filter-action="native" page-size="5" filter-query="{n} >= 20"
      .data=${data} .columns=${[{ id: 'n', name: 'N', type: 'numeric' }]} .selectedRows=${[0]}></dash-table>`);
    const all = $<HTMLInputElement>(el, '[role=columnheader] input[part=select-input]');
    expect(all.getAttribute('aria-label')).to.equal('Select all rows');
    expect(all.checked).to.equal(false);
    await click(all);
    await settle(el);
    expect(el.selectedRows).to.deep.equal([0, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(el.selectedRowIds).to.have.length(11);
    expect($<HTMLInputElement>(el, '[role=columnheader] input[part=select-input]').checked).to.equal(true);
    await click($(el, '[role=columnheader] input[part=select-input]'));
    await settle(el);
    expect(el.selectedRows).to.deep.equal([0]);
  });

  it('single: radios, one row at a time; Shift+Space selects the focused row', async () => {
    const el = await fixture<DashTable>(html`<dash-table row-selectable="single" .data=${people} .columns=${peopleColumns}></dash-table>`);
    const radios = $$<HTMLInputElement>(el, '.body input[part=select-input]');
    expect(radios[0].type).to.equal('radio');
    await click(radios[2]);
    await settle(el);
    expect(el.selectedRows).to.deep.equal([2]);
    await click(cell(el, 0, 0));
    await press('Space', 'Shift');
    await settle(el);
    expect(el.selectedRows).to.deep.equal([0]);
    expect(el.selectedRowIds).to.deep.equal(['a']);
  });

  it('selectedRows written from outside derive selectedRowIds, and the reverse', async () => {
    const el = await fixture<DashTable>(html`<dash-table row-selectable="multi" .data=${people} .columns=${peopleColumns}></dash-table>`);
    el.selectedRows = [2];
    await settle(el);
    expect(el.selectedRowIds).to.deep.equal(['c']);
    el.selectedRowIds = ['a', 'd'];
    await settle(el);
    expect(el.selectedRows).to.deep.equal([0, 3]);
  });

  it('click, shift-click and shift-arrows select cell ranges in Dash shape; they follow rows through a sort', async () => {
    const el = await fixture<DashTable>(html`<dash-table sort-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 1, 0));
    await click(cell(el, 2, 1), { shift: true });
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 1, column: 0, column_id: 'name', row_id: 'b' });
    expect(el.selectedCells).to.deep.equal([
      { row: 1, column: 0, column_id: 'name', row_id: 'b' },
      { row: 1, column: 1, column_id: 'age', row_id: 'b' },
      { row: 2, column: 0, column_id: 'name', row_id: 'c' },
      { row: 2, column: 1, column_id: 'age', row_id: 'c' },
    ]);
    expect($$(el, '[part=cell][aria-selected=true]').map((c) => c.textContent)).to.deep.equal(['Grace', '85', 'Alan', '41']);
    await press('ArrowRight', 'Shift');
    await settle(el);
    expect(el.selectedCells).to.have.length(6);
    // Sort by age descending: Grace(85) Edsger(72) Alan(41) Ada(36)
    el.sortBy = [{ column_id: 'age', direction: 'desc' }];
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 0, column: 0, column_id: 'name', row_id: 'b' });
    expect(el.selectedCells.map((c) => `${c.row}:${c.column_id}`)).to.deep.equal(['0:name', '0:age', '0:born', '2:name', '2:age', '2:born']);
    expect($$(el, '[part=cell][aria-selected=true]').map((c) => c.textContent)).to.deep.equal(['Grace', '85', '1906-12-09', 'Alan', '41', '1912-06-23']);
    expect($(el, '[data-active]').textContent).to.equal('Grace');
  });

  it('activeCell follows its row through filtering and is null when the row is filtered out', async () => {
    const el = await fixture<DashTable>(html`<dash-table filter-action="native" .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 3, 1));
    await settle(el);
    expect(el.activeCell?.row_id).to.equal('d');
    el.filterQuery = '{age} > 40';
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 2, column: 1, column_id: 'age', row_id: 'd' });
    el.filterQuery = '{age} < 40';
    await settle(el);
    expect(el.activeCell).to.equal(null);
    el.filterQuery = '';
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 3, column: 1, column_id: 'age', row_id: 'd' });
  });

  it('activeCell and selectedCells written from outside (either key spelling) are emitted in Dash keys', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${people} .columns=${peopleColumns}></dash-table>`);
    const events = collect(el);
    el.activeCell = { row: 2, columnId: 'born' } as never;
    await settle(el);
    expect(el.activeCell).to.deep.equal({ row: 2, column: 2, column_id: 'born', row_id: 'c' });
    const ev = events.filter((e) => e.detail.prop === 'activeCell');
    expect(ev).to.have.length(1);
    expect(ev[0].detail.user).to.equal(false);
    expect($(el, '[data-active]').textContent).to.equal('1912-06-23');
    el.selectedCells = [{ row: 0, columnId: 'name' }, { row: 3, column_id: 'age' }] as never;
    await settle(el);
    expect(el.selectedCells).to.deep.equal([
      { row: 0, column: 0, column_id: 'name', row_id: 'a' },
      { row: 3, column: 1, column_id: 'age', row_id: 'd' },
    ]);
  });
});

describe('dash-table keyboard', () => {
  it('is one tab stop; focus lands on a cell with a visible ring; arrows, Home/End move the active cell', async () => {
    const el = await fixture<DashTable>(html`<div><button id="before">before</button><dash-table aria-label="People" .data=${people} .columns=${peopleColumns}></dash-table></div>`);
    const table = el.querySelector('dash-table') as DashTable;
    (el.querySelector('#before') as HTMLButtonElement).focus();
    await press('Tab');
    await settle(table);
    expect(table.shadowRoot!.activeElement).to.equal(grid(table));
    const focused = () => $(table, `#${grid(table).getAttribute('aria-activedescendant')}`);
    expect(focused().textContent).to.equal('Ada');
    expect(getComputedStyle(focused()).outlineStyle).to.equal('solid');
    await press('ArrowDown');
    await press('ArrowRight');
    await settle(table);
    expect(table.activeCell).to.deep.equal({ row: 1, column: 1, column_id: 'age', row_id: 'b' });
    expect(focused().textContent).to.equal('85');
    await press('End');
    await settle(table);
    expect(table.activeCell?.column_id).to.equal('born');
    await press('Home');
    await press('ArrowUp');
    await press('ArrowUp');
    await settle(table);
    expect(table.activeCell).to.deep.equal({ row: 0, column: 0, column_id: 'name', row_id: 'a' });
    await press('End', 'Control');
    await settle(table);
    expect(table.activeCell).to.deep.equal({ row: 3, column: 2, column_id: 'born', row_id: 'd' });
    await press('Tab');
    expect(table.shadowRoot!.activeElement, 'Tab leaves the grid').to.not.equal(grid(table));
  });

  it('moves through a million virtualized rows: Ctrl+End, PageUp/PageDown, Ctrl+Home keep the active cell in view', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" style="--dash-table-max-height: 320px"
      .columns=${[{ id: 'n', name: 'N', type: 'numeric' }, { id: 'label', name: 'Label', type: 'text' }]} .data=${million()}></dash-table>`);
    await settle(el);
    const inView = () => {
      const id = grid(el).getAttribute('aria-activedescendant');
      const target = id ? $(el, `#${id}`) : null;
      if (!target) return null;
      const box = target.getBoundingClientRect();
      const scroller = $(el, '.scroller').getBoundingClientRect();
      const head = $(el, '.head').getBoundingClientRect();
      return { text: target.textContent, visible: box.top >= head.bottom - 1 && box.bottom <= scroller.bottom + 1 };
    };
    grid(el).focus();
    await press('End', 'Control');
    await settle(el);
    expect(el.activeCell?.row).to.equal(999_999);
    expect(inView()).to.deep.equal({ text: 'row 999999', visible: true });
    await press('PageUp');
    await settle(el);
    const row = el.activeCell!.row;
    expect(row).to.be.below(999_999).and.above(999_980);
    expect(inView()).to.deep.equal({ text: `row ${row}`, visible: true });
    await press('ArrowUp');
    await settle(el);
    expect(inView()).to.deep.equal({ text: `row ${row - 1}`, visible: true });
    await press('Home', 'Control');
    await settle(el);
    expect(el.activeCell?.row).to.equal(0);
    expect(inView()).to.deep.equal({ text: '0', visible: true });
    await press('PageDown');
    await press('PageDown');
    await settle(el);
    expect(el.activeCell!.row).to.be.above(10);
    expect(inView()?.visible).to.equal(true);
    // Half-way down by scrolling, then the keyboard continues from the active cell.
    el.scrollToRow(500_000);
    await settle(el);
    await press('ArrowDown');
    await settle(el);
    expect(inView()?.visible).to.equal(true);
  });

  it('Shift+arrows extend the selection; Escape collapses it; Ctrl+A selects the page', async () => {
    const el = await fixture<DashTable>(html`<dash-table .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 0, 0));
    await press('ArrowDown', 'Shift');
    await press('ArrowDown', 'Shift');
    await press('ArrowRight', 'Shift');
    await settle(el);
    expect(el.selectedCells).to.have.length(6);
    expect(el.activeCell?.row).to.equal(0);
    await press('Escape');
    await settle(el);
    expect(el.selectedCells).to.have.length(1);
    await press('KeyA', 'Control');
    await settle(el);
    expect(el.selectedCells).to.have.length(12);
  });

  it('row controls are grid cells: arrows reach them and Space toggles the checkbox', async () => {
    const el = await fixture<DashTable>(html`<dash-table row-selectable="multi" .data=${people} .columns=${peopleColumns}></dash-table>`);
    await click(cell(el, 1, 0));
    await press('ArrowLeft');
    await settle(el);
    expect($(el, `#${grid(el).getAttribute('aria-activedescendant')}`).getAttribute('part')).to.equal('select-cell');
    await press('Space');
    await settle(el);
    expect(el.selectedRows).to.deep.equal([1]);
    expect(el.activeCell?.column_id, 'the active cell stays a data cell').to.equal('name');
  });
});

describe('dash-table copy and paste', () => {
  it('Ctrl+C copies the selected cells as TSV, with headers when includeHeadersOnCopyPaste', async () => {
    const data = [
      { a: 'x\ty', b: 1 },
      { a: 'two\nlines', b: 2 },
      { a: 'plain', b: 3 },
    ];
    const columns = [{ id: 'a', name: 'A' }, { id: 'b', name: 'B', type: 'numeric' }];
    const el = await fixture<DashTable>(html`<dash-table .data=${data} .columns=${columns}></dash-table>`);
    await click(cell(el, 0, 0));
    await click(cell(el, 1, 1), { shift: true });
    await press('KeyC', 'Control');
    expect(await clipboardRead()).to.equal('"x\ty"\t1\n"two\nlines"\t2');
    el.includeHeadersOnCopyPaste = true;
    await settle(el);
    await click(cell(el, 2, 1));
    await press('KeyC', 'Control');
    expect(await clipboardRead()).to.equal('B\n3');
  });

  it('Ctrl+V pastes a TSV block at the active cell into editable cells, validated by type', async () => {
    const data = people.map((r) => ({ ...r }));
    const el = await fixture<DashTable>(html`<dash-table editable .data=${data} .columns=${peopleColumns}></dash-table>`);
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push('change'));
    const warnings = catchWarnings();
    try {
      await clipboardWrite('Barbara\t50\nKaren\tforty\nTim\t60\t2001-2-3\nextra\t1');
      await click(cell(el, 1, 0));
      await press('KeyV', 'Control');
      await settle(el);
    } finally {
      warnings.restore();
    }
    expect(el.data.map((r) => [r.name, r.age, r.born])).to.deep.equal([
      ['Ada', 36, '1815-12-10'],
      ['Barbara', 50, '1906-12-09'],
      ['Karen', 41, '1912-06-23'],
      ['Tim', 60, '2001-02-03'],
    ]);
    expect(el.dataPrevious).to.equal(data);
    expect(changes).to.deep.equal(['change']);
    expect(warnings.messages.some((m) => m.includes('"forty"'))).to.equal(true);
    expect(el.selectedCells).to.have.length(9);
  });

  it('paste skips read-only columns and round-trips a copy within the table', async () => {
    const columns = [{ ...peopleColumns[0], editable: false }, peopleColumns[1], peopleColumns[2]];
    const el = await fixture<DashTable>(html`<dash-table editable include-headers-on-copy-paste .data=${people} .columns=${columns}></dash-table>`);
    await click(cell(el, 0, 0));
    await click(cell(el, 0, 2), { shift: true });
    await press('KeyC', 'Control');
    await click(cell(el, 3, 0));
    await press('KeyV', 'Control');
    await settle(el);
    expect(el.data[3]).to.deep.equal({ id: 'd', name: 'Edsger', age: 36, born: '1815-12-10' });
  });
});

describe('dash-table export', () => {
  it('the Export button downloads the filtered, sorted rows as RFC 4180 CSV, formula-safe', async () => {
    const data = [
      { name: 'Ada, Countess', note: '=HYPERLINK("http://x")', v: 3 },
      { name: 'Bob', note: 'says "hi"\nthere', v: -1 },
      { name: 'Cy', note: '@SUM(1)', v: 2 },
      { name: 'Dee', note: 'hidden by filter', v: 0 },
    ];
    const columns = [{ id: 'name', name: 'Name' }, { id: 'note', name: 'Note' }, { id: 'v', name: 'V', type: 'numeric' }];
    const el = await fixture<DashTable>(html`<dash-table export-format="csv" sort-action="native" filter-action="native" page-size="1"
      filter-query="{v} != 0" .sortBy=${[{ column_id: 'v', direction: 'asc' }]} .data=${data} .columns=${columns}></dash-table>`);
    const button = $<HTMLButtonElement>(el, 'button[part=export-button]');
    expect(button.textContent?.trim()).to.equal('Export');
    const original = HTMLAnchorElement.prototype.click;
    let download: { name: string; text: string } | null = null;
    const done = new Promise<void>((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const name = this.download;
        fetch(this.href).then((r) => r.text()).then((text) => {
          download = { name, text };
          resolve();
        });
      };
    });
    try {
      await click(button);
      await done;
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(download!.name).to.equal('Data.csv');
    expect(download!.text).to.equal(
      'Name,Note,V\r\nBob,"says ""hi""\nthere",-1\r\nCy,\'@SUM(1),2\r\n"Ada, Countess","\'=HYPERLINK(""http://x"")",3\r\n',
    );
    el.hiddenColumns = ['note'];
    await settle(el);
    expect(el.toCsv()).to.equal('Name,V\r\nBob,-1\r\nCy,2\r\n"Ada, Countess",3\r\n');
  });
});

describe('dash-table styles and formats', () => {
  it('styleCell < styleData < styleDataConditional (column_id list, filter_query, row_index, state); styleHeader', async () => {
    const el = await fixture<DashTable>(html`<dash-table
      .data=${people}
      .columns=${peopleColumns}
      .styleCell=${{ color: 'rgb(1, 2, 3)', fontStyle: 'italic' }}
      .styleData=${{ color: 'rgb(4, 5, 6)' }}
      .styleHeader=${{ backgroundColor: 'rgb(7, 8, 9)' }}
      .styleHeaderConditional=${[{ if: { column_id: 'age' }, backgroundColor: 'rgb(9, 9, 9)' }]}
      .styleDataConditional=${[
        { if: { row_index: 'odd' }, backgroundColor: 'rgb(240, 240, 240)' },
        { if: { column_id: ['age', 'born'], filter_query: '{age} > 70' }, color: 'rgb(200, 0, 0)', fontWeight: 700 },
        { if: { columnId: 'name', row_index: 2 }, paddingLeft: 20 },
        { if: { state: 'active' }, backgroundColor: 'rgb(0, 100, 0)' },
      ]}
    ></dash-table>`);
    const cs = (r: number, c: number) => getComputedStyle(cell(el, r, c));
    expect(cs(0, 0).color).to.equal('rgb(4, 5, 6)');
    expect(cs(0, 0).fontStyle).to.equal('italic');
    expect(cs(1, 0).backgroundColor).to.equal('rgb(240, 240, 240)');
    expect(cs(0, 0).backgroundColor).to.not.equal('rgb(240, 240, 240)');
    expect(cs(1, 1).color).to.equal('rgb(200, 0, 0)');
    expect(cs(1, 1).fontWeight).to.equal('700');
    expect(cs(1, 0).color, 'filter_query limited to its columns').to.equal('rgb(4, 5, 6)');
    expect(cs(0, 1).color).to.equal('rgb(4, 5, 6)');
    expect(cs(2, 0).paddingLeft).to.equal('20px');
    const header = (id: string) => getComputedStyle($(el, `[role=columnheader][data-column-id=${id}]`));
    expect(header('name').backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(header('age').backgroundColor).to.equal('rgb(9, 9, 9)');
    expect(header('name').fontStyle).to.equal('italic');
    await click(cell(el, 2, 2));
    await settle(el);
    expect(cs(2, 2).backgroundColor).to.equal('rgb(0, 100, 0)');
  });

  it('conditional styles apply in a virtualized million-row body as rows scroll in', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" style="--dash-table-max-height: 300px"
      .columns=${[{ id: 'n', name: 'N', type: 'numeric' }]} .data=${million()}
      .styleDataConditional=${[{ if: { filter_query: '{n} is even' }, color: 'rgb(0, 0, 200)' }]}></dash-table>`);
    el.scrollToRow(654_321);
    await settle(el);
    const rendered = $$(el, '.body [part=cell]');
    expect(rendered.length).to.be.above(5);
    for (const c of rendered) {
      const even = Number(c.textContent) % 2 === 0;
      expect(getComputedStyle(c).color === 'rgb(0, 0, 200)').to.equal(even);
    }
  });

  it('column formats: d3 specifier, Intl percent/currency/locale, dates; raw values in the editor', async () => {
    const columns = [
      { id: 'f', name: 'F', type: 'numeric', format: { specifier: ',.2f' } },
      { id: 'p', name: 'P', type: 'numeric', format: { locale: 'en-US', options: { style: 'percent', maximumFractionDigits: 1 } } },
      { id: 'c', name: 'C', type: 'numeric', format: { locale: 'de-DE', options: { style: 'currency', currency: 'EUR' } } },
      { id: 'd', name: 'D', type: 'datetime', format: { locale: 'en-US', options: { dateStyle: 'medium' } } },
      { id: 'n', name: 'N', type: 'numeric', format: { specifier: '.1f', nully: '—' } },
    ];
    const el = await fixture<DashTable>(html`<dash-table editable .columns=${columns}
      .data=${[{ f: 1234567.891, p: 0.4567, c: 1234.5, d: '2024-03-01', n: null }]}></dash-table>`);
    const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5);
    expect(euros.replace(/\s/g, ' ')).to.equal('1.234,50 €');
    expect(bodyTexts(el)[0]).to.deep.equal(['1,234,567.89', '45.7%', euros, 'Mar 1, 2024', '—']);
    await click(cell(el, 0, 0));
    await press('Enter');
    await settle(el);
    expect(editor(el).value).to.equal('1234567.891');
  });

  it('hideable columns: a header button hides, the Columns menu shows them again', async () => {
    const columns = [{ ...peopleColumns[0] }, { ...peopleColumns[1], hideable: true }, { ...peopleColumns[2], hideable: true }];
    const el = await fixture<DashTable>(html`<dash-table .data=${people} .columns=${columns}></dash-table>`);
    const events = collect(el);
    const hide = $(el, '[data-column-id=age] button[part=hide-button]');
    expect(hide.getAttribute('aria-label')).to.equal('Hide column Age');
    expect($(el, '[data-column-id=name] button[part=hide-button]')).to.equal(null);
    await click(hide);
    await settle(el);
    expect(el.hiddenColumns).to.deep.equal(['age']);
    expect(events.find((e) => e.detail.prop === 'hiddenColumns')?.detail.user).to.equal(true);
    expect(bodyTexts(el)[0]).to.deep.equal(['Ada', '1815-12-10']);
    await click($(el, '[part=columns-menu] summary'));
    const boxes = $$<HTMLInputElement>(el, '[part=columns-menu] input[type=checkbox]');
    expect(boxes.map((b) => [b.parentElement!.textContent!.trim(), b.checked])).to.deep.equal([['Age', false], ['Born', true]]);
    await click(boxes[0]);
    await settle(el);
    expect(el.hiddenColumns).to.deep.equal([]);
    expect(bodyTexts(el)[0]).to.deep.equal(['Ada', '36', '1815-12-10']);
  });
});

describe('dash-table interaction accessibility', () => {
  it('an editable, selectable, deletable table with a selection, an open editor and a toolbar passes axe', async () => {
    const columns = [{ ...peopleColumns[0], hideable: true }, peopleColumns[1], peopleColumns[2]];
    const el = await fixture<DashTable>(html`<dash-table aria-label="People" editable row-selectable="multi" row-deletable export-format="csv"
      sort-action="native" filter-action="native" .data=${people} .columns=${columns} .selectedRows=${[1]}></dash-table>`);
    await click(cell(el, 0, 0));
    await click(cell(el, 1, 1), { shift: true });
    await settle(el);
    await expect(el).to.be.accessible();
    await press('Enter');
    await settle(el);
    expect(editor(el)).to.exist;
    await expect(el).to.be.accessible();
    expect(grid(el).getAttribute('aria-multiselectable')).to.equal('true');
  });
});
