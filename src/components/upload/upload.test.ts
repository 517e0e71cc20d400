import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-upload.js';
import '../../dash-callback.js';
import type { DashUpload, DashUploadRejectDetail } from './upload.js';
import { until as waitFor } from '../../../test/browser/helpers.js';

const zone = (el: DashUpload) => el.shadowRoot!.querySelector<HTMLElement>('[part="zone"]')!;
const picker = (el: DashUpload) => el.shadowRoot!.querySelector('input')!;

const file = (text: string, name: string, type = 'text/csv', lastModified = 1_700_000_000_000) => new File([text], name, { type, lastModified });

function transfer(files: File[]): DataTransfer {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
}

function drop(el: DashUpload, files: File[]) {
  const dataTransfer = transfer(files);
  zone(el).dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, cancelable: true }));
  zone(el).dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
}

/** What the file picker gives when a person chooses files. */
function pick(el: DashUpload, files: File[]) {
  picker(el).files = transfer(files).files;
  picker(el).dispatchEvent(new Event('change', { bubbles: true }));
}

const decode = (dataUrl: string) => atob(dataUrl.slice(dataUrl.indexOf(',') + 1));

/** Counts the file picker opening (and stops the real dialog). */
function countPickerOpens(el: DashUpload): { count: number } {
  const opened = { count: 0 };
  picker(el).addEventListener('click', (e) => {
    e.preventDefault();
    opened.count++;
  });
  return opened;
}

