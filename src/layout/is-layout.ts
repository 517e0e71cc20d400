/**
 * Telling layout data from text, without loading the renderer (docs/layout.md). Pure: no DOM.
 */

/** One Dash component as a server sends it. */
export interface ComponentJson {
  type: string;
  namespace: string;
  props?: Record<string, unknown>;
}

export function isComponentJson(value: unknown): value is ComponentJson {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const { type, namespace } = value as Record<string, unknown>;
  return typeof type === 'string' && typeof namespace === 'string';
}

/** Layout data rather than text: a component, or a list holding one at any depth. */
export function isLayoutValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isLayoutValue);
  return isComponentJson(value);
}
