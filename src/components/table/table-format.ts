/**
 * Column `format` → a function from cell value to display text, DOM-free.
 *
 * - Dash's `{specifier, locale?, nully?, prefix?}`: numbers through d3-format (`'.2f'`, `',.0f'`,
 *   `'.1%'`, `'$,.2f'` …), with Dash's locale object (`{symbol, decimal, group, grouping,
 *   numerals, percent}`) and Dash's ASCII minus sign. d3-format is loaded on first use
 *   (`specifierFormatsPending`); values show unformatted until then.
 * - `{locale, options}`: numbers through `Intl.NumberFormat(locale, options)` (percent, currency,
 *   fixed decimals); in a `datetime` column, dates through `Intl.DateTimeFormat` (in UTC unless
 *   `options.timeZone` says otherwise, so a date-only value shows the date it names).
 *
 * Only numbers are number-formatted (Dash's rule); other values show as text. `nully` replaces
 * blank cells (null, missing, '', NaN).
 */
import { cellText, dateKey, type TableColumn, type Warn } from './table-model.js';
import { Lazy } from '../../internal/lazy.js';

export type CellFormatter = (value: unknown) => string;

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** table-format-d3.js (with d3-format): `d3.module` once loaded. */
const d3 = new Lazy(() => import('./table-format-d3.js'));

const specifierOf = (column: TableColumn): string | null => {
  const format = column.source.format as unknown;
  const specifier = format && typeof format === 'object' ? (format as Record<string, unknown>).specifier : null;
  return typeof specifier === 'string' && specifier !== '' ? specifier : null;
};

/**
 * Loads d3-format for `specifier` formats, once per page (a failed load is tried again on the next
 * call). Until it has loaded, `columnFormatter` shows such columns' values unformatted.
 */
export function loadSpecifierFormats(): Promise<unknown> {
  return d3.load();
}

/**
 * When some column has a `format.specifier` and d3-format is not loaded yet: starts loading it and
 * returns the (shared) promise; the columns' formatters are to be made again once it resolves.
 * Otherwise null.
 */
export function specifierFormatsPending(columns: TableColumn[]): Promise<unknown> | null {
  return d3.module || !columns.some(specifierOf) ? null : loadSpecifierFormats();
}

/** The column's formatter, or null when it has no (usable) format: cells then show `cellText`. */
export function columnFormatter(column: TableColumn, warn: Warn): CellFormatter | null {
  const format = column.source.format;
  if (format === undefined || format === null) return null;
  if (typeof format !== 'object' || Array.isArray(format)) {
    warn(`format:${column.id}`, `column "${column.id}" has a format that is not an object; ignoring it`);
    return null;
  }
  const f = format as Record<string, unknown>;
  const nully = f.nully === undefined ? '' : cellText(f.nully);
  let inner: ((value: unknown) => string | null) | null = null;
  try {
    const specifier = specifierOf(column);
    if (specifier !== null) {
      // Unformatted (but `nully`) until d3-format has loaded: see specifierFormatsPending.
      const fmt = d3.module?.specifierFormatter(specifier, f.locale, f.prefix);
      if (fmt) inner = (v) => (typeof v === 'number' ? fmt(v) : null);
      else return (value) => (isBlank(value) ? nully : cellText(value));
    } else if (f.options !== undefined || typeof f.locale === 'string' || Array.isArray(f.locale)) {
      const locale = typeof f.locale === 'string' || Array.isArray(f.locale) ? (f.locale as string | string[]) : undefined;
      const options = f.options && typeof f.options === 'object' ? (f.options as Record<string, unknown>) : {};
      if (column.type === 'datetime') {
        const dtf = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options } as Intl.DateTimeFormatOptions);
        inner = (v) => {
          const t = dateKey(v);
          return Number.isNaN(t) ? null : dtf.format(t);
        };
      } else {
        const nf = new Intl.NumberFormat(locale, options as Intl.NumberFormatOptions);
        inner = (v) => (typeof v === 'number' ? nf.format(v) : null);
      }
    }
  } catch (error) {
    warn(`format:${column.id}`, `column "${column.id}" has an invalid format (${String((error as Error).message ?? error)}); showing raw values`);
    return null;
  }
  if (!inner && f.nully === undefined) return null;
  const fn = inner;
  return (value) => {
    if (isBlank(value)) return nully;
    return (fn && fn(value)) ?? cellText(value);
  };
}
