import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { jsonConverter } from '../../internal/converters.js';
import { addDays } from './date-math.js';
import { DatePickerBase, type DateBox } from './date-picker-base.js';

/**
 * Dash's `dcc.DatePickerRange`: two text boxes (start and end, `YYYY-MM-DD`) and one calendar
 * dialog (WAI-ARIA APG date picker) that loads on first open. The end is never before the start
 * (and at least `minimumNights` after it). `updatemode="bothdates"` writes both ends together once
 * the range is complete. Form-associated: the start and then the end are submitted under `name`
 * (an empty end as an empty string).
 *
 * @summary A date range picker, as Dash's `dcc.DatePickerRange`.
 *
 * @fires input - When a person picks or types a new date.
 * @fires change - When a person picks or types a new date.
 * @fires dash-prop-change - After any public property changes: `detail: {prop, value, user}`.
 *
 * @csspart picker - The wrapper around the boxes and the calendar.
 * @csspart field - The bordered field holding the boxes and buttons.
 * @csspart input - A text box (start, end).
 * @csspart clear-button - The clear button (`clearable`).
 * @csspart calendar-button - The button that opens the calendar.
 * @csspart popup - Holds the calendar (the dimmed overlay with `withPortal`).
 * @csspart calendar - The calendar dialog.
 * @csspart nav-button - The previous / next month buttons.
 * @csspart month-title - A month's title.
 * @csspart day - A day cell; also `selected`, `in-range`, `disabled`, `today`, `outside`.
 *
 * @cssprop --dash-accent-color - Selected days and focus.
 * @cssprop --dash-date-picker-background - Field and calendar background.
 * @cssprop --dash-date-picker-color - Text colour.
 * @cssprop --dash-date-picker-border-color - Field and calendar border.
 * @cssprop --dash-date-picker-range-color - Days inside the range.
 * @cssprop --dash-focus-ring-color - Focus ring of the boxes.
 * @cssprop --dash-font-size - Font size (14px).
 * @cssprop --dash-font-family - Font family.
 *
 * @tagname dash-date-picker-range
 */
export class DashDatePickerRange extends DatePickerBase {
  /** First day of the range, `YYYY-MM-DD`; `null` when empty. */
  @property({ attribute: 'start-date', reflect: true }) startDate: string | null = null;

  /** Last day of the range, `YYYY-MM-DD`; `null` when empty. */
  @property({ attribute: 'end-date', reflect: true }) endDate: string | null = null;

  /** Fewest nights from start to end (react-dates' default, 1: the end is a later day; 0 allows one-day ranges). */
  @property({ attribute: 'minimum-nights', type: Number }) minimumNights = 1;

  /** `singledate`: each end is written as it is picked; `bothdates`: both together once the range is complete. */
  @property() updatemode: 'singledate' | 'bothdates' = 'singledate';

  /** Which props keep a person's edits with `persistence` (Dash's `persisted_props`). */
  @property({ attribute: 'persisted-props', converter: jsonConverter }) override persistedProps = ['startDate', 'endDate'];

  /** Text shown in the empty start box. */
  @property({ attribute: 'start-date-placeholder-text' }) startDatePlaceholderText = 'Start Date';

  /** Text shown in the empty end box. */
  @property({ attribute: 'end-date-placeholder-text' }) endDatePlaceholderText = 'End Date';

  /** Whether days of the neighbouring months fill the first and last weeks. */
  @property({ attribute: 'show-outside-days', type: Boolean }) showOutsideDays = false;

