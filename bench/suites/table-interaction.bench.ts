// <dash-table> interaction on 1,000,000 rows × 7 columns (issue 7): real key presses through
// Playwright, each timed in the page from its keydown to the first frame painted after the table
// reacted. No peers: the issue sets no targets here; the figures show what a user waits for.
import type { Page } from 'playwright-core';
import { median, type BenchRow, type BenchSuite } from '../harness.js';

type Bench = {
  start(): Promise<void>;
  afterKey(check: string): Promise<number>;
  copy(): { ms: number; chars: number; from: string };
  sortBy(id: string | null): Promise<void>;
  csv(): { ms: number; bytes: number };
  selectAll(): Promise<number>;
};

async function key(page: Page, combo: string, check: string): Promise<number> {
  await page.keyboard.press(combo);
  return page.evaluate((c) => (window as unknown as { tableBench: Bench }).tableBench.afterKey(c), check);
}

const suite: BenchSuite = {
  title: '<dash-table> interaction: 1,000,000 rows × 7 columns, virtualized',
  async run(ctx) {
    const page = await ctx.open('bench/pages/table-interaction.html');
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 120_000 });
    const bench = <T>(fn: (b: Bench) => T | Promise<T>) => page.evaluate(`(${fn.toString()})(window.tableBench)`) as Promise<T>;
    await bench((b) => b.start());
    const arrows: number[] = [];
    for (let i = 0; i < 30; i++) arrows.push(await key(page, 'ArrowDown', `table.activeCell.row === ${i + 1}`));
    const pages: number[] = [];
    for (let i = 0; i < 10; i++) pages.push(await key(page, 'PageDown', `table.activeCell.row > ${30 + i}`));
    const end = await key(page, 'Control+End', 'table.activeCell.row === 999999');
    const home = await key(page, 'Control+Home', 'table.activeCell.row === 0');
    const edits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.type(String(i)); // typing opens the editor with that text
      edits.push(await key(page, 'Enter', `table.data[${i}].id === ${i}`));
    }
    await bench((b) => b.sortBy('id'));
    await key(page, 'Control+Home', 'table.activeCell.row === 0');
    const sortedEdits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.type(String(-1000 - i));
      sortedEdits.push(await key(page, 'Enter', `table.derivedVirtualData[0].id === ${-1000 - i}`));
      await key(page, 'Control+Home', 'table.activeCell.row === 0');
    }
    await bench((b) => b.sortBy(null));
    const selectAll = await bench((b) => b.selectAll());
    await key(page, 'Control+Home', 'table.activeCell.row === 0');
    await key(page, 'Control+a', 'table.selectedCells.length === 100000');
    await page.keyboard.press('Control+c');
    const copy = await bench((b) => b.copy());
    const csv = await bench((b) => b.csv());
    await page.close();
    console.log(`\ncopied ${copy.chars.toLocaleString()} characters (from .${copy.from}); CSV ${csv.bytes.toLocaleString()} characters`);
    const row = (metric: string, unit: string, ours: number): BenchRow => ({ metric, unit, ours });
    return [
      row('ArrowDown → painted (median of 30)', 'ms', median(arrows)),
      row('PageDown → painted (median of 10)', 'ms', median(pages)),
      row('Ctrl+End → last row painted', 'ms', end),
      row('Ctrl+Home → first row painted', 'ms', home),
      row('edit committed (Enter) → painted, unsorted (median of 5)', 'ms', median(edits)),
      row('edit committed → re-sorted and painted (median of 3)', 'ms', median(sortedEdits)),
      row('select all 1,000,000 rows (checkbox) → painted', 'ms', selectAll),
      row('Ctrl+C of 1,000,000 × 6 selected cells', 'ms', copy.ms),
      row('CSV of 1,000,000 rows (toCsv)', 'ms', csv.ms),
    ];
  },
};

export default suite;
