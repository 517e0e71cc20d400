import { nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DashFormElement } from '../../internal/form-element.js';
import { Persistent } from '../../internal/persistence.js';
import { jsonConverter, kebabCase } from '../../internal/converters.js';
import { monthStart, toIsoDate, today } from './date-math.js';
import type { CalendarHost, DayState } from './calendar.js';
import { emitUserEdit } from '../../internal/events.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { addStyleSheet } from '../../internal/add-style-sheet.js';

const ISO_FORMAT = 'YYYY-MM-DD';

/** The calendar (grid, keys, formats) is imported on first use: a page that never opens one doesn't pay for it. */
const calendar = new Lazy(() => import('./calendar.js'));
type CalendarCode = NonNullable<typeof calendar.module>;

/** The field, its boxes and buttons, the popup and the styles: a chunk loaded before the first update. */
const pickerView = new Lazy(() => import('./date-picker-view.js'));

/** One text box of a picker: which value it edits. */
export type DateBox = 'date' | 'start' | 'end';

/**
 * What `<dash-date-picker-single>` and `<dash-date-picker-range>` share (docs/date-picker.md):
 * the allowed-day rules, the text boxes (typed dates in the display format or ISO), the calendar
 * dialog that loads on first use, opening and closing, forms. Values are `YYYY-MM-DD` strings.
 */
// Each tag declares its own persisted props (docs/persistence.md): `date`, or `startDate` and `endDate`.
export abstract class DatePickerBase extends LazyView(Persistent(DashFormElement, { props: [] }), pickerView) implements CalendarHost {
  /** Earliest day that may be picked (`YYYY-MM-DD`); `null`: no limit. */
  @property({ attribute: 'min-date-allowed' }) minDateAllowed: string | null = null;

  /** Latest day that may be picked (`YYYY-MM-DD`); `null`: no limit. */
  @property({ attribute: 'max-date-allowed' }) maxDateAllowed: string | null = null;

  /** Further days that may not be picked (JSON array of `YYYY-MM-DD`). */
  @property({ attribute: 'disabled-days', converter: jsonConverter }) disabledDays: string[] = [];

  /** The month the calendar first shows when no date is set (`YYYY-MM-DD`, any day of it). */
  @property({ attribute: 'initial-visible-month' }) initialVisibleMonth: string | null = null;

  /** Shows a button that clears the date(s). */
  @property({ type: Boolean }) clearable = false;

  /** How dates show in the box, in moment.js tokens (`MMM Do, YY`); typed text is read in it too. Default `YYYY-MM-DD`. */
  @property({ attribute: 'display-format' }) displayFormat: string | null = null;

  /** How the calendar's month titles show, in moment.js tokens. Default `MMMM YYYY`. */
  @property({ attribute: 'month-format' }) monthFormat: string | null = null;

  /** First column of the calendar: 0 = Sunday … 6 = Saturday. */
  @property({ attribute: 'first-day-of-week', type: Number }) firstDayOfWeek = 0;

  /** Keeps the calendar open after a pick (it closes on Escape or a click outside). */
  @property({ attribute: 'stay-open-on-select', type: Boolean }) stayOpenOnSelect = false;

  /** How many months the calendar shows side by side. */
  @property({ attribute: 'number-of-months-shown', type: Number }) numberOfMonthsShown = 1;

  /** `horizontal` (months side by side) or `vertical` (stacked). */
  @property({ attribute: 'calendar-orientation' }) calendarOrientation: 'horizontal' | 'vertical' = 'horizontal';

  /** Opens the calendar over a dimmed page instead of below the box. */
  @property({ attribute: 'with-portal', type: Boolean }) withPortal = false;

  /** Opens the calendar over the whole page (wins over `withPortal`). */
  @property({ attribute: 'with-full-screen-portal', type: Boolean }) withFullScreenPortal = false;

  /** Opens the calendar again after the clear button empties the picker. */
  @property({ attribute: 'reopen-calendar-on-clear', type: Boolean }) reopenCalendarOnClear = false;

  /** Lays the calendar out right to left (arrow keys follow). */
  @property({ attribute: 'is-rtl', type: Boolean }) isRTL = false;

  /** Size of a calendar day in px (Dash's `day_size`). */
  @property({ attribute: 'day-size', type: Number }) daySize = 39;

  /** Whether days of the neighbouring months fill the calendar's first and last weeks. */
  abstract showOutsideDays: boolean;

