/**
 * The one reading of dependencies, shared by the page and `dash-elements/server`
 * (docs/callbacks.md): `ID.PROP` split at the last dot, lists split at top-level commas, either
 * spelling of a property, Dash's `@hash` suffixes, and JSON object ids with wildcards.
 * No DOM here.
 */

/**
 * One `id.prop` reference. `prop` keeps the page's spelling (`n_clicks` or `nClicks`): it goes on
 * the wire. An object id (`{"type":"item","index":3}`) is kept as its canonical JSON text, keys
 * sorted, wildcards spelled `["ALL"]` (Dash's `stringify_id`), so ids compare as strings.
 */
export interface Dependency {
  id: string;
  prop: string;
}

/** What the dependency APIs accept: `"a.value, b.value"`, `{id, prop}`, or a list of either. */
export type DependencySpec = string | DependencyObject | ReadonlyArray<string | DependencyObject>;

/** A dependency written as an object; `id` may be a pattern object (`{type: 'item', index: ALL}`). */
export interface DependencyObject {
  id: string | Record<string, unknown>;
  prop: string;
}

/** A malformed dependency or list. Both sides throw it with the same message. */
export class DependencyError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyError';
  }
}

/** Dash's pattern-matching wildcards, as they appear inside an object id. */
export const WILDCARDS = ['ALL', 'MATCH', 'ALLSMALLER'] as const;
export type Wildcard = (typeof WILDCARDS)[number];
/** Dash's wildcards, for object ids in dependencies: `{id: {type: 'item', index: ALL}, prop: 'value'}`. */
export const ALL = 'ALL';
export const MATCH = 'MATCH';
export const ALLSMALLER = 'ALLSMALLER';

/**
 * The name a property is compared by: `n_clicks` → `nClicks`, `page_current` → `pageCurrent`, and
 * Dash's `allow_duplicate` suffix dropped (`figure@3f2a` → `figure`). camelCase passes through.
 */
export function canonicalProp(prop: string): string {
  let name = canonicalCache.get(prop);
  if (name === undefined) {
    const at = prop.indexOf('@');
    name = at >= 0 ? prop.slice(0, at) : prop;
    if (name.includes('_')) name = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    canonicalCache.set(prop, name);
  }
  return name;
}

const canonicalCache = new Map<string, string>();

/** True when two property names are the same property (either spelling, any `@hash`). */
export function sameProp(a: string, b: string): boolean {
  return a === b || canonicalProp(a) === canonicalProp(b);
}

/** The identity of a property: both spellings of a prop name give the same key. */
export function depKey(dep: Dependency): string {
  return `${dep.id}.${canonicalProp(dep.prop)}`;
}

/** How the page wrote it, for messages and the wire: `region.value`. */
export function depText(dep: Dependency): string {
  return `${dep.id}.${dep.prop}`;
}

/**
 * Dash's id for a callback's outputs: `"a.b"` for one output, `"..a.b...c.d.."` for several.
 * `multi` forces the list form for a single output (Dash's `[Output(...)]`).
 */
export function outputId(outputs: readonly Dependency[], multi = outputs.length > 1): string {
  const ids = outputs.map(depText);
  return multi ? `..${ids.join('...')}..` : (ids[0] ?? '');
}

const PROP_NAME = /^[A-Za-z_$][\w$]*(@\w+)?$/;

/**
 * Parses a dependency list: `"a.value, b.n_clicks"`, `{id, prop}`, or an array of either (empty or
 * missing → `[]`). `what` names the list in errors ("inputs", "outputs", "state"). Throws a
 * DependencyError whose message quotes the bad entry.
 */
export function parseDependencies(spec: DependencySpec | null | undefined, what: string): Dependency[] {
  if (spec === null || spec === undefined) return [];
  if (typeof spec === 'string') {
    if (spec.trim() === '') return [];
    // One plain entry (most lists): no splitting, which reads the text a character at a time.
    if (!spec.includes(',')) return [parseDependency(spec, what)];
    return splitTopLevel(spec).map((entry) => parseDependency(entry, what, spec));
  }
  if (Array.isArray(spec)) {
    return (spec as ReadonlyArray<unknown>).flatMap((item) => {
      if (typeof item === 'string') {
        if (item.trim() === '') throw new DependencyError(`${what}: an empty entry in the list`);
        return parseDependencies(item, what);
      }
      return [parseDependencyObject(item, what)];
    });
  }
  return [parseDependencyObject(spec, what)];
}

/** Whether a spec asks for a list of values (Dash's `[Output(…)]`) rather than one. */
export function isListSpec(spec: DependencySpec | null | undefined, deps: readonly Dependency[]): boolean {
  return Array.isArray(spec) || deps.length !== 1;
}

