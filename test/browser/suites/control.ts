// The adapter every shared suite takes: what a suite needs to know about one control.
// docs/testing.md shows how an element's test file fills it in.
import { sendKeys } from '@web/test-runner-commands';

export interface ControlAdapter {
  /** The tag, e.g. `dash-dropdown` (its define file must be imported by the test file). */
  tag: string;
  /** Attributes that give it a valid value, e.g. `options='["a","b"]' value="a"`. */
  attributes: string;
  /** The `value` those attributes give. */
  value: unknown;
  /** What a `<form>` submits under `name` for that value (`FormData.getAll(name)`). */
  submits: string[];
  /** Keys that change the value once Tab has moved focus into the control. */
  keys: string[];
  /** `value` after those keys. */
  valueAfterKeys: unknown;
  /** ARIA role of the inner control that takes focus, e.g. `combobox`, `slider`. */
  role: string;
  /** The accessible name the inner control gets when the element is labelled `label` (default: `label`). */
  nameFor?: (label: string) => string;
  /** Reads the control's value, for controls whose value is not `value` (the date pickers' `date`). Default: `el.value`. */
  read?: (el: HTMLElement) => unknown;
}

export type ValueElement = HTMLElement & { value: unknown; updateComplete: Promise<unknown> };

/** The control's value, as the adapter reads it. */
export function valueOf(adapter: ControlAdapter, el: ValueElement): unknown {
  return adapter.read ? adapter.read(el) : el.value;
}

/**
 * `<button>before</button> <control …> <button>after</button>` markup, so Tab has a way in and
 * out; `wrap` puts markup around the control alone (a `<fieldset>`, a `<label>`).
 */
export function between(adapter: ControlAdapter, extra = '', wrap: (control: string) => string = (c) => c): string {
  return `<button type="button" class="before">before</button>
    ${wrap(`<${adapter.tag} ${adapter.attributes} ${extra}></${adapter.tag}>`)}
    <button type="button" class="after">after</button>`;
}

/** Tabs from the button before the control; returns what has focus then, as `tag.class`. */
export async function tabFromBefore(container: ParentNode): Promise<string> {
  container.querySelector<HTMLElement>('.before')!.focus();
  await sendKeys({ press: 'Tab' });
  return describeFocus(document.activeElement);
}

/** An element as `tag.class` (`dash-slider`, `button.after`): assertions compare these, not nodes. */
export function describeFocus(el: Element | null): string {
  if (!el) return 'nothing';
  return el.className && typeof el.className === 'string' ? `${el.localName}.${el.className}` : el.localName;
}

/** Presses the adapter's keys in whatever has focus, then waits for the element to update. */
export async function pressKeys(adapter: ControlAdapter, el: ValueElement): Promise<void> {
  for (const key of adapter.keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
}
