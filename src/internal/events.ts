/** Events every element shares (docs/conventions.md), typed for `addEventListener` in any framework. */

export interface DashPropChangeDetail {
  /** The property's camelCase name. */
  prop: string;
  /** Its new value. */
  value: unknown;
  /** True when a person changed it through the element's UI. */
  user: boolean;
}

export type DashPropChangeEvent = CustomEvent<DashPropChangeDetail>;

/** Dispatches a bubbling, composed CustomEvent; returns false when a listener cancelled it. */
export function emit<T>(
  target: EventTarget,
  type: string,
  detail: T,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

/**
 * Fires the native events a person's edit of a control causes, as native controls do: `input`,
 * then `change` (both bubbling and composed, so they leave the shadow root). Pass `false` to
 * leave one out (a slider's drag fires `input` alone until it ends).
 */
export function emitUserEdit(target: EventTarget, which: { input?: boolean; change?: boolean } = {}): void {
  const init = { bubbles: true, composed: true };
  if (which.input ?? true) target.dispatchEvent(new Event('input', init));
  if (which.change ?? true) target.dispatchEvent(new Event('change', init));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-prop-change': DashPropChangeEvent;
  }
}
