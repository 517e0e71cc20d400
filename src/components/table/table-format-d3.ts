/**
 * Dash's d3-format specifiers (`'.2f'`, `',.0f'`, `'.1%'`, `'$,.2f'` …) for `table-format.ts`, which
 * imports this module (and with it d3-format) only when a column has a `format.specifier`.
 */
import { formatLocale, type FormatLocaleDefinition } from 'd3-format';

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

/**
 * The number formatter of Dash's `{specifier, locale?, prefix?}` (a Dash locale object:
 * `{symbol, decimal, group, grouping, numerals, percent}`). Throws on an invalid specifier.
 */
export function specifierFormatter(specifier: string, locale: unknown, prefix: unknown): (n: number) => string {
  const loc = formatLocale(d3Locale(locale));
  return typeof prefix === 'number' ? loc.formatPrefix(specifier, prefix) : loc.format(specifier);
}
