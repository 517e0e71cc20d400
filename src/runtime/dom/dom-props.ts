/**
 * Reading, writing and watching one property of any element (docs/callbacks.md): dash elements, native
 * form controls, and plain DOM properties (`textContent`, `hidden`, `className`, `style` …).
 * `children` is text content and is never parsed as HTML, and properties that parse markup or
 * run code are never written (docs/callbacks.md, "What callbacks may not write").
 */
import { canonicalProp } from '../dependency.js';
import type { DashPropChangeEvent } from '../../internal/events.js';
import { emit } from '../../internal/events.js';
import { cssPropertyName, dashStyle } from '../../internal/dash-style.js';
import { Lazy } from '../../internal/lazy.js';
import { isLayoutValue } from '../../layout/is-layout.js';

type Bag = Record<string, unknown>;

function isNumericInput(el: Element): el is HTMLInputElement {
  if (!(el instanceof HTMLInputElement)) return false;
  const type = el.type; // a call into the browser: once
  return type === 'number' || type === 'range';
}

const isNativeControl = (el: Element) =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

export function readProp(el: Element, prop: string): unknown {
  const name = canonicalProp(prop);
  if (name === 'children') return layoutValues.has(el) ? layoutValues.get(el) : el.textContent;
  if (name === 'nClicks') return (el as unknown as Bag).nClicks ?? 0;
  if (name === 'style') return styleObject((el as HTMLElement).style);
  if (name === 'value' && isNumericInput(el)) return el.value === '' ? null : el.valueAsNumber;
  return (el as unknown as Bag)[name];
}

export function writeProp(el: Element, prop: string, value: unknown): void {
  const name = canonicalProp(prop);
  refuseUnsafe(el, name, value);
  write(el, name, value);
}

/** writeProp for a value `checkProp` has let through (the runtime checks every output before writing any). */
export function writeCheckedProp(el: Element, prop: string, value: unknown): void {
  write(el, canonicalProp(prop), value);
}

function write(el: Element, name: string, value: unknown): void {
  if (name === 'children') {
    writeChildren(el, value);
  } else if (name === 'style' && el instanceof HTMLElement) {
    writeStyle(el, value);
  } else if (name === 'value' && isNativeControl(el)) {
    (el as HTMLInputElement).value = value === null || value === undefined ? '' : String(value);
  } else {
    (el as unknown as Bag)[name] = value;
  }
}

/**
 * Throws if a callback may not write `value` to `prop` of `el`: what would run script, for any
 * element, then what the element itself refuses (docs/callbacks.md). Nothing is written then.
 */
export function checkProp(el: Element, prop: string, value: unknown): void {
  refuseUnsafe(el, canonicalProp(prop), value);
  const check = (el as unknown as { checkProp?: (p: string, v: unknown) => void }).checkProp;
  if (typeof check === 'function') check.call(el, canonicalProp(prop), value);
}

/** Properties that parse markup (an answer from a server could carry `<img onerror=…>`). */
const MARKUP_PROPS = new Set(['innerhtml', 'outerhtml', 'srcdoc', 'insertadjacenthtml', 'sethtml', 'sethtmlunsafe']);
/** Properties holding a URL that a `javascript:` URL would turn into code. */
const URL_PROPS = new Set(['href', 'xlinkhref', 'src', 'action', 'formaction', 'data']);

/**
 * Every write of a callback (outputs, `ctx.setProps`, an endpoint's `sideUpdate`) passes here:
 * markup, event handlers, `javascript:` URLs and `<script>` elements are refused with an error
 * that names the safe alternative. Names are compared without case or punctuation, so that
 * `innerHtml`, `inner_html` and `xlink:href` are caught too.
 */
function refuseUnsafe(el: Element, name: string, value: unknown): void {
  const refused = refusal(el, name, value);
  if (refused) throw new TypeError(`<${el.localName}${el.id ? ` id="${el.id}"` : ''}>.${name}: callbacks may not write ${refused}`);
}

/** Why a write is refused (what, and what to do instead), or undefined. */
function refusal(el: Element, name: string, value: unknown): string | undefined {
  const kind = nameKind(name);
  if (kind === 'markup') return 'markup; write "children" (text) instead';
  if (kind === 'handler') return `event handlers; make the event a callback input instead (e.g. "${el.id}.n_clicks")`;
  if (el.localName === 'script') return 'to a <script>; its content would run';
  // As the URL parser reads it, spaces and control characters do not hide a scheme.
  if (kind === 'url' && typeof value === 'string' && /^javascript:/i.test(value.replace(/[\0- ]/g, ''))) {
    return 'a javascript: URL; write an http(s) or relative URL, or "children" (text)';
  }
  return undefined;
}

type NameKind = 'markup' | 'handler' | 'url' | 'plain';

