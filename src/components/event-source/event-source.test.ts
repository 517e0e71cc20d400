import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../dash-event-source.js';
import '../../dash-callback.js';
import '../../dash-store.js';
import type { DashEventSource } from './event-source.js';
import type { DashCallback } from '../callback/callback.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

let keys = 0;
/** A URL of the test server's scripted stream (web-test-runner.config.mjs). */
function stream(events: unknown[], options: { hold?: boolean } = {}) {
  const key = `k${++keys}-${Math.random()}`;
  const url = `/__test/sse?key=${encodeURIComponent(key)}&events=${encodeURIComponent(JSON.stringify(events))}${options.hold ? '&hold=1' : ''}`;
  return { url, open: async () => ((await (await fetch(`/__test/sse-open?key=${encodeURIComponent(key)}`)).json()) as { open: number }).open };
}

describe('dash-event-source', () => {
  it('applies each event as set_props, and callbacks on those props run', async () => {
    const { url } = stream([{ price: { children: '101' } }, { price: { children: '102' }, feed: { data: { n: 2 } } }], { hold: true });
    const host = await fixture<HTMLDivElement>(html`<div>
      <span id="price"></span>
      <dash-store id="feed"></dash-store>
      <span id="seen"></span>
      <dash-callback inputs="feed.data" outputs="seen.children"></dash-callback>
      <dash-event-source id="live" src=${url}></dash-event-source>
    </div>`);
    host.querySelector<DashCallback>('dash-callback')!.fn = (data: { n: number } | null) => (data ? `callback saw ${data.n}` : 'nothing yet');
    const source = host.querySelector<DashEventSource>('dash-event-source')!;
    await waitUntil(() => source.nMessages === 2, 'events did not arrive');
    expect(host.querySelector('#price')!.textContent).to.equal('102');
    await waitUntil(() => host.querySelector('#seen')!.textContent === 'callback saw 2', 'the callback on feed.data did not run');
    expect(source.lastMessage).to.deep.equal({ price: { children: '102' }, feed: { data: { n: 2 } } });
    expect(source.readyState).to.equal(1);
    expect(source.getAttribute('ready-state')).to.equal('1');
    expect(source.getBoundingClientRect().width).to.equal(0);
    expect(source.textContent).to.equal('');
  });

  it('announces lastMessage, nMessages and readyState as dash-prop-change', async () => {
    const { url } = stream([{ a: { children: 'x' } }], { hold: true });
    const host = await fixture<HTMLDivElement>(html`<div><span id="a"></span></div>`);
    const source = document.createElement('dash-event-source');
    const seen: string[] = [];
    source.addEventListener('dash-prop-change', (e) => seen.push(`${e.detail.prop}=${JSON.stringify(e.detail.value)}`));
    source.src = url;
    host.append(source);
    await waitUntil(() => seen.includes('nMessages=1'));
    expect(seen).to.include.members(['readyState=1', 'lastMessage={"a":{"children":"x"}}']);
  });

  it('reconnects when the stream ends, as EventSource does', async () => {
    const { url } = stream([{ out: { children: 'connection $n' } }]);
    const host = await fixture<HTMLDivElement>(html`<div><span id="out"></span><dash-event-source src=${url}></dash-event-source></div>`);
    const source = host.querySelector<DashEventSource>('dash-event-source')!;
    await waitUntil(() => source.nMessages >= 3, 'no reconnects');
    expect(host.querySelector('#out')!.textContent).to.match(/^connection [3-9]/);
  });

  it('closes when removed, opens again when put back, and twice', async () => {
    const { url, open } = stream([{ out: { children: 'on' } }], { hold: true });
    const host = await fixture<HTMLDivElement>(html`<div><span id="out"></span><dash-event-source src=${url}></dash-event-source></div>`);
    const source = host.querySelector<DashEventSource>('dash-event-source')!;
    for (let round = 1; round <= 2; round++) {
      await waitUntil(() => source.nMessages === round && source.readyState === 1);
      expect(await open()).to.equal(1);
      source.remove();
      expect(source.readyState).to.equal(2);
      await waitUntil(async () => (await open()) === 0, 'the server still sees the connection');
      host.append(source);
    }
  });

  it('a new src switches streams; an empty src closes', async () => {
    const first = stream([{ out: { children: 'first' } }], { hold: true });
    const second = stream([{ out: { children: 'second' } }], { hold: true });
    const host = await fixture<HTMLDivElement>(html`<div><span id="out"></span><dash-event-source src=${first.url}></dash-event-source></div>`);
    const source = host.querySelector<DashEventSource>('dash-event-source')!;
    await waitUntil(() => host.querySelector('#out')!.textContent === 'first');
    source.src = second.url;
    await waitUntil(() => host.querySelector('#out')!.textContent === 'second');
    await waitUntil(async () => (await first.open()) === 0);
    source.src = '';
    await source.updateComplete;
    expect(source.readyState).to.equal(2);
    await waitUntil(async () => (await second.open()) === 0);
  });

  it('warns once about an event that is not {id: {prop: value}} or names a missing id, and keeps going', async () => {
    const { url } = stream([[1, 2], { nobody: { children: 'x' } }, 'text', { out: { children: 'fine' } }], { hold: true });
    const capture = captureWarnings();
    try {
      const host = await fixture<HTMLDivElement>(html`<div><span id="out"></span><dash-event-source id="ev" src=${url}></dash-event-source></div>`);
      await waitUntil(() => host.querySelector('#out')!.textContent === 'fine');
      const source = host.querySelector<DashEventSource>('dash-event-source')!;
      expect(source.nMessages).to.equal(1);
      expect(capture.messages).to.have.length(2);
      expect(capture.messages[0]).to.contain('<dash-event-source id="ev">').and.contain('not {id: {prop: value}}');
      expect(capture.messages[1]).to.contain('no element with id "nobody"');
    } finally {
      capture.restore();
    }
  });
});
