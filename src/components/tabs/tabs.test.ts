import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-tabs.js';
import '../../dash-callback.js';
import type { DashTabs } from './tabs.js';
import type { DashTab } from './tab.js';
import type { DashCallback } from '../callback/callback.js';
import type { DashPropChangeEvent } from '../../internal/events.js';
import { captureWarnings } from '../../../test/browser/helpers.js';

const tabButtons = (el: DashTabs) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const selectedLabel = (el: DashTabs) => el.shadowRoot!.querySelector('[aria-selected="true"]')?.textContent;
const panel = (el: DashTabs) => el.shadowRoot!.querySelector<HTMLElement>('[role="tabpanel"]')!;
/** What a person sees of each tab's content. */
const shown = (el: DashTabs) => [...el.querySelectorAll('p')].filter((p) => p.checkVisibility()).map((p) => p.textContent);

async function click(node: Element) {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

async function threeTabs(attrs = '') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<dash-tabs id="tabs" aria-label="Views" ${attrs}>
    <dash-tab label="Chart" value="chart"><p>chart content</p></dash-tab>
    <dash-tab label="Table" value="table"><p>table content</p></dash-tab>
    <dash-tab label="Locked" value="locked" disabled><p>locked content</p></dash-tab>
    <dash-tab label="Map" value="map"><p>map content</p></dash-tab>
  </dash-tabs>`;
  const el = host.querySelector('dash-tabs')!;
  await el.updateComplete;
  return el;
}

describe('dash-tabs', () => {
  beforeEach(() => localStorage.clear());

  it('selects the first tab when no value is given, with tab-N values by default', async () => {
    const el = await fixture<DashTabs>(html`<dash-tabs aria-label="Numbers"><dash-tab label="One"><p>1</p></dash-tab><dash-tab label="Two"><p>2</p></dash-tab></dash-tabs>`);
    await el.updateComplete;
    expect(el.value).to.equal('tab-1');
    expect(selectedLabel(el)).to.equal('One');
    expect(shown(el)).to.deep.equal(['1']);
    el.value = 'tab-2';
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['2']);
  });

  it('follows the APG tabs pattern and hides unselected content from layout and the accessibility tree', async () => {
    const el = await threeTabs('value="table"');
    const tablist = el.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(tablist.getAttribute('aria-label')).to.equal('Views');
    expect(tablist.getAttribute('aria-orientation')).to.equal('horizontal');
    const tabs = tabButtons(el);
    expect(tabs.map((t) => t.textContent)).to.deep.equal(['Chart', 'Table', 'Locked', 'Map']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false', 'false']);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    expect(tabs[2].getAttribute('aria-disabled')).to.equal('true');
    expect(tabs[1].getAttribute('aria-controls')).to.equal(panel(el).id);
    expect(panel(el).getAttribute('aria-labelledby')).to.equal(tabs[1].id);
    expect(shown(el)).to.deep.equal(['table content']);
    const hidden = el.querySelector('dash-tab[value="chart"]')!;
    expect(hidden.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('a click selects a tab (user: true) and swaps the content; toggled twice', async () => {
    const el = await threeTabs('value="chart"');
    const changes: DashPropChangeEvent['detail'][] = [];
    el.addEventListener('dash-prop-change', (e) => changes.push(e.detail));
    for (const [index, expected] of [[1, 'table'], [0, 'chart'], [1, 'table']] as const) {
      await click(tabButtons(el)[index]);
      await el.updateComplete;
      expect(el.value).to.equal(expected);
      expect(shown(el)).to.deep.equal([`${expected} content`]);
    }
    expect(changes.filter((c) => c.prop === 'value')).to.deep.equal([
      { prop: 'value', value: 'table', user: true },
      { prop: 'value', value: 'chart', user: true },
      { prop: 'value', value: 'table', user: true },
    ]);
    await click(tabButtons(el)[2]);
    await el.updateComplete;
    expect(el.value).to.equal('table');
  });

  it('arrow keys, Home and End move and select, skipping disabled tabs and wrapping', async () => {
    const el = await threeTabs('value="chart"');
    tabButtons(el)[0].focus();
    const focused = () => el.shadowRoot!.activeElement?.textContent;
    const steps: Array<[string, string]> = [
      ['ArrowRight', 'table'],
      ['ArrowRight', 'map'],
      ['ArrowRight', 'chart'],
      ['ArrowLeft', 'map'],
      ['ArrowLeft', 'table'],
      ['End', 'map'],
      ['Home', 'chart'],
    ];
    for (const [key, value] of steps) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(el.value, key).to.equal(value);
      expect(focused()).to.equal(selectedLabel(el));
    }
    // Up/Down do nothing in a horizontal tablist.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('chart');
  });

  it('vertical tabs use Up and Down', async () => {
    const el = await threeTabs('value="chart" vertical');
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-orientation')).to.equal('vertical');
    tabButtons(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal('table');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.value).to.equal('table');
  });

  it('value goes in and out through callbacks', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <button id="go">Show the map</button>
      <span id="out"></span>
      <dash-tabs id="tabs" aria-label="Views" value="chart">
        <dash-tab label="Chart" value="chart"><p>chart content</p></dash-tab>
        <dash-tab label="Map" value="map"><p>map content</p></dash-tab>
      </dash-tabs>
      <dash-callback id="in" inputs="go.n_clicks" outputs="tabs.value" prevent-initial-call></dash-callback>
      <dash-callback id="out-cb" inputs="tabs.value" outputs="out.children"></dash-callback>
    </div>`);
    host.querySelector<DashCallback>('#in')!.fn = () => 'map';
    host.querySelector<DashCallback>('#out-cb')!.fn = (value: string) => `Showing ${value}`;
    const el = host.querySelector('dash-tabs')!;
    const out = host.querySelector('#out')!;
    await waitUntil(() => out.textContent === 'Showing chart');
    host.querySelector<HTMLButtonElement>('#go')!.click();
    await waitUntil(() => el.value === 'map');
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['map content']);
    await waitUntil(() => out.textContent === 'Showing map');
    await click(tabButtons(el)[0]);
    await waitUntil(() => out.textContent === 'Showing chart');
  });

  it('follows tabs added, removed and relabelled', async () => {
    const el = await threeTabs('value="map"');
    const extra = document.createElement('dash-tab') as DashTab;
    extra.label = 'Extra';
    extra.value = 'extra';
    extra.innerHTML = '<p>extra content</p>';
    el.append(extra);
    await waitUntil(() => tabButtons(el).length === 5);
    el.querySelector<DashTab>('dash-tab[value="table"]')!.label = 'Grid';
    await waitUntil(() => tabButtons(el)[1].textContent === 'Grid');
    el.value = 'extra';
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['extra content']);
    extra.remove();
    await waitUntil(() => tabButtons(el).length === 4);
    expect(shown(el)).to.deep.equal([]);
  });

  it('takes Dash\'s colors, and warns once about bad ones', async () => {
    const el = await threeTabs(`value="chart" colors='{"primary":"rgb(255, 0, 0)","background":"rgb(0, 0, 255)"}'`);
    const [selected, other] = tabButtons(el);
    expect(getComputedStyle(selected).borderTopColor).to.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(other).backgroundColor).to.equal('rgb(0, 0, 255)');
    const { messages: warnings, restore } = captureWarnings();
    try {
      el.colors = 'red' as never;
      await el.updateComplete;
      el.colors = 'red' as never;
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<dash-tabs id="tabs">').and.contain('colors');
      expect(tabButtons(el)).to.have.length(4);
    } finally {
      restore();
    }
  });

  it('persists the chosen tab', async () => {
    let el = await threeTabs('value="chart" persistence');
    await click(tabButtons(el)[3]);
    await el.updateComplete;
    el = await threeTabs('value="chart" persistence');
    expect(el.value).to.equal('map');
    expect(shown(el)).to.deep.equal(['map content']);
    const announced = oneEvent(el, 'dash-prop-change');
    el.value = 'table';
    await announced;
    el = await threeTabs('value="chart" persistence');
    expect(el.value).to.equal('chart');
  });
  it('persists a choice made against the default first tab', async () => {
    const make = () =>
      fixture<DashTabs>(html`<dash-tabs id="nodefault" aria-label="Numbers" persistence>
        <dash-tab label="One"><p>1</p></dash-tab><dash-tab label="Two"><p>2</p></dash-tab>
      </dash-tabs>`);
    let el = await make();
    expect(el.value).to.equal('tab-1');
    await click(tabButtons(el)[1]);
    await el.updateComplete;
    el.remove();
    el = await make();
    expect(el.value).to.equal('tab-2');
    expect(shown(el)).to.deep.equal(['2']);
  });
});
