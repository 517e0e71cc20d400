import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-slider.js';
import '../../dash-range-slider.js';
import '../../dash-callback.js';
import { NO_UPDATE } from '../../runtime/sentinels.js';
import type { DashSlider } from './slider.js';
import type { DashRangeSlider } from './range-slider.js';
import { captureWarnings } from '../../../test/browser/helpers.js';
import type { ControlAdapter } from '../../../test/browser/suites/control.js';
import { runFormControlTests } from '../../../test/browser/suites/form-control.js';
import { runAccessibleNameTests } from '../../../test/browser/suites/accessible-name.js';
import { runBadInputTests } from '../../../test/browser/suites/bad-input.js';

type AnySlider = DashSlider | DashRangeSlider;

function handles(el: AnySlider): HTMLElement[] {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role="slider"]'));
}

function attrs(handle: HTMLElement) {
  return {
    now: Number(handle.getAttribute('aria-valuenow')),
    min: Number(handle.getAttribute('aria-valuemin')),
    max: Number(handle.getAttribute('aria-valuemax')),
    text: handle.getAttribute('aria-valuetext'),
    label: handle.getAttribute('aria-label'),
    orientation: handle.getAttribute('aria-orientation'),
  };
}

/** Viewport point at a fraction of the track (left→right, or bottom→top when vertical). */
function point(el: AnySlider, fraction: number): [number, number] {
  const r = el.shadowRoot!.querySelector('.slider')!.getBoundingClientRect();
  if (el.vertical) return [Math.round(r.left + r.width / 2), Math.round(r.bottom - fraction * r.height)];
  return [Math.round(r.left + fraction * r.width), Math.round(r.top + r.height / 2)];
}

