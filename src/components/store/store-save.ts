/**
 * Serializing a large store without holding up the page (docs/store.md): JSON text built in slices
 * of a few milliseconds, yielding to input and rendering between them. Loaded with the first save
 * of a `local`/`session` store.
 */

const SLICE_MS = 4;

/** A task boundary that lets input and rendering in (a message is faster than a 4 ms-clamped timer). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Whether `value` holds at most `budget` values in all (so one JSON.stringify call is short). */
function isSmall(value: unknown, budget = 64): boolean {
  let left = budget;
  const visit = (v: unknown): boolean => {
    if (--left < 0) return false;
    if (Array.isArray(v)) return v.every(visit);
    if (isPlainObject(v)) return Object.values(v).every(visit);
    return true;
  };
  return visit(value);
}

/** JSON text of `value` in pieces, as JSON.stringify would write it: large arrays and objects are walked, small ones written whole. */
function* pieces(value: unknown): Generator<string> {
  if (isSmall(value)) {
    yield JSON.stringify(value) ?? 'null';
  } else if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes null for what it cannot write in an array.
      const item: unknown = value[i];
      yield* item === undefined || typeof item === 'function' || typeof item === 'symbol' ? ['null'] : pieces(item);
    }
    yield ']';
  } else if (isPlainObject(value) && typeof value.toJSON !== 'function') {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(item);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/**
 * `JSON.stringify(value)`, a few milliseconds at a time. Resolves null as soon as `stale()` says a
 * newer value has replaced this one (latest write wins, the older text is never finished).
 */
export async function stringifyInSlices(value: unknown, stale: () => boolean): Promise<string | null> {
  const text: string[] = [];
  let deadline = performance.now() + SLICE_MS;
  let count = 0;
  for (const piece of pieces(value)) {
    text.push(piece);
    if (++count % 32 === 0 && performance.now() > deadline) {
      await yieldToPage();
      if (stale()) return null;
      deadline = performance.now() + SLICE_MS;
    }
  }
  return text.join('');
}
