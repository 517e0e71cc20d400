import { expect } from '@open-wc/testing';
import { css, html as litHtml, nothing, type CSSResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DashElement } from './dash-element.js';
import { Lazy } from './lazy.js';
import { LazyView } from './lazy-view.js';
import { until, warningsDuring } from '../../test/browser/helpers.js';

interface View {
  label(text: string): string;
  styles: CSSResult;
}

/** A view module whose import the test resolves or rejects by hand. */
let settleImport: { resolve: (view: View) => void; reject: (error: Error) => void } | null = null;
const viewCode = new Lazy<View>(
  () =>
    new Promise<View>((resolve, reject) => {
      settleImport = { resolve, reject };
    }),
);
const loaded: string[] = [];

@customElement('test-lazy-view')
class TestLazyView extends LazyView(DashElement, viewCode) {
  @property() text = 'a';

  protected override viewLoaded(): void {
    loaded.push(this.id);
  }

  override render() {
    return this.view ? litHtml`<p>${this.view.label(this.text)}</p>` : nothing;
  }
}

const paragraph = (el: TestLazyView) => el.shadowRoot!.querySelector('p')?.textContent ?? null;
const paragraphColor = (el: TestLazyView) => getComputedStyle(el.shadowRoot!.querySelector('p')!).color;

describe('LazyView', () => {
  it('renders nothing until its code is there, then renders with its styles on the same updateComplete; a failed load warns once and the next change retries', async () => {
    const first = document.createElement('test-lazy-view') as TestLazyView;
    first.id = 'one';
    document.body.append(first);
    const rendered = first.updateComplete;
    await until(() => settleImport !== null);
    expect(paragraph(first)).to.equal(null);

    const warnings = await warningsDuring(async () => {
      settleImport!.reject(new Error('offline'));
      await rendered;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-lazy-view id="one">').and.contain('offline');
    expect(paragraph(first)).to.equal(null);

    settleImport = null;
    first.text = 'b';
    const retried = first.updateComplete;
    await until(() => settleImport !== null);
    settleImport!.resolve({ label: (text) => `label ${text}`, styles: css`p { color: rgb(1, 2, 3); }` });
    await retried;
    expect(paragraph(first)).to.equal('label b');
    expect(paragraphColor(first)).to.equal('rgb(1, 2, 3)');
    first.text = 'c';
    await first.updateComplete;
    expect(paragraph(first)).to.equal('label c');

    // Elements created once the code is there render in their first update, without waiting.
    const second = document.createElement('test-lazy-view') as TestLazyView;
    second.id = 'two';
    document.body.append(second);
    await second.updateComplete;
    expect(paragraph(second)).to.equal('label a');
    expect(paragraphColor(second)).to.equal('rgb(1, 2, 3)');
    expect(loaded).to.deep.equal(['one', 'two']);
    first.remove();
    second.remove();
  });
});