  /** @internal Whether the calendar is open. */
  @state() open = false;
  /** @internal First day of the first month the calendar shows. */
  @state() visibleMonth = monthStart(today());
  /** @internal The day that holds focus in the grid (roving tabindex). */
  @state() activeDay = today();
  /** @internal Which box the person is editing (the range's next pick sets that end). */
  @state() editing: DateBox = 'date';
  /** @internal Text a person has typed and not yet committed, per box. */
  @state() drafts: Partial<Record<DateBox, string>> = {};
  /** @internal Boxes whose committed text was refused. */
  @state() invalid: Partial<Record<DateBox, boolean>> = {};
  @state() private calendarReady = calendar.module !== null;

  private pendingLoad: Promise<unknown> | null = null;

  constructor() {
    super();
    // A <label for> click arrives as a click on the host itself: focus the (first) box.
    this.addEventListener('click', (e) => {
      if (e.composedPath()[0] === this && !this.isDisabled) this.renderRoot.querySelector('input')?.focus();
    });
  }

  // ---- hooks for the two tags -------------------------------------------------------------

  /** @internal The selected day(s): `start`/`end` (the single picker uses `start`). */
  abstract selection(): { start: string | null; end: string | null };

  /** @internal A day picked in the calendar. */
  abstract pick(day: string): void;

  /** A date typed into `box` (null: emptied); returns false when refused. */
  protected abstract commitTyped(box: DateBox, day: string | null): boolean;

  /** @internal The text boxes. */
  abstract renderBoxes(): TemplateResult;

  /** @internal Empties the picker (the clear button). */
  abstract clearValue(): void;

  /** Extra rule for a day while the person is picking (the range's minimum nights). */
  protected dayRefused(_day: string): boolean {
    return false;
  }

  // ---- rules ------------------------------------------------------------------------------

  /** A prop that should hold a date: its ISO form, or null with one warning. */
  protected dateProp(prop: string, value: unknown): string | null {
    const iso = toIsoDate(value);
    if (iso === undefined) {
      this.warnOnce(`${prop}:${String(value)}`, `${kebabCase(prop)} ${JSON.stringify(value)} is not a YYYY-MM-DD date; ignoring it`);
      return null;
    }
    return iso;
  }

  private disabledSet = new Set<string>();

  /** @internal Whether `day` may be picked at all: inside min..max and not among `disabledDays`. */
  isAllowed(day: string): boolean {
    const min = this.dateProp('minDateAllowed', this.minDateAllowed);
    const max = this.dateProp('maxDateAllowed', this.maxDateAllowed);
    return !(min && day < min) && !(max && day > max) && !this.disabledSet.has(day);
  }

  /** @internal */
  dayState(day: string): DayState {
    const { start, end } = this.selection();
    const selected = day === start || day === end;
    return {
      disabled: !this.isAllowed(day) || this.dayRefused(day),
      selected,
      inRange: !!start && !!end && day > start && day < end,
    };
  }

  override checkProp(prop: string, value: unknown): void {
    if (['date', 'startDate', 'endDate', 'minDateAllowed', 'maxDateAllowed', 'initialVisibleMonth'].includes(prop) && toIsoDate(value) === undefined) {
      throw new TypeError(`${this.describe()}: ${prop} must be a YYYY-MM-DD date or null`);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('disabledDays')) {
      const list: unknown = this.disabledDays;
      const days = Array.isArray(list) ? list : [];
      if (!Array.isArray(list) && list !== null) this.warnOnce('disabledDays', 'disabled-days must be an array of YYYY-MM-DD dates; ignoring it');
      this.disabledSet = new Set(days.map((d) => this.dateProp('disabledDays', d)).filter((d): d is string => d !== null));
    }
    if (this.format() !== ISO_FORMAT && !calendar.module) this.loadCode();
    if (this.open && this.isDisabled) this.open = false;
    if (this.open && calendar.module) this.adoptCalendarStyles(calendar.module);
    super.willUpdate(changed);
  }

  // ---- locale and formats -----------------------------------------------------------------

  /** @internal The language of month and day names: the nearest `lang`, else the browser's. */
  locale(): string {
    return this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  }

  private format(): string {
    return this.displayFormat || ISO_FORMAT;
  }

  /** @internal How a value shows in a box: in the display format once the formatter is here, ISO until then. */
  displayText(day: string | null): string {
    if (!day) return '';
    return calendar.module ? calendar.module.formatDate(day, this.format(), this.locale()) : day;
  }

