/**
 * Dash's layout as data (docs/layout.md): component JSON (`{"type", "namespace", "props"}`), lists
 * of it, strings and numbers, turned into a description of the DOM to build. Pure: no DOM, so the
 * mapping is tested in Node; src/layout/render-dom.ts applies the description to the page.
 */
import { canonicalProp } from '../runtime/dependency.js';
import { isComponentJson, type ComponentJson } from './is-layout.js';

export { isComponentJson, isLayoutValue, type ComponentJson } from './is-layout.js';

/** Text to show as it is (never parsed as HTML). */
export interface TextNode {
  kind: 'text';
  text: string;
}

/** An element to create (or keep, when its tag and key match the one already there). */
export interface ElementNode {
  kind: 'element';
  tag: string;
  /** React's `key` (Dash's `key` prop), else the id: what keeps an element across re-renders. */
  key?: string;
  /** Set with `setAttribute` (`class`, `data-*`, `aria-*`, `id`). */
  attributes: Record<string, string>;
  /** Set as element properties, camelCase (`nClicks`, `options`, `style` as a Dash style object). */
  properties: Record<string, unknown>;
  children: LayoutNode[];
}

export type LayoutNode = TextNode | ElementNode;

/** What a `dash_core_components` (or other supported namespace) type becomes. */
export interface ComponentTarget {
  tag: string;
  /** `children` is data for the element (markdown text), not content to render inside it. */
  childrenIsProp?: boolean;
}

/**
 * Dash component types → our elements. One row per element this project has: adding an element
 * to the mapping is adding a row.
 */
export const COMPONENTS: Record<string, Record<string, ComponentTarget>> = {
  dash_core_components: {
    Checklist: { tag: 'dash-checklist' },
    Clipboard: { tag: 'dash-clipboard' },
    ConfirmDialog: { tag: 'dash-confirm-dialog' },
    DatePickerRange: { tag: 'dash-date-picker-range' },
    DatePickerSingle: { tag: 'dash-date-picker-single' },
    Download: { tag: 'dash-download' },
    Dropdown: { tag: 'dash-dropdown' },
    Graph: { tag: 'dash-graph' },
    Input: { tag: 'dash-input' },
    Interval: { tag: 'dash-interval' },
    Link: { tag: 'dash-link' },
    Loading: { tag: 'dash-loading' },
    Location: { tag: 'dash-location' },
    Markdown: { tag: 'dash-markdown', childrenIsProp: true },
    RadioItems: { tag: 'dash-radio-items' },
    RangeSlider: { tag: 'dash-range-slider' },
    Slider: { tag: 'dash-slider' },
    Store: { tag: 'dash-store' },
    Tab: { tag: 'dash-tab' },
    Tabs: { tag: 'dash-tabs' },
    Textarea: { tag: 'dash-textarea' },
    Tooltip: { tag: 'dash-tooltip' },
    Upload: { tag: 'dash-upload' },
  },
  dash_table: {
    DataTable: { tag: 'dash-table' },
  },
};

/** dash_html_components types whose tag is not the lowercased type name. */
const HTML_RENAMED: Record<string, string> = { MapEl: 'map', ObjectEl: 'object' };

/**
 * html types that would run code or change how the whole page loads: rendered as placeholders.
 * Event handlers, markup properties and `javascript:` URLs are refused per property when written.
 */
const HTML_REFUSED = new Set(['script', 'base', 'meta', 'link', 'noscript', 'template', 'frameset', 'frame']);

/** Dash's html props that are React's names for attributes or are handled by the renderer. */
const HTML_ATTRIBUTES: Record<string, string> = { className: 'class', htmlFor: 'for' };

