import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { $, $$, bodyRows, frame, settle } from '../../../test/browser/table-helpers.js';

// Rows are written straight into the DOM and placed in the window from an anchor row
// (docs/table.md, "Virtualization and layout"): what a person sees must not depend on it.
describe('dash-table row painting', () => {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i, t: `row ${i}` }));
  const cols = [
    { id: 'n', name: 'N', type: 'numeric' },
    { id: 't', name: 'T', type: 'text' },
  ];
  const open = async (data: unknown[], extra: Partial<DashTable> = {}) => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none"
      style="--dash-table-max-height: 400px" .data=${data} .columns=${cols}></dash-table>`);
    Object.assign(el, extra);
    await settle(el);
    return el;
  };
  const cellTexts = (row: Element) => [...row.querySelectorAll('[role=gridcell]')].map((c) => c.textContent);
  /** The rows on screen, top to bottom: their first cells, and whether each sits right under the one before. */
  const onScreen = (el: DashTable) => {
    const rows = bodyRows(el)
      .map((r) => ({ r, rect: r.getBoundingClientRect() }))
      .sort((a, b) => a.rect.top - b.rect.top);
    const gaps = rows.slice(1).map((x, i) => Math.round(x.rect.top - rows[i].rect.bottom));
    const head = $(el, '.head').getBoundingClientRect();
    const firstVisible = rows.find((x) => x.rect.bottom > head.bottom + 1)!;
    return { gaps, first: Number(cellTexts(firstVisible.r)[0]), firstTop: firstVisible.rect.top - head.bottom };
  };

  it('keeps rows one under another, in page order, as the window crosses an anchor row, down and up', async () => {
    const el = await open(rowsOf(10_000));
    const scroller = $(el, '.scroller');
    // The anchor moves every 4096 rows: scroll across row 4096 in small steps, and back.
    for (const row of [4082, 4090, 4094, 4095.5, 4097, 4103, 4112, 4096.25, 4091, 4077, 6000, 8191, 8193]) {
      scroller.scrollTop = row * 32;
      await settle(el);
      const { gaps, first, firstTop } = onScreen(el);
      expect(gaps.every((g) => g === 0), `rows touch at ${row}: ${gaps}`).to.equal(true);
      expect(first, `first row under the header at ${row}`).to.equal(Math.floor(row));
      expect(firstTop).to.be.closeTo(-(row % 1) * 32, 1.5);
      const order = bodyRows(el).map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(order, 'DOM order is page order').to.deep.equal([...order].sort((a, b) => a - b));
    }
  });

  it('moves no row that stays on screen while 3,500 rows scroll by (a moved row is painted and rasterized again)', async () => {
    const el = await open(rowsOf(10_000));
    const scroller = $(el, '.scroller');
    /** Each row element: the row it shows, and its offset in the window. */
    const placed = () => new Map(bodyRows(el).map((r) => [r, { row: r.getAttribute('aria-rowindex'), top: (r as HTMLElement).style.top }]));
    let before = placed();
    const movedAt = new Set<number>();
    // Ten rows a step: most rows on screen stay from one step to the next.
    for (let row = 10; row <= 3500; row += 10) {
      scroller.scrollTop = row * 32;
      await settle(el);
      const after = placed();
      for (const [r, was] of before) {
        const is = after.get(r);
        if (is?.row === was.row && is.top !== was.top) movedAt.add(row);
      }
      before = after;
    }
    expect([...movedAt], 'rows where the rows on screen moved').to.deep.equal([]);
  });

  it('keeps rows one under another in a scaled million-row body, and ends on the last row', async () => {
    const el = await open(rowsOf(1_000_000));
    const scroller = $(el, '.scroller');
    const max = scroller.scrollHeight - scroller.clientHeight;
    for (const top of [max / 3, max / 3 + 17, max / 3 + 400, max / 3 + 1500, max / 3 + 20, max - 50, max]) {
      scroller.scrollTop = top;
      await settle(el);
      const { gaps } = onScreen(el);
      expect(gaps.every((g) => g === 0), `rows touch at ${top}: ${gaps}`).to.equal(true);
    }
    const last = bodyRows(el).at(-1)!;
    expect(cellTexts(last)[0]).to.equal('999999');
    expect(last.getBoundingClientRect().bottom).to.be.closeTo(scroller.getBoundingClientRect().bottom - 1, 3);
  });

  it("updates a row's cells when data changes while scrolled, and changes them back", async () => {
    const data = rowsOf(10_000);
    const el = await open(data);
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 4321 * 32;
    await settle(el);
    const rowOf = (n: number) => bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === String(n + 2))!;
    const changed = rowOf(4325);
    const other = rowOf(4326);
    const cells = [...changed.querySelectorAll('[role=gridcell]')];
    for (const text of ['changed', 'row 4325', 'changed again']) {
      el.data = data.map((r, i) => (i === 4325 ? { ...r, t: text } : r));
      await settle(el);
      expect(cellTexts(rowOf(4325))).to.deep.equal(['4325', text]);
      expect(rowOf(4325), 'the row keeps its element').to.equal(changed);
      expect([...changed.querySelectorAll('[role=gridcell]')], 'and its cells: new data is not new columns').to.deep.equal(cells);
      expect(cellTexts(rowOf(4326))).to.deep.equal(['4326', 'row 4326']);
      expect(rowOf(4326)).to.equal(other);
      // One text node per cell, written in place.
      expect([...rowOf(4325).querySelectorAll('[role=gridcell]')].map((c) => c.childNodes.length)).to.deep.equal([1, 1]);
    }
  });

  it('edits the same cell twice: the editor goes, and the cell shows its value once', async () => {
    const el = await open(rowsOf(2000), { editable: true });
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 1500 * 32;
    await settle(el);
    const cellOf = () => bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === '1504')!.querySelectorAll<HTMLElement>('[role=gridcell]')[1];
    cellOf().dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    await sendKeys({ type: '!' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(cellOf().textContent).to.equal('row 1502!');
    expect(cellOf().querySelector('input')).to.equal(null);
    cellOf().dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    expect(cellOf().querySelector('input')!.value).to.equal('row 1502!');
    await sendKeys({ type: '?' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(cellOf().textContent).to.equal('row 1502!');
    expect(cellOf().classList.contains('editing')).to.equal(false);
    expect($$(el, 'input.editor')).to.have.length(0);
  });

  it('rebuilds the cells when columns are hidden and shown again while scrolled', async () => {
    const el = await open(rowsOf(3000));
    $(el, '.scroller').scrollTop = 2000 * 32;
    await settle(el);
    for (const hidden of [['n'], [], ['t'], []]) {
      el.hiddenColumns = hidden;
      await settle(el);
      for (const row of bodyRows(el)) {
        const n = Number(row.getAttribute('aria-rowindex')) - 2;
        const expected = [...(hidden.includes('n') ? [] : [String(n)]), ...(hidden.includes('t') ? [] : [`row ${n}`])];
        expect(cellTexts(row)).to.deep.equal(expected);
        expect([...row.querySelectorAll('[role=gridcell]')].map((c) => c.getAttribute('aria-colindex'))).to.deep.equal(expected.map((_, i) => String(i + 1)));
      }
    }
  });

  it('moves an active-cell style with the keyboard and takes it off the cell left', async () => {
    const el = await open(rowsOf(3000), {
      styleDataConditional: [{ if: { state: 'active' }, backgroundColor: 'rgb(10, 20, 30)' }],
    } as Partial<DashTable>);
    $(el, '.scroller').scrollTop = 1000 * 32;
    await settle(el);
    const cellAt = (n: number, c: number) => bodyRows(el).find((r) => r.getAttribute('aria-rowindex') === String(n + 2))!.querySelectorAll<HTMLElement>('[role=gridcell]')[c];
    cellAt(1003, 0).click();
    await settle(el);
    expect(getComputedStyle(cellAt(1003, 0)).backgroundColor).to.equal('rgb(10, 20, 30)');
    $(el, '[role=grid]').focus();
    for (const [key, n, c] of [['ArrowDown', 1004, 0], ['ArrowRight', 1004, 1], ['ArrowUp', 1003, 1]] as const) {
      await sendKeys({ press: key });
      await settle(el);
      expect(getComputedStyle(cellAt(n, c)).backgroundColor, `${key}: the active cell`).to.equal('rgb(10, 20, 30)');
      const styled = $$(el, '.body [role=gridcell]').filter((x) => getComputedStyle(x).backgroundColor === 'rgb(10, 20, 30)');
      expect(styled, `${key}: only the active cell`).to.deep.equal([cellAt(n, c)]);
    }
  });

  it('makes a column wide enough for the widest value of its sample, short as the header is', async () => {
    // 100 rows: every one is in the sample the widths come from.
    const el = await fixture<DashTable>(html`<dash-table .data=${Array.from({ length: 100 }, (_, i) => ({ id: 1_000_000_000 + i }))}
      .columns=${[{ id: 'id', name: 'ID', type: 'numeric' }]}></dash-table>`);
    await settle(el);
    const cell = bodyRows(el)[42].querySelector<HTMLElement>('[role=gridcell]')!;
    expect(cell.textContent).to.equal('1000000042');
    const range = document.createRange();
    range.selectNodeContents(cell);
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    expect(range.getBoundingClientRect().width, 'the text fits its cell').to.be.at.most(room);
  });

  it("shows the scroller's own background under the rows: the table's colour, a see-through one, or one set on ::part(table)", async () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.red-table::part(table) { background: rgb(200, 0, 0) }';
    document.head.append(sheet);
    try {
      const el = await open(rowsOf(2000), {});
      const windowBackground = () => getComputedStyle($(el, '.window')).backgroundColor;
      const cases = [
        ['', 'rgb(1, 2, 3)', 'rgb(1, 2, 3)'],
        ['', 'rgba(1, 2, 3, 0.5)', 'rgba(0, 0, 0, 0)'],
        ['red-table', 'rgb(1, 2, 3)', 'rgba(0, 0, 0, 0)'],
        ['', 'rgb(4, 5, 6)', 'rgb(4, 5, 6)'],
      ] as const;
      for (const [cls, color, painted] of cases) {
        el.className = cls;
        el.style.setProperty('--dash-table-background', color);
        el.data = rowsOf(2000 + color.length + cls.length);
        await settle(el);
        expect(windowBackground(), `${cls} ${color}`).to.equal(painted);
      }
    } finally {
      sheet.remove();
    }
  });

  describe('text that does not fit', () => {
    // Cells clip only text measured too wide for them (docs/table.md, "Virtualization and layout").
    const TEXTS = ['a', 'WWWWWWWWWWWWWWWW', 'iiiiiiii', 'Zoë Núñez', '日本語のテキスト', '😀😀😀😀😀😀', 'tab\there', 'two\nlines', ' spaced ', 'Rodriguez, Christopher A.B. (Mount Vernon)', '12345678'];
    const textCols = [
      { id: 'n', name: 'N', type: 'numeric', width: 70 },
      { id: 't', name: 'T', type: 'text', width: 90 },
    ];
    const rowsWithTexts = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i % 3 ? i : 10 ** (i % 13), t: TEXTS[i % TEXTS.length] }));
    const clipped = (cell: HTMLElement) => getComputedStyle(cell).overflow === 'clip';
    /** A cell's text where a person sees it: every unclipped text inside its cell, every wider one clipped with an ellipsis. */
    const checkCells = (el: DashTable) => {
      const seen = { clipped: 0, unclipped: 0 };
      for (const cell of $$(el, '.body [role=gridcell]')) {
        const style = getComputedStyle(cell);
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        const box = cell.getBoundingClientRect();
        if (clipped(cell)) {
          seen.clipped++;
          expect(style.textOverflow, `"${cell.textContent}" is cut with an ellipsis`).to.equal('ellipsis');
        } else {
          seen.unclipped++;
          const right = box.right - parseFloat(style.borderRightWidth);
          expect(text.left, `"${cell.textContent}" starts inside its cell`).to.be.at.least(box.left - 0.5);
          expect(text.right, `"${cell.textContent}" ends inside its cell`).to.be.at.most(right + 0.5);
          expect(text.height, `"${cell.textContent}" is one line`).to.be.at.most(box.height);
        }
      }
      return seen;
    };
    const cellWith = (el: DashTable, text: string) => $$(el, '.body [role=gridcell]').find((c) => c.textContent === text)!;

    it('clips the text too wide for its cell, with an ellipsis, and leaves the rest unclipped, as rows scroll by', async () => {
      const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none"
        style="--dash-table-max-height: 400px" .data=${rowsWithTexts(5000)} .columns=${textCols}></dash-table>`);
      await settle(el);
      expect(clipped(cellWith(el, 'a')), 'short text').to.equal(false);
      expect(clipped(cellWith(el, 'WWWWWWWWWWWWWWWW')), 'wide text').to.equal(true);
      expect(clipped(cellWith(el, 'two\nlines')), 'a line break').to.equal(true);
      const scroller = $(el, '.scroller');
      const totals = { clipped: 0, unclipped: 0 };
      for (const row of [0, 7, 500, 4990, 3, 1234.5]) {
        scroller.scrollTop = row * 32;
        await settle(el);
        const seen = checkCells(el);
        totals.clipped += seen.clipped;
        totals.unclipped += seen.unclipped;
      }
      expect(totals.clipped, 'some cells clipped').to.be.above(20);
      expect(totals.unclipped, 'some cells not').to.be.above(20);
    });

    it('clips every cell of a column styled in a larger font, and none when the style goes', async () => {
      const el = await fixture<DashTable>(html`<dash-table .data=${rowsWithTexts(40)} .columns=${textCols}></dash-table>`);
      await settle(el);
      for (const styled of [true, false, true]) {
        el.styleCellConditional = styled ? [{ if: { column_id: 't' }, fontSize: '20px' }] : [];
        await settle(el);
        expect(clipped(cellWith(el, 'a')), `styled ${styled}`).to.equal(styled);
        checkCells(el);
      }
      // A color or a background leaves the text's room alone.
      el.styleDataConditional = [{ if: { row_index: 'odd' }, backgroundColor: 'rgb(1, 2, 3)', color: 'red' }];
      el.styleCellConditional = [];
      await settle(el);
      expect(clipped(cellWith(el, 'a'))).to.equal(false);
    });

    it("measures the text against a column sized by its cells' style, leaving what fits unclipped", async () => {
      const el = await fixture<DashTable>(html`<dash-table .data=${rowsWithTexts(40)} .columns=${textCols}></dash-table>`);
      await settle(el);
      expect(clipped(cellWith(el, 'iiiiiiii')), 'at 90px').to.equal(false);
      for (const width of [34, 200, 34]) {
        el.styleCellConditional = [{ if: { column_id: 't' }, minWidth: width, width, maxWidth: width }];
        await settle(el);
        // A width is no reason to clip: the cells take their column's width whatever their style says.
        expect(clipped(cellWith(el, 'a')), `"a" at ${width}px`).to.equal(false);
        expect(clipped(cellWith(el, 'iiiiiiii')), `"iiiiiiii" at ${width}px`).to.equal(width === 34);
        checkCells(el);
      }
    });

    it("keeps every text inside its cell when the page's styles change the cells' font or padding, and again when they go", async () => {
      for (const virtualization of [true, false]) {
        const el = await fixture<DashTable>(html`<dash-table ?virtualization=${virtualization} page-action="none"
          style="--dash-table-max-height: 400px" .data=${rowsWithTexts(300)} .columns=${textCols}></dash-table>`);
        await settle(el);
        // (What watches the styles is no row or cell a page finds by its part.)
        expect($$(el, '[part="row"]').every((row) => row.getAttribute('role') === 'row')).to.equal(true);
        expect($$(el, '[part="cell"]').every((cell) => cell.getAttribute('role') === 'gridcell')).to.equal(true);
        // A page stylesheet reaches the cells through ::part without updating the table: texts
        // that fit at first and do not in that style.
        const sheet = document.createElement('style');
        for (const [css, text] of [['dash-table::part(cell) { padding: 0 30px }', 'iiiiiiii'], ['dash-table::part(cell) { font-size: 19px }', '12345678']]) {
          expect(clipped(cellWith(el, text)), `"${text}" fits at first`).to.equal(false);
          for (const styled of [true, false, true, false]) {
            if (styled) {
              sheet.textContent = css;
              document.head.append(sheet);
            } else sheet.remove();
            await settle(el);
            await frame();
            expect(clipped(cellWith(el, text)), `virtualization ${virtualization}: "${text}", ${css} ${styled ? 'added' : 'removed'}`).to.equal(styled);
            checkCells(el);
            if (virtualization) {
              // Rows scrolled into view are measured in the cells' style too.
              const scroller = $(el, '.scroller');
              scroller.scrollTop = scroller.scrollTop ? 0 : 100 * 32;
              await settle(el);
              checkCells(el);
            }
          }
        }
        el.remove();
      }
    });

    it('measures the text again after an edit, twice', async () => {
      const el = await fixture<DashTable>(html`<dash-table editable .data=${[{ n: 1, t: 'a' }, { n: 2, t: 'b' }]} .columns=${textCols}></dash-table>`);
      await settle(el);
      for (const [from, to] of [['a', 'a much longer text than fits'], ['a much longer text than fits', 'a']]) {
        const cell = cellWith(el, from);
        cell.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
        await settle(el);
        const input = cell.querySelector('input')!;
        input.value = to;
        input.dispatchEvent(new Event('input'));
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(cell.textContent).to.equal(to);
        expect(clipped(cell), `"${to}"`).to.equal(to !== 'a');
        checkCells(el);
      }
    });
  });

  it('renumbers the rows (aria-rowindex) when the filter row comes and goes', async () => {
    for (const virtualization of [true, false]) {
      const el = await fixture<DashTable>(html`<dash-table ?virtualization=${virtualization} page-action="none"
        style="--dash-table-max-height: 400px" .data=${rowsOf(300)} .columns=${cols}></dash-table>`);
      await settle(el);
      for (const [action, headerRows] of [['native', 2], ['none', 1], ['native', 2]] as const) {
        el.filterAction = action;
        await settle(el);
        for (const row of bodyRows(el).slice(0, 20)) {
          expect(Number(row.getAttribute('aria-rowindex')), `filterAction ${action}`).to.equal(Number(cellTexts(row)[0]) + headerRows + 1);
        }
      }
    }
  });
});
