// What the end-to-end tests share: the demo server (the one `npm start` runs, on a free port),
// one headless Debian Chromium driven by playwright-core, and checks a person would make.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromePath } from '../../scripts/chrome-path.mjs';
import { startDemoServer } from '../../demo/server.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface E2E {
  url: string;
  browser: Browser;
  /** Opens a page (fresh context), collecting page errors and console errors. */
  open(path: string, options?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<OpenPage>;
  close(): Promise<void>;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console.error messages seen so far. */
  errors: string[];
}

export async function startE2E(options: { server?: boolean } = {}): Promise<E2E> {
  const executablePath = chromePath();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium');
  const server = options.server === false ? null : await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const contexts: BrowserContext[] = [];
  return {
    url: server?.url ?? '',
    browser,
    async open(path, opts = {}) {
      const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, colorScheme: opts.colorScheme ?? 'light' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // A failed request is reported below with its URL.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console.error: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      await page.goto(/^(https?|about):/.test(path) ? path : `${server?.url}/${path.replace(/^\//, '')}`, { waitUntil: 'load' });
      return { page, context, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server?.stop();
    },
  };
}

/** A page that records the path of every request it makes, from its first one on. */
export interface RecordingPage extends OpenPage {
  /** The paths requested, in order. */
  requests: string[];
  /** The lazy CDN chunks among them, named without their hashes (`table-view`). */
  chunks(): string[];
}

/** Opens `path` on the demo server, recording its requests (which chunks a CDN page loads). */
export async function openRecording(e2e: E2E, path: string): Promise<RecordingPage> {
  const app = await e2e.open('about:blank');
  const requests: string[] = [];
  app.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await app.page.goto(`${e2e.url}/${path}`);
  const chunks = () => requests.filter((p) => p.startsWith('/cdn/chunks/')).map((p) => p.replace(/^\/cdn\/chunks\/|-[\w-]{8}\.js$/g, ''));
  return { ...app, requests, chunks };
}

/** Runs axe-core (shipped with @open-wc/testing's dependencies) on the page; returns its violations. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; help: string; nodes: string[] }>> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    // Served as a same-origin file (not inlined), so pages with a strict CSP accept it too.
    const path = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
    await page.route('**/__e2e/axe.min.js', (route) => route.fulfill({ path, contentType: 'text/javascript' }));
    await page.addScriptTag({ url: new URL('/__e2e/axe.min.js', page.url()).href });
  }
  return page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
}

/** Builds dist/ and cdn/ when they are missing (a fresh clone that ran `npm test` without `npm run build`). */
export function ensureBuilt(): void {
  if (!existsSync(new URL('../../cdn/dash-elements.js', import.meta.url)) || !existsSync(new URL('../../dist/index.js', import.meta.url))) {
    execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  }
}

/** A <dash-dropdown>: opens it as a person would (click), types to search, picks the option. */
export async function pickOption(page: Page, dropdownSelector: string, label: string): Promise<void> {
  const dropdown = page.locator(dropdownSelector);
  await dropdown.locator('[role="combobox"]').click();
  await dropdown.locator('[role="combobox"]').fill(label);
  await dropdown.locator('[role="option"]', { hasText: label }).first().click();
}

/** Text of the visible plot title of a <dash-graph>. */
export async function graphTitle(page: Page, graphSelector: string): Promise<string> {
  return (await page.locator(`${graphSelector} .gtitle`).first().textContent()) ?? '';
}

/**
 * Waits until `predicate` returns true in the page. Unlike page.waitForFunction, it works under a
 * strict Content-Security-Policy (it polls with page.evaluate, which the page's CSP does not govern).
 */
export async function waitUntil(page: Page, predicate: () => boolean, what = 'a condition', timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