function center(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

interface Log {
  input: number;
  change: number;
  props: Array<{ prop: string; value: unknown; user: boolean }>;
}

function record(el: HTMLElement): Log {
  const log: Log = { input: 0, change: 0, props: [] };
  el.addEventListener('input', () => log.input++);
  el.addEventListener('change', () => log.change++);
  el.addEventListener('dash-prop-change', (e) => log.props.push(e.detail));
  return log;
}

const propsOf = (log: Log, prop: string) => log.props.filter((p) => p.prop === prop);

async function drag(el: AnySlider, from: [number, number], to: [number, number][], settle = true) {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (const p of to) await sendMouse({ type: 'move', position: p });
  await el.updateComplete;
  if (settle) {
    await sendMouse({ type: 'up' });
    await el.updateComplete;
  }
}

async function press(el: AnySlider, key: string, index = 0) {
  handles(el)[index].focus();
  await sendKeys({ press: key });
  await el.updateComplete;
}

const W = 'width: 420px; font-size: 12px;';

afterEach(async () => {
  await resetMouse();
});

// The first test in this file: nothing has needed the sliders' view (their lazy chunk) yet.
describe('dash-slider, dash-range-slider: before their view has loaded', () => {
  it('load their view when one connects; values set before are read back at once and shown snapped once rendered', async () => {
    const viewFetched = () => performance.getEntriesByType('resource').some((e) => /slider\/slider-view\.ts/.test(e.name));
    const slider = document.createElement('dash-slider') as DashSlider;
    slider.setAttribute('aria-label', 'Level');
    slider.setAttribute('min', '0');
    slider.setAttribute('max', '10');
    slider.setAttribute('value', '4');
    expect(slider.value).to.equal(4);
    expect(() => slider.checkProp('value', 'high')).to.throw(TypeError);
    // Dash's count: 3 ranges → 4 handles spread from min to max, on the step grid.
    const range = document.createElement('dash-range-slider') as DashRangeSlider;
    range.setAttribute('aria-label', 'Span');
    Object.assign(range, { min: 0, max: 10, count: 3 });
    expect(viewFetched()).to.equal(false);
    document.body.append(slider, range);
    await Promise.all([slider.updateComplete, range.updateComplete]);
    expect(viewFetched()).to.equal(true);
    expect(attrs(handles(slider)[0])).to.include({ now: 4, min: 0, max: 10, label: 'Level' });
    expect(handles(range).map((h) => attrs(h).now)).to.deep.equal([0, 3, 7, 10]);
    handles(slider)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(slider.value).to.equal(5);
    slider.remove();
    range.remove();
  });
});

describe('dash-slider: defaults and attributes', () => {
  it('uses Dash defaults: 0..100, step 1, handle at min while value is null', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="Volume"></dash-slider>`);
    expect(el.value).to.equal(null);
    expect(el.updatemode).to.equal('mouseup');
    expect(el.included).to.equal(true);
    const a = attrs(handles(el)[0]);
    expect([a.now, a.min, a.max, a.label, a.orientation]).to.deep.equal([0, 0, 100, 'Volume', 'horizontal']);
    // Marks are generated when none are given, as Dash does; min and max are among them.
    const labels = Array.from(el.shadowRoot!.querySelectorAll('[part="mark"]'), (m) => m.textContent);
    expect(labels[0]).to.equal('0');
    expect(labels[labels.length - 1]).to.equal('100');
    expect(labels.length).to.be.within(5, 12);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(1);
  });

  it('reads number attributes as JSON and takes min/max from marks', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider aria-label="x" value="3" marks='{"2": "two", "8": {"label": "eight", "style": {"color": "red"}}}'></dash-slider>`,
    );
    expect(el.value).to.equal(3);
    const a = attrs(handles(el)[0]);
    expect([a.min, a.max, a.now]).to.deep.equal([2, 8, 3]);
    const marks = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part="mark"]'));
    expect(marks.map((m) => m.textContent)).to.deep.equal(['two', 'eight']);
    expect(getComputedStyle(marks[1]).color).to.equal('rgb(255, 0, 0)');
    expect(el.getAttribute('value')).to.equal('3');
  });

  it("draws a mark's Dash style: px for lengths, unitless numbers (zoom, opacity) bare", async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider aria-label="x" marks='{"5": {"label": "five", "style": {"zoom": 2, "opacity": 0.5, "fontSize": 14}}}'></dash-slider>`,
    );
    const mark = el.shadowRoot!.querySelector<HTMLElement>('[part="mark"]')!;
    expect(mark.style.zoom).to.equal('2');
    expect(mark.style.opacity).to.equal('0.5');
    expect(mark.style.fontSize).to.equal('14px');
  });

  it('marks="null" draws no marks', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" marks="null"></dash-slider>`);
    expect(el.shadowRoot!.querySelectorAll('[part="mark"]').length).to.equal(0);
  });

  it('picks a fractional default step when min or max is not an integer', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" min="0" max="0.5" value="0.2"></dash-slider>`);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(0.205);
    const el2 = await fixture<DashSlider>(html`<dash-slider aria-label="x" min="0" max="5" value="2"></dash-slider>`);
    await press(el2, 'ArrowRight');
    expect(el2.value).to.equal(3);
  });

  it('renders marks with labels as text, never HTML', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" marks='{"0": "<b>bold</b>", "10": "ten"}'></dash-slider>`);
    const mark = el.shadowRoot!.querySelector('[part="mark"]')!;
    expect(mark.textContent).to.equal('<b>bold</b>');
    expect(mark.querySelector('b')).to.equal(null);
  });
});

describe('dash-slider: keyboard (APG)', () => {
  it('arrows step, PageUp/PageDown move ten steps, Home/End go to the ends', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" min="0" max="200" step="2" value="50"></dash-slider>`);
    const log = record(el);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(52);
    await press(el, 'ArrowUp');
    expect(el.value).to.equal(54);
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowDown');
    expect(el.value).to.equal(50);
    await press(el, 'PageUp');
    expect(el.value).to.equal(70);
    await press(el, 'PageDown');
    expect(el.value).to.equal(50);
    await press(el, 'End');
    expect(el.value).to.equal(200);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(200);
    await press(el, 'Home');
    expect(el.value).to.equal(0);
    expect(attrs(handles(el)[0]).now).to.equal(0);
    // 8 real changes (the ArrowRight at the end changed nothing): one input + change each.
    expect(log.change).to.equal(8);
    expect(log.input).to.equal(8);
    const valueEvents = propsOf(log, 'value');
    expect(valueEvents).to.have.length(8);
    expect(valueEvents.every((e) => e.user)).to.equal(true);
  });

  it('mirrors horizontal arrows right-to-left', async () => {
    const el = await fixture<DashSlider>(html`<div dir="rtl"><dash-slider aria-label="x" value="5"></dash-slider></div>`).then(
      (d) => d.querySelector('dash-slider')! as DashSlider,
    );
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(4);
    await press(el, 'ArrowLeft');
    await press(el, 'ArrowLeft');
    expect(el.value).to.equal(6);
    await press(el, 'ArrowUp');
    expect(el.value).to.equal(7);
  });

  it('re-aligns an off-grid value to the step grid', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" step="5" value="12"></dash-slider>`);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(15);
    await press(el, 'ArrowLeft');
    expect(el.value).to.equal(10);
  });

  it('keeps decimal steps exact', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" min="0" max="1" step="0.1" value="0.2"></dash-slider>`);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(0.3);
  });
});

