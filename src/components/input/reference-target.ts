/**
 * The id of the one control inside a form element's shadow root, and the shadow root option that
 * makes it the root's reference target: a `<label for>` (or `aria-labelledby`/`-describedby`)
 * pointing at the host reaches that control (docs/input.md, "Accessible name").
 */
export const FIELD_ID = 'field';

/** `ShadowRootInit.referenceTarget` is newer than TypeScript's DOM types. */
export const FIELD_TARGET = { referenceTarget: FIELD_ID } as Partial<ShadowRootInit>;

/**
 * The elements the host's `aria-labelledby` points at, for the inner control's
 * `ariaLabelledByElements` (element references may point out of a shadow root; ids may not).
 * Null when there are none.
 */
export function labelledBy(host: Element): Element[] | null {
  const ids = host.getAttribute('aria-labelledby');
  if (!ids) return null;
  const root = host.getRootNode() as Document | ShadowRoot;
  const found = ids.split(/\s+/).flatMap((id) => root.getElementById?.(id) ?? []);
  return found.length ? found : null;
}
