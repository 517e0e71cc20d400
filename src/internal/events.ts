/** Events every element shares (SPEC §2), typed for `addEventListener` in any framework. */

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

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-prop-change': DashPropChangeEvent;
  }
}
