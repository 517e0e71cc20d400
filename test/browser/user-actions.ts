// What the form controls' tests share beyond ./helpers.ts: a real pointer click on an element's
// centre, and a log of the events a control fires.
import { sendMouse } from '@web/test-runner-commands';
import type { DashPropChangeDetail } from '../../src/internal/events.js';

/** A real mouse click (trusted events) on the centre of `node`. */
export async function clickCenter(node: Element): Promise<void> {
  const r = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

/** Records `input`/`change` (in `log`, by type) and each `dash-prop-change` detail (in `props`). */
export function recordEvents(el: HTMLElement): { log: string[]; props: DashPropChangeDetail[] } {
  const log: string[] = [];
  const props: DashPropChangeDetail[] = [];
  el.addEventListener('input', () => log.push('input'));
  el.addEventListener('change', () => log.push('change'));
  el.addEventListener('dash-prop-change', (e) => props.push(e.detail));
  return { log, props };
}
