import { expect, fixture, html } from '@open-wc/testing';
import { customElement, property } from 'lit/decorators.js';
import { DashElement } from './dash-element.js';
import { jsonConverter, jsonOrStringConverter } from './converters.js';
import type { DashPropChangeEvent } from './events.js';
import { warningsDuring } from '../../test/browser/helpers.js';

@customElement('test-dash-base')
class TestDashBase extends DashElement {
  @property({ converter: jsonOrStringConverter, reflect: true }) value: unknown = null;
  @property({ attribute: 'my-options', converter: jsonConverter }) myOptions: unknown[] = [];

  override render() {
    return html`<button @click=${() => this.setByUser('value', 'clicked')}>go</button>`;
  }
}

/** Derives `total` from `amounts` in its update, as the table derives `derivedVirtualData`. */
@customElement('test-dash-derived')
class TestDashDerived extends DashElement {
  @property({ converter: jsonConverter }) amounts: number[] = [];
  @property({ attribute: false }) total = 0;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('amounts')) this.total = this.amounts.reduce((sum, n) => sum + n, 0);
    super.willUpdate(changed);
  }
}

function collect(el: HTMLElement): DashPropChangeEvent[] {
  const events: DashPropChangeEvent[] = [];
  el.addEventListener('dash-prop-change', (e) => events.push(e));
  return events;
}

describe('DashElement', () => {
  it('reads value attributes as JSON when they parse, else as text', async () => {
    const el = await fixture<TestDashBase>(html`<test-dash-base value="3"></test-dash-base>`);
    expect(el.value).to.equal(3);
    el.setAttribute('value', 'North');
    expect(el.value).to.equal('North');
    el.setAttribute('value', '"3"');
    expect(el.value).to.equal('3');
    el.setAttribute('value', '["a","b"]');
    expect(el.value).to.deep.equal(['a', 'b']);
  });

  it('reflects strings so they read back as the same string', async () => {
    const el = await fixture<TestDashBase>(html`<test-dash-base></test-dash-base>`);
    el.value = '3';
    await el.updateComplete;
    expect(el.getAttribute('value')).to.equal('"3"');
    el.value = 'North';
    await el.updateComplete;
    expect(el.getAttribute('value')).to.equal('North');
  });

  it('warns once on malformed JSON and keeps the previous value', async () => {
    const el = await fixture<TestDashBase>(html`<test-dash-base id="t" my-options='["x"]'></test-dash-base>`);
    const warnings = await warningsDuring(() => {
      el.setAttribute('my-options', '[broken');
      el.setAttribute('my-options', '[broken');
    });
    expect(el.myOptions).to.deep.equal(['x']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-dash-base id="t">').and.contain('my-options');
  });

  it('fires dash-prop-change for outside changes, not for deep-equal ones', async () => {
    const el = await fixture<TestDashBase>(html`<test-dash-base></test-dash-base>`);
    el.myOptions = [1, 2];
    await el.updateComplete;
    const events = collect(el);
    el.myOptions = [1, 2];
    await el.updateComplete;
    expect(events).to.have.length(0);
    el.myOptions = [1, 2, 3];
    await el.updateComplete;
    expect(events.map((e) => e.detail)).to.deep.equal([{ prop: 'myOptions', value: [1, 2, 3], user: false }]);
  });

  it('marks a change made through the UI as user: true', async () => {
    const el = await fixture<TestDashBase>(html`<test-dash-base></test-dash-base>`);
    const events = collect(el);
    el.shadowRoot!.querySelector('button')!.click();
    await el.updateComplete;
    expect(events.map((e) => e.detail)).to.deep.equal([{ prop: 'value', value: 'clicked', user: true }]);
    expect(events[0].bubbles && events[0].composed).to.equal(true);
  });

  it('announces what it derived in its first update (a reader may have read the value before), not what the page set', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const events = collect(wrapper);
    const el = document.createElement('test-dash-derived') as TestDashDerived;
    el.setAttribute('amounts', '[1, 2]');
    wrapper.append(el);
    // Before its first update a reader sees the default, as a callback wired to it now would.
    expect(el.total).to.equal(0);
    await el.updateComplete;
    expect(el.total).to.equal(3);
    expect(events.map((e) => e.detail)).to.deep.equal([{ prop: 'total', value: 3, user: false }]);

    // Nothing derived that differs: nothing announced.
    const quiet = document.createElement('test-dash-derived') as TestDashDerived;
    const quietEvents = collect(quiet);
    wrapper.append(quiet);
    await quiet.updateComplete;
    expect(quietEvents).to.deep.equal([]);
  });
});
