/**
 * Dash's `displayFormat` / `monthFormat`: the moment.js tokens `YYYY YY MMMM MMM MM M Do DD D
 * dddd ddd Q X` (and `[literal text]`), formatted and parsed without moment. Month and day names
 * come from `Intl` in the given locale (docs/date-picker.md: "Formats").
 */
import { dayNumber, fromDayNumber, isoOf, isValidDate, partsOf, weekday } from './date-math.js';

const TOKENS = /\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|Q|X/g;

interface Names {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
}

const namesByLocale = new Map<string, Names>();

/** Month and weekday names (index 0 = January / Sunday) in `locale`, from Intl. */
export function localeNames(locale: string): Names {
  let names = namesByLocale.get(locale);
  if (!names) {
    const format = (options: Intl.DateTimeFormatOptions) => {
      const formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      return (ms: number) => formatter.format(ms);
    };
    const month = (style: 'long' | 'short') => Array.from({ length: 12 }, (_, i) => format({ month: style })(Date.UTC(2001, i, 1)));
    // 2001-01-07 was a Sunday.
    const day = (style: 'long' | 'short') => Array.from({ length: 7 }, (_, i) => format({ weekday: style })(Date.UTC(2001, 0, 7 + i)));
    names = { months: month('long'), monthsShort: month('short'), days: day('long'), daysShort: day('short') };
    namesByLocale.set(locale, names);
  }
  return names;
}

const ordinals = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** `2024-03-05` in `MMMM Do, YYYY` → `March 5th, 2024`. */
export function formatDate(iso: string, format: string, locale: string): string {
  const [y, m, d] = partsOf(iso);
  const names = localeNames(locale);
  const pad = (n: number) => String(n).padStart(2, '0');
  return format.replace(TOKENS, (token) => {
    switch (token) {
      case 'YYYY': return String(y).padStart(4, '0');
      case 'YY': return pad(y % 100);
      case 'MMMM': return names.months[m - 1];
      case 'MMM': return names.monthsShort[m - 1];
      case 'MM': return pad(m);
      case 'M': return String(m);
      case 'Do': return `${d}${SUFFIX[ordinals.select(d)] ?? 'th'}`;
      case 'DD': return pad(d);
      case 'D': return String(d);
      case 'dddd': return names.days[weekday(iso)];
      case 'ddd': return names.daysShort[weekday(iso)];
      case 'Q': return String(Math.ceil(m / 3));
      // Seconds at midnight UTC: the same number in every time zone.
      case 'X': return String(dayNumber(iso) * 86_400);
      default: return token.slice(1, -1);
    }
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (list: string[]) => `(${list.map(escape).sort((a, b) => b.length - a.length).join('|')})`;

/**
 * Reads text typed in `format` (or ISO `YYYY-MM-DD`) back to an ISO date; null when it is not a
 * whole, real date. Case and spacing are forgiven; a two-digit year is 1969–2068, as moment reads it.
 */
export function parseDate(text: string, format: string, locale: string): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const names = localeNames(locale);
  const fields: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of format.matchAll(TOKENS)) {
    pattern += literal(format.slice(last, match.index));
    last = match.index + match[0].length;
    const token = match[0];
    if (token.startsWith('[')) {
      pattern += literal(token.slice(1, -1));
      continue;
    }
    fields.push(token);
    pattern += {
      YYYY: '(\\d{4})', YY: '(\\d{2})', MMMM: alternatives(names.months), MMM: alternatives(names.monthsShort),
      Do: '(\\d{1,2})(?:st|nd|rd|th|\\.)?', dddd: alternatives(names.days), ddd: alternatives(names.daysShort),
      Q: '(\\d)', X: '(-?\\d+)',
    }[token] ?? '(\\d{1,2})';
  }
  pattern += literal(format.slice(last));
  const match = new RegExp(`^${pattern}$`, 'i').exec(typed);
  if (!match) return null;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  fields.forEach((token, i) => {
    const value = match[i + 1];
    const n = Number(value);
    if (token === 'YYYY') year = n;
    else if (token === 'YY') year = n > 68 ? 1900 + n : 2000 + n;
    else if (token === 'MM' || token === 'M') month = n;
    else if (token === 'MMMM' || token === 'MMM') {
      const list = token === 'MMMM' ? names.months : names.monthsShort;
      month = list.findIndex((name) => name.toLowerCase() === value.toLowerCase()) + 1;
    } else if (token === 'DD' || token === 'D' || token === 'Do') day = n;
    else if (token === 'X') [year, month, day] = partsOf(fromDayNumber(Math.floor(n / 86_400)));
  });
  return year === undefined || month === undefined || day === undefined ? null : checked(year, month, day);
}

/** Literal text in a format; any run of spaces matches any run of spaces. */
function literal(text: string): string {
  return escape(text).replace(/\s+/g, '\\s+');
}

function checked(year: number, month: number, day: number): string | null {
  return isValidDate(year, month, day) ? isoOf(year, month, day) : null;
}