describe('dash-upload', () => {
  it('opens the file picker on click, Enter and Space, and not with disableClick', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload>Drag and drop or <a>select files</a></dash-upload>`);
    const opened = countPickerOpens(el);
    const r = zone(el).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    expect(opened.count).to.equal(1);
    zone(el).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(opened.count).to.equal(3);
    expect(zone(el).getAttribute('role')).to.equal('button');
    el.disableClick = true;
    await el.updateComplete;
    zone(el).click();
    expect(opened.count).to.equal(3);
    expect(zone(el).getAttribute('tabindex')).to.equal('-1');
  });

  it('writes a picked file as a data URL with its filename and lastModified in seconds', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload>Upload</dash-upload>`);
    const events: string[] = [];
    el.addEventListener('input', () => events.push('input'));
    el.addEventListener('change', () => events.push('change'));
    const props: string[] = [];
    el.addEventListener('dash-prop-change', (e) => props.push(`${e.detail.prop}:${e.detail.user}`));
    pick(el, [file('country,pop\nChile,19\n', 'pop.csv', 'text/csv', 1_700_000_123_000)]);
    await waitFor(() => el.contents !== null);
    expect(el.contents).to.match(/^data:text\/csv;base64,/);
    expect(decode(el.contents as string)).to.equal('country,pop\nChile,19\n');
    expect(el.filename).to.equal('pop.csv');
    expect(el.lastModified).to.equal(1_700_000_123);
    await waitFor(() => events.length === 2);
    expect(events).to.deep.equal(['input', 'change']);
    expect(props).to.deep.equal(['contents:true', 'filename:true', 'lastModified:true']);
  });

  it('reads a file of several slices into the same data URL as one FileReader would', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload>Upload</dash-upload>`);
    const bytes = new Uint8Array(7 * 1024 * 1024 + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 9)) & 255;
    const big = new File([bytes], 'big.bin', { type: 'application/x-test' });
    const expected = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(big);
    });
    drop(el, [big]);
    await waitFor(() => el.contents !== null);
    expect((el.contents as string).length).to.equal(expected.length);
    expect(el.contents === expected).to.equal(true);
  });

  it('takes dropped files, as arrays when multiple', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload multiple>Upload</dash-upload>`);
    drop(el, [file('a', 'a.txt', 'text/plain'), file('bb', 'b.txt', 'text/plain')]);
    await waitFor(() => Array.isArray(el.contents));
    expect((el.contents as string[]).map(decode)).to.deep.equal(['a', 'bb']);
    expect(el.filename).to.deep.equal(['a.txt', 'b.txt']);
    expect(el.lastModified).to.deep.equal([1_700_000_000, 1_700_000_000]);
  });

  it('refuses by accept, maxSize, minSize and multiple: reports each reason and writes nothing', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload accept=".csv,text/plain" max-size="10" min-size="2">Upload</dash-upload>`);
    const reasons: string[] = [];
    el.addEventListener('dash-upload-reject', (e: CustomEvent<DashUploadRejectDetail>) => reasons.push(...e.detail.files.map((f) => `${f.name}:${f.reason}`)));
    drop(el, [file('png', 'x.png', 'image/png')]);
    drop(el, [file('far too large', 'big.csv')]);
    drop(el, [file('1', 'tiny.csv')]);
    drop(el, [file('ok', 'one.csv'), file('ok', 'two.csv')]);
    pick(el, [file('ok', 'notes.md', 'text/markdown')]);
    await nextFrame();
    expect(reasons).to.deep.equal([
      'x.png:file-invalid-type',
      'big.csv:file-too-large',
      'tiny.csv:file-too-small',
      'one.csv:too-many-files',
      'two.csv:too-many-files',
      'notes.md:file-invalid-type',
    ]);
    expect(el.contents).to.equal(null);
    expect(el.filename).to.equal(null);
    drop(el, [file('fine', 'ok.txt', 'text/plain')]);
    await waitFor(() => el.filename === 'ok.txt');
  });

  it('takes Dash active/reject classes and styles while dragging, and gives the page its own style back', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload accept="text/csv" class="mine" class-name-active="drag-on" class-name-reject="drag-bad" style="border-color: rgb(1, 2, 3)">Upload</dash-upload>`);
    const enter = (files: File[]) => zone(el).dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer(files), bubbles: true, cancelable: true }));
    const leave = () => zone(el).dispatchEvent(new DragEvent('dragleave', { bubbles: true }));
    for (let round = 0; round < 2; round++) {
      enter([file('a', 'a.csv')]);
      await el.updateComplete;
      expect(el.classList.contains('drag-on')).to.equal(true);
      expect(getComputedStyle(el).borderTopColor).to.equal('rgb(102, 204, 102)');
      expect(getComputedStyle(el).borderTopStyle).to.equal('solid');
      leave();
      await el.updateComplete;
      expect([...el.classList]).to.deep.equal(['mine']);
      expect(getComputedStyle(el).borderTopColor).to.equal('rgb(1, 2, 3)');
      enter([file('a', 'a.png', 'image/png')]);
      await el.updateComplete;
      expect(el.classList.contains('drag-bad')).to.equal(true);
      expect(getComputedStyle(el).borderTopColor).to.equal('rgb(204, 102, 102)');
      leave();
      await el.updateComplete;
      expect(el.getAttribute('style')).to.equal('border-color: rgb(1, 2, 3);');
    }
  });

  it('does nothing while disabled, shows styleDisabled, and works again when re-enabled (twice)', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload class-name-disabled="off">Upload</dash-upload>`);
    const opened = countPickerOpens(el);
    for (let round = 1; round <= 2; round++) {
      el.disabled = true;
      await el.updateComplete;
      expect(getComputedStyle(el).opacity).to.equal('0.5');
      expect(el.classList.contains('off')).to.equal(true);
      expect(zone(el).getAttribute('aria-disabled')).to.equal('true');
      zone(el).click();
      drop(el, [file(`round ${round}`, 'd.txt', 'text/plain')]);
      await nextFrame();
      expect(opened.count).to.equal(round - 1);
      el.disabled = false;
      await el.updateComplete;
      expect(getComputedStyle(el).opacity).to.equal('1');
      zone(el).click();
      expect(opened.count).to.equal(round);
      drop(el, [file(`round ${round}`, 'd.txt', 'text/plain')]);
      await waitFor(() => el.contents !== null && decode(el.contents as string) === `round ${round}`);
    }
  });

  it('feeds a callback that reads the file', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <dash-upload id="up" aria-label="Upload a CSV">Upload</dash-upload>
      <dash-callback id="cb" inputs="up.contents" state="up.filename" outputs="out.children"></dash-callback>
      <p id="out"></p>
    </div>`);
    wrapper.querySelector('dash-callback')!.fn = (contents: unknown, name: unknown) =>
      contents ? `${String(name)}: ${decode(String(contents)).split('\n').length - 1} rows` : 'nothing yet';
    const out = wrapper.querySelector('#out')!;
    await waitFor(() => out.textContent === 'nothing yet');
    drop(wrapper.querySelector('dash-upload')!, [file('h\n1\n2\n3\n', 'rows.csv')]);
    await waitFor(() => out.textContent === 'rows.csv: 4 rows');
  });

  it('is named by its content (or aria-label) and passes axe', async () => {
    const el = await fixture<DashUpload>(html`<dash-upload>Drag and drop or <a>select files</a></dash-upload>`);
    expect(zone(el).hasAttribute('aria-label')).to.equal(false);
    await expect(el).to.be.accessible();
    el.setAttribute('aria-label', 'Drag and drop or select files (CSV)');
    await el.updateComplete;
    expect(zone(el).getAttribute('aria-label')).to.equal('Drag and drop or select files (CSV)');
    await expect(el).to.be.accessible();
    const caption = Object.assign(document.createElement('span'), { id: 'cap', textContent: 'Drag and drop or select files here' });
    el.before(caption);
    el.removeAttribute('aria-label');
    el.setAttribute('aria-labelledby', 'cap');
    await el.updateComplete;
    expect(zone(el).getAttribute('aria-label')).to.equal('Drag and drop or select files here');
  });
});
