/**
 * Pattern-matching callbacks (docs/callbacks.md, "Pattern-matching"): JSON object ids, the
 * wildcards ALL, MATCH and ALLSMALLER, Dash's rules for where each may appear, and how one
 * callback expands into concrete calls for the ids present. Loaded on first use by the page
 * (only pages with wildcards need it); the server imports it. No DOM here.
 */
import { type Dependency, DependencyError, type Wildcard, WILDCARDS, depText, idValue } from './dependency.js';
import { type Expansion, type Slot, isMany, isPattern, plainExpansion, plainSlot } from './patterns.js';

/** A parsed object id: its value per key (wildcards as `"ALL"`/`"MATCH"`/`"ALLSMALLER"`). */
export type IdObject = Record<string, string | number | boolean>;

interface ParsedId {
  object: IdObject;
  /** Sorted keys, joined: ids with different key sets never match. */
  keySet: string;
  /** Wildcard per key, for patterns. */
  wild: Record<string, Wildcard>;
  isPattern: boolean;
}

const parsedIds = new Map<string, ParsedId | null>();

/** Reads a canonical object id (`{"index":["ALL"],"type":"item"}`); null for a plain string id. */
export function parseObjectId(id: string): ParsedId | null {
  let parsed = parsedIds.get(id);
  if (parsed !== undefined) return parsed;
  parsed = null;
  const value = id.startsWith('{') ? idValue(id) : id;
  if (typeof value === 'object') {
    const object: IdObject = {};
    const wild: Record<string, Wildcard> = {};
    for (const [key, v] of Object.entries(value)) {
      const name = Array.isArray(v) && v.length === 1 ? v[0] : undefined;
      if (WILDCARDS.includes(name as Wildcard)) wild[key] = name as Wildcard;
      else object[key] = v as string | number | boolean;
    }
    parsed = { object, keySet: Object.keys(value).sort().join(','), wild, isPattern: Object.keys(wild).length > 0 };
  }
  if (parsedIds.size > 50_000) parsedIds.clear();
  parsedIds.set(id, parsed);
  return parsed;
}

/** Keys holding `wildcard` in a dependency's id. */
function keysWith(dep: Dependency, wildcard: Wildcard): string[] {
  const parsed = parseObjectId(dep.id);
  return parsed ? Object.keys(parsed.wild).filter((k) => parsed.wild[k] === wildcard).sort() : [];
}

/**
 * Dash's order of id values: numbers (and numeric strings) first, numerically; then booleans
 * (false, true); then strings. ALLSMALLER takes the values before the MATCH value.
 */
export function compareIdValues(a: unknown, b: unknown): number {
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
  if (numeric(a) || numeric(b)) {
    if (!numeric(b)) return -1;
    if (!numeric(a)) return 1;
    return Number(a) - Number(b);
  }
  if ((typeof a === 'boolean') !== (typeof b === 'boolean')) return typeof a === 'boolean' ? -1 : 1;
  return a === b ? 0 : String(a) > String(b) ? 1 : -1;
}

/**
 * Whether a concrete object id fits a pattern: the same keys, equal constant values, and for
 * MATCH/ALLSMALLER keys the values in `match` (when given).
 */
export function idFits(patternId: string, concreteId: string, match?: IdObject): boolean {
  const pattern = parseObjectId(patternId);
  const concrete = parseObjectId(concreteId);
  if (!pattern || !concrete || concrete.isPattern || pattern.keySet !== concrete.keySet) return false;
  for (const [key, value] of Object.entries(concrete.object)) {
    const wildcard = pattern.wild[key];
    if (!wildcard) {
      if (pattern.object[key] !== value) return false;
    } else if (match && wildcard === 'MATCH') {
      if (match[key] !== value) return false;
    } else if (match && wildcard === 'ALLSMALLER') {
      if (!(key in match) || compareIdValues(value, match[key]) >= 0) return false;
    }
  }
  return true;
}

