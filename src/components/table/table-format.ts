/**
 * Column `format` → a function from cell value to display text, DOM-free.
 *
 * - Dash's `{specifier, locale?, nully?, prefix?}`: numbers through d3-format (`'.2f'`, `',.0f'`,
 *   `'.1%'`, `'$,.2f'` …), with Dash's locale object (`{symbol, decimal, group, grouping,
 *   numerals, percent}`) and Dash's ASCII minus sign.
 * - `{locale, options}`: numbers through `Intl.NumberFormat(locale, options)` (percent, currency,
 *   fixed decimals); in a `datetime` column, dates through `Intl.DateTimeFormat` (in UTC unless
 *   `options.timeZone` says otherwise, so a date-only value shows the date it names).
 *
 * Only numbers are number-formatted (Dash's rule); other values show as text. `nully` replaces
 * blank cells (null, missing, '', NaN).
 */
import { formatLocale, type FormatLocaleDefinition } from 'd3-format';
import { cellText, dateKey, type TableColumn, type Warn } from './table-model.js';

export type CellFormatter = (value: unknown) => string;

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** Dash's default d3 locale (it uses an ASCII minus, as d3-format 1 did). */
const DASH_LOCALE: FormatLocaleDefinition = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['$', ''],
  minus: '-',
};

function d3Locale(locale: unknown): FormatLocaleDefinition {
  if (!locale || typeof locale !== 'object') return DASH_LOCALE;
  const l = locale as Record<string, unknown>;
  const symbol = Array.isArray(l.symbol) ? [String(l.symbol[0] ?? ''), String(l.symbol[1] ?? '')] as [string, string] : DASH_LOCALE.currency;
  return {
    decimal: typeof l.decimal === 'string' ? l.decimal : '.',
    thousands: typeof l.group === 'string' ? l.group : ',',
    grouping: Array.isArray(l.grouping) ? l.grouping.map(Number) : [3],
    currency: symbol,
    numerals: Array.isArray(l.numerals) ? l.numerals.map(String) : undefined,
    percent: typeof l.percent === 'string' ? l.percent : undefined,
    minus: '-',
  };
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
    if (typeof f.specifier === 'string' && f.specifier !== '') {
      const loc = formatLocale(d3Locale(f.locale));
      const prefix = typeof f.prefix === 'number' ? f.prefix : null;
      const fmt = prefix !== null ? loc.formatPrefix(f.specifier, prefix) : loc.format(f.specifier);
      inner = (v) => (typeof v === 'number' ? fmt(v) : null);
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
