/**
 * Sets of values where most sets hold one value: such a set is its value alone, and only one with
 * several is a Set. The callback graph (each property's readers and writers) and the DOM binding
 * (each id's callbacks) keep their sets this way; a page wiring 10,000 callbacks would otherwise
 * keep 40,000 Sets of one (docs/callbacks.md, "Wiring and scale"). Values must not themselves be
 * Sets. No DOM here.
 */
export type Members<V> = V | Set<V> | undefined;

/** `held` with `value` added. */
export function withMember<V extends object>(held: Members<V>, value: V): Members<V> {
  if (held === undefined) return value;
  if (held instanceof Set) return held.add(value);
  return held === value ? held : new Set([held, value]);
}

/** `held` without `value` (undefined once empty). */
export function withoutMember<V extends object>(held: Members<V>, value: V): Members<V> {
  if (held === value) return undefined;
  if (!(held instanceof Set)) return held;
  held.delete(value);
  return held.size === 1 ? (held.values().next().value as V) : held;
}

/** The values held: iterate it at once (one value held alone gives a fresh one-item list). */
export function membersOf<V extends object>(held: Members<V>): Iterable<V> {
  return held === undefined ? NONE : held instanceof Set ? held : [held];
}

/** Keys to such sets. */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | Set<V>>();

  add(key: K, value: V): void {
    const held = this.map.get(key);
    const now = withMember(held, value);
    if (now !== held) this.map.set(key, now!);
  }

  /** Removes one value; a key left without values is gone. Returns whether the key is gone. */
  delete(key: K, value: V): boolean {
    const held = this.map.get(key);
    const now = withoutMember(held, value);
    if (now === undefined) this.map.delete(key);
    else if (now !== held) this.map.set(key, now);
    return now === undefined;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The values under `key`: iterate it at once (a key with one value gives a fresh one-item list). */
  get(key: K): Iterable<V> {
    return membersOf(this.map.get(key));
  }
}

const NONE: readonly never[] = Object.freeze([]);
