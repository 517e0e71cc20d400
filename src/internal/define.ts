/**
 * Registers a tag once. A page that loads both the CDN file and a per-tag entry (or two copies of
 * one) keeps the first definition instead of throwing.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
