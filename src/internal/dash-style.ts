/**
 * Dash's `style` objects (React's) as CSS, in one place for every element and the runtime:
 * camelCase, kebab-case or `--custom` keys; bare numbers get `px` unless the property is unitless
 * (`zIndex: 2`, `zoom: 2` stay `2`) or the number is 0. Pure: no DOM.
 */

/** Properties whose numbers take no unit (the ones of React's list that styles use), kebab-case. */
const UNITLESS = new Set([
  'aspect-ratio', 'column-count', 'fill-opacity', 'flex', 'flex-grow', 'flex-shrink', 'font-weight', 'line-height',
  'opacity', 'order', 'orphans', 'stroke-opacity', 'tab-size', 'widows', 'z-index', 'zoom',
]);

/** `backgroundColor` → `background-color`; kebab-case and `--custom` names as they are. */
export function cssPropertyName(key: string): string {
  return key.startsWith('--') || key.includes('-') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A style value as CSS text for the (kebab-case) property `name`. */
export function cssValue(name: string, value: string | number): string {
  if (typeof value !== 'number' || value === 0 || name.startsWith('--') || UNITLESS.has(name)) return String(value);
  return `${value}px`;
}

/**
 * A Dash style object as CSS declarations for `styleMap`, keys as written (camelCase,
 * kebab-case or `--custom`; `setProperty` wants `cssPropertyName(key)`). Anything but an object
 * gives `{}`; entries that are not strings or numbers are left out.
 */
export function dashStyle(style: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!style || typeof style !== 'object' || Array.isArray(style)) return out;
  for (const [key, value] of Object.entries(style)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = cssValue(cssPropertyName(key), value);
  }
  return out;
}
