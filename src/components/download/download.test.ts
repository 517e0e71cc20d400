import { expect, fixture, html } from '@open-wc/testing';
import '../../dash-download.js';
import '../../dash-callback.js';
import type { DashDownload } from './download.js';
import { captureWarnings, frame, until as waitFor } from '../../../test/browser/helpers.js';

interface Saved {
  filename: string;
  bytes: Uint8Array;
  type: string;
}

/** Catches the download link's click (stopping the real download) and reads the file behind it. */
function catchDownloads(): { saved: Promise<Saved>[]; stop(): void } {
  const saved: Promise<Saved>[] = [];
  const onClick = (event: Event) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    saved.push(
      fetch(link.href).then(async (response) => {
        const blob = await response.blob();
        return { filename: link.download, bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type };
      }),
    );
  };
  document.addEventListener('click', onClick, true);
  return { saved, stop: () => document.removeEventListener('click', onClick, true) };
}

describe('dash-download', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => (downloads = catchDownloads()));
  afterEach(() => downloads.stop());

  it('saves text as dcc.send_string returns it, with the filename given', async () => {
    const el = await fixture<DashDownload>(html`<dash-download></dash-download>`);
    el.data = { content: 'a,b\n1,é\n', filename: 'rows.csv' };
    await el.updateComplete;
    expect(downloads.saved).to.have.length(1);
    const file = await downloads.saved[0];
    expect(file.filename).to.equal('rows.csv');
    expect(new TextDecoder().decode(file.bytes)).to.equal('a,b\n1,é\n');
    expect(file.type).to.equal('text/plain');
  });

  it('saves base64 content as bytes (dcc.send_bytes), with the type given', async () => {
    const el = await fixture<DashDownload>(html`<dash-download></dash-download>`);
    const bytes = [0, 1, 2, 254, 255, 137, 80, 78, 71];
    el.data = { content: btoa(String.fromCharCode(...bytes)), filename: 'blob.bin', base64: true, type: 'application/octet-stream' };
    await el.updateComplete;
    const file = await downloads.saved[0];
    expect([...file.bytes]).to.deep.equal(bytes);
    expect(file.type).to.equal('application/octet-stream');
  });

  it('takes base64 and type from the element when data does not say', async () => {
    const el = await fixture<DashDownload>(html`<dash-download base64 type="image/png"></dash-download>`);
    el.data = { content: btoa('PNG'), filename: 'x.png' };
    await el.updateComplete;
    const file = await downloads.saved[0];
    expect(new TextDecoder().decode(file.bytes)).to.equal('PNG');
    expect(file.type).to.equal('image/png');
  });

  it('saves once per new value written by a callback, and not for the same value again', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="go">Download</button>
      <dash-callback id="cb" inputs="go.n_clicks" outputs="dl.data" prevent-initial-call></dash-callback>
      <dash-download id="dl"></dash-download>
    </div>`);
    const cb = wrapper.querySelector('dash-callback')!;
    cb.fn = (n: unknown) => ({ content: `click ${String(n)}`, filename: `click-${String(n)}.txt` });
    const button = wrapper.querySelector('button')!;
    const el = wrapper.querySelector('dash-download')!;
    await frame(); // wiring may finish a frame after connecting
    button.click();
    await waitFor(() => downloads.saved.length === 1);
    button.click();
    await waitFor(() => downloads.saved.length === 2);
    const files = await Promise.all(downloads.saved);
    expect(files.map((f) => [f.filename, new TextDecoder().decode(f.bytes)])).to.deep.equal([
      ['click-1.txt', 'click 1'],
      ['click-2.txt', 'click 2'],
    ]);
    el.data = { ...el.data! };
    await el.updateComplete;
    expect(downloads.saved).to.have.length(2);
  });

  it('warns once about data of the wrong shape or bad base64, saves nothing and keeps working', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<DashDownload>(html`<dash-download id="d"></dash-download>`);
      el.data = { content: 42, filename: 'x' } as never;
      await el.updateComplete;
      el.data = { content: '%%%', filename: 'bad.bin', base64: true };
      await el.updateComplete;
      el.setAttribute('data', '{oops');
      await el.updateComplete;
      expect(downloads.saved).to.have.length(0);
      expect(capture.messages).to.have.length(3);
      expect(capture.messages[0]).to.contain('<dash-download id="d">').and.contain('"data"');
      el.data = { content: 'fine', filename: 'ok.txt' };
      await el.updateComplete;
      expect((await downloads.saved[0]).filename).to.equal('ok.txt');
    } finally {
      capture.restore();
    }
  });

  it('takes no space in the page', async () => {
    const el = await fixture<DashDownload>(html`<dash-download></dash-download>`);
    expect(el.getBoundingClientRect().height).to.equal(0);
  });
});

