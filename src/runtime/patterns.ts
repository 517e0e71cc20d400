/**
 * Pattern-matching callbacks, the part every page needs (docs/callbacks.md, "Pattern-matching"):
 * a callback's concrete calls as slots (one dependency, or a list for ALL/ALLSMALLER), and how
 * values are grouped per slot and flattened back. Matching ids against wildcards lives in
 * pattern-matching.ts, loaded only by pages that use wildcards. Shared by the page and
 * `dash-elements/server`. No DOM here.
 */
import { type Dependency, depText, idValue } from './dependency.js';
import { NO_UPDATE } from './sentinels.js';

/**
 * True when the dependency's id holds a wildcard. Canonical ids spell wildcards `["ALL"]`, and
 * `["` cannot appear in them otherwise (a quote inside a string value is escaped).
 */
export function isPattern(dep: Dependency): boolean {
  return dep.id.startsWith('{') && dep.id.includes('["');
}

/** True when the dependency stands for a list of values (an ALL or ALLSMALLER wildcard). */
export function isMany(dep: Dependency): boolean {
  return isPattern(dep) && (dep.id.includes('["ALL"]') || dep.id.includes('["ALLSMALLER"]'));
}

/** One dependency of a callback as one call sees it: one concrete dependency, or a list (ALL/ALLSMALLER). */
export interface Slot {
  /** As the callback names it (may hold wildcards). */
  pattern: Dependency;
  /** The concrete dependencies it stands for in this call. */
  deps: Dependency[];
  /** ALL/ALLSMALLER: the function gets (and an output takes) an array. */
  many: boolean;
}

/** One concrete call of a callback: for a MATCH callback, one per matching id. */
export interface Expansion {
  /** `""` without MATCH; else the MATCH values as JSON. */
  key: string;
  inputs: Slot[];
  outputs: Slot[];
  state: Slot[];
}

export const plainSlot = (dep: Dependency): Slot => ({ pattern: dep, deps: [dep], many: false });

/** A callback without wildcards: one call, one slot per dependency. */
export function plainExpansion(callback: { inputs: readonly Dependency[]; outputs: readonly Dependency[]; state: readonly Dependency[] }): Expansion {
  return { key: '', inputs: callback.inputs.map(plainSlot), outputs: callback.outputs.map(plainSlot), state: callback.state.map(plainSlot) };
}

/** The flat list of concrete dependencies of some slots. */
export function flatDeps(slots: readonly Slot[]): Dependency[] {
  const deps: Dependency[] = [];
  for (const slot of slots) for (const dep of slot.deps) deps.push(dep);
  return deps;
}

/**
 * Flat values → one argument per slot (an array for ALL/ALLSMALLER). Without ALL/ALLSMALLER (the
 * common case, once per call) every slot is one value: `flat` itself, which callers only read.
 */
export function groupValues(slots: readonly Slot[], flat: unknown[]): unknown[] {
  if (!slots.some((slot) => slot.many)) return flat;
  let i = 0;
  return slots.map((slot) => {
    const values = flat.slice(i, i + slot.deps.length);
    i += slot.deps.length;
    return slot.many ? values : values[0];
  });
}

/**
 * One value per output slot → one value per concrete output. An ALL output takes an array as long
 * as its matches (or NO_UPDATE for all of them); throws a TypeError otherwise. Without ALL
 * outputs: `perSlot` itself, which callers only read.
 */
export function flattenValues(slots: readonly Slot[], perSlot: unknown[]): unknown[] {
  if (perSlot.length === slots.length && !slots.some((slot) => slot.many)) return perSlot;
  return slots.flatMap((slot, i) => {
    const value = perSlot[i];
    if (!slot.many) return [value];
    if (value === NO_UPDATE) return slot.deps.map(() => NO_UPDATE);
    if (!Array.isArray(value) || value.length !== slot.deps.length) {
      throw new TypeError(`${depText(slot.pattern)} matches ${slot.deps.length} element(s) and takes an array as long, got ${Array.isArray(value) ? `an array of ${value.length}` : typeof value}`);
    }
    return value;
  });
}

/** One entry of Dash's `inputs_list` / `outputs_list`: `{id, property, value?}`, ids as objects. */
export interface WireEntry {
  id: string | Record<string, unknown>;
  property: string;
  value?: unknown;
}

/** Slots with their values: a dependency per slot, a list of them for ALL/ALLSMALLER. */
export function slotsWithValues(slots: readonly Slot[], flat: readonly unknown[]): Array<(Dependency & { value: unknown }) | Array<Dependency & { value: unknown }>> {
  let i = 0;
  return slots.map((slot) => {
    const entries = slot.deps.map((dep) => ({ ...dep, value: flat[i++] }));
    return slot.many ? entries : entries[0];
  });
}

/** Slots in Dash's wire shape (`inputs_list`, `outputs_list`): ids as objects; values when given. */
export function wireSlots(slots: readonly Slot[], flat?: readonly unknown[]): Array<WireEntry | WireEntry[]> {
  const one = (dep: Dependency & { value?: unknown }): WireEntry =>
    flat ? { id: idValue(dep.id), property: dep.prop, value: dep.value === undefined ? null : dep.value } : { id: idValue(dep.id), property: dep.prop };
  return (flat ? slotsWithValues(slots, flat) : slots.map((slot) => (slot.many ? slot.deps : slot.deps[0]))).map((slot) =>
    Array.isArray(slot) ? slot.map(one) : one(slot),
  );
}
