// What the <dash-table> browser tests share: shadow-DOM queries, waiting for a painted update,
// and collecting events and warnings.
import type { DashTable } from '../../src/components/table/table.js';
import type { DashPropChangeEvent } from '../../src/internal/events.js';

export type Row = Record<string, unknown>;

export const root = (el: DashTable) => el.shadowRoot as ShadowRoot;
export const $ = <T extends Element = HTMLElement>(el: DashTable, sel: string) => root(el).querySelector(sel) as T;
export const $$ = <T extends Element = HTMLElement>(el: DashTable, sel: string) => [...root(el).querySelectorAll(sel)] as T[];
export const bodyRows = (el: DashTable) => $$(el, '.body [role=row]');

/** Every `dash-prop-change` the element fires from now on. */
export function collect(el: HTMLElement) {
  const events: DashPropChangeEvent[] = [];
  el.addEventListener('dash-prop-change', (e) => events.push(e));
  return events;
}

export async function frame() {
  await new Promise((r) => requestAnimationFrame(() => r(null)));
}

/** Until the table has updated, painted a frame, and updated again (virtual rows follow a frame). */
export async function settle(el: DashTable) {
  await el.updateComplete;
  await frame();
  await el.updateComplete;
}

/** Captures console.warn until `restore()`. */
export function catchWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (m: unknown) => messages.push(String(m));
  return { messages, restore: () => (console.warn = original) };
}