  /** The calendar's styles came with its code: add them to this picker's shadow root once. */
  private adoptCalendarStyles(code: CalendarCode): void {
    addStyleSheet(this.renderRoot as ShadowRoot, code.calendarStyles.styleSheet);
  }

  /** @internal Loads the calendar's code (a box's focus starts it, so typed dates read in the display format). */
  loadCode(): Promise<unknown> {
    this.pendingLoad ??= calendar.load().then(
      () => {
        this.calendarReady = true;
      },
      (error: unknown) => {
        this.pendingLoad = null;
        this.warnOnce('calendar-load', `the calendar's code failed to load (${String(error)}); try again`);
        this.open = false;
      },
    );
    return this.pendingLoad;
  }

  /**
   * A display format shows from the first render, never ISO first: the formatter (it comes with
   * the calendar's code) loads beside the view before that render.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || this.format() === ISO_FORMAT || calendar.module) return super.scheduleUpdate();
    return Promise.all([this.loadCode(), pickerView.load().catch(() => null)]).then(() => super.scheduleUpdate());
  }

  /** `updateComplete` also waits for the calendar's code when a render needs it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pendingLoad && !this.calendarReady) {
      await this.pendingLoad;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // ---- opening and closing ----------------------------------------------------------------

  /** @internal Opens the calendar on the selected day (else `initialVisibleMonth`, else today); `focusGrid` moves focus into it. */
  async openCalendar(focusGrid: boolean): Promise<void> {
    if (this.isDisabled) return;
    if (!this.open) {
      const { start, end } = this.selection();
      const shown = (this.editing === 'end' ? end ?? start : start ?? end) ?? this.dateProp('initialVisibleMonth', this.initialVisibleMonth);
      this.activeDay = shown ?? today();
      this.visibleMonth = monthStart(this.activeDay);
      this.open = true;
    }
    await this.loadCode();
    if (focusGrid) this.focusActiveDay();
  }

  /** @internal Closes the calendar; `refocus` puts focus back in the box being edited. */
  closeCalendar(refocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.calendarClosed();
    if (refocus) this.box(this.editing)?.focus();
  }

  /** A half-picked range is dropped when the calendar closes. */
  protected calendarClosed(): void {}

  /** @internal Moves focus to the grid's focused day once it is rendered. */
  async focusActiveDay(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.activeDay}"]`)?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  /** A press outside the picker closes the calendar. */
  private onDocumentPointerDown = (e: Event): void => {
    if (this.open && !e.composedPath().includes(this)) this.closeCalendar(false);
  };

  // ---- boxes ------------------------------------------------------------------------------

  /** @internal */
  box(which: DateBox): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[data-box="${which}"]`);
  }

  /** @internal Reads what a person typed: display format or ISO; empty clears (when clearable or nothing was set). */
  async commitDraft(which: DateBox): Promise<void> {
    const text = this.drafts[which];
    if (text === undefined) return;
    let day: string | null = null;
    if (text.trim()) {
      const code = await calendar.load().catch(() => null);
      day = code ? code.parseDate(text, this.format(), this.locale()) : toIsoDate(text.trim()) ?? null;
    }
    const ok = (day !== null || !text.trim()) && (day === null || this.isAllowed(day)) && this.commitTyped(which, day);
    this.drafts = { ...this.drafts, [which]: ok ? undefined : text };
    this.invalid = { ...this.invalid, [which]: !ok };
    if (ok && day) {
      this.activeDay = day;
      this.visibleMonth = monthStart(day);
    }
  }

  /** @internal A write from outside shows the new value in place of a half-typed one. */
  dropDrafts(): void {
    this.drafts = {};
    this.invalid = {};
  }

  protected renderBox(which: DateBox, value: string | null, placeholder: string, label: string): TemplateResult | typeof nothing {
    return this.view?.renderBox(this, which, value, placeholder, label) ?? nothing;
  }

  /** Writes by a person: the props, then `input` and `change`. */
  protected commitProps(values: Partial<Record<string, string | null>>): void {
    let changed = false;
    for (const [prop, value] of Object.entries(values)) {
      changed = this.setByUser(prop as keyof this, value as this[keyof this]) || changed;
    }
    if (!changed) return;
    emitUserEdit(this);
  }

  // ---- render -----------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    return this.view?.renderPicker(this, calendar.module) ?? nothing;
  }
}
