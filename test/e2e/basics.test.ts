// The foundation page (demo/basics.html): local, server and chained callbacks between native inputs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, waitUntil, type E2E, type OpenPage } from './helpers.js';

let e2e: E2E;
let app: OpenPage;
before(async () => {
  e2e = await startE2E();
  app = await e2e.open('demo/basics.html');
});
after(() => e2e?.close());

test('a local callback converts as you type', async () => {
  const { page } = app;
  await page.locator('#fahrenheit', { hasText: '69.8 °F' }).waitFor();
  await page.getByLabel('Celsius').fill('100');
  await page.locator('#fahrenheit', { hasText: '212.0 °F' }).waitFor();
});

test('a server callback greets, debounced', async () => {
  const { page } = app;
  await page.getByLabel('Your name').pressSequentially('Grace', { delay: 20 });
  await page.locator('#greeting', { hasText: 'Hello, Grace!' }).waitFor();
});

test('State is sent when the button is clicked; a long message disables it', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.locator('#submitted', { hasText: 'You submitted: Hello Dash (1 time)' }).waitFor();
  await page.getByLabel('Message').fill('x'.repeat(41));
  await page.locator('#too-long:not([hidden])').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Submit' }).isDisabled(), true);
  await page.getByLabel('Message').fill('short again');
  await page.locator('#too-long[hidden]').waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('button', { name: 'Submit' }).isDisabled(), false);
});

test('a glitch-free chain: count and longest, then the summary', async () => {
  const { page } = app;
  await page.getByLabel('Words').fill('a glitch free chain of callbacks');
  await page.locator('#summary', { hasText: '6 word(s); the longest is “callbacks”.' }).waitFor();
});

test('a slider and a number box stay in sync through one callback', async () => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Amount' });
  const box = page.getByLabel('Amount (typed)');
  await box.fill('65');
  await box.press('Tab');
  await page.waitForFunction(() => (document.getElementById('amount') as HTMLElement & { value: number }).value === 65);
  assert.equal(await slider.getAttribute('aria-valuenow'), '65');
  await slider.focus();
  await slider.press('ArrowRight');
  await page.waitForFunction(() => (document.getElementById('amount-box') as HTMLInputElement).value === '70');
});

test('no errors on the page', () => {
  assert.deepEqual(app.errors, []);
});

test('loading and aria-busy are removed once every call has ended', async () => {
  await waitUntil(app.page, () => !document.querySelector('[loading], [aria-busy="true"]'), 'loading to clear', 3000);
});
