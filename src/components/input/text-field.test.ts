// What <dash-input> and <dash-textarea> share through DashTextField (docs/input.md "Selection and
// focus"): the selection props and autoFocus, run once for each tag.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { captureWarnings, settle } from '../../../test/browser/helpers.js';
import { recordEvents } from '../../../test/browser/user-actions.js';
import '../../dash-input.js';
import '../../dash-textarea.js';
import '../../dash-callback.js';
import type { DashCallback } from '../callback/callback.js';
import { renderLayout } from '../../layout/render-dom.js';
import type { DashTextField } from './text-field.js';

const box = (el: DashTextField) => el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
const selection = (el: DashTextField) => [el.selectionStart, el.selectionEnd, el.selectionDirection];
const boxSelection = (el: DashTextField) => [box(el).selectionStart, box(el).selectionEnd, box(el).selectionDirection];

/** Shift+key, as a person selects with the keyboard. */
async function shiftPress(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

/** Markup built from a string, so one test body serves both tags. */
async function mount<T extends Element = HTMLElement>(markup: string): Promise<T> {
  const wrap = await fixture<HTMLElement>(`<div>${markup}</div>`);
  await Promise.all(Array.from(wrap.querySelectorAll<DashTextField>('dash-input, dash-textarea'), (el) => settle(el)));
  return (wrap.childElementCount === 1 ? wrap.firstElementChild : wrap) as unknown as T;
}

for (const tag of ['dash-input', 'dash-textarea'] as const) {
  describe(`${tag}: selection`, () => {
    it("has Dash's defaults: no selection known, no autoFocus", async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x" value="hello"></${tag}>`);
      expect([...selection(el), el.autoFocus]).to.deep.equal([null, null, null, false]);
      expect(document.activeElement).to.not.equal(el);
    });

    it('follows Home, End and Shift+Arrow, as the person’s changes (user: true)', async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x"></${tag}>`);
      const { props } = recordEvents(el);
      box(el).focus();
      await sendKeys({ type: 'hello' });
      await settle(el);
      expect(selection(el).slice(0, 2)).to.deep.equal([5, 5]);
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(selection(el).slice(0, 2)).to.deep.equal([0, 0]);
      await shiftPress('ArrowRight');
      await shiftPress('ArrowRight');
      await settle(el);
      expect(selection(el)).to.deep.equal([0, 2, 'forward']);
      await sendKeys({ press: 'End' });
      await shiftPress('ArrowLeft');
      await shiftPress('ArrowLeft');
      await shiftPress('ArrowLeft');
      await settle(el);
      expect(selection(el)).to.deep.equal([2, 5, 'backward']);
      const selectionEvents = props.filter((p) => p.prop.startsWith('selection'));
      expect(selectionEvents.length).to.be.greaterThan(0);
      expect(selectionEvents.every((p) => p.user)).to.equal(true);
      // Typing over the selection: value and caret change in one update, so they agree.
      await sendKeys({ type: 'p!' });
      await settle(el);
      expect([el.value, el.selectionStart, el.selectionEnd]).to.deep.equal(['hep!', 4, 4]);
    });

    it('follows a mouse drag across the text', async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x" value="drag across these words" style="width: 300px"></${tag}>`);
      const r = box(el).getBoundingClientRect();
      const y = Math.round(r.top + 12);
      await sendMouse({ type: 'move', position: [Math.round(r.left + 6), y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(r.left + 120), y] });
      await sendMouse({ type: 'up' });
      await settle(el);
      expect(el.selectionStart).to.equal(0);
      expect(el.selectionEnd).to.be.greaterThan(3);
      expect([el.selectionStart, el.selectionEnd]).to.deep.equal([box(el).selectionStart, box(el).selectionEnd]);
    });

    it('a write selects in the box without taking focus from where the person is', async () => {
      const wrap = await mount(`<button>elsewhere</button><${tag} id="t" aria-label="x" value="hello world"></${tag}>`);
      const el = wrap.querySelector<DashTextField>(tag)!;
      const button = wrap.querySelector('button')!;
      button.focus();
      el.selectionStart = 6;
      el.selectionEnd = 11;
      el.selectionDirection = 'backward';
      await settle(el);
      expect(boxSelection(el)).to.deep.equal([6, 11, 'backward']);
      expect(document.activeElement).to.equal(button);
      // Written again (twice) with other values: it follows each time.
      el.selectionStart = 0;
      el.selectionEnd = 5;
      el.selectionDirection = 'forward';
      await settle(el);
      el.selectionStart = 2;
      el.selectionEnd = 2;
      await settle(el);
      expect(boxSelection(el).slice(0, 2)).to.deep.equal([2, 2]);
      expect(document.activeElement).to.equal(button);
    });

    it('writing the same selection again selects again, after a written value moved the caret to its end', async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x" value="hello"></${tag}>`);
      const { props } = recordEvents(el);
      el.selectionStart = 1;
      el.selectionEnd = 1;
      await settle(el);
      el.value = 'hello world';
      await settle(el);
      expect(box(el).selectionStart).to.equal(11);
      el.selectionStart = 1;
      el.selectionEnd = 1;
      await settle(el);
      expect(boxSelection(el).slice(0, 2)).to.deep.equal([1, 1]);
      // No change to announce the second time.
      expect(props.filter((p) => p.prop === 'selectionStart').map((p) => p.value)).to.deep.equal([1]);
    });

    it('a callback writes the selection by Dash’s names (selection_start, selection_end), focus stays on the button', async () => {
      const wrap = await mount(`<button id="go">select the word</button>
        <${tag} id="t" aria-label="x" value="pick a word"></${tag}>
        <dash-callback inputs="go.n_clicks" outputs="t.selection_start, t.selection_end" prevent-initial-call></dash-callback>`);
      wrap.querySelector<DashCallback>('dash-callback')!.fn = () => ['5', 6]; // Dash declares them strings
      const el = wrap.querySelector<DashTextField>(tag)!;
      const button = wrap.querySelector<HTMLButtonElement>('#go')!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => box(el).selectionEnd === 6, 'the callback never selected', { timeout: 3000 });
      expect(box(el).selectionStart).to.equal(5);
      expect(document.activeElement).to.equal(button);
    });

    it('a callback reads the selection as its input while the person selects', async () => {
      const wrap = await mount(`<${tag} id="t" aria-label="x" value="abcdef"></${tag}>
        <p id="out"></p>
        <dash-callback inputs="t.selection_start, t.selection_end" state="t.value" outputs="out.children"></dash-callback>`);
      wrap.querySelector<DashCallback>('dash-callback')!.fn = (start: number | null, end: number | null, value: string) =>
        start === null ? 'none' : value.slice(start, end ?? start);
      const el = wrap.querySelector<DashTextField>(tag)!;
      const out = wrap.querySelector('#out')!;
      await waitUntil(() => out.textContent === 'none', 'no initial call', { timeout: 3000 });
      box(el).focus();
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await shiftPress('ArrowRight');
      await shiftPress('ArrowRight');
      await shiftPress('ArrowRight');
      await waitUntil(() => out.textContent === 'bcd', `read ${out.textContent}`, { timeout: 3000 });
    });

    it('a callback formatting the text and placing the caret as the person types loses no keystroke', async () => {
      // Upper-cases, and puts the caret after the last character typed: one callback writing
      // value and selection together on every keystroke.
      const wrap = await mount(`<${tag} id="t" aria-label="x"></${tag}>
        <dash-callback inputs="t.value" state="t.selection_start" outputs="t.value, t.selection_start, t.selection_end" prevent-initial-call></dash-callback>`);
      wrap.querySelector<DashCallback>('dash-callback')!.fn = (value: string | null, caretAt: number | null) => {
        const text = (value ?? '').toUpperCase();
        return [text, caretAt ?? text.length, caretAt ?? text.length];
      };
      const el = wrap.querySelector<DashTextField>(tag)!;
      box(el).focus();
      await sendKeys({ type: 'hello world' });
      await settle(el);
      await settle(el);
      expect(box(el).value).to.equal('HELLO WORLD');
      expect(el.value).to.equal('HELLO WORLD');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ type: 'xy' });
      await settle(el);
      await settle(el);
      expect(box(el).value).to.equal('HXYELLO WORLD');
      expect(boxSelection(el).slice(0, 2)).to.deep.equal([3, 3]);
      expect(selection(el).slice(0, 2)).to.deep.equal([3, 3]);
    });

    it('a write while the person types moves where the next keys go, and keeps the ones typed', async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x"></${tag}>`);
      box(el).focus();
      await sendKeys({ type: 'abc' });
      el.selectionStart = 0;
      el.selectionEnd = 0;
      await settle(el);
      expect(document.activeElement).to.equal(el);
      await sendKeys({ type: 'XY' });
      await settle(el);
      expect([el.value, box(el).value]).to.deep.equal(['XYabc', 'XYabc']);
      expect(selection(el).slice(0, 2)).to.deep.equal([2, 2]);
      // Replace a written selection by typing over it.
      el.selectionStart = 2;
      el.selectionEnd = 5;
      await settle(el);
      await sendKeys({ type: 'z' });
      await settle(el);
      expect(el.value).to.equal('XYz');
    });

    it('a position past the end selects to the end, and the props say what the box took (not as the person’s)', async () => {
      const el = await mount<DashTextField>(`<${tag} aria-label="x" value="hello"></${tag}>`);
      const { props } = recordEvents(el);
      el.selectionStart = 2;
      el.selectionEnd = 99;
      await settle(el);
      await settle(el);
      expect(boxSelection(el).slice(0, 2)).to.deep.equal([2, 5]);
      expect(selection(el).slice(0, 2)).to.deep.equal([2, 5]);
      expect(props.filter((p) => p.prop === 'selectionEnd').map((p) => [p.value, p.user])).to.deep.equal([[99, false], [5, false]]);
    });

    it('bad positions and directions warn once naming the element and prop; the box keeps working', async () => {
      const { messages, restore } = captureWarnings();
      try {
        const el = await mount<DashTextField>(`<${tag} id="bad" aria-label="x" value="hello" selection-start="abc" selection-direction="sideways"></${tag}>`);
        (el as unknown as { selectionEnd: unknown }).selectionEnd = -1;
        await settle(el);
        (el as unknown as { selectionEnd: unknown }).selectionEnd = -1;
        el.requestUpdate('selectionStart');
        await settle(el);
        const mine = messages.filter((m) => m.startsWith(`<${tag} id="bad">`));
        expect(mine.filter((m) => m.includes('selectionStart'))).to.have.length(1);
        expect(mine.filter((m) => m.includes('selectionEnd'))).to.have.length(1);
        expect(mine.filter((m) => m.includes('selectionDirection'))).to.have.length(1);
        box(el).focus();
        box(el).setSelectionRange(5, 5);
        await sendKeys({ type: '!' });
        await settle(el);
        expect(el.value).to.equal('hello!');
      } finally {
        restore();
      }
    });
  });

  describe(`${tag}: autoFocus`, () => {
    it('auto-focus focuses the box when the element first appears, once', async () => {
      const wrap = await mount(`<button>other</button><${tag} aria-label="x" auto-focus></${tag}>`);
      const el = wrap.querySelector<DashTextField>(tag)!;
      expect(el.autoFocus).to.equal(true);
      expect(document.activeElement).to.equal(el);
      expect(el.shadowRoot!.activeElement).to.equal(box(el));
      await sendKeys({ type: 'ok' });
      await settle(el);
      expect(el.value).to.equal('ok');
      // Once: focus elsewhere, then toggle it twice and move the element; focus stays put.
      const other = wrap.querySelector('button')!;
      other.focus();
      el.autoFocus = false;
      await settle(el);
      el.autoFocus = true;
      await settle(el);
      wrap.append(el);
      await settle(el);
      expect(document.activeElement).to.equal(other);
    });

    it('Dash’s spelling from a layout: autoFocus "autofocus" and a selection given at creation', async () => {
      const host = await fixture<HTMLElement>(`<div></div>`);
      const type = tag === 'dash-input' ? 'Input' : 'Textarea';
      renderLayout(host, { type, namespace: 'dash_core_components', props: { id: 't', value: 'hello', autoFocus: 'autofocus', selectionStart: '1', selectionEnd: 3 } });
      const el = host.querySelector<DashTextField>(tag)!;
      el.setAttribute('aria-label', 'x');
      await settle(el);
      expect(document.activeElement).to.equal(el);
      expect(boxSelection(el).slice(0, 2)).to.deep.equal([1, 3]);
      await sendKeys({ type: 'E' });
      await settle(el);
      expect(el.value).to.equal('hElo');
    });

    it('does not take the keys of a person typing in another box', async () => {
      const wrap = await fixture<HTMLElement>(`<div><input aria-label="mine"></div>`);
      const mine = wrap.querySelector('input')!;
      mine.focus();
      await sendKeys({ type: 'ab' });
      const el = document.createElement(tag) as DashTextField;
      el.setAttribute('aria-label', 'x');
      el.setAttribute('auto-focus', '');
      wrap.append(el);
      await settle(el);
      await sendKeys({ type: 'c' });
      expect(document.activeElement).to.equal(mine);
      expect(mine.value).to.equal('abc');
      expect(el.value).to.equal(null);
    });
  });
}

