// What the <dash-table> browser tests share: shadow-DOM queries, waiting for a painted update,
// and collecting events and warnings (the last two from ./helpers.ts).
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

// One definition of each, shared with every browser test.
export { captureWarnings as catchWarnings, frame, settle } from './helpers.js';