describe('dash-slider: step = null snaps to marks only (plotly/dash#846)', () => {
  const marks = '{"0": "Off", "10": "Low", "25": "Mid", "100": {"label": "Max"}}';

  it('arrows go to the next or previous mark; valuetext is the mark label', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" step="null" marks=${marks} value="0"></dash-slider>`);
    expect(attrs(handles(el)[0]).text).to.equal('Off');
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(10);
    expect(attrs(handles(el)[0]).text).to.equal('Low');
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(25);
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(100);
    expect(attrs(handles(el)[0]).text).to.equal('Max');
    await press(el, 'ArrowLeft');
    expect(el.value).to.equal(25);
    await press(el, 'Home');
    expect(el.value).to.equal(0);
    await press(el, 'End');
    expect(el.value).to.equal(100);
  });

  it('a drag lands only on marks', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider style=${W} aria-label="x" step="null" marks=${marks} value="0"></dash-slider>`,
    );
    const seen: number[] = [];
    el.addEventListener('input', () => seen.push(el.dragValue!));
    await drag(el, center(handles(el)[0]), [point(el, 0.15), point(el, 0.4), point(el, 0.7), point(el, 0.2)]);
    expect(el.value).to.equal(25);
    for (const v of seen) expect([0, 10, 25, 100]).to.include(v);
    expect(seen).to.include(100);
  });
});

describe('dash-slider: pointer', () => {
  it('updatemode=mouseup: dragValue streams, value is set once when the drag ends', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider style=${W} aria-label="x" marks="null" value="20"></dash-slider>`);
    const log = record(el);
    await drag(el, center(handles(el)[0]), [point(el, 0.3), point(el, 0.45), point(el, 0.6)], false);
    expect(el.value).to.equal(20);
    expect(el.dragValue).to.be.closeTo(60, 1);
    expect(log.input).to.equal(3);
    expect(log.change).to.equal(0);
    expect(propsOf(log, 'dragValue').length).to.equal(3);
    expect(propsOf(log, 'value').length).to.equal(0);
    expect(attrs(handles(el)[0]).now).to.equal(el.dragValue);
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.value).to.equal(el.dragValue);
    expect(el.value).to.be.closeTo(60, 1);
    expect(log.change).to.equal(1);
    expect(propsOf(log, 'value')).to.deep.equal([{ prop: 'value', value: el.value, user: true }]);
  });

  it('updatemode=drag: value streams with every move', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider style=${W} aria-label="x" marks="null" updatemode="drag" value="20"></dash-slider>`,
    );
    const log = record(el);
    await drag(el, center(handles(el)[0]), [point(el, 0.3), point(el, 0.45)], false);
    expect(el.value).to.be.closeTo(45, 1);
    expect(log.change).to.equal(2);
    expect(log.input).to.equal(2);
    expect(propsOf(log, 'value').length).to.equal(2);
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(log.change).to.equal(2);
  });

  it('a track click jumps to the nearest step', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider style=${W} aria-label="x" step="10" marks="null" value="0"></dash-slider>`);
    const log = record(el);
    await sendMouse({ type: 'click', position: point(el, 0.73) });
    await el.updateComplete;
    expect(el.value).to.equal(70);
    expect(log.change).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(handles(el)[0]);
  });

  it('snaps to marks as well as steps', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider style=${W} aria-label="x" step="10" marks='{"33": "x"}' min="0" max="100" value="0"></dash-slider>`,
    );
    await sendMouse({ type: 'click', position: point(el, 0.34) });
    await el.updateComplete;
    expect(el.value).to.equal(33);
  });

  it('follows touch and pen pointers too', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider style=${W} aria-label="x" marks="null" value="10"></dash-slider>`);
    const track = el.shadowRoot!.querySelector<HTMLElement>('.slider')!;
    expect(getComputedStyle(track).touchAction).to.equal('none');
    for (const pointerType of ['touch', 'pen']) {
      const at = (f: number) => {
        const [clientX, clientY] = point(el, f);
        return { clientX, clientY, pointerId: 7, pointerType, bubbles: true, composed: true, button: 0, isPrimary: true };
      };
      track.dispatchEvent(new PointerEvent('pointerdown', at(0.5)));
      track.dispatchEvent(new PointerEvent('pointermove', at(pointerType === 'touch' ? 0.9 : 0.3)));
      await el.updateComplete;
      track.dispatchEvent(new PointerEvent('pointerup', at(pointerType === 'touch' ? 0.9 : 0.3)));
      await el.updateComplete;
      expect(el.value).to.be.closeTo(pointerType === 'touch' ? 90 : 30, 1);
    }
  });

  it('vertical: bottom is min; dragging up increases', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider vertical style="--dash-slider-vertical-height: 300px" aria-label="x" marks="null" value="10"></dash-slider>`,
    );
    expect(attrs(handles(el)[0]).orientation).to.equal('vertical');
    expect(el.shadowRoot!.querySelector('.slider')!.getBoundingClientRect().height).to.equal(300);
    await drag(el, center(handles(el)[0]), [point(el, 0.5), point(el, 0.8)]);
    expect(el.value).to.be.closeTo(80, 1);
    await press(el, 'ArrowUp');
    expect(el.value).to.be.closeTo(81, 1);
  });

  it('right-to-left: the track runs from the right', async () => {
    const wrap = await fixture<HTMLElement>(html`<div dir="rtl"><dash-slider style=${W} aria-label="x" marks="null" value="0"></dash-slider></div>`);
    const el = wrap.querySelector('dash-slider')!;
    await el.updateComplete;
    const r = el.shadowRoot!.querySelector('.slider')!.getBoundingClientRect();
    expect(center(handles(el)[0])[0]).to.be.closeTo(r.right, 2);
    await sendMouse({ type: 'click', position: point(el, 0.25) });
    await el.updateComplete;
    expect(el.value).to.be.closeTo(75, 1);
  });

  it('ignores the pointer and keyboard when disabled', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider style=${W} aria-label="x" disabled value="10"></dash-slider>`);
    const log = record(el);
    expect(handles(el)[0].getAttribute('tabindex')).to.equal('-1');
    expect(handles(el)[0].getAttribute('aria-disabled')).to.equal('true');
    await sendMouse({ type: 'click', position: point(el, 0.8) });
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(10);
    expect(log.input + log.change).to.equal(0);
  });
});

