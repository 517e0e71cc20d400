/**
 * The calendar dialog of both date pickers, loaded on first use (docs/date-picker.md): the month
 * grids, the APG date-picker keys, Intl names and the moment-token formats.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addDays, addMonths, monthStart, partsOf, today, weekday } from './date-math.js';
import { formatDate, localeNames } from './date-format.js';

export { calendarStyles } from './calendar.styles.js';
export { formatDate, parseDate } from './date-format.js';

export interface DayState {
  disabled: boolean;
  selected: boolean;
  /** Strictly between a range's two ends. */
  inRange: boolean;
}

/** What the calendar needs from its picker. */
export interface CalendarHost {
  visibleMonth: string;
  activeDay: string;
  firstDayOfWeek: number;
  showOutsideDays: boolean;
  isRTL: boolean;
  monthFormat: string | null;
  calendarOrientation: string;
  locale(): string;
  numberOfMonthsShown: number;
  dayState(day: string): DayState;
  pick(day: string): void;
  focusActiveDay(): void;
  closeCalendar(refocus: boolean): void;
}

const fullDates = new Map<string, Intl.DateTimeFormat>();

/** `Tuesday, March 5, 2024` in the locale: what a screen reader says for a day. */
function fullDate(day: string, locale: string): string {
  let format = fullDates.get(locale);
  if (!format) fullDates.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' })));
  const [y, m, d] = partsOf(day);
  return format.format(Date.UTC(y, m - 1, d));
}

/** 0–6 from whatever `firstDayOfWeek` holds. */
function firstDay(host: CalendarHost): number {
  const n = Math.floor(Number(host.firstDayOfWeek));
  return n >= 0 && n <= 6 ? n : 0;
}

/** How many months show side by side: `numberOfMonthsShown`, 1 to 12. */
function monthsShown(host: CalendarHost): number {
  const n = Math.floor(Number(host.numberOfMonthsShown));
  return n >= 1 ? Math.min(n, 12) : 1;
}

/** Moves the grid's focus to `day`, turning months when it is not shown. */
function setActiveDay(host: CalendarHost, day: string): void {
  const first = host.visibleMonth;
  const last = addMonths(first, monthsShown(host) - 1);
  if (day < first) host.visibleMonth = monthStart(day);
  else if (monthStart(day) > last) host.visibleMonth = addMonths(monthStart(day), 1 - monthsShown(host));
  host.activeDay = day;
  host.focusActiveDay();
}

/** Shows the months `delta` months on, keeping the focused day's place. */
function showMonths(host: CalendarHost, delta: number): void {
  host.visibleMonth = addMonths(host.visibleMonth, delta);
  host.activeDay = addMonths(host.activeDay, delta);
}

/** The weeks (rows of seven days) that show the month starting on `first`. */
function weeksOf(first: string, weekStart: number): string[][] {
  const lead = (weekday(first) - weekStart + 7) % 7;
  let day = addDays(first, -lead);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  while (day < next) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
    weeks.push(week);
  }
  return weeks;
}

export function renderCalendar(host: CalendarHost): TemplateResult {
  const locale = host.locale();
  const names = localeNames(locale);
  const weekStart = firstDay(host);
  const columns = Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
  const now = today();
  const months = Array.from({ length: monthsShown(host) }, (_, i) => addMonths(host.visibleMonth, i));
  const rtl = host.isRTL;
  return html`
    <div class="calendar" part="calendar" role="dialog" aria-modal="false" aria-label="Choose date" @keydown=${(e: KeyboardEvent) => onDialogKeydown(e, host)}>
      <div class="nav">
        <button part="nav-button" class="prev" type="button" aria-label="Previous month" @click=${() => showMonths(host, -1)}>${rtl ? '›' : '‹'}</button>
        <button part="nav-button" class="next" type="button" aria-label="Next month" @click=${() => showMonths(host, 1)}>${rtl ? '‹' : '›'}</button>
      </div>
      <div class="months ${host.calendarOrientation === 'vertical' ? 'vertical' : ''}">
        ${months.map((first, index) => {
          const month = first.slice(0, 7);
          const titleId = `month-title-${index}`;
          return html`<div class="month">
            <div class="month-title" part="month-title" id=${titleId} aria-live="polite">${formatDate(first, host.monthFormat || 'MMMM YYYY', locale)}</div>
            <table role="grid" aria-labelledby=${titleId} @keydown=${(e: KeyboardEvent) => onGridKeydown(e, host)}>
              <thead>
                <tr>
                  ${columns.map((d) => html`<th scope="col" abbr=${names.days[d]}>${names.daysShort[d]}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${weeksOf(first, weekStart).map(
                  (week) => html`<tr>
                    ${week.map((day) => {
                      const outside = day.slice(0, 7) !== month;
                      if (outside && !host.showOutsideDays) return html`<td role="gridcell" class="empty"></td>`;
                      const state = host.dayState(day);
                      const parts = ['day', state.selected && 'selected', state.inRange && 'in-range', state.disabled && 'disabled', day === now && 'today', outside && 'outside']
                        .filter(Boolean)
                        .join(' ');
                      // Outside days are shown, but focus stays on the days of the months on screen.
                      const focusable = !outside && day === host.activeDay;
                      return html`<td
                        role="gridcell"
                        part=${parts}
                        class=${parts}
                        data-date=${outside ? nothing : day}
                        tabindex=${focusable ? 0 : -1}
                        aria-label=${fullDate(day, locale)}
                        aria-selected=${state.selected ? 'true' : 'false'}
                        aria-disabled=${state.disabled ? 'true' : nothing}
                        aria-current=${day === now ? 'date' : nothing}
                        @click=${() => !state.disabled && host.pick(day)}
                      >${Number(day.slice(8))}</td>`;
                    })}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`;
        })}
      </div>
    </div>
  `;
}

function onDialogKeydown(e: KeyboardEvent, host: CalendarHost): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    host.closeCalendar(true);
  }
}

/** The APG date-picker grid keys: arrows by day/week, PageUp/PageDown by month (Shift: year), Home/End, Enter/Space. */
function onGridKeydown(e: KeyboardEvent, host: CalendarHost): void {
  const day = host.activeDay;
  const back = host.isRTL ? 1 : -1;
  const column = (weekday(day) - firstDay(host) + 7) % 7;
  const step = e.shiftKey ? 12 : 1;
  let next: string | null = null;
  switch (e.key) {
    case 'ArrowLeft': next = addDays(day, back); break;
    case 'ArrowRight': next = addDays(day, -back); break;
    case 'ArrowUp': next = addDays(day, -7); break;
    case 'ArrowDown': next = addDays(day, 7); break;
    case 'PageUp': next = addMonths(day, -step); break;
    case 'PageDown': next = addMonths(day, step); break;
    case 'Home': next = addDays(day, -column); break;
    case 'End': next = addDays(day, 6 - column); break;
    case 'Enter':
    case ' ':
      e.preventDefault();
      if (!host.dayState(day).disabled) host.pick(day);
      return;
    default:
      return;
  }
  e.preventDefault();
  setActiveDay(host, next);
}
