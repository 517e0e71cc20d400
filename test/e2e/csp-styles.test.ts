// Our elements under `style-src 'self'` (no 'unsafe-inline'): a page where no style attribute and no
// <style> element may apply (test/e2e/pages/csp-styles.html). Dropdown, table and sliders position
// and size their parts through the CSSOM only, so they must look right with no violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;
before(async () => {
  e2e = await startE2E();
  app = await e2e.open('about:blank');
  // Injected by the browser's debugging protocol, so the page's CSP does not apply to it.
  await app.page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await app.page.goto(`${e2e.url}/test/e2e/pages/csp-styles.html`);
  await app.page.locator('#virtual [role="gridcell"]', { hasText: /^0$/ }).first().waitFor();
});
after(() => e2e?.close());

type Box = { x: number; y: number; width: number; height: number };
const box = async (selector: string): Promise<Box> => {
  const b = await app.page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is rendered`);
  return b;
};
const near = (actual: number, expected: number, what: string, tolerance = 1.5) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} ≈ ${expected}`);
const violations = () => app.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe("style-src 'self' (no 'unsafe-inline')", () => {
  test('the policy is in force: a style attribute is refused and reported', async () => {
    const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy ?? '', /style-src 'self';/);
    assert.deepEqual(await violations(), [], 'nothing before the probe');
    const applied = await app.page.evaluate(async () => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'width: 123px');
      document.body.append(probe);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width === 123;
    });
    assert.equal(applied, false);
    const seen = await violations();
    assert.equal(seen.length, 1);
    assert.match(seen[0], /^style-src-attr inline/);
    // Forget the probe's own report, so the last test sees only what the elements did.
    await app.page.evaluate(() => ((window as unknown as { cspViolations: string[] }).cspViolations.length = 0));
    const reported = app.errors.filter((e) => /Applying inline style violates/.test(e));
    assert.equal(reported.length, 1);
    app.errors.splice(app.errors.indexOf(reported[0]), 1);
  });

  test('sliders: handles, range, marks, dots and tooltip sit where their values say', async () => {
    const track = await box('#slider [part="track"]');
    const handle = await box('#slider [role="slider"]');
    near(handle.x + handle.width / 2, track.x + 0.3 * track.width, 'handle at 30');
    const range = await box('#slider [part="range"]');
    near(range.x, track.x, 'range starts at min');
    near(range.width, 0.3 * track.width, 'range ends at 30');
    const marks = app.page.locator('#slider [part="mark"]');
    assert.equal(await marks.count(), 3);
    const mid = (await marks.nth(1).boundingBox())!;
    near(mid.x + mid.width / 2, track.x + 0.5 * track.width, 'mark 50 centred at 50%');
    const tip = app.page.locator('#slider [part="tooltip"]');
    assert.equal((await tip.textContent())?.trim(), '30');
    assert.equal(await tip.evaluate((el) => getComputedStyle(el).color), 'rgb(255, 0, 0)', 'tooltip.style applied');

    const rTrack = await box('#range [part="track"]');
    const [lo, hi] = [app.page.locator('#range [role="slider"]').nth(0), app.page.locator('#range [role="slider"]').nth(1)];
    const [loBox, hiBox] = [(await lo.boundingBox())!, (await hi.boundingBox())!];
    near(loBox.x + loBox.width / 2, rTrack.x + 0.2 * rTrack.width, 'low handle at 2');
    near(hiBox.x + hiBox.width / 2, rTrack.x + 0.6 * rTrack.width, 'high handle at 6');
    const rRange = await box('#range [part="range"]');
    near(rRange.x, rTrack.x + 0.2 * rTrack.width, 'range from 2');
    near(rRange.width, 0.4 * rTrack.width, 'range to 6');
    const dots = app.page.locator('#range [part="dot"]');
    assert.ok((await dots.count()) >= 11, 'a dot per step (and per mark)');
    const d5 = (await dots.nth(5).boundingBox())!;
    near(d5.x + d5.width / 2, rTrack.x + 0.5 * rTrack.width, 'dot 5 at 50%');

    // After a key press (an update, not the first render) the handle moves.
    await app.page.locator('#slider [role="slider"]').focus();
    await app.page.keyboard.press('End');
    const moved = await box('#slider [role="slider"]');
    near(moved.x + moved.width / 2, track.x + track.width, 'handle at 100');
  });

  test('dropdown: the open list is bounded by max-height and its options are stacked', async () => {
    await app.page.locator('#dd [role="combobox"]').click();
    const listbox = await box('#dd [role="listbox"]');
    assert.ok(listbox.height <= 120.5 && listbox.height > 60, `listbox height ${listbox.height} bounded by max-height 120`);
    const options = app.page.locator('#dd [role="option"]');
    const count = await options.count();
    assert.ok(count >= 3 && count < 12, `a window of the 12 options is rendered (${count})`);
    const boxes = await Promise.all([0, 1, 2].map(async (i) => (await options.nth(i).boundingBox())!));
    assert.ok(boxes[0].height > 10, 'an option has a height');
    near(boxes[1].y - boxes[0].y, boxes[0].height, 'option 2 right under option 1');
    near(boxes[2].y - boxes[1].y, boxes[0].height, 'option 3 right under option 2');
    // The spacer gives the list its full scroll height: the last option can be scrolled to.
    const scroll = await app.page.locator('#dd [role="listbox"]').evaluate((el) => [el.scrollHeight, el.clientHeight]);
    near(scroll[0], 12 * boxes[0].height, 'scroll height of 12 rows');
    assert.ok(scroll[0] > scroll[1]);
    await app.page.keyboard.press('End');
    const last = app.page.locator('#dd [role="option"]', { hasText: /^l$/ });
    await last.waitFor();
    const lastBox = (await last.boundingBox())!;
    assert.ok(lastBox.y >= listbox.y - 0.5 && lastBox.y + lastBox.height <= listbox.y + listbox.height + 0.5, 'the last option is scrolled into view');
    await last.click();
    assert.equal(await app.page.locator('#dd').evaluate((el) => (el as unknown as { value: unknown }).value), 'l');
  });

  test('table: column widths, header style and conditional data style apply', async () => {
    const header = app.page.locator('#plain [role="columnheader"]', { hasText: 'Quantity' });
    const qty = (await header.boundingBox())!;
    near(qty.width, 150, 'style-cell-conditional width of the qty column');
    assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 0, 128)');
    const cell = (text: string) => app.page.locator('#plain [role="gridcell"]', { hasText: new RegExp(`^\\s*${text}\\s*$`) });
    assert.equal(await cell('12').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 0)', 'qty > 5 is highlighted');
    assert.notEqual(await cell('3').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 0)');
    // The grid's columns template: the cells of a row sit side by side, in their columns.
    const [name, pear] = [(await cell('pear').boundingBox())!, (await cell('12').boundingBox())!];
    near(pear.y, name.y, 'same row');
    near(pear.x, name.x + name.width, 'qty right of name');
    near(pear.width, 150, 'data cell as wide as its header');
  });

  test('virtualized table: the body is as tall as all rows and scrolls to the last one', async () => {
    const rows = app.page.locator('#virtual [role="row"][data-row]');
    const n = await rows.count();
    assert.ok(n > 0 && n < 200, `a window of the 2000 rows is rendered (${n})`);
    const rowHeight = (await rows.first().boundingBox())!.height;
    const scroller = app.page.locator('#virtual [part="table"]');
    const scrollHeight = await scroller.evaluate((el) => el.scrollHeight);
    assert.ok(scrollHeight >= 2000 * rowHeight, `scroll height ${scrollHeight} holds 2000 rows of ${rowHeight}px`);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = app.page.locator('#virtual [role="gridcell"]', { hasText: /^\s*1999\s*$/ });
    await last.waitFor();
    const [lastBox, view] = [(await last.boundingBox())!, (await scroller.boundingBox())!];
    assert.ok(lastBox.y >= view.y && lastBox.y + lastBox.height <= view.y + view.height + 0.5, 'row 1999 is in view');
  });

  test('no Content-Security-Policy violation and no errors', async () => {
    assert.deepEqual(await violations(), []);
    assert.deepEqual(app.errors, []);
  });
});
