import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultTrueConverter, jsonConverter } from '../../internal/converters.js';
import { DatePickerBase, type DateBox } from './date-picker-base.js';

/**
 * Dash's `dcc.DatePickerSingle`: a text box for one date (`YYYY-MM-DD`) and a calendar dialog
 * (WAI-ARIA APG date picker) that loads on first open. A date may be typed in the display format
 * or ISO; a date that is not allowed is refused and the box marked invalid. Form-associated:
 * `date` is submitted under `name`.
 *
 * @summary A date picker for one day, as Dash's `dcc.DatePickerSingle`.
 *
 * @fires input - When a person picks or types a new date.
 * @fires change - When a person picks or types a new date.
 * @fires dash-prop-change - After any public property changes: `detail: {prop, value, user}`.
 *
 * @csspart picker - The wrapper around the box and the calendar.
 * @csspart field - The bordered field holding the box and buttons.
 * @csspart input - The text box.
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
 * @cssprop --dash-date-picker-range-color - Days inside a range.
 * @cssprop --dash-focus-ring-color - Focus ring of the box.
 * @cssprop --dash-font-size - Font size (14px).
 * @cssprop --dash-font-family - Font family.
 *
 * @tagname dash-date-picker-single
 */
export class DashDatePickerSingle extends DatePickerBase {
  /** The date, `YYYY-MM-DD` (a datetime string is kept to its date); `null` when empty. */
  @property({ reflect: true }) date: string | null = null;

  /** Which props keep a person's edits with `persistence` (Dash's `persisted_props`). */
  @property({ attribute: 'persisted-props', converter: jsonConverter }) override persistedProps = ['date'];

  /** Text shown in the empty box. */
  @property() placeholder: string | null = null;

  /** Whether days of the neighbouring months fill the first and last weeks (turn off with `show-outside-days="false"`). */
  @property({ attribute: 'show-outside-days', converter: defaultTrueConverter }) showOutsideDays = true;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('date')) {
      const iso = this.dateProp('date', this.date);
      // A datetime is kept to its date; an unreadable value is dropped (warned once).
      if (iso !== this.date) this.date = iso;
      this.dropDrafts();
    }
    super.willUpdate(changed);
  }

  /** @internal */
  selection(): { start: string | null; end: string | null } {
    return { start: this.date, end: null };
  }

  /** @internal */
  pick(day: string): void {
    this.commitProps({ date: day });
    this.dropDrafts();
    if (!this.stayOpenOnSelect) this.closeCalendar(true);
  }

  protected commitTyped(_box: DateBox, day: string | null): boolean {
    this.commitProps({ date: day });
    return true;
  }

  /** @internal */
  clearValue(): void {
    this.commitProps({ date: null });
  }

  /** @internal */
  renderBoxes(): TemplateResult {
    return html`${this.renderBox('date', this.date, this.placeholder ?? 'Date', this.accessibleName() || 'Date')}`;
  }

  protected override formValue(): string | null {
    return this.name && this.date ? this.date : null;
  }

  protected override currentFormState(): unknown {
    return this.date;
  }

  protected override restoreFormState(state: unknown): void {
    this.date = (state as string | null) ?? null;
    this.dropDrafts();
  }
}