/** One `ID.PROP` entry; `list` is the whole text, for the message. */
export function parseDependency(entry: string, what: string, list = entry): Dependency {
  const text = entry.trim();
  if (text === '') throw new DependencyError(`${what}: an empty entry${inList(list, text)}`);
  const dot = text.lastIndexOf('.');
  if (dot <= 0 || dot === text.length - 1) {
    throw new DependencyError(`${what}: "${text}" is not of the form ID.PROP${inList(list, text)}`);
  }
  const rawId = text.slice(0, dot).trim();
  const prop = recentProp(text, dot + 1) ?? newProp(text.slice(dot + 1).trim(), text, what);
  return { id: rawId.startsWith('{') ? parseObjectId(rawId, what) : rawId, prop };
}

/**
 * The property names parsed last: most lists name the same few, and an entry naming one again
 * shares its string. A string new to the engine costs a hash the first time it is looked up in
 * a map, as every property name is (its canonical spelling, how to read and write it), and a
 * page wiring 10,000 callbacks parses 20,000 entries (docs/callbacks.md, "Wiring and scale").
 */
const recentProps: string[] = [];

/** The recent property name that `text` ends with from `start`, if any (no string made). */
function recentProp(text: string, start: number): string | undefined {
  const length = text.length - start;
  for (const prop of recentProps) if (prop.length === length && text.startsWith(prop, start)) return prop;
  return undefined;
}

function newProp(prop: string, text: string, what: string): string {
  if (!PROP_NAME.test(prop)) throw new DependencyError(`${what}: "${prop}" in "${text}" is not a property name`);
  if (recentProps.unshift(prop) > 8) recentProps.pop();
  return prop;
}

/** For messages: where an entry stands, when it is part of a longer list. */
function inList(list: string, entry: string): string {
  return list.trim() === entry ? '' : ` (in "${list}")`;
}

function parseDependencyObject(item: unknown, what: string): Dependency {
  const record = item as Partial<DependencyObject> | null;
  const shown = () => {
    try {
      return JSON.stringify(item) ?? String(item);
    } catch {
      return String(item);
    }
  };
  if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.prop !== 'string') {
    throw new DependencyError(`${what}: ${shown()} is not "ID.PROP" or {id, prop}`);
  }
  const { id, prop } = record;
  if (!PROP_NAME.test(prop)) throw new DependencyError(`${what}: "${prop}" in ${shown()} is not a property name`);
  if (typeof id === 'string' && id.trim() !== '') {
    return { id: id.trim().startsWith('{') ? parseObjectId(id.trim(), what) : id, prop };
  }
  if (typeof id === 'object' && id !== null && !Array.isArray(id)) return { id: canonicalObjectId(id, what, shown()), prop };
  throw new DependencyError(`${what}: ${shown()} is not "ID.PROP" or {id, prop}`);
}

/**
 * Any id, as the wire or a page writes it (a string, a JSON text, an object), → its canonical
 * text: plain strings as they are, object ids as Dash's `stringify_id`. Throws a DependencyError.
 */
export function canonicalId(id: unknown, what: string): string {
  if (typeof id === 'string' && id !== '') return id.startsWith('{') ? parseObjectId(id, what) : id;
  if (typeof id === 'object' && id !== null && !Array.isArray(id)) {
    return canonicalObjectId(id as Record<string, unknown>, what, JSON.stringify(id));
  }
  throw new DependencyError(`${what}: ${JSON.stringify(id) ?? String(id)} is not an id (a non-empty string or an object)`);
}

/** `{"type":"item","index":3}` (any key order, spacing) → its canonical text. */
function parseObjectId(text: string, what: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DependencyError(`${what}: the id ${text} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DependencyError(`${what}: the id ${text} is not a JSON object`);
  }
  return canonicalObjectId(value as Record<string, unknown>, what, text);
}

/**
 * An object id as Dash's `stringify_id` writes it: keys sorted, no spaces, wildcards as
 * `["ALL"]`. Values must be strings, numbers or booleans (as in Dash), or a wildcard.
 */
function canonicalObjectId(id: Record<string, unknown>, what: string, shown: string): string {
  const keys = Object.keys(id).sort();
  if (keys.length === 0) throw new DependencyError(`${what}: the id ${shown} has no keys`);
  const parts = keys.map((key) => {
    const value = wildcardOf(id[key]) ?? id[key];
    if (WILDCARDS.includes(value as Wildcard)) return `${JSON.stringify(key)}:${JSON.stringify([value])}`;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    }
    throw new DependencyError(`${what}: the id ${shown} has a value for "${key}" that is not a string, number or wildcard`);
  });
  return `{${parts.join(',')}}`;
}

/** The id as Dash puts it in JSON: an object for an object id, else the string. */
export function idValue(id: string): string | Record<string, unknown> {
  if (!id.startsWith('{')) return id;
  try {
    return JSON.parse(id) as Record<string, unknown>;
  } catch {
    return id;
  }
}

/** `"ALL"`, `["ALL"]` (Dash's JSON) → `"ALL"`; anything else → undefined. */
function wildcardOf(value: unknown): Wildcard | undefined {
  const name = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return WILDCARDS.includes(name as Wildcard) ? (name as Wildcard) : undefined;
}

/**
 * Splits at commas outside braces, brackets and double quotes, so JSON ids may hold commas:
 * `{"a":1,"b":2}.value, x.value` → two entries.
 */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
