// Shared tests for every form-associated control: one line in the element's test file runs them
// (docs/testing.md): `runFormControlTests({ tag: 'dash-slider', … })`.
import { expect, fixture } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { settle } from '../helpers.js';
import { between, describeFocus, pressKeys, tabFromBefore, valueOf, type ControlAdapter, type ValueElement } from './control.js';

async function inForm(adapter: ControlAdapter, wrap?: (control: string) => string) {
  const form = await fixture<HTMLFormElement>(`<form>${between(adapter, 'name="field" id="field"', wrap)}</form>`);
  const el = form.querySelector<ValueElement>(adapter.tag)!;
  await settle(el);
  return { form, el };
}

/** Tab reaches the control and its keys change the value. */
async function expectUsable(adapter: ControlAdapter, form: HTMLFormElement, el: ValueElement) {
  expect(await tabFromBefore(form), 'Tab moves focus into the control').to.equal(adapter.tag);
  await pressKeys(adapter, el);
  expect(valueOf(adapter, el)).to.deep.equal(adapter.valueAfterKeys);
}

/** Tab passes the control by, and its keys change nothing. */
async function expectUnusable(adapter: ControlAdapter, form: HTMLFormElement, el: ValueElement) {
  const focused = await tabFromBefore(form);
  expect(focused, 'Tab skips the disabled control').to.equal('button.after');
  el.focus();
  if (el.matches(':focus-within')) await pressKeys(adapter, el);
  expect(valueOf(adapter, el)).to.deep.equal(adapter.value);
}

export function runFormControlTests(adapter: ControlAdapter): void {
  describe(`<${adapter.tag}> as a form control (shared suite)`, () => {
    it('submits its value under name', async () => {
      const { form } = await inForm(adapter);
      expect(new FormData(form).getAll('field')).to.deep.equal(adapter.submits);
    });

    it('is changed by keyboard and put back by a form reset', async () => {
      const { form, el } = await inForm(adapter);
      await expectUsable(adapter, form, el);
      form.reset();
      await settle(el);
      expect(valueOf(adapter, el)).to.deep.equal(adapter.value);
      expect(new FormData(form).getAll('field')).to.deep.equal(adapter.submits);
    });

    it('works again after disabled is set and cleared twice in one task', async () => {
      const { form, el } = await inForm(adapter);
      const target = el as ValueElement & { disabled: boolean };
      target.disabled = true;
      target.disabled = false;
      target.disabled = true;
      target.disabled = false;
      await settle(el);
      await expectUsable(adapter, form, el);
    });

    it('is disabled and enabled again each time disabled is set and cleared', async () => {
      const { form, el } = await inForm(adapter);
      const target = el as ValueElement & { disabled: boolean };
      for (let round = 0; round < 2; round++) {
        target.disabled = true;
        await settle(el);
        expect(el.hasAttribute('disabled')).to.be.true;
        expect(new FormData(form).getAll('field'), 'a disabled control is not submitted').to.deep.equal([]);
        await expectUnusable(adapter, form, el);
        target.disabled = false;
        await settle(el);
        expect(el.hasAttribute('disabled')).to.be.false;
        expect(new FormData(form).getAll('field')).to.deep.equal(adapter.submits);
      }
      await expectUsable(adapter, form, el);
    });

    it('is disabled by a disabled <fieldset>, and enabled again with it', async () => {
      const { form, el } = await inForm(adapter, (c) => `<fieldset disabled>${c}</fieldset>`);
      const fieldset = form.querySelector('fieldset')!;
      for (let round = 0; round < 2; round++) {
        expect(new FormData(form).getAll('field')).to.deep.equal([]);
        await expectUnusable(adapter, form, el);
        fieldset.disabled = false;
        await settle(el);
        expect(new FormData(form).getAll('field')).to.deep.equal(adapter.submits);
        fieldset.disabled = true;
        await settle(el);
      }
      fieldset.disabled = false;
      await settle(el);
      await expectUsable(adapter, form, el);
    });

    it('takes focus when its <label for> is clicked', async () => {
      const { form, el } = await inForm(adapter, (c) => `<label for="field">Field</label>${c}`);
      const box = form.querySelector('label')!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await settle(el);
      expect(describeFocus(document.activeElement)).to.equal(adapter.tag);
      await pressKeys(adapter, el);
      expect(valueOf(adapter, el)).to.deep.equal(adapter.valueAfterKeys);
    });
  });
}
