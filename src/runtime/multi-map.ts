/**
 * Keys to sets of values, where most keys have one value: such a key holds its value alone, and
 * only a key with several gets a Set. The callback graph and the DOM binding index every property
 * and id a callback names this way; a page wiring 10,000 callbacks would otherwise keep 40,000
 * Sets of one (docs/callbacks.md, "Wiring and scale"). Values must not themselves be Sets. No DOM here.
 */
export class MultiMap<K, V extends object> {
  private readonly map = new Map<K, V | Set<V>>();

  add(key: K, value: V): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, value);
    else if (held instanceof Set) held.add(value);
    else if (held !== value) this.map.set(key, new Set([held, value]));
  }

  /** Removes one value; a key left without values is gone. Returns whether the key is gone. */
  delete(key: K, value: V): boolean {
    const held = this.map.get(key);
    if (held === value) this.map.delete(key);
    else if (held instanceof Set) {
      held.delete(value);
      if (held.size === 1) this.map.set(key, held.values().next().value as V);
    }
    return !this.map.has(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** The values under `key`: iterate it at once (a key with one value gives a fresh one-item list). */
  get(key: K): Iterable<V> {
    const held = this.map.get(key);
    return held === undefined ? NONE : held instanceof Set ? held : [held];
  }
}

const NONE: readonly never[] = Object.freeze([]);
