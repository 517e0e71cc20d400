/**
 * Renders layout nodes (src/layout/component-json.ts) into an element, keeping what did not
 * change as React does: a child is kept when its tag and key (or, without a key, its tag and
 * position) match, and only the props that changed are written, so state, focus and scroll of
 * kept elements survive a re-render (docs/layout.md). Loaded on first use: pages that never
 * receive layout data never load it.
 */
import { deepEqual } from '../internal/deep-equal.js';
import { checkProp, writeProp } from '../runtime/dom/dom-props.js';
import { toLayoutNodes, type ElementNode, type LayoutNode } from './component-json.js';

/** What each node was last rendered from. */
const rendered = new WeakMap<Node, LayoutNode>();
const warned = new Set<string>();

/** Renders Dash `children` (component JSON, lists, strings, numbers) as the content of `host`. */
export function renderLayout(host: Element, children: unknown): void {
  const nodes = toLayoutNodes(children, (name) => {
    if (warned.has(name)) return;
    warned.add(name);
    console.warn(`<${host.localName}>: children: component type "${name}" is not supported; showing a placeholder`);
  });
  patchChildren(host, nodes);
}

function patchChildren(parent: Element, nodes: LayoutNode[]): void {
  const keyed = new Map<string, Node>();
  const unkeyed: Node[] = [];
  for (const child of parent.childNodes) {
    const key = keyOf(child);
    if (key === undefined) unkeyed.push(child);
    else keyed.set(key, child);
  }
  let position = 0;
  const next: Node[] = nodes.map((node) => {
    const key = node.kind === 'element' ? node.key : undefined;
    const old = key === undefined ? unkeyed[position++] : keyed.get(key);
    if (old && sameKind(old, node)) {
      if (key === undefined) unkeyed[position - 1] = undefined as unknown as Node;
      else keyed.delete(key);
      update(old, node);
      return old;
    }
    return create(node);
  });
  const keep = new Set(next);
  for (const child of [...parent.childNodes]) if (!keep.has(child)) child.remove();
  // Kept nodes in place are not moved: moving would blur a focused element.
  next.forEach((node, index) => {
    if (parent.childNodes[index] !== node) parent.insertBefore(node, parent.childNodes[index] ?? null);
  });
}

function keyOf(node: Node): string | undefined {
  const last = rendered.get(node);
  return last?.kind === 'element' ? last.key : undefined;
}

function sameKind(old: Node, node: LayoutNode): boolean {
  const last = rendered.get(old);
  if (!last || last.kind !== node.kind) return false;
  return node.kind === 'text' || (last as ElementNode).tag === node.tag;
}

function create(node: LayoutNode): Node {
  if (node.kind === 'text') {
    const text = document.createTextNode(node.text);
    rendered.set(text, node);
    return text;
  }
  const el = document.createElement(node.tag);
  apply(el, node, undefined);
  patchChildren(el, node.children);
  rendered.set(el, node);
  return el;
}

function update(old: Node, node: LayoutNode): void {
  const last = rendered.get(old)!;
  rendered.set(old, node);
  if (node.kind === 'text') {
    if ((last as typeof node).text !== node.text) old.textContent = node.text;
    return;
  }
  apply(old as Element, node, last as ElementNode);
  patchChildren(old as Element, node.children);
}

/** Writes what changed since `last`; what it no longer has goes back to the element's default. */
function apply(el: Element, node: ElementNode, last: ElementNode | undefined): void {
  for (const [name, value] of Object.entries(node.attributes)) {
    if (last?.attributes[name] !== value && safe(el, name, value)) el.setAttribute(name, value);
  }
  for (const name of Object.keys(last?.attributes ?? {})) if (!(name in node.attributes)) el.removeAttribute(name);
  for (const [name, value] of Object.entries(node.properties)) {
    if (last && deepEqual(last.properties[name], value)) continue;
    if (safe(el, name, value)) writeProperty(el, name, value);
  }
  for (const name of Object.keys(last?.properties ?? {})) {
    if (!(name in node.properties)) writeProperty(el, name, defaultOf(el.localName, name));
  }
}

/** Names that exist as properties are set as such (`value`, `options`); others are attributes. */
function writeProperty(el: Element, name: string, value: unknown): void {
  if (name in el || name === 'style' || name === 'nClicks' || name === 'nClicksTimestamp') writeProp(el, name, value);
  else if (value === undefined || value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** The same checks as every callback write (docs/callbacks.md): a refused prop is left out, with a warning. */
function safe(el: Element, name: string, value: unknown): boolean {
  try {
    checkProp(el, name, value);
    return true;
  } catch (error) {
    console.warn(`layout: ${(error as Error).message}; left out`);
    return false;
  }
}

const defaults = new Map<string, Element>();

function defaultOf(tag: string, name: string): unknown {
  let fresh = defaults.get(tag);
  if (!fresh) defaults.set(tag, (fresh = document.createElement(tag)));
  return (fresh as unknown as Record<string, unknown>)[name];
}