/** What a property name is, compared without case or punctuation; remembered, as every write of every callback asks. */
function nameKind(name: string): NameKind {
  let kind = nameKinds.get(name);
  if (kind === undefined) {
    const key = name.toLowerCase().replace(/[^a-z]/g, '');
    kind = MARKUP_PROPS.has(key) ? 'markup' : key.startsWith('on') ? 'handler' : URL_PROPS.has(key) ? 'url' : 'plain';
    nameKinds.set(name, kind);
  }
  return kind;
}
const nameKinds = new Map<string, NameKind>();

/** The events that announce property changes; a scope listens for them once, at its root (docs/callbacks.md, "Wiring and scale"). */
export const CHANGE_EVENTS = ['input', 'change', 'dash-prop-change'] as const;

/** What `announcedValue` gives for an event that does not announce a change of that property. */
export const NOT_ANNOUNCED: unique symbol = Symbol('not announced');

/**
 * Makes `el` announce changes of `prop`: installs click counting for `nClicks` (once per element).
 * Called when a callback binds the element; the other properties announce themselves.
 */
export function announceChanges(el: Element, prop: string): void {
  if (canonicalProp(prop) === 'nClicks' && !countsOwnClicks(el)) countClicks(el);
}

/**
 * The new value of `prop` of `el` that `event`, dispatched at `el`, announces, else NOT_ANNOUNCED:
 * native controls announce with `input`/`change` (the value is read from the control), dash
 * elements (and clicks for `nClicks`) with `dash-prop-change` naming the property.
 */
export function announcedValue(event: Event, el: Element, prop: string): unknown {
  const name = canonicalProp(prop);
  if (isNativeControl(el) && name !== 'nClicks') return event.type === 'dash-prop-change' ? NOT_ANNOUNCED : readProp(el, name);
  if (event.type !== 'dash-prop-change') return NOT_ANNOUNCED;
  const { detail } = event as DashPropChangeEvent;
  return detail?.prop === name ? detail.value : NOT_ANNOUNCED;
}

/**
 * An element whose class declares `nClicks` (an accessor on its prototype, as `<dash-button>`'s)
 * counts its own clicks and announces them; counting them here too would count each twice.
 * A plain element, or one the page gave an own `nClicks` value, is counted by the runtime.
 */
function countsOwnClicks(el: Element): boolean {
  return !Object.prototype.hasOwnProperty.call(el, 'nClicks') && 'nClicks' in el;
}

const counted = new WeakSet<Element>();

/**
 * Gives any element Dash's `n_clicks`: the count of clicks (and `nClicksTimestamp`), announced
 * with `dash-prop-change` like any dash property. Installed once per element, on first use.
 */
function countClicks(el: Element): void {
  if (counted.has(el)) return;
  counted.add(el);
  const bag = el as unknown as Bag;
  if (typeof bag.nClicks !== 'number') bag.nClicks = 0;
  el.addEventListener('click', () => {
    bag.nClicks = (Number(bag.nClicks) || 0) + 1;
    bag.nClicksTimestamp = Date.now();
    emit(el, 'dash-prop-change', { prop: 'nClicks', value: bag.nClicks, user: true });
  });
}

/** The layout data each element last received as `children`, which reading `children` gives back. */
const layoutValues = new WeakMap<Element, unknown>();
const layoutRenderer = new Lazy(() => import('../../layout/render-dom.js'));

/**
 * `children` (docs/layout.md): DOM nodes replace the content; Dash component JSON is rendered by
 * the layout renderer, loaded on first use; anything else is text.
 */
function writeChildren(el: Element, value: unknown): void {
  if (!isLayoutValue(value)) {
    layoutValues.delete(el);
    if (value instanceof Node) el.replaceChildren(value);
    else el.textContent = toText(value);
    return;
  }
  layoutValues.set(el, value);
  const render = (module: typeof import('../../layout/render-dom.js')) => {
    // A later write (layout or text) replaces this one.
    if (layoutValues.get(el) === value) module.renderLayout(el, value);
  };
  if (layoutRenderer.module) render(layoutRenderer.module);
  else layoutRenderer.load().then(render, (error: unknown) => console.error(`<${el.localName}>: children: the layout renderer failed to load`, error));
}

/** Dash `children` as text: strings and numbers as they are, lists joined, null as nothing. */
function toText(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(toText).join('');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function styleObject(style: CSSStyleDeclaration): Record<string, string> {
  const result: Record<string, string> = {};
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    result[name.startsWith('--') ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = style.getPropertyValue(name);
  }
  return result;
}

/** Dash replaces `style` whole: an object of camelCase (or kebab / custom) properties, or CSS text. */
function writeStyle(el: HTMLElement, value: unknown): void {
  if (typeof value === 'string' || value === null || value === undefined) {
    el.style.cssText = value ?? '';
    return;
  }
  el.style.cssText = '';
  for (const [key, css] of Object.entries(dashStyle(value))) el.style.setProperty(cssPropertyName(key), css);
}

