/**
 * Dash's `Patch` (docs/callbacks.md, "Partial updates"): a list of operations applied to an
 * output's current value instead of sending the whole value. Never mutates what it patches.
 * On the wire it is Dash's `{"__dash_patch_update": "__dash_patch_update", "operations": […]}`.
 * No DOM here.
 */
import { deepEqual } from '../internal/deep-equal.js';
import { isRecord } from '../internal/is-record.js';

/** A path into a value: keys and indexes (negative indexes count from the end, as in Dash). */
export type PatchLocation = ReadonlyArray<string | number>;

/** Dash's operation names, as they go on the wire. */
export type PatchOperationName =
  | 'Assign'
  | 'Delete'
  | 'Merge'
  | 'Extend'
  | 'Insert'
  | 'Append'
  | 'Prepend'
  | 'Add'
  | 'Sub'
  | 'Mul'
  | 'Div'
  | 'Clear'
  | 'Reverse'
  | 'Remove';

export interface PatchOperation {
  operation: PatchOperationName;
  location: Array<string | number>;
  params: { value?: unknown; index?: number };
}

/** Dash's JSON form of a Patch. */
export interface WirePatch {
  __dash_patch_update: '__dash_patch_update';
  operations: PatchOperation[];
}

const PATCH_MARK = '__dash_patch_update';

/** The builder methods, by Dash's operation name; each takes the location first. */
const METHODS = {
  assign: 'Assign',
  delete: 'Delete',
  merge: 'Merge',
  extend: 'Extend',
  insert: 'Insert',
  append: 'Append',
  prepend: 'Prepend',
  add: 'Add',
  sub: 'Sub',
  mul: 'Mul',
  div: 'Div',
  clear: 'Clear',
  reverse: 'Reverse',
  remove: 'Remove',
} as const;

/**
 * Builds a partial update. Every method takes the location first (`[]` is the value itself) and
 * returns the patch, so calls chain:
 * `new Patch().append(['data', 0, 'y'], 5).assign(['layout', 'title', 'text'], 'New')`.
 */