describe('dash-slider: outside changes', () => {
  it('fire dash-prop-change (user: false) but never input/change; dragValue follows', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" value="10"></dash-slider>`);
    const log = record(el);
    el.value = 40;
    await el.updateComplete;
    expect(log.input + log.change).to.equal(0);
    expect(log.props).to.deep.include({ prop: 'value', value: 40, user: false });
    expect(el.dragValue).to.equal(40);
    expect(attrs(handles(el)[0]).now).to.equal(40);
    expect(el.getAttribute('value')).to.equal('40');
    el.min = 10;
    el.step = null;
    el.marks = { 10: 'a', 100: 'b' };
    await el.updateComplete;
    expect(el.getAttribute('min')).to.equal('10');
    expect(el.getAttribute('step')).to.equal('null');
    const count = log.props.length;
    el.value = 40;
    await el.updateComplete;
    expect(log.props.length).to.equal(count);
  });

  it('refuses non-numbers from callbacks through checkProp', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x"></dash-slider>`);
    expect(() => el.checkProp('value', 'abc')).to.throw(TypeError);
    expect(() => el.checkProp('value', 3)).not.to.throw();
    expect(() => el.checkProp('step', -1)).to.throw(TypeError);
    expect(() => el.checkProp('step', null)).not.to.throw();
  });
});

