/**
 * Pure helpers of `<dash-dropdown>`: normalizing Dash's option shapes and the incremental,
 * case-insensitive substring search over precomputed keys. No DOM here.
 */

export interface DropdownOption {
  label: string;
  value: unknown;
  disabled: boolean;
  title?: string;
}

/** What the element accepts in `options` (docs/dropdown.md). */
export type DropdownOptionInput =
  | string
  | number
  | boolean
  | { label?: unknown; value: unknown; disabled?: boolean; title?: string; search?: string };

export interface NormalizedOptions {
  options: DropdownOption[];
  /** Lowercased label (+ `search`) per option, searched with `indexOf`. */
  keys: string[];
  /** Option index by value (SameValueZero: `3` and `"3"` differ, as in Dash). */
  byValue: Map<unknown, number>;
  /** One message per kind of bad entry, for `warnOnce`. */
  problems: string[];
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Accepts an array of scalars / `{label, value, …}` objects, or a `{value: label}` map. */
export function normalizeOptions(input: unknown): NormalizedOptions {
  const options: DropdownOption[] = [];
  const keys: string[] = [];
  const byValue = new Map<unknown, number>();
  const problems = new Set<string>();
  const add = (label: string, value: unknown, disabled: boolean, title?: string, search?: string) => {
    if (byValue.has(value)) {
      problems.add(`options hold the value ${JSON.stringify(value)} more than once; the first one is used`);
      return;
    }
    byValue.set(value, options.length);
    options.push(title === undefined ? { label, value, disabled } : { label, value, disabled, title });
    keys.push(search ? `${label}\u0000${search}`.toLowerCase() : label.toLowerCase());
  };

  if (input === null || input === undefined) {
    // no options
  } else if (Array.isArray(input)) {
    for (const item of input as unknown[]) {
      if (isScalar(item)) {
        add(String(item), item, false);
      } else if (item && typeof item === 'object' && !Array.isArray(item) && 'value' in item) {
        const o = item as Record<string, unknown>;
        if (!isScalar(o.value) && o.value !== null) {
          problems.add('an option value must be a string, number or boolean; such options are skipped');
          continue;
        }
        const label = o.label === undefined || o.label === null ? String(o.value) : String(o.label);
        add(
          label,
          o.value,
          o.disabled === true,
          typeof o.title === 'string' ? o.title : undefined,
          typeof o.search === 'string' ? o.search : undefined,
        );
      } else {
        problems.add('options must be strings, numbers or {label, value} objects; other entries are skipped');
      }
    }
  } else if (typeof input === 'object') {
    for (const [value, label] of Object.entries(input as Record<string, unknown>)) {
      add(label === null || label === undefined ? value : String(label), value, false);
    }
  } else {
    problems.add('options must be an array or a {value: label} object; it is ignored');
  }
  return { options, keys, byValue, problems: [...problems] };
}

/**
 * Indices of the options whose key contains `query` (already lowercased). When the previous
 * query is contained in the new one, only the previous matches are scanned (typing narrows).
 * Returns null for "every option" (empty query), so opening never allocates.
 */
export function filterOptions(
  keys: string[],
  query: string,
  previous?: { query: string; matches: number[] | null },
): number[] | null {
  if (query === '') return null;
  const out: number[] = [];
  if (previous && previous.matches && previous.query !== '' && query.includes(previous.query)) {
    for (const i of previous.matches) if (keys[i].includes(query)) out.push(i);
    return out;
  }
  for (let i = 0; i < keys.length; i++) if (keys[i].includes(query)) out.push(i);
  return out;
}
