import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../dash-table.js';
import type { DashTable } from './table.js';
import { $, $$, bodyRows, frame, settle } from '../../../test/browser/table-helpers.js';

// Scrolling a virtualized table reuses the window's row elements (docs/table.md, "Virtualization
// and layout"): a jump repaints text in place instead of building new rows.
describe('dash-table virtual scrolling', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => ({ n: i, t: `row ${i}` }));
  const cols = [
    { id: 'n', name: 'N', type: 'numeric' },
    { id: 't', name: 'T', type: 'text' },
  ];
  const firstCells = (el: DashTable) => bodyRows(el).map((r) => r.querySelector('[role=gridcell]')?.textContent);
  /** The data rows in the DOM, by index (aria-rowindex counts from 1, and the header row first). */
  const shownRows = (el: DashTable) => new Set(bodyRows(el).map((r) => Number(r.getAttribute('aria-rowindex')) - 2));
  const open = async (editable = false) => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" ?editable=${editable}
      style="--dash-table-max-height: 400px" .data=${many} .columns=${cols}></dash-table>`);
    await settle(el);
    return el;
  };

  it('shows the right rows after jumps of a whole window, down and back up, in the same row elements', async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 800; // past the top, where the window is shorter (no rows above)
    await settle(el);
    const before = new Set(bodyRows(el));
    for (const top of [2300, 3800, 40_000, 2300, 800, 3800]) {
      scroller.scrollTop = top;
      await settle(el);
      const rows = bodyRows(el);
      const first = Number(firstCells(el)[0]);
      expect(firstCells(el)).to.deep.equal(rows.map((_, i) => String(first + i)));
      expect(rows.map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(rows.map((_, i) => String(first + i + 2)));
      expect(rows.every((r) => before.has(r)), `rows reused at scrollTop ${top}`).to.equal(true);
    }
  });

  it('stripes the rows at odd page positions, wherever the window starts, and shows selected rows as selected', async () => {
    const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none" row-selectable="multi" .selectedRows=${[98, 101]}
      style="--dash-table-max-height: 400px; --dash-table-stripe-background: rgb(1, 2, 3); --dash-table-selected-background: rgb(4, 5, 6)"
      .data=${many} .columns=${cols}></dash-table>`);
    await settle(el);
    const scroller = $(el, '.scroller');
    for (const top of [3200, 3232, 3200 + 47 * 32, 3200]) {
      scroller.scrollTop = top;
      await settle(el);
      for (const row of bodyRows(el)) {
        const n = Number(row.querySelectorAll('[role=gridcell]')[1].textContent);
        const expected = n === 98 || n === 101 ? 'rgb(4, 5, 6)' : n % 2 === 1 ? 'rgb(1, 2, 3)' : 'rgba(0, 0, 0, 0)';
        expect(getComputedStyle(row).backgroundColor, `row ${n} at scrollTop ${top}`).to.equal(expected);
      }
    }
  });

  it('moves row elements only at the window ends: a row scrolled by a few keeps its element, a jump moves none', async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 3200;
    await settle(el);
    // (A row that left the window and came back may have another element: compared with the step before only.)
    let byRow = new Map(bodyRows(el).map((r) => [firstCells(el)[bodyRows(el).indexOf(r)], r]));
    for (const top of [3264, 3328, 3200, 3232, 3200]) {
      scroller.scrollTop = top;
      await settle(el);
      const rows = bodyRows(el);
      const texts = firstCells(el);
      const moved = rows.filter((r, i) => byRow.has(texts[i]) && byRow.get(texts[i]) !== r);
      expect(moved.map((r) => r.textContent), `rows in view at ${top} keep their elements`).to.deep.equal([]);
      byRow = new Map(rows.map((r, i) => [texts[i], r]));
    }
    const order = bodyRows(el);
    scroller.scrollTop = 3200 + 100 * 32;
    await settle(el);
    // The window holds only the rows in view after a jump (no overscan: the next jump would replace it too).
    const jumped = bodyRows(el);
    expect(order.slice(0, jumped.length), 'a jump rewrites rows in place').to.deep.equal(jumped);
    expect(firstCells(el)[0]).to.equal(String(Number(firstCells(el)[3]) - 3));
  });

  it('holds only the rows in view after a jump, and rows ahead again as scrolling goes on, in the same elements', async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    const rowsInView = () => {
      const view = scroller.getBoundingClientRect();
      const head = $(el, '.head').getBoundingClientRect();
      return bodyRows(el).filter((r) => r.getBoundingClientRect().bottom > head.bottom && r.getBoundingClientRect().top < view.bottom).length;
    };
    scroller.scrollTop = 3200;
    await settle(el);
    const all = new Set(bodyRows(el));
    // Beyond the rows in view: none after a jump; after a small move, ten ahead and one behind.
    for (const [top, extra] of [[3200 + 50 * 32, 0], [3200 + 51 * 32, 11], [3200 + 52 * 32, 11], [80_000, 0], [80_000 - 40, 11], [20_000, 0]] as const) {
      scroller.scrollTop = top;
      await settle(el);
      // (One more where the last row in view ends right at the bottom edge.)
      expect(bodyRows(el).length, `rows beyond those in view at ${top}`).to.be.within(rowsInView() + extra, rowsInView() + extra + 1);
      const first = Number(firstCells(el)[0]);
      expect(firstCells(el)).to.deep.equal(bodyRows(el).map((_, i) => String(first + i)));
      for (const row of bodyRows(el)) all.add(row);
    }
    expect(all.size, 'row elements made in all').to.be.at.most(rowsInView() + 12);
  });

  it('moves the active cell with the keyboard after a jump, and stays accessible', async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 32 * 50_000;
    await settle(el);
    const first = Number(firstCells(el)[4]);
    bodyRows(el)[4].querySelector<HTMLElement>('[role=gridcell]')!.click();
    await settle(el);
    expect(el.activeCell?.row).to.equal(first);
    $(el, '[role=grid]').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.activeCell?.row).to.equal(first + 2);
    const grid = $(el, '[role=grid]');
    const focused = $(el, `#${grid.getAttribute('aria-activedescendant')}`);
    expect(focused.textContent).to.equal(String(first + 2));
    expect($$(el, '.body [id]'), 'only the keyboard\'s cell has an id').to.deep.equal([focused]);
    await expect(el).to.be.accessible();
  });

  it('keeps typing in a cell editor while the table scrolls a little', async () => {
    const el = await open(true);
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 3200; // row 100 at the top
    await settle(el);
    const cell = bodyRows(el).find((r) => r.querySelector('[role=gridcell]')?.textContent === '105')!.querySelectorAll('[role=gridcell]')[1] as HTMLElement;
    cell.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    await sendKeys({ type: 'abc' });
    for (const top of [3232, 3264, 3232]) {
      scroller.scrollTop = top;
      await settle(el);
    }
    await sendKeys({ type: 'def' });
    const input = $<HTMLInputElement>(el, '.cell.editing input');
    expect(input.value).to.equal('row 105abcdef');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect((el.data as { t: string }[])[105].t).to.equal('row 105abcdef');
    expect($$(el, '.cell.editing')).to.have.length(0);
  });
  /** Rows below the view, in the DOM (painted and laid out), before the first missing one. */
  const rowsReadyBelow = (el: DashTable, rowPx = 32) => {
    const scroller = $(el, '.scroller');
    const shown = shownRows(el);
    let next = Math.floor((scroller.scrollTop + scroller.clientHeight - $(el, '.head').offsetHeight) / rowPx) + 1;
    let ready = 0;
    while (shown.has(next++)) ready++;
    return ready;
  };

  /** A table scrolled slowly to row 101 (a row at a time: nothing kept ahead for a fast scroll), and the rows then ready below the view. */
  const openAtRest = async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    scroller.scrollTop = 3200;
    await settle(el);
    scroller.scrollTop += 32;
    await settle(el);
    return { el, scroller, atRest: rowsReadyBelow(el) };
  };

  it('has the rows of the next frames ready while it scrolls fast, and keeps few ahead again as it slows down', async () => {
    const { el, scroller, atRest: slow } = await openAtRest();
    // A fling: 10 rows a frame. The browser's compositor scrolls on while the next rows are painted,
    // so the rows it will show some frames later (a collection can hold the page up) must be there already.
    for (let i = 1; i <= 3; i++) {
      scroller.scrollTop = 3232 + i * 320;
      await settle(el);
      expect(rowsReadyBelow(el), `rows ready below the view after ${i} fast steps`).to.be.at.least(40);
    }
    // Slowing to a row a frame: back to as few ahead as before, fewer each paint.
    const ahead: number[] = [];
    for (let i = 1; i <= 12; i++) {
      scroller.scrollTop += 32;
      await settle(el);
      ahead.push(rowsReadyBelow(el));
    }
    expect(ahead.slice(-3)).to.deep.equal([slow, slow, slow]);
    expect(ahead.every((n, i) => i === 0 || n <= ahead[i - 1])).to.equal(true);
  });

  it('keeps as many pixels of rows ahead at rest whatever the row height', async () => {
    for (const rowPx of [32, 80]) {
      const el = await fixture<DashTable>(html`<dash-table virtualization page-action="none"
        style="--dash-table-max-height: 400px; --dash-table-row-height: ${rowPx}px" .data=${many} .columns=${cols}></dash-table>`);
      await settle(el);
      const scroller = $(el, '.scroller');
      scroller.scrollTop = 100 * rowPx;
      await settle(el);
      scroller.scrollTop += rowPx;
      await settle(el);
      // The first frames of a fling from rest: ~320 px.
      expect(rowsReadyBelow(el, rowPx) * rowPx, `px of rows ahead with ${rowPx} px rows`).to.be.within(320, 320 + 2 * rowPx);
    }
  });

  it('has the rows ahead that a fling from rest needs once jumps stop, not those of the fast scrolling before them', async () => {
    const { el, scroller, atRest } = await openAtRest();
    for (let i = 1; i <= 3; i++) {
      scroller.scrollTop += 320;
      await settle(el);
    }
    // Jumps past the whole window (a dragged scrollbar, a script), then a pause.
    for (const top of [40_000, 80_000, 120_000]) {
      scroller.scrollTop = top;
      await settle(el);
    }
    expect(rowsReadyBelow(el), 'rows ahead right after a jump').to.be.at.most(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await frame();
    expect(rowsReadyBelow(el), 'rows ahead once the jumps stopped').to.equal(atRest);
    expect(firstCells(el)[0]).to.equal(String(120_000 / 32 - 1));
  });

  it('paints only the rows ahead that a fling from rest needs when it updates after fast scrolling', async () => {
    const { el, scroller, atRest } = await openAtRest();
    for (let i = 1; i <= 3; i++) {
      scroller.scrollTop += 320;
      await settle(el);
    }
    expect(rowsReadyBelow(el), 'rows ahead after fast scrolling').to.be.above(atRest);
    // An update (new data, a sort) repaints every row of the window: not the many a fling kept.
    for (const round of [1, 2]) {
      el.data = many.map((row) => ({ ...row, t: `row ${row.n} (${round})` }));
      await settle(el);
      expect(rowsReadyBelow(el), `rows ahead after update ${round}`).to.equal(atRest);
      expect(firstCells(el)[0]).to.equal(String(Math.floor(scroller.scrollTop / 32) - 1));
    }
  });

  it('shows the rows in view in the frame that scrolled, when a script scrolls it in an animation frame', async () => {
    const el = await open();
    const scroller = $(el, '.scroller');
    const head = $(el, '.head');
    // What each frame paints: a ResizeObserver's callback runs in the frame, after its animation
    // frame callbacks, style and layout, and before its paint; a probe resized each frame calls it.
    const probe = document.body.appendChild(document.createElement('div'));
    const missing: string[] = [];
    // The first frame of a script's scrolling from rest shows the rows it had: no scroll event has
    // told the table yet that a script scrolls in its frames. Every frame after it is checked.
    let checking = false;
    const observer = new ResizeObserver(() => {
      if (!checking) return;
      const view = scroller.clientHeight - head.offsetHeight;
      const first = Math.floor(scroller.scrollTop / 32);
      const last = Math.floor((scroller.scrollTop + view - 1) / 32);
      const shown = shownRows(el);
      const absent = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((row) => !shown.has(row));
      if (absent.length) missing.push(`at ${scroller.scrollTop}: rows ${absent[0]}…${absent[absent.length - 1]}`);
    });
    observer.observe(probe);
    await frame();
    try {
      // As a page's own scrolling (or the table bench) does: one step a frame, in its animation frame.
      for (const [step, frames] of [[400, 8], [1500, 4], [-400, 4]] as const) {
        for (let f = 1; f <= frames; f++) {
          await frame();
          checking = scroller.scrollTop > 0;
          scroller.scrollTop += step;
          probe.style.width = `${scroller.scrollTop % 1000}px`;
        }
      }
      await frame();
    } finally {
      observer.disconnect();
      probe.remove();
    }
    expect(missing).to.deep.equal([]);
  });
});