describe('dash-slider: tooltip', () => {
  it('alwaysVisible shows the template with the value', async () => {
    const el = await fixture<DashSlider>(
      html`<dash-slider aria-label="x" value="5" tooltip='{"alwaysVisible": true, "template": "$ {value} k", "placement": "bottom"}'></dash-slider>`,
    );
    const tip = el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
    expect(tip.textContent!.trim()).to.equal('$ 5 k');
    expect(tip.dataset.place).to.equal('bottom');
    expect(attrs(handles(el)[0]).text).to.equal('$ 5 k');
    await press(el, 'ArrowRight');
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!.trim()).to.equal('$ 6 k');
  });

  it('applies Dash tooltip style and transform (window.dccFunctions)', async () => {
    (window as unknown as { dccFunctions: Record<string, (v: number) => unknown> }).dccFunctions = { double: (v) => v * 2 };
    const el = await fixture<DashSlider>(
      html`<dash-slider aria-label="x" value="5" tooltip='{"alwaysVisible": true, "transform": "double", "template": "{value}x", "style": {"color": "red", "fontSize": 20}}'></dash-slider>`,
    );
    const tip = el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
    expect(tip.textContent!.trim()).to.equal('10x');
    expect(getComputedStyle(tip).color).to.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(tip).fontSize).to.equal('20px');
  });

  it('otherwise shows on hover and focus (always_visible spelling accepted)', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" value="5" tooltip='{"always_visible": false}'></dash-slider>`);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    await sendMouse({ type: 'move', position: center(handles(el)[0]) });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!.trim()).to.equal('5');
    await sendMouse({ type: 'move', position: [1, 1] });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    handles(el)[0].focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).not.to.equal(null);
  });
});

describe('dash-slider: dots and included', () => {
  it('dots draws one dot per step; included=false hides the range', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="x" dots step="10" marks="null" value="30"></dash-slider>`);
    const dots = el.shadowRoot!.querySelectorAll('[part="dot"]');
    expect(dots.length).to.equal(11);
    expect(el.shadowRoot!.querySelectorAll('.dot.in').length).to.equal(4);
    expect(el.shadowRoot!.querySelectorAll('[part="range"]').length).to.equal(1);
    el.setAttribute('included', 'false');
    await el.updateComplete;
    expect(el.included).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('[part="range"]').length).to.equal(0);
  });
});

describe('dash-slider: bad input', () => {
  it('min > max, a non-numeric value, an out-of-range value and bad mark keys warn and keep working', async () => {
    const w = captureWarnings();
    let el: DashSlider;
    try {
      el = await fixture<DashSlider>(
        html`<dash-slider id="bad" aria-label="x" min="10" max="0" value="abc" marks='{"x": "bad", "5": "five", "7": [1]}'></dash-slider>`,
      );
      expect(w.messages.some((m) => m.includes('<dash-slider id="bad">') && m.includes('min (10) is greater than max (0)'))).to.equal(true);
      expect(w.messages.some((m) => m.includes('"abc"'))).to.equal(true);
      expect(w.messages.some((m) => m.includes('marks key "x"'))).to.equal(true);
      expect(w.messages.some((m) => m.includes('mark 7'))).to.equal(true);
      const a = attrs(handles(el)[0]);
      expect([a.min, a.max, a.now]).to.deep.equal([0, 10, 0]);
      expect(Array.from(el.shadowRoot!.querySelectorAll('[part="mark"]'), (m) => m.textContent)).to.deep.equal(['five']);
      el.value = 500;
      await el.updateComplete;
      expect(attrs(handles(el)[0]).now).to.equal(10);
      expect(w.messages.some((m) => m.includes('value 500 is outside 0..10'))).to.equal(true);
      const count = w.messages.length;
      el.requestUpdate();
      await el.updateComplete;
      expect(w.messages.length).to.equal(count);
    } finally {
      w.restore();
    }
    await press(el, 'ArrowLeft');
    expect(el.value).to.equal(9);
  });

  it('a malformed marks attribute is reported and the slider still works', async () => {
    const w = captureWarnings();
    let el: DashSlider;
    try {
      el = await fixture<DashSlider>(html`<dash-slider aria-label="x" step="-3" marks="{oops" value="4"></dash-slider>`);
      expect(w.messages.some((m) => m.includes('marks'))).to.equal(true);
      expect(w.messages.some((m) => m.includes('step -3'))).to.equal(true);
    } finally {
      w.restore();
    }
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(5);
  });

  it('step = null without marks falls back to the default step', async () => {
    const w = captureWarnings();
    let el: DashSlider;
    try {
      el = await fixture<DashSlider>(html`<dash-slider aria-label="x" step="null" value="4"></dash-slider>`);
      expect(w.messages.some((m) => m.includes('no marks'))).to.equal(true);
    } finally {
      w.restore();
    }
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(5);
  });
});

describe('dash-slider: forms', () => {
  it('submits value under name and resets to the initial value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><dash-slider name="level" aria-label="x" value="30"></dash-slider></form>`);
    const el = form.querySelector('dash-slider')!;
    await el.updateComplete;
    expect(new FormData(form).get('level')).to.equal('30');
    await press(el, 'End');
    expect(new FormData(form).get('level')).to.equal('100');
    const log = record(el);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(30);
    expect(new FormData(form).get('level')).to.equal('30');
    expect(log.input + log.change).to.equal(0);
  });

  it('is disabled with its fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset disabled><dash-slider name="level" aria-label="x" value="30"></dash-slider></fieldset></form>`,
    );
    const el = form.querySelector('dash-slider')!;
    await el.updateComplete;
    await press(el, 'ArrowRight');
    expect(el.value).to.equal(30);
  });
});

