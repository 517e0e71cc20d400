import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../dash-store.js';
import '../../dash-callback.js';
import type { DashStore } from './store.js';
import type { DashCallback } from '../callback/callback.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

let host: HTMLElement;

/** Puts markup in the page (again, as a reload would) and waits for the store's first update. */
async function mount(markup: string): Promise<DashStore> {
  host.innerHTML = markup;
  const el = host.querySelector('dash-store')!;
  await el.updateComplete;
  return el;
}

const saved = (key: string, storage: Storage = localStorage) => {
  const text = storage.getItem(key);
  return text === null ? null : (JSON.parse(text) as unknown);
};

describe('dash-store', () => {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    host = await fixture(html`<div></div>`);
  });

  it('holds JSON from its attribute in memory and renders nothing', async () => {
    const el = await mount(`<dash-store id="s" data='{"readings":[1,2]}'></dash-store>`);
    expect(el.data).to.deep.equal({ readings: [1, 2] });
    expect(el.storageType).to.equal('memory');
    expect(el.getBoundingClientRect().height).to.equal(0);
    expect(el.textContent).to.equal('');
    expect(localStorage.length).to.equal(0);
  });

  it('changes modifiedTimestamp on every write and announces data', async () => {
    const el = await mount(`<dash-store id="s"></dash-store>`);
    expect(el.modifiedTimestamp).to.equal(-1);
    const stamps: number[] = [];
    for (const value of [1, 2, 3]) {
      const announced = oneEvent(el, 'dash-prop-change');
      el.data = { value };
      await el.updateComplete;
      expect((await announced).detail).to.deep.include({ prop: 'data', value: { value } });
      stamps.push(el.modifiedTimestamp);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(new Set(stamps).size).to.equal(3);
    expect(stamps.every((s, i) => i === 0 || s > stamps[i - 1])).to.equal(true);
  });

  for (const type of ['local', 'session'] as const) {
    it(`a ${type} store saves under its id and starts from it after a reload`, async () => {
      const storage = type === 'local' ? localStorage : sessionStorage;
      let el = await mount(`<dash-store id="s" storage-type="${type}"></dash-store>`);
      el.data = ['a', 'b'];
      await el.updateComplete;
      await waitUntil(() => saved('s', storage) !== null, 'never saved');
      expect(saved('s', storage)).to.deep.equal(['a', 'b']);
      expect(Number(storage.getItem('s-timestamp'))).to.equal(el.modifiedTimestamp);
      const stamp = el.modifiedTimestamp;

      // The saved data wins over the page's, as in Dash.
      el = await mount(`<dash-store id="s" storage-type="${type}" data='["page"]'></dash-store>`);
      expect(el.data).to.deep.equal(['a', 'b']);
      expect(el.modifiedTimestamp).to.equal(stamp);
    });
  }

  it('a callback reading a local store sees the saved data on its initial call', async () => {
    localStorage.setItem('kept', '{"n":41}');
    host.innerHTML = `<dash-store id="kept" storage-type="local"></dash-store><span id="out"></span>
      <dash-callback inputs="kept.data" outputs="out.children"></dash-callback>`;
    const cb = host.querySelector<DashCallback>('dash-callback')!;
    cb.fn = (data: { n: number }) => String(data.n + 1);
    await waitUntil(() => host.querySelector('#out')!.textContent === '42', 'callback never ran with the saved data');
  });

  it('clearData empties it, in the page and in storage, and reads false again', async () => {
    const el = await mount(`<dash-store id="s" storage-type="local" data='[1]'></dash-store>`);
    await waitUntil(() => saved('s') !== null);
    const before = el.modifiedTimestamp;
    await new Promise((r) => setTimeout(r, 2));
    el.clearData = true;
    await el.updateComplete;
    expect(el.data).to.equal(null);
    expect(el.clearData).to.equal(false);
    expect(el.hasAttribute('clear-data')).to.equal(false);
    expect(el.modifiedTimestamp).to.be.greaterThan(before);
    expect(localStorage.getItem('s')).to.equal(null);
    // Still works afterwards, twice.
    el.data = [2];
    await el.updateComplete;
    await waitUntil(() => saved('s') !== null);
    el.clearData = true;
    await el.updateComplete;
    expect(el.data).to.equal(null);
    expect(localStorage.getItem('s')).to.equal(null);
  });

  it('two documents of one local store stay in step (the storage event)', async () => {
    const el = await mount(`<dash-store id="shared" storage-type="local"></dash-store>`);
    const frame = document.createElement('iframe');
    host.append(frame);
    const other = frame.contentWindow!.localStorage;
    let announced = oneEvent(el, 'dash-prop-change');
    other.setItem('shared-timestamp', '12345');
    other.setItem('shared', '{"from":"other tab"}');
    await waitUntil(() => el.data !== null, 'storage event never arrived');
    expect(el.data).to.deep.equal({ from: 'other tab' });
    expect((await announced).detail.prop).to.equal('data');
    await el.updateComplete;
    expect(el.modifiedTimestamp).to.equal(12345);
    // The other tab clears it.
    announced = oneEvent(el, 'dash-prop-change');
    other.removeItem('shared');
    await announced;
    expect(el.data).to.equal(null);
  });

  it('reports a corrupt saved entry once, starts from the page\'s data and keeps working', async () => {
    localStorage.setItem('s', '{broken');
    const capture = captureWarnings();
    try {
      const el = await mount(`<dash-store id="s" storage-type="local" data='{"page":1}'></dash-store>`);
      expect(el.data).to.deep.equal({ page: 1 });
      expect(capture.messages).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-store id="s">').and.contain('not valid JSON');
      el.data = { page: 2 };
      await el.updateComplete;
      await waitUntil(() => localStorage.getItem('s') !== '{broken');
      expect(saved('s')).to.deep.equal({ page: 2 });
      expect(capture.messages).to.have.length(1);
    } finally {
      capture.restore();
    }
  });

  it('over quota: one warning, and the data stays in the page', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const capture = captureWarnings();
    try {
      const el = await mount(`<dash-store id="big" storage-type="local"></dash-store>`);
      for (const n of [1, 2]) {
        el.data = { n };
        await el.updateComplete;
        await waitUntil(() => capture.messages.length > 0);
        await new Promise((r) => requestIdleCallback(r));
        expect(el.data).to.deep.equal({ n });
      }
      expect(capture.messages).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-store id="big">').and.contain('keeping the data in memory');
    } finally {
      Storage.prototype.setItem = setItem;
      capture.restore();
    }
  });
});
