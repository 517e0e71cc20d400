/**
 * `styleMap` for pages with a strict Content-Security-Policy: a drop-in for Lit's
 * `lit/directives/style-map.js` that writes ONLY through the CSSOM (`el.style`), which
 * `style-src` does not govern. Lit's own directive writes a `style="…"` attribute on its first
 * render (for SSR), which `style-src` without `'unsafe-inline'` blocks (lit/lit#4719).
 *
 * Same input as Lit's: names with a dash (`'border-top'`, `'--size'`) go through `setProperty`,
 * camelCase names through property assignment; `null`/`undefined` values are skipped (and removed
 * when they were set before); a `' !important'` suffix is honoured. Client-side only (no SSR).
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | undefined | null>>;

const IMPORTANT = ' !important';

class CssomStyleMap extends Directive {
  private names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('styleMap must be the only expression in a `style` attribute');
    }
  }

  render(_styles: StyleInfo): unknown {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [StyleInfo]): unknown {
    applyStyles(part.element as HTMLElement, this.names, styles);
    return noChange;
  }
}

/**
 * Writes `styles` on `el` through the CSSOM, as styleMap does, for code that writes elements
 * itself: `names` holds the properties set before (updated), which are removed when no longer given.
 */
export function applyStyles(el: HTMLElement, names: Set<string>, styles: StyleInfo): void {
  const style = el.style;
  const set = style as unknown as Record<string, string>;
  for (const name of names) {
    if (styles[name] == null) {
      names.delete(name);
      if (name.includes('-')) style.removeProperty(name);
      else set[name] = '';
    }
  }
  for (const name in styles) {
    const value = styles[name];
    if (value == null) continue;
    names.add(name);
    const important = typeof value === 'string' && value.endsWith(IMPORTANT);
    if (name.includes('-') || important) {
      style.setProperty(name, important ? value.slice(0, -IMPORTANT.length) : String(value), important ? 'important' : '');
    } else {
      set[name] = String(value);
    }
  }
}

export const styleMap = directive(CssomStyleMap);
