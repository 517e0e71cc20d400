/**
 * Keys to sets of values, where most keys have one value: such a key holds its value alone, and
 * only a key with several gets a Set. The callback graph and the DOM binding index every property
 * and id a callback names this way; a page wiring 10,000 callbacks would otherwise keep 40,000
 * Sets of one (docs/callbacks.md, "Wiring and scale"). Values must not themselves be Sets. No DOM here.
 *
 * The rule for one key's values (`Held`, and the functions below) also serves an index that keeps
 * more than the values under a key (the DOM binding keeps an id's users beside its element, in one
 * map insert rather than two).
 */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, Held<V>>();

  add(key: K, value: V): void {
    const held = this.map.get(key);
    const next = heldWith(held, value);
    if (next !== held) this.map.set(key, next);
  }

  /** Removes one value; a key left without values is gone. Returns whether the key is gone. */
  delete(key: K, value: V): boolean {
    const held = this.map.get(key);
    if (held === undefined) return true;
    const next = heldWithout(held, value);
    if (next === undefined) this.map.delete(key);
    else if (next !== held) this.map.set(key, next);
    return next === undefined;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The values under `key`: iterate it at once (a key with one value gives a fresh one-item list). */
  get(key: K): Iterable<V> {
    return heldValues(this.map.get(key));
  }
}

/** One key's values: a lone value as it is, several in a Set (never a Set of one). */
export type Held<V extends object> = V | Set<V>;

/** `held` with `value` added (the same Set, grown, when it already is one). */
export function heldWith<V extends object>(held: Held<V> | undefined, value: V): Held<V> {
  if (held === undefined || held === value) return value;
  if (held instanceof Set) return held.add(value);
  return new Set([held, value]);
}

/** `held` without `value`; undefined when no value is left. */
export function heldWithout<V extends object>(held: Held<V>, value: V): Held<V> | undefined {
  if (held === value) return undefined;
  if (!(held instanceof Set)) return held;
  held.delete(value);
  return held.size === 1 ? (held.values().next().value as V) : held;
}

/** The values held: iterate at once (a lone value gives a fresh one-item list). */
export function heldValues<V extends object>(held: Held<V> | undefined): Iterable<V> {
  return held === undefined ? NONE : held instanceof Set ? held : [held];
}

const NONE: readonly never[] = Object.freeze([]);