describe('dash-slider: accessibility', () => {
  it('passes axe with aria-label', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="Volume" marks='{"0": "Mute", "100": "Loud"}'></dash-slider>`);
    await expect(el).to.be.accessible();
  });

  it('takes its name from <label for> and passes axe', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><label for="vol">Volume</label><dash-slider id="vol" value="3"></dash-slider></div>`);
    const el = wrap.querySelector('dash-slider')!;
    await el.updateComplete;
    expect(attrs(handles(el)[0]).label).to.equal('Volume');
    // Activating the label focuses the handle, as with a native control.
    wrap.querySelector('label')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(handles(el)[0]);
    await expect(wrap).to.be.accessible();
  });

  it('follows aria-label changes', async () => {
    const el = await fixture<DashSlider>(html`<dash-slider aria-label="A"></dash-slider>`);
    el.setAttribute('aria-label', 'B');
    await el.updateComplete;
    expect(attrs(handles(el)[0]).label).to.equal('B');
  });
});

describe('dash-range-slider', () => {
  it('defaults to handles at min and max, names them lower/upper, passes axe', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="Price"></dash-range-slider>`);
    const hs = handles(el);
    expect(hs.map((h) => attrs(h).now)).to.deep.equal([0, 100]);
    expect(hs.map((h) => attrs(h).label)).to.deep.equal(['Price lower', 'Price upper']);
    expect(el.allowCross).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard moves each handle; with allowCross a handle passes the other and focus follows', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="r" value="[20, 21]"></dash-range-slider>`);
    const log = record(el);
    await press(el, 'ArrowRight', 0);
    expect(el.value).to.deep.equal([21, 21]);
    await press(el, 'ArrowRight', 0);
    // handle 0 moved past handle 1: values stay sorted and the moved handle is now the upper one
    expect(el.value).to.deep.equal([21, 22]);
    expect(el.shadowRoot!.activeElement).to.equal(handles(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.deep.equal([21, 23]);
    expect(log.change).to.equal(3);
    expect(propsOf(log, 'value').every((p) => p.user)).to.equal(true);
  });

  it('allow-cross="false" stops a handle at its neighbour', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider style=${W} aria-label="r" marks="null" allow-cross="false" value="[20, 40]"></dash-range-slider>`);
    expect(el.allowCross).to.equal(false);
    expect(attrs(handles(el)[0]).max).to.equal(40);
    expect(attrs(handles(el)[1]).min).to.equal(20);
    await drag(el, center(handles(el)[0]), [point(el, 0.3), point(el, 0.7), point(el, 0.9)]);
    expect(el.value).to.deep.equal([40, 40]);
    await press(el, 'End', 0);
    expect(el.value).to.deep.equal([40, 40]);
    await press(el, 'Home', 1);
    expect(el.value).to.deep.equal([40, 40]);
  });

  it('pushable keeps a distance and pushes neighbours', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider style=${W} aria-label="r" marks="null" pushable="10" value="[20, 40, 90]"></dash-range-slider>`);
    expect(handles(el).map((h) => attrs(h).label)).to.deep.equal(['r 1 of 3', 'r 2 of 3', 'r 3 of 3']);
    await drag(el, center(handles(el)[0]), [point(el, 0.5), point(el, 0.75)]);
    expect(el.value).to.deep.equal([75, 85, 95]);
    await drag(el, center(handles(el)[0]), [point(el, 0.95)]);
    expect(el.value).to.deep.equal([80, 90, 100]);
    await press(el, 'Home', 2);
    expect(el.value).to.deep.equal([0, 10, 20]);
  });

  it('pushable=true is one step', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="r" step="5" pushable value="[10, 30]"></dash-range-slider>`);
    await press(el, 'End', 0);
    expect(el.value).to.deep.equal([95, 100]);
  });

  it('a track click moves the nearest handle; drags stream dragValue and set value once', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider style=${W} aria-label="r" marks="null" value="[20, 80]"></dash-range-slider>`);
    const log = record(el);
    await sendMouse({ type: 'click', position: point(el, 0.7) });
    await el.updateComplete;
    expect(el.value).to.deep.equal([20, 70]);
    await sendMouse({ type: 'click', position: point(el, 0.1) });
    await el.updateComplete;
    expect(el.value).to.deep.equal([10, 70]);
    expect(log.change).to.equal(2);
    await drag(el, center(handles(el)[1]), [point(el, 0.5), point(el, 0.6)], false);
    expect(el.value).to.deep.equal([10, 70]);
    expect(el.dragValue).to.deep.equal([10, 60]);
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.value).to.deep.equal([10, 60]);
    expect(log.change).to.equal(3);
    expect(propsOf(log, 'value')).to.have.length(3);
  });

  it('a drag across the other handle with allowCross re-sorts the value', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider style=${W} aria-label="r" marks="null" updatemode="drag" value="[20, 40]"></dash-range-slider>`);
    await drag(el, center(handles(el)[0]), [point(el, 0.3), point(el, 0.6)]);
    expect(el.value).to.deep.equal([40, 60]);
  });

  it('submits each handle under name and resets', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><dash-range-slider name="price" aria-label="r" value="[5, 50]"></dash-range-slider></form>`);
    const el = form.querySelector('dash-range-slider')!;
    await el.updateComplete;
    expect(new FormData(form).getAll('price')).to.deep.equal(['5', '50']);
    await press(el, 'End', 0);
    expect(new FormData(form).getAll('price')).to.deep.equal(['50', '100']);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([5, 50]);
    expect(new FormData(form).getAll('price')).to.deep.equal(['5', '50']);
  });

  it('bad values warn and still work', async () => {
    const w = captureWarnings();
    let el: DashRangeSlider;
    try {
      el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="r" value='[80, "x", 200]'></dash-range-slider>`);
      expect(handles(el).map((h) => attrs(h).now)).to.deep.equal([80, 100]);
      expect(w.messages.some((m) => m.includes('"x"'))).to.equal(true);
      expect(w.messages.some((m) => m.includes('value 200 is outside'))).to.equal(true);
      el.value = 7 as unknown as number[];
      await el.updateComplete;
      expect(handles(el).map((h) => attrs(h).now)).to.deep.equal([0, 100]);
      expect(() => el.checkProp('value', [1, 'a'])).to.throw(TypeError);
    } finally {
      w.restore();
    }
    await press(el, 'ArrowRight', 0);
    expect(el.value).to.deep.equal([1, 100]);
  });

  it('outside sets fire dash-prop-change only', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="r" value="[1, 2]"></dash-range-slider>`);
    const log = record(el);
    el.value = [3, 4];
    await el.updateComplete;
    expect(log.input + log.change).to.equal(0);
    expect(log.props).to.deep.include({ prop: 'value', value: [3, 4], user: false });
    expect(el.dragValue).to.deep.equal([3, 4]);
    const n = log.props.length;
    el.value = [3, 4];
    await el.updateComplete;
    expect(log.props.length).to.equal(n);
  });

  it('vertical range slider', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider vertical aria-label="r" value="[10, 90]"></dash-range-slider>`);
    expect(handles(el).map((h) => attrs(h).orientation)).to.deep.equal(['vertical', 'vertical']);
    await press(el, 'ArrowDown', 1);
    expect(el.value).to.deep.equal([10, 89]);
    await expect(el).to.be.accessible();
  });
});

describe('dash-slider with <dash-callback>', () => {
  it('syncs with a number input through one callback (same prop as input and output) and settles', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <dash-slider id="amount" aria-label="Amount" value="20"></dash-slider>
      <input id="amount-box" type="number" value="20" />
      <dash-callback id="sync" inputs="amount.value, amount-box.value" outputs="amount.value, amount-box.value"></dash-callback>
    </div>`);
    const el = wrap.querySelector<DashSlider>('dash-slider')!;
    const box = wrap.querySelector<HTMLInputElement>('input')!;
    let calls = 0;
    (wrap.querySelector('dash-callback') as unknown as { fn: unknown }).fn = (slider: number, typed: string, ctx: { triggeredId: string | null }) => {
      calls++;
      return ctx.triggeredId === 'amount-box' ? [Number(typed), NO_UPDATE] : [NO_UPDATE, String(slider)];
    };
    const settle = async () => {
      for (let i = 0; i < 10; i++) await new Promise((r) => requestAnimationFrame(r));
    };
    await settle();
    const before = calls;
    await press(el, 'ArrowRight');
    await settle();
    expect(box.value).to.equal('21');
    box.value = '42';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(el.value).to.equal(42);
    expect(attrs(handles(el)[0]).now).to.equal(42);
    // one call per user change: the writes back do not loop
    expect(calls - before).to.equal(2);
  });
});

