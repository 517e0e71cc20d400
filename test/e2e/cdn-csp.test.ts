// The page that uses only cdn/dash-elements.js (no bundler, no /src), and the page with a strict
// Content-Security-Policy (no inline scripts, no eval), which must work without a violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, graphTitle, openRecording, pickOption, startE2E, type E2E, type OpenPage, type RecordingPage } from './helpers.js';

let e2e: E2E;
before(async () => {
  ensureBuilt();
  e2e = await startE2E();
});
after(() => e2e?.close());

describe('the CDN page', () => {
  let app: RecordingPage;
  before(async () => {
    app = await openRecording(e2e, 'demo/cdn.html');
  });

  test('works from the one file: initial call, then a choice and a key press', async () => {
    const { page } = app;
    await page.locator('#wave-summary', { hasText: 'A sine wave at 2 Hz (initial call).' }).waitFor();
    await page.locator('#wave-graph .gtitle', { hasText: 'sine, 2 Hz' }).waitFor();
    await pickOption(page, '#wave-shape', 'square');
    await page.locator('#wave-summary', { hasText: 'A square wave at 2 Hz (you changed wave-shape).' }).waitFor();
    await page.locator('#wave-frequency [role="slider"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('#wave-summary', { hasText: 'A square wave at 4 Hz (you changed wave-frequency).' }).waitFor();
    assert.equal(await graphTitle(page, '#wave-graph'), 'square, 4 Hz');
  });

  test('loads no source module and no package but plotly.js', () => {
    const scripts = app.requests.filter((p) => /\.(m?js|ts)$/.test(p));
    assert.ok(scripts.includes('/cdn/dash-elements.js'));
    // The views of the graph (with the code that draws with plotly.js), the dropdown and the slider come as lazy chunks
    // beside the bundle; virtual-window is shared by the dropdown's and the table's views.
    const chunks = scripts.filter((p) => p.startsWith('/cdn/chunks/'));
    assert.deepEqual(
      chunks.map((p) => p.replace(/-[\w-]{8}\.js$/, '')).sort(),
      ['/cdn/chunks/dropdown-view', '/cdn/chunks/graph-view', '/cdn/chunks/slider-view', '/cdn/chunks/virtual-window'],
    );
    assert.deepEqual(
      scripts.filter((p) => p !== '/cdn/dash-elements.js' && p !== '/demo/show-source.js' && !chunks.includes(p) && !/plotly[\w.-]*\.js$/.test(p)),
      [],
      'everything else is in the one file and its lazy chunks',
    );
    assert.ok(!app.requests.some((p) => p.startsWith('/src/')));
  });

  test('no errors on the page', () => {
    assert.deepEqual(app.errors, []);
  });
});

describe('the strict-CSP page', () => {
  let app: OpenPage;
  before(async () => {
    app = await e2e.open('about:blank');
    // Injected by the browser's debugging protocol, so the page's CSP does not apply to it.
    await app.page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    await app.page.goto(`${e2e.url}/demo/csp.html`);
  });

  test('local callbacks (fn="…" from a file), plotly.js and the elements work', async () => {
    const { page } = app;
    await page.locator('#csp-summary', { hasText: '7 days in Montréal' }).waitFor();
    await page.locator('#csp-graph .gtitle', { hasText: 'Montréal: 7-day forecast' }).waitFor();
    assert.equal(await page.locator('#csp-graph .bars .point').count(), 14);
    await pickOption(page, '#csp-city', 'Zürich');
    await page.locator('#csp-summary', { hasText: '7 days in Zürich' }).waitFor();
    await page.locator('#csp-days [role="slider"]').focus();
    await page.keyboard.press('End');
    await page.locator('#csp-summary', { hasText: '14 days in Zürich' }).waitFor();
    assert.equal(await page.locator('#csp-graph .bars .point').count(), 28);
  });

  test('a server callback works', async () => {
    const { page } = app;
    await page.getByLabel('Your name').pressSequentially('Ada');
    await page.locator('#greeting', { hasText: 'Hello, Ada!' }).waitFor();
  });

  test('plotly.js came from the strict bundle', async () => {
    assert.match(await app.page.evaluate(() => document.querySelector<HTMLScriptElement>('script[data-dash-plotly]')?.src ?? ''), /plotly-strict\.min\.js$/);
  });

  test('no Content-Security-Policy violation and no errors', async () => {
    assert.deepEqual(await app.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
    assert.deepEqual(app.errors, []);
  });

  test('the policy is in force: an inline script is refused and reported', async () => {
    const { page } = app;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy ?? '', /script-src 'self';/);
    assert.doesNotMatch(policy ?? '', /unsafe-eval|script-src[^;]*unsafe-inline/);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
    });
    assert.equal(ran, false);
    const seen = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    assert.equal(seen.length, 1);
    assert.match(seen[0], /^script-src-elem inline/);
  });
});