/** Dash's object ids (pattern-matching) as the id attribute: JSON with its keys sorted. */
export function idText(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  if (id && typeof id === 'object' && !Array.isArray(id)) {
    const entries = Object.entries(id as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify(Object.fromEntries(entries));
  }
  return undefined;
}

/** The placeholder for a type we do not have: visible, labelled, and what it stands for. */
function placeholder(name: string, id: string | undefined): ElementNode {
  const attributes: Record<string, string> = { 'data-dash-unsupported': name, role: 'note', class: 'dash-unsupported' };
  if (id !== undefined) attributes.id = id;
  return {
    kind: 'element',
    tag: 'div',
    key: id,
    attributes,
    properties: {},
    children: [{ kind: 'text', text: `Unsupported component: ${name}` }],
  };
}

/**
 * Dash `children` (a component, a list, strings, numbers, null) as layout nodes. `warn` is called
 * once per render for each unsupported type, with its name.
 */
export function toLayoutNodes(value: unknown, warn: (name: string) => void = () => {}): LayoutNode[] {
  const out: LayoutNode[] = [];
  const visit = (item: unknown) => {
    if (item === null || item === undefined || item === false || item === true) return;
    if (Array.isArray(item)) item.forEach(visit);
    else if (typeof item === 'string' || typeof item === 'number') out.push({ kind: 'text', text: String(item) });
    else if (isComponentJson(item)) out.push(componentNode(item, warn));
    // Any other object is data, not layout: shown as its JSON text, as `children` text is.
    else out.push({ kind: 'text', text: JSON.stringify(item) });
  };
  visit(value);
  return out;
}

function componentNode(component: ComponentJson, warn: (name: string) => void): ElementNode {
  const props = component.props && typeof component.props === 'object' ? component.props : {};
  const id = idText(props.id);
  const key = props.key === undefined || props.key === null ? id : String(props.key);
  const name = `${component.namespace}.${component.type}`;
  if (component.namespace === 'dash_html_components') {
    const tag = HTML_RENAMED[component.type] ?? component.type.toLowerCase();
    if (!/^[a-z][a-z0-9]*$/.test(tag) || HTML_REFUSED.has(tag)) {
      warn(name);
      return placeholder(name, id);
    }
    return { ...htmlProps(props, warn), kind: 'element', tag, key };
  }
  const target = COMPONENTS[component.namespace]?.[component.type];
  if (!target) {
    warn(name);
    return placeholder(name, id);
  }
  const node: ElementNode = { kind: 'element', tag: target.tag, key, attributes: {}, properties: {}, children: [] };
  for (const [prop, value] of Object.entries(props)) {
    if (prop === 'key' || value === undefined) continue;
    if (prop === 'id') {
      if (id !== undefined) node.attributes.id = id;
    } else if (prop === 'children' && !target.childrenIsProp) {
      node.children = toLayoutNodes(value, warn);
    } else if (prop.startsWith('data-') || prop.startsWith('aria-')) {
      node.attributes[prop] = String(value);
    } else {
      node.properties[canonicalProp(prop)] = value;
    }
  }
  return node;
}

/** Dash's html props: React's attribute names, Dash's click counting, the rest as DOM properties. */
function htmlProps(props: Record<string, unknown>, warn: (name: string) => void): Pick<ElementNode, 'attributes' | 'properties' | 'children'> {
  const attributes: Record<string, string> = {};
  const properties: Record<string, unknown> = {};
  let children: LayoutNode[] = [];
  for (const [prop, value] of Object.entries(props)) {
    if (prop === 'key' || value === undefined || value === null) continue;
    if (prop === 'children') children = toLayoutNodes(value, warn);
    else if (prop === 'id') {
      const id = idText(value);
      if (id !== undefined) attributes.id = id;
    } else if (prop in HTML_ATTRIBUTES) attributes[HTML_ATTRIBUTES[prop]] = String(value);
    else if (prop.startsWith('data-') || prop.startsWith('aria-')) attributes[prop] = String(value);
    // Dash counts clicks unless `disable_n_clicks`; the runtime counts them on any element it watches.
    else if (prop === 'disable_n_clicks') continue;
    else if (prop === 'n_clicks' || prop === 'n_clicks_timestamp') {
      if (props.disable_n_clicks !== true) properties[canonicalProp(prop)] = value;
    } else if (prop === 'hidden') properties.hidden = value !== false;
    else properties[canonicalProp(prop)] = value;
  }
  return { attributes, properties, children };
}
