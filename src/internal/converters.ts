import type { ComplexAttributeConverter } from 'lit';

/**
 * Attribute converters shared by every element (docs/conventions.md).
 *
 * `jsonConverter` is for object/array properties (`options`, `figure`, `data` …): the attribute is
 * JSON and the property is never reflected back. A malformed attribute throws here; DashElement
 * catches it, warns once and keeps the previous value.
 *
 * `jsonOrStringConverter` is for properties that may hold any JSON value (`value`, `min` …):
 * `"3"` → 3, `'["a"]'` → array, `North` → "North", `'"3"'` → "3". Reflection writes strings as
 * themselves unless that would read back as another type.
 */
export const jsonConverter: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null) {
    return value === null ? null : JSON.parse(value);
  },
};

export const jsonOrStringConverter: ComplexAttributeConverter<unknown> = {
  fromAttribute(value: string | null) {
    if (value === null) return null;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  },
  toAttribute(value: unknown) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') {
      return readsBackAsString(value) ? value : JSON.stringify(value);
    }
    return JSON.stringify(value);
  },
};

/** A plain string survives an attribute round trip unquoted only when it is not valid JSON. */
function readsBackAsString(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/** Boolean properties whose default is true: absent → true, `"false"` → false (docs/conventions.md). */
export const defaultTrueConverter: ComplexAttributeConverter<boolean> = {
  fromAttribute(value: string | null) {
    return value === null ? true : value.trim().toLowerCase() !== 'false';
  },
  toAttribute(value: boolean) {
    return value ? null : 'false';
  },
};

/** `pageSize` → `page-size`. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