// The builder methods are made from METHODS below (one body for fourteen operations, bytes in
// every page); the interface declares them.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Patch {
  readonly operations: PatchOperation[] = [];

  /** Dash's wire form; `JSON.stringify(patch)` gives it. */
  toJSON(): WirePatch {
    return { [PATCH_MARK]: PATCH_MARK, operations: this.operations } as WirePatch;
  }

  /** A Patch from Dash's wire form (a Dash server's answer). */
  static fromJSON(wire: WirePatch): Patch {
    const patch = new Patch();
    for (const op of wire.operations) {
      if (!isRecord(op) || !Object.hasOwn(HANDLERS, op.operation as string) || !Array.isArray(op.location)) {
        throw new TypeError(`not a Dash patch operation: ${JSON.stringify(op)}`);
      }
      patch.operations.push({ operation: op.operation, location: [...op.location], params: isRecord(op.params) ? op.params : {} });
    }
    return patch;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Patch {
  /** Sets the value at `location` (its last step is the key or index written). */
  assign(location: PatchLocation, value: unknown): this;
  /** Removes the key or index at `location`. */
  delete(location: PatchLocation): this;
  /** Shallow-merges an object into the object at `location` (Python's `dict.update`). */
  merge(location: PatchLocation, value: Record<string, unknown>): this;
  /** Adds every item of `values` to the end of the list at `location`. */
  extend(location: PatchLocation, values: readonly unknown[]): this;
  /** Inserts `value` at `index` of the list at `location`. */
  insert(location: PatchLocation, index: number, value: unknown): this;
  append(location: PatchLocation, value: unknown): this;
  prepend(location: PatchLocation, value: unknown): this;
  /** `+` (numbers add, strings concatenate). */
  add(location: PatchLocation, value: unknown): this;
  sub(location: PatchLocation, value: number): this;
  mul(location: PatchLocation, value: number): this;
  div(location: PatchLocation, value: number): this;
  /** Empties the list, object or string at `location`. */
  clear(location: PatchLocation): this;
  reverse(location: PatchLocation): this;
  /** Removes every item deep-equal to `value` from the list at `location`. */
  remove(location: PatchLocation, value: unknown): this;
}

for (const [method, operation] of Object.entries(METHODS)) {
  (Patch.prototype as unknown as Record<string, unknown>)[method] = function (this: Patch, location: PatchLocation, ...args: unknown[]) {
    if (!Array.isArray(location)) throw new TypeError(`Patch.${method} takes the location first, as an array ([] is the value itself)`);
    // Dash's params: {value} for most, {value, index} for Insert, {} for Delete/Clear/Reverse.
    const params = operation === 'Insert' ? { value: args[1], index: args[0] as number } : args.length ? { value: args[0] } : {};
    if (operation === 'Extend' && !Array.isArray(params.value)) throw new TypeError('Patch.extend takes an array of values');
    this.operations.push({ operation, location: [...location], params });
    return this;
  };
}

/** A Patch, also one from another copy of this module (CDN + npm on one page). */
export function isPatch(value: unknown): value is Patch {
  return value instanceof Patch || (isRecord(value) && Array.isArray(value.operations) && typeof (value as { toJSON?: unknown }).toJSON === 'function' && isWirePatch((value as unknown as Patch).toJSON()));
}

/** Dash's JSON form of a Patch, as a server answers it. */
export function isWirePatch(value: unknown): value is WirePatch {
  return isRecord(value) && value[PATCH_MARK] === PATCH_MARK && Array.isArray(value.operations);
}

/**
 * Applies a patch to `current` and returns the new value; `current` and everything in it are left
 * as they were (only the containers along each location are copied). Throws on a value that
 * cannot be patched (undefined, or an operation that does not fit what is at its location).
 */
export function applyPatch(current: unknown, patch: Patch | WirePatch): unknown {
  if (current === undefined) throw new TypeError('cannot patch an undefined value');
  const operations = patch instanceof Patch ? patch.operations : Patch.fromJSON(patch as WirePatch).operations;
  let value: unknown = current;
  for (const op of operations) {
    const location = resolveLocation(op.location, value);
    value = HANDLERS[op.operation](value, location, op.params);
  }
  return value;
}

type Handler = (root: unknown, location: Array<string | number>, params: PatchOperation['params']) => unknown;

/** Replaces what is at `location` with `update(old)`, copying each container on the way. */
function updateAt(root: unknown, location: ReadonlyArray<string | number>, update: (old: unknown) => unknown): unknown {
  if (location.length === 0) return update(root);
  const [key, ...rest] = location;
  const container = root ?? (typeof key === 'number' ? [] : {});
  if (!isRecord(container) && !Array.isArray(container)) throw new TypeError(`cannot patch into ${describe(container)} at "${String(key)}"`);
  const copy = (Array.isArray(container) ? [...(container as unknown[])] : { ...container }) as Record<string | number, unknown>;
  copy[key] = updateAt((container as Record<string | number, unknown>)[key], rest, update);
  return copy;
}

const listAt = (old: unknown, what: string): unknown[] => {
  if (!Array.isArray(old)) throw new TypeError(`${what} needs a list, found ${describe(old)}`);
  return old;
};
const numberAt = (old: unknown, what: string): number => {
  if (typeof old !== 'number') throw new TypeError(`${what} needs a number, found ${describe(old)}`);
  return old;
};

const HANDLERS: Record<PatchOperationName, Handler> = {
  Assign: (root, location, { value }) => updateAt(root, location, () => value),
  Delete: (root, location) => {
    if (location.length === 0) throw new TypeError('Delete needs a key or index');
    const key = location[location.length - 1];
    return updateAt(root, location.slice(0, -1), (old) => {
      if (Array.isArray(old)) return old.filter((_, i) => i !== key);
      if (!isRecord(old)) return old;
      const copy = { ...old };
      delete copy[key];
      return copy;
    });
  },
  Merge: (root, location, { value }) =>
    updateAt(root, location, (old) => ({ ...(isRecord(old) ? old : {}), ...(isRecord(value) ? value : {}) })),
  Extend: (root, location, { value }) => updateAt(root, location, (old) => [...listAt(old, 'Extend'), ...(value as unknown[])]),
  Insert: (root, location, { value, index = 0 }) =>
    updateAt(root, location, (old) => {
      const list = [...listAt(old, 'Insert')];
      list.splice(index < 0 ? list.length + index : index, 0, value);
      return list;
    }),
  Append: (root, location, { value }) => updateAt(root, location, (old) => [...listAt(old, 'Append'), value]),
  Prepend: (root, location, { value }) => updateAt(root, location, (old) => [value, ...listAt(old, 'Prepend')]),
  Add: (root, location, { value }) =>
    updateAt(root, location, (old) => (typeof old === 'string' ? old + String(value) : numberAt(old, 'Add') + (value as number))),
  Sub: (root, location, { value }) => updateAt(root, location, (old) => numberAt(old, 'Sub') - (value as number)),
  Mul: (root, location, { value }) => updateAt(root, location, (old) => numberAt(old, 'Mul') * (value as number)),
  Div: (root, location, { value }) => updateAt(root, location, (old) => numberAt(old, 'Div') / (value as number)),
  Clear: (root, location) => updateAt(root, location, (old) => (Array.isArray(old) ? [] : typeof old === 'string' ? '' : {})),
  Reverse: (root, location) => updateAt(root, location, (old) => [...listAt(old, 'Reverse')].reverse()),
  Remove: (root, location, { value }) => updateAt(root, location, (old) => listAt(old, 'Remove').filter((item) => !deepEqual(item, value))),
};

/** Negative indexes count from the end of the list they index, as Dash resolves them. */
function resolveLocation(location: ReadonlyArray<string | number>, root: unknown): Array<string | number> {
  const resolved: Array<string | number> = [];
  let node = root;
  for (const step of location) {
    const key = typeof step === 'number' && step < 0 && Array.isArray(node) ? node.length + step : step;
    resolved.push(key);
    node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return resolved;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