  /** With `bothdates`: a start picked but not yet written (the range is half-picked). */
  @state() private heldStart: string | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    for (const prop of ['startDate', 'endDate'] as const) {
      if (!changed.has(prop)) continue;
      const iso = this.dateProp(prop, this[prop]);
      if (iso !== this[prop]) this[prop] = iso;
      this.dropDrafts();
    }
    if ((changed.has('startDate') || changed.has('endDate')) && this.startDate && this.endDate && this.endDate < this.startDate) {
      this.warnOnce(`order:${this.startDate}:${this.endDate}`, `end-date ${this.endDate} is before start-date ${this.startDate}`);
    }
    if (changed.has('updatemode') && this.updatemode !== 'singledate' && this.updatemode !== 'bothdates') {
      this.warnOnce('updatemode', `updatemode must be "singledate" or "bothdates", not ${JSON.stringify(this.updatemode)}; using "singledate"`);
    }
    super.willUpdate(changed);
  }

  private get bothDates(): boolean {
    return this.updatemode === 'bothdates';
  }

  private nights(): number {
    const n = Math.floor(Number(this.minimumNights));
    return n > 0 ? n : 0;
  }

  /** The earliest end a start allows. */
  private firstEnd(start: string): string {
    return addDays(start, this.nights());
  }

  /** @internal */
  selection(): { start: string | null; end: string | null } {
    return this.heldStart ? { start: this.heldStart, end: null } : { start: this.startDate, end: this.endDate };
  }

  protected override dayRefused(day: string): boolean {
    const { start } = this.selection();
    return this.editing === 'end' && !!start && day >= start && day < this.firstEnd(start);
  }

  /** @internal */
  pick(day: string): void {
    const { start } = this.selection();
    if (this.editing !== 'end' || !start || day < start) {
      this.pickStart(day);
      return;
    }
    if (this.bothDates) this.commitProps({ startDate: start, endDate: day });
    else this.commitProps({ endDate: day });
    this.heldStart = null;
    this.dropDrafts();
    if (!this.stayOpenOnSelect) this.closeCalendar(true);
  }

  private pickStart(day: string): void {
    if (this.bothDates) this.heldStart = day;
    else {
      const end = this.endDate && this.endDate >= this.firstEnd(day) ? this.endDate : null;
      this.commitProps({ startDate: day, endDate: end });
    }
    this.dropDrafts();
    this.editing = 'end';
  }

  protected override calendarClosed(): void {
    this.heldStart = null;
  }

  protected commitTyped(box: DateBox, day: string | null): boolean {
    if (day === null) {
      this.commitProps(this.bothDates ? { startDate: null, endDate: null } : { [box === 'start' ? 'startDate' : 'endDate']: null });
      return true;
    }
    if (box === 'start') {
      if (this.endDate && this.firstEnd(day) > this.endDate) return false;
      if (this.bothDates && !this.endDate) this.heldStart = day;
      else this.commitProps({ startDate: day });
      return true;
    }
    const start = this.selection().start;
    if (start ? day < this.firstEnd(start) : this.bothDates) return false;
    this.commitProps(this.bothDates ? { startDate: start, endDate: day } : { endDate: day });
    this.heldStart = null;
    return true;
  }

  /** @internal */
  clearValue(): void {
    this.heldStart = null;
    this.commitProps({ startDate: null, endDate: null });
  }

  /** @internal */
  renderBoxes(): TemplateResult {
    const name = this.accessibleName();
    const { start, end } = this.selection();
    return html`
      ${this.renderBox('start', start, this.startDatePlaceholderText, name ? `${name}, start date` : 'Start date')}
      <span class="arrow" aria-hidden="true">${this.isRTL ? '←' : '→'}</span>
      ${this.renderBox('end', end, this.endDatePlaceholderText, name ? `${name}, end date` : 'End date')}
    `;
  }

  protected override formValue(): FormData | null {
    if (!this.name || (!this.startDate && !this.endDate)) return null;
    const data = new FormData();
    data.append(this.name, this.startDate ?? '');
    data.append(this.name, this.endDate ?? '');
    return data;
  }

  protected override currentFormState(): unknown {
    return [this.startDate, this.endDate];
  }

  protected override restoreFormState(state: unknown): void {
    const [start, end] = (state as [string | null, string | null]) ?? [null, null];
    this.heldStart = null;
    this.startDate = start;
    this.endDate = end;
    this.dropDrafts();
  }
}
