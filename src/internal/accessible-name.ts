/**
 * The accessible name a page gives a custom element, for the inner control that takes focus
 * (docs/testing.md, the accessible-name suite): the host's `aria-label`, else the text of the
 * elements its `aria-labelledby` names, else its `<label for>`s (form-associated elements pass
 * `internals.labels`). Empty when there is none.
 */
export function accessibleName(host: HTMLElement, labels?: NodeList | null): string {
  const own = host.getAttribute('aria-label');
  if (own) return own;
  const ids = host.getAttribute('aria-labelledby');
  const root = host.getRootNode() as Document | ShadowRoot;
  if (ids && root.getElementById) {
    const text = textOf(ids.split(/\s+/).map((id) => root.getElementById(id)));
    if (text) return text;
  }
  return labels ? textOf(Array.from(labels as NodeListOf<Element>)) : '';
}

function textOf(nodes: Array<Element | null>): string {
  return nodes
    .map((node) => node?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}
