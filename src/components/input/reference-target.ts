/**
 * The id of the one control inside a form element's shadow root, and the shadow root option that
 * makes it the root's reference target: a `<label for>` (or `aria-labelledby`/`-describedby`)
 * pointing at the host reaches that control (docs/input.md, "Accessible name").
 */
export const FIELD_ID = 'field';

/** `ShadowRootInit.referenceTarget` is newer than TypeScript's DOM types. */
export const FIELD_TARGET = { referenceTarget: FIELD_ID } as Partial<ShadowRootInit>;