const sliderAdapter: ControlAdapter = {
  tag: 'dash-slider',
  attributes: 'min="0" max="10" value="5"',
  value: 5,
  submits: ['5'],
  keys: ['ArrowRight'],
  valueAfterKeys: 6,
  role: 'slider',
};
const rangeSliderAdapter: ControlAdapter = {
  tag: 'dash-range-slider',
  attributes: 'min="0" max="10" value="[2,8]"',
  value: [2, 8],
  submits: ['2', '8'],
  keys: ['ArrowRight'],
  valueAfterKeys: [3, 8],
  role: 'slider',
  nameFor: (label) => `${label} lower`,
};
runFormControlTests(sliderAdapter);
runAccessibleNameTests(sliderAdapter);
runBadInputTests(sliderAdapter, [{ attribute: 'value', value: 'abc' }]);
runFormControlTests(rangeSliderAdapter);
runAccessibleNameTests(rangeSliderAdapter);
runBadInputTests(rangeSliderAdapter, [
  { attribute: 'value', value: '[5,1]', expect: (el) => expect((el as DashRangeSlider).value).to.deep.equal([1, 5]) },
  { attribute: 'value', value: '[]', expect: (el) => expect([(el as DashRangeSlider).value, handles(el as DashRangeSlider).length]).to.deep.equal([null, 2]) },
  { attribute: 'count', value: '-3' },
]);

describe('<dash-range-slider> count', () => {
  it('gives count + 1 handles spread from min to max while value is null', async () => {
    const el = await fixture<DashRangeSlider>(html`<dash-range-slider aria-label="x" min="0" max="90" count="3"></dash-range-slider>`);
    expect(handles(el).map((h) => attrs(h).now)).to.deep.equal([0, 30, 60, 90]);
    el.count = 1;
    await el.updateComplete;
    expect(handles(el).map((h) => attrs(h).now)).to.deep.equal([0, 90]);
  });
});
