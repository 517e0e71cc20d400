// Shared tests: bad input (malformed JSON, a wrong-typed or out-of-range value) in an attribute
// gives exactly one console.warn naming the element and the attribute, and the element keeps
// working. One line in the element's test file runs them (docs/testing.md).
import { expect, fixture } from '@open-wc/testing';
import { captureWarnings, settle } from '../helpers.js';
import { between, pressKeys, tabFromBefore, valueOf, type ControlAdapter, type ValueElement } from './control.js';

export interface BadInput {
  attribute: string;
  /** The bad text written to the attribute. */
  value: string;
  /** Checks the sensible value the element used instead (optional). */
  expect?: (el: HTMLElement) => void;
}

export function runBadInputTests(adapter: ControlAdapter, cases: BadInput[]): void {
  describe(`<${adapter.tag}> bad input (shared suite)`, () => {
    for (const bad of cases) {
      it(`${bad.attribute}='${bad.value}': one warning naming it, and the element still works`, async () => {
        const wrap = await fixture<HTMLDivElement>(`<div>${between(adapter, 'id="bad"')}</div>`);
        const el = wrap.querySelector<ValueElement>(adapter.tag)!;
        await settle(el);
        const warnings = captureWarnings();
        try {
          el.setAttribute(bad.attribute, bad.value);
          await settle(el);
          bad.expect?.(el);
          // still works: Tab reaches it and its keys change the value
          const before = structuredClone(valueOf(adapter, el));
          expect(await tabFromBefore(wrap)).to.equal(adapter.tag);
          await pressKeys(adapter, el);
          expect(valueOf(adapter, el)).to.not.deep.equal(before);
        } finally {
          warnings.restore();
        }
        expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
        expect(warnings.messages[0]).to.contain(`<${adapter.tag} id="bad">`).and.contain(bad.attribute);
      });
    }
  });
}
