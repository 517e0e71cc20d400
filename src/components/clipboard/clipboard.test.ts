import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../dash-clipboard.js';
import '../../dash-callback.js';
import type { DashClipboard } from './clipboard.js';
import { captureWarnings, until as waitFor } from '../../../test/browser/helpers.js';

const button = (el: DashClipboard) => el.shadowRoot!.querySelector('button')!;

async function click(node: Element) {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Pastes the real clipboard into a fresh textarea with the keyboard, and returns what arrived. */
async function pasted(): Promise<string> {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', 'paste here');
  document.body.append(area);
  area.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'v' });
  await sendKeys({ up: 'Control' });
  await nextFrame();
  const text = area.value;
  area.remove();
  return text;
}

describe('dash-clipboard', () => {
  it('copies content on click, counts nClicks and shows copiedChildren after', async () => {
    const el = await fixture<DashClipboard>(html`<dash-clipboard content="hello clipboard" copied-children="Copied!"></dash-clipboard>`);
    await click(button(el));
    await waitFor(() => el.shadowRoot!.textContent!.includes('Copied!'));
    expect(el.nClicks).to.equal(1);
    expect(el.getAttribute('n-clicks')).to.equal('1');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Copied');
    expect(button(el).getAttribute('aria-label')).to.equal('Copy to clipboard, Copied!');
    await expect(el).to.be.accessible();
    expect(await pasted()).to.equal('hello clipboard');
  });

  it('copies the text of targetId (an input value or an element text), by keyboard too', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <p id="para">Paragraph <b>text</b></p>
      <input id="field" aria-label="field" value="typed value" />
      <dash-clipboard target-id="para" title="Copy paragraph"></dash-clipboard>
    </div>`);
    const el = wrapper.querySelector('dash-clipboard')!;
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.nClicks === 1);
    await waitFor(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent === 'Copied');
    expect(await pasted()).to.equal('Paragraph text');
    el.targetId = 'field';
    button(el).focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => el.nClicks === 2);
    await nextFrame();
    await nextFrame();
    expect(await pasted()).to.equal('typed value');
  });

  it('waits for a callback on nClicks that writes content, then copies what it wrote', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <dash-callback id="cb" inputs="clip.n_clicks" outputs="clip.content" prevent-initial-call></dash-callback>
      <dash-clipboard id="clip" aria-label="Copy the report"></dash-clipboard>
    </div>`);
    const cb = wrapper.querySelector('dash-callback')!;
    cb.fn = async (n: unknown) => {
      await new Promise((r) => setTimeout(r, 50));
      return `report #${String(n)}`;
    };
    const el = wrapper.querySelector('dash-clipboard')!;
    await nextFrame();
    await click(button(el));
    await waitFor(() => el.content === 'report #1' && !el.hasAttribute('loading'));
    await waitFor(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent === 'Copied');
    expect(await pasted()).to.equal('report #1');
  });

  it('reports when the page may not write to the clipboard', async () => {
    const el = await fixture<DashClipboard>(html`<dash-clipboard id="c" content="x"></dash-clipboard>`);
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    // What an insecure (http://) page sees: no navigator.clipboard.
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    const warnings = captureWarnings();
    try {
      const failed = new Promise<CustomEvent>((resolve) => el.addEventListener('dash-clipboard-error', resolve as EventListener, { once: true }));
      button(el).click();
      const event = await failed;
      expect(event.detail.error.message).to.contain('not available');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain('<dash-clipboard id="c">');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('');
      expect(el.nClicks).to.equal(1);
    } finally {
      Object.defineProperty(Navigator.prototype, 'clipboard', original);
      warnings.restore();
    }
  });

  it('shows slotted content, has an accessible name and passes axe', async () => {
    const el = await fixture<DashClipboard>(html`<dash-clipboard content="x" title="Copy code"><span>Copy</span></dash-clipboard>`);
    expect(button(el).getAttribute('aria-label')).to.equal('Copy code');
    el.before(Object.assign(document.createElement('span'), { id: 'clip-name', textContent: 'Copy the snippet' }));
    el.setAttribute('aria-labelledby', 'clip-name');
    await el.updateComplete;
    expect(button(el).getAttribute('aria-label')).to.equal('Copy the snippet');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0].textContent).to.equal('Copy');
    await expect(el).to.be.accessible();
  });
});
