/**
 * Calendar dates as plain `YYYY-MM-DD` strings (docs/date-picker.md: "Dates and time zones").
 * Arithmetic goes through day numbers counted in UTC, so the page's time zone can never move a
 * date by a day. Pure functions, no DOM.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * `2024-03-05` (or a datetime starting with one, as Dash accepts) → `2024-03-05`;
 * `null`/`undefined`/`''` → null; anything else (including `2024-02-30`) → undefined.
 */
export function toIsoDate(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(y, m, d) ? isoOf(y, m, d) : undefined;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `[year, month (1–12), day]` of an ISO date. */
export function partsOf(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Days since 1970-01-01. */
export function dayNumber(iso: string): number {
  const [y, m, d] = partsOf(iso);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(days: number): string {
  const date = new Date(days * MS_PER_DAY);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Same day `months` later, kept inside the month (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = partsOf(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The first day of the month `iso` is in. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 8)}01`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Today in the page's own calendar (the person's local date). */
export function today(): string {
  const now = new Date();
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** ISO dates compare as strings; this reads better at call sites. */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}
