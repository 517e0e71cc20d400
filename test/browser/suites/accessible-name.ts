// Shared tests: the name given to the element (aria-label, aria-labelledby, <label for>) is the
// computed accessible name of the inner control that takes focus, as a screen reader hears it.
// One line in the element's test file runs them (docs/testing.md).
import { expect, fixture } from '@open-wc/testing';
import { a11yTree, findNode } from '../a11y-tree.js';
import { settle } from '../helpers.js';
import type { ControlAdapter, ValueElement } from './control.js';

/** The computed accessible name of the first node with the adapter's role, or null when there is none. */
async function computedName(adapter: ControlAdapter): Promise<string | null> {
  const node = findNode(await a11yTree('body'), (n) => n.role === adapter.role);
  return node ? node.name ?? '' : null;
}

async function render(adapter: ControlAdapter, markup: (control: string) => string) {
  const wrap = await fixture<HTMLDivElement>(`<div>${markup(`<${adapter.tag} id="ctl" ${adapter.attributes}></${adapter.tag}>`)}</div>`);
  const el = wrap.querySelector<ValueElement>(adapter.tag)!;
  await settle(el);
  return { wrap, el };
}

export function runAccessibleNameTests(adapter: ControlAdapter): void {
  const nameFor = adapter.nameFor ?? ((label: string) => label);

  describe(`<${adapter.tag}> accessible name (shared suite)`, () => {
    it('comes from aria-label, and follows it when it changes', async () => {
      const { el } = await render(adapter, (c) => c.replace(' id=', ' aria-label="Region" id='));
      expect(await computedName(adapter)).to.equal(nameFor('Region'));
      for (const label of ['Country', 'Region']) {
        el.setAttribute('aria-label', label);
        await settle(el);
        expect(await computedName(adapter)).to.equal(nameFor(label));
      }
    });

    it('comes from aria-labelledby', async () => {
      const { el } = await render(adapter, (c) => `<span id="lbl">Region</span>${c.replace(' id=', ' aria-labelledby="lbl" id=')}`);
      expect(await computedName(adapter)).to.equal(nameFor('Region'));
      el.setAttribute('aria-labelledby', 'other');
      await settle(el);
      expect(await computedName(adapter)).to.not.equal(nameFor('Region'));
    });

    it('comes from a <label for>, also one placed after the element', async () => {
      await render(adapter, (c) => `${c}<label for="ctl">Region</label>`);
      expect(await computedName(adapter)).to.equal(nameFor('Region'));
    });

    it('prefers aria-label over a <label for>', async () => {
      await render(adapter, (c) => `<label for="ctl">Label</label>${c.replace(' id=', ' aria-label="Region" id=')}`);
      expect(await computedName(adapter)).to.equal(nameFor('Region'));
    });
  });
}