/** The id with MATCH keys replaced by the values in `match`, as canonical text. */
function substitute(patternId: string, match: IdObject): string {
  const pattern = parseObjectId(patternId)!;
  const keys = pattern.keySet.split(',');
  const parts = keys.map((key) => {
    const wildcard = pattern.wild[key];
    const value = wildcard === 'MATCH' ? match[key] : wildcard ? [wildcard] : pattern.object[key];
    return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * The rules a whole callback's lists must follow, checked the same way in the page and on the
 * server: Dash's wildcard rules (below). A callback may have no inputs (it runs once on start)
 * and no outputs (side effects only).
 */
export function checkCallbackDependencies(callback: { inputs: readonly Dependency[]; outputs: readonly Dependency[]; state: readonly Dependency[] }): void {
  checkPatternRules(callback);
}

/**
 * Dash's rules for wildcards (as its renderer checks them), with Dash 4.2's relaxation: MATCH may
 * appear in inputs when no output has it. Throws a DependencyError naming the dependency.
 */
export function checkPatternRules(callback: { inputs: readonly Dependency[]; outputs: readonly Dependency[]; state: readonly Dependency[] }): void {
  const { inputs, outputs, state } = callback;
  for (const dep of outputs) {
    if (keysWith(dep, 'ALLSMALLER').length) {
      throw new DependencyError(`outputs: ALLSMALLER is not allowed in an output (${depText(dep)}); use ALL or MATCH`);
    }
  }
  const outputMatch = outputs.length ? keysWith(outputs[0], 'MATCH').join(',') : '';
  for (const dep of outputs) {
    if (keysWith(dep, 'MATCH').join(',') !== outputMatch) {
      throw new DependencyError(`outputs: ${depText(dep)} does not have MATCH on the same keys as ${depText(outputs[0])}`);
    }
  }
  const reading = [...inputs.map((dep) => ['inputs', dep] as const), ...state.map((dep) => ['state', dep] as const)];
  if (outputMatch) {
    if (!inputs.some((dep) => keysWith(dep, 'MATCH').join(',') === outputMatch)) {
      throw new DependencyError(`outputs: ${depText(outputs[0])} has MATCH on "${outputMatch}" but no input has MATCH on the same key(s)`);
    }
    for (const [what, dep] of reading) {
      const extra = [...keysWith(dep, 'MATCH'), ...keysWith(dep, 'ALLSMALLER')].filter((k) => !outputMatch.split(',').includes(k));
      if (extra.length) {
        throw new DependencyError(`${what}: ${depText(dep)} has MATCH or ALLSMALLER on "${extra.join(',')}" where the outputs have no MATCH`);
      }
    }
    return;
  }
  // No MATCH in the outputs (Dash 4.2): the MATCH keys of the inputs must agree.
  const inputMatch = reading.map(([, dep]) => keysWith(dep, 'MATCH').join(',')).find((k) => k) ?? '';
  for (const [what, dep] of reading) {
    const keys = keysWith(dep, 'MATCH').join(',');
    if (keys && keys !== inputMatch) throw new DependencyError(`${what}: ${depText(dep)} does not have MATCH on the same keys as the other inputs`);
    const smaller = keysWith(dep, 'ALLSMALLER').filter((k) => !inputMatch.split(',').includes(k));
    if (smaller.length) throw new DependencyError(`${what}: ALLSMALLER on "${smaller.join(',')}" in ${depText(dep)} needs MATCH on the same key in an input`);
  }
}

/**
 * The concrete calls of a callback for the object ids present (canonical texts, in document
 * order). MATCH callbacks get one call per distinct MATCH value among the ids that fit the
 * first MATCH output (else the first MATCH input).
 */
export function expandCallback(
  callback: { inputs: readonly Dependency[]; outputs: readonly Dependency[]; state: readonly Dependency[] },
  ids: readonly string[],
): Expansion[] {
  const all = [...callback.outputs, ...callback.inputs, ...callback.state];
  if (!all.some(isPattern)) return [plainExpansion(callback)];
  const driver = callback.outputs.find((d) => keysWith(d, 'MATCH').length) ?? [...callback.inputs, ...callback.state].find((d) => keysWith(d, 'MATCH').length);
  const slotFor = (match: IdObject | undefined) => (dep: Dependency): Slot => {
    if (!isPattern(dep)) return plainSlot(dep);
    if (!isMany(dep)) return { pattern: dep, deps: [{ id: substitute(dep.id, match ?? {}), prop: dep.prop }], many: false };
    return { pattern: dep, deps: ids.filter((id) => idFits(dep.id, id, match)).map((id) => ({ id, prop: dep.prop })), many: true };
  };
  const build = (key: string, match: IdObject | undefined): Expansion => ({
    key,
    inputs: callback.inputs.map(slotFor(match)),
    outputs: callback.outputs.map(slotFor(match)),
    state: callback.state.map(slotFor(match)),
  });
  if (!driver) return [build('', undefined)];
  const matchKeys = keysWith(driver, 'MATCH');
  const seen = new Map<string, IdObject>();
  for (const id of ids) {
    if (!idFits(driver.id, id)) continue;
    const object = parseObjectId(id)!.object;
    const match: IdObject = {};
    for (const key of matchKeys) match[key] = object[key];
    const key = JSON.stringify(match);
    if (!seen.has(key)) seen.set(key, match);
  }
  return [...seen].map(([key, match]) => build(key, match));
}

