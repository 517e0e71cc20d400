/**
 * Dependencies are written `ID.PROP` (split at the last dot) in comma-separated lists (SPEC §4).
 * No DOM here.
 */

/** One `id.prop` reference. `prop` keeps the page's spelling (`n_clicks` or `nClicks`): it goes on the wire. */
export interface Dependency {
  id: string;
  prop: string;
}

export class DependencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyError';
  }
}

/** `n_clicks` → `nClicks`, `page_current` → `pageCurrent`; camelCase names pass through. */
export function camelProp(prop: string): string {
  let name = camelCache.get(prop);
  if (name === undefined) {
    name = prop.includes('_') ? prop.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : prop;
    camelCache.set(prop, name);
  }
  return name;
}

const camelCache = new Map<string, string>();

/** The identity of a property: both spellings of a prop name give the same key. */
export function depKey(dep: Dependency): string {
  return `${dep.id}.${camelProp(dep.prop)}`;
}

/** How the page wrote it, for messages and the wire: `region.value`. */
export function depText(dep: Dependency): string {
  return `${dep.id}.${dep.prop}`;
}

const PROP_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * Parses `"a.value, b.n_clicks"`. `what` names the list in errors ("inputs", "outputs", "state").
 * Throws DependencyError with a message that quotes the bad entry.
 */
export function parseDependencies(text: string | null | undefined, what: string): Dependency[] {
  if (text === null || text === undefined || text.trim() === '') return [];
  return text.split(',').map((raw) => {
    const entry = raw.trim();
    const dot = entry.lastIndexOf('.');
    if (entry === '' || dot <= 0 || dot === entry.length - 1) {
      throw new DependencyError(`${what}: "${entry}" is not of the form ID.PROP (in "${text}")`);
    }
    const id = entry.slice(0, dot).trim();
    const prop = entry.slice(dot + 1).trim();
    if (!PROP_NAME.test(prop)) {
      throw new DependencyError(`${what}: "${prop}" in "${entry}" is not a property name`);
    }
    return { id, prop };
  });
}