describe('dash-input: selection with debounce', () => {
  it('a selection written during an uncommitted edit keeps the edit, and the next keys go there', async () => {
    const el = await mount<DashTextField>(`<dash-input aria-label="x" debounce></dash-input>`);
    box(el).focus();
    await sendKeys({ type: 'abc' });
    await settle(el);
    expect(selection(el).slice(0, 2)).to.deep.equal([3, 3]); // followed before the value commits
    el.selectionStart = 1;
    el.selectionEnd = 1;
    await settle(el);
    await sendKeys({ type: 'X' });
    await settle(el);
    expect([box(el).value, el.value]).to.deep.equal(['aXbc', null]);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.equal('aXbc');
    expect(selection(el).slice(0, 2)).to.deep.equal([2, 2]);
  });
});

describe('dash-input: selection on types without a text selection', () => {
  it('type="number": a written selection warns once, nothing throws, the box keeps working', async () => {
    const { messages, restore } = captureWarnings();
    try {
      const el = await mount<DashTextField>(`<dash-input id="n" aria-label="x" type="number" value="12"></dash-input>`);
      el.selectionStart = 0;
      el.selectionEnd = 1;
      await settle(el);
      el.selectionStart = 1;
      await settle(el);
      expect(messages.filter((m) => m.startsWith('<dash-input id="n">') && m.includes('selection'))).to.have.length(1);
      box(el).focus();
      await sendKeys({ type: '3' });
      await settle(el);
      expect(el.value).to.equal(123);
    } finally {
      restore();
    }
  });
});
