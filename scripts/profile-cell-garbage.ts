// What Blink's heap allocates when a window of 18 rows × 7 cells gets new text every frame (as in a
// +400 px/frame scroll of <dash-table>), for several ways to lay out a row: KB a frame of Blink's
// heap (the layout's objects) and of V8's, three runs of 100 frames each from a full collection.
// `npx tsx scripts/profile-cell-garbage.ts [variant…]`; CELLS=k changes only the first k cells of a
// row; TEXT=one|long: one-letter texts, or each text three times over.
import { chromium } from 'playwright-core';
import { chromePath } from './chrome-path.mjs';

const variants: Record<string, string> = {
  grid: '.row{display:grid;grid-template-columns:repeat(7,120px);height:32px;contain:size layout style}.cell{padding:0 8px;line-height:32px;white-space:nowrap}',
  gridClip: '.row{display:grid;grid-template-columns:repeat(7,120px);height:32px;contain:size layout style}.cell{padding:0 8px;line-height:32px;white-space:nowrap;overflow:clip;text-overflow:ellipsis}',
  cellContain: '.row{display:grid;grid-template-columns:repeat(7,120px);height:32px;contain:size layout style}.cell{padding:0 8px;line-height:32px;white-space:nowrap;contain:size layout style;height:32px}',
  flex: '.row{display:flex;height:32px;contain:size layout style}.cell{flex:none;width:120px;box-sizing:border-box;padding:0 8px;line-height:32px;white-space:nowrap}',
  absolute: '.row{position:relative;height:32px;contain:size layout style}.cell{position:absolute;top:0;width:120px;box-sizing:border-box;padding:0 8px;line-height:32px;white-space:nowrap}',
  inlineBlock: '.row{height:32px;contain:size layout style;white-space:nowrap}.cell{display:inline-block;width:120px;box-sizing:border-box;padding:0 8px;line-height:32px}',
  table: '.win{display:table;table-layout:fixed;width:840px}.row{display:table-row;height:32px}.cell{display:table-cell;width:120px;box-sizing:border-box;padding:0 8px;line-height:32px;white-space:nowrap;overflow:hidden}',
  oneGrid: '.win{display:grid;grid-template-columns:repeat(7,120px);grid-auto-rows:32px}.row{display:contents}.cell{padding:0 8px;line-height:32px;white-space:nowrap;min-width:0;overflow:clip}',
  hidden: '.row{display:grid;grid-template-columns:repeat(7,120px);height:32px;contain:size layout style}.cell{display:none}',
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(variants);
const cellsChanged = Number(process.env.CELLS ?? 7);
const text = process.env.TEXT ?? 'names';

const browser = await chromium.launch({ executablePath: chromePath()!, args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit'] });
try {
  for (const name of chosen) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(`<style>body{font:13px system-ui,sans-serif;margin:0}.win{will-change:transform;background:#fff}${variants[name]}</style><div class=win></div>`);
    await page.evaluate('window.__name = (f) => f'); // (tsx names the functions it compiles)
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(([k, mode]) => {
      const w = window as unknown as { run(n: number): Promise<void>; ballast: unknown[] };
      // A heap of the table bench's size keeps its limit high: no collection falls in a run.
      w.ballast = Array.from({ length: 3_000_000 }, (_, i) => ({ i, s: `x${i}` }));
      const first = ['Anna', 'Ben', 'Carla', 'Dmitri', 'Eve', 'Farid', 'Gia', 'Hugo', 'Ines', 'Jon'];
      // Rows like the table bench's: a distinct name, numbers, a date, codes.
      const texts = Array.from({ length: 200_000 }, (_, i) => [
        `${first[i % 10]}son, ${first[(i * 7) % 10]} ${String.fromCharCode(65 + (i % 26))}.${String.fromCharCode(65 + ((i >> 3) % 26))}. (City ${i % 997})`,
        String((i * 37) % 100_003), (i * 1.37).toFixed(2), `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        ['SFO', 'LAX', 'JFK', 'ORD'][i % 4] + (i % 300), String(-i % 999), `on time ${i % 77}`,
      ]).map((row, i) => row.map((t, c) => (mode === 'one' ? String.fromCharCode(97 + ((i + c) % 26)) : mode === 'long' ? t + t + t : t)));
      const win = document.querySelector('.win')!;
      const cells: Text[] = [];
      for (let r = 0; r < 18; r++) {
        const row = win.appendChild(document.createElement('div'));
        row.className = 'row';
        for (let c = 0; c < 7; c++) {
          const cell = row.appendChild(document.createElement('div'));
          cell.className = 'cell';
          cells.push(cell.appendChild(document.createTextNode('')));
        }
      }
      let frame = 0;
      w.run = (n) =>
        new Promise((done) => {
          const step = () => {
            const base = (frame++ * 27) % 190_000;
            for (let r = 0; r < 18; r++) for (let c = 0; c < k; c++) cells[r * 7 + c].data = texts[base + r][c];
            requestAnimationFrame(--n > 0 ? step : () => done());
          };
          requestAnimationFrame(step);
        });
    }, [cellsChanged, text] as const);
    await page.evaluate(() => (window as unknown as { run(n: number): Promise<void> }).run(50));
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      const a = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize: number };
      await page.evaluate(() => (window as unknown as { run(n: number): Promise<void> }).run(100));
      const z = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize: number };
      runs.push(`${((z.embedderHeapUsedSize - a.embedderHeapUsedSize) / 100 / 1024).toFixed(0)} / ${((z.usedSize - a.usedSize) / 100 / 1024).toFixed(0)}`);
    }
    console.log(`${name.padEnd(12)} KB a frame (Blink / V8): ${runs.join(', ')}`);
    await page.close();
  }
} finally {
  await browser.close();
}
