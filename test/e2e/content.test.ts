// The upload and about pages (demo/upload.html, demo/about.html): a CSV chosen through the file
// picker fills the table and the chart, a filter narrows both, and the download holds exactly the
// filtered rows; markdown follows a dropdown through a callback, the copy button fills the
// clipboard, and the confirm dialog asks before going back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, ensureBuilt, repoRoot, startE2E, pickOption, type E2E, type OpenPage } from './helpers.js';

const sample = readFileSync(new URL('../../demo/samples/gapminder-2005.csv', import.meta.url), 'utf8');
const sampleRows = sample.trim().split('\n').slice(1);

let e2e: E2E;
let upload: OpenPage;
let about: OpenPage;

before(async () => {
  ensureBuilt();
  e2e = await startE2E();
  upload = await e2e.open('demo/upload.html');
  about = await e2e.open('demo/about.html');
});
after(() => e2e?.close());

test('upload: a CSV chosen with the file picker fills the table and the chart', async () => {
  const { page } = upload;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /choose a file/ }).click();
  await (await chooser).setFiles({ name: 'countries.csv', mimeType: 'text/csv', buffer: Buffer.from(sample) });
  await page.locator('#upload-status', { hasText: `countries.csv: ${sampleRows.length} rows, 5 columns.` }).waitFor();
  await page.locator('#csv-table [part="row"]').first().waitFor();
  assert.equal(await page.locator('#csv-table [part="row"]').count(), 10, 'first page of 10 rows');
  await page.locator('#csv-graph .gtitle', { hasText: `pop of the first 40 of ${sampleRows.length} rows kept` }).waitFor();
  assert.equal(await page.locator('#csv-graph .bars .point').count(), 40);
  assert.deepEqual(await axeViolations(page), [], 'axe with the file shown');
});

test('upload: a filter narrows the table and the chart; the download holds exactly those rows', async () => {
  const { page } = upload;
  const filter = page.getByRole('textbox', { name: 'Filter life_expect' });
  await filter.click();
  await page.keyboard.type('> 80');
  await page.keyboard.press('Enter');
  const expected = sampleRows.filter((line) => Number(line.split(',').at(-2)) > 80);
  await page.locator('#csv-graph .gtitle', { hasText: `of ${expected.length} rows kept` }).waitFor();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the filtered rows' }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'countries-filtered.csv');
  const path = await download.path();
  const saved = readFileSync(path, 'utf8').trim().split('\n');
  assert.equal(saved[0], 'country,region,pop,life_expect,fertility');
  assert.deepEqual(saved.slice(1).map((l) => l.split(',')[0]).sort(), expected.map((l) => l.split(',')[0]).sort());
  await page.locator('#save-status', { hasText: `Saved ${expected.length} rows as countries-filtered.csv.` }).waitFor();
});

test('upload: a file that is not a CSV is refused, and the table keeps its rows', async () => {
  const { page } = upload;
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#csv-upload').focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
  await page.locator('#upload-status', { hasText: 'photo.png was refused: file type must be .csv, text/csv.' }).waitFor();
  assert.ok((await page.locator('#csv-table [part="row"]').count()) > 0);
});

test('about: markdown follows the topic picked, rendered safely, code highlighted', async () => {
  const { page } = about;
  const text = page.locator('#about-text');
  await text.locator('h2', { hasText: 'What it is' }).waitFor();
  assert.equal(await text.locator('table td').first().textContent(), 'dcc.Markdown');
  assert.equal(await text.locator('a[href="https://dash.plotly.com/"]').getAttribute('target'), '_blank');
  await pickOption(page, '#about-topic', 'Install');
  await text.locator('pre code .hljs-meta, pre code .hljs-built_in, pre code .hljs-tag').first().waitFor();
  assert.match((await text.locator('pre code').first().textContent()) ?? '', /npm install dash-elements/);
  await pickOption(page, '#about-topic', 'Safety');
  await text.locator('h2', { hasText: 'Safety' }).waitFor();
  assert.equal(await text.locator('img').count(), 0, 'HTML in the markdown is text');
  assert.match((await text.textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
  assert.equal(await text.locator('a[href^="javascript"]').count(), 0);
});

test('about: the copy button puts the install command on the clipboard', async () => {
  const { page, context } = about;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the install command' }).click();
  await page.locator('#about-copy', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'npm install dash-elements');
});

test('about: the confirm dialog asks first; Escape keeps the topic, OK goes back', async () => {
  const { page } = about;
  const dialog = page.getByRole('alertdialog');
  await page.getByRole('button', { name: 'Back to the overview…' }).click();
  await dialog.waitFor();
  assert.match((await dialog.textContent()) ?? '', /Go back to the overview\?/);
  assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('#about-reset').evaluate((b) => b === document.activeElement), true, 'focus back on the button');
  await page.locator('#about-text h2', { hasText: 'Safety' }).waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.getByRole('button', { name: 'OK' }).click();
  await page.locator('#about-text h2', { hasText: 'What it is' }).waitFor();
});

test('CDN build: the entry holds no markdown engine; marked, DOMPurify and highlight.js load on first use', async () => {
  const entry = readFileSync(`${repoRoot}cdn/dash-elements.js`, 'utf8');
  // A string each library has and nothing else does: DOMPurify's option, marked's bug-report URL, highlight.js's API.
  for (const marker of ['SAFE_FOR_TEMPLATES', 'markedjs/marked', 'highlightAuto']) assert.ok(!entry.includes(marker), `${marker} is not in the entry`);
  const { page, errors } = await e2e.open('about:blank');
  const chunks: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/cdn/chunks/')) chunks.push(path.replace(/^\/cdn\/chunks\/|-[\w-]{8}\.js$/g, ''));
  });
  await page.goto(`${e2e.url}/demo/cdn.html`);
  await page.locator('#wave-graph .main-svg').first().waitFor();
  assert.deepEqual(chunks.filter((c) => c.startsWith('markdown')), [], 'a page without markdown loads no markdown chunk');
  await page.evaluate(() => {
    const md = document.createElement('dash-markdown');
    md.id = 'late-md';
    md.textContent = '# Late\n\n<img src=x onerror="window.__xss = 1">\n\n*plain*';
    document.body.append(md);
  });
  await page.locator('#late-md h1', { hasText: 'Late' }).waitFor();
  assert.deepEqual(chunks.filter((c) => c.startsWith('markdown')), ['markdown-view'], 'no highlighter without a code block');
  await page.evaluate(() => (document.getElementById('late-md')!.textContent = '```js\nconst answer = 42;\n```'));
  await page.locator('#late-md .hljs-keyword', { hasText: 'const' }).waitFor();
  assert.ok(chunks.includes('markdown-highlight'));
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.deepEqual(errors, []);
});

test('no errors on either page', () => {
  assert.deepEqual(upload.errors, []);
  assert.deepEqual(about.errors, []);
});
