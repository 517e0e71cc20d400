/**
 * What both date pickers show, loaded before their first update (docs/date-picker.md, "Size"):
 * the field with its text boxes and buttons, the popup that holds the calendar, and the styles.
 * The calendar itself (grid, keys, formats) is a further chunk, loaded on first use.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from '../../internal/style-map.js';
import type { DateBox, DatePickerBase } from './date-picker-base.js';
import type { renderCalendar } from './calendar.js';

export { datePickerStyles as styles } from './date-picker.styles.js';

/** The picker: its boxes (from the tag), the clear and calendar buttons, and the open calendar. */
export function renderPicker(host: DatePickerBase, calendar: { renderCalendar: typeof renderCalendar } | null): TemplateResult {
  const { start, end } = host.selection();
  const hasValue = !!(start || end);
  const disabled = host.isDisabled;
  const portal = host.withFullScreenPortal ? 'full-screen' : host.withPortal ? 'portal' : '';
  return html`
    <div
      class="picker"
      part="picker"
      dir=${host.isRTL ? 'rtl' : nothing}
      @focusout=${(e: FocusEvent) => onFocusOut(host, e)}
      style=${styleMap({ '--_day': `${host.daySize > 0 ? host.daySize : 39}px` })}
    >
      <div class="field" part="field">
        ${host.renderBoxes()}
        ${host.clearable && hasValue && !disabled
          ? html`<button part="clear-button" class="clear" type="button" aria-label="Clear dates" @click=${() => onClear(host)}>×</button>`
          : nothing}
        <button
          part="calendar-button"
          class="open"
          type="button"
          aria-label="Choose date"
          aria-haspopup="dialog"
          aria-expanded=${host.open ? 'true' : 'false'}
          ?disabled=${disabled}
          @click=${() => (host.open ? host.closeCalendar(true) : host.openCalendar(true))}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 1v2H2v12h12V3h-2V1h-1v2H5V1zM3 6h10v8H3z" /></svg>
        </button>
      </div>
      ${host.open && calendar
        ? html`<div class="popup ${portal}" part="popup" @click=${(e: Event) => portal && e.target === e.currentTarget && host.closeCalendar(true)}>
            ${calendar.renderCalendar(host)}
          </div>`
        : nothing}
    </div>
  `;
}

/** One text box: shows the value (or what a person is typing), commits on Enter or change. */
export function renderBox(host: DatePickerBase, which: DateBox, value: string | null, placeholder: string, label: string): TemplateResult {
  return html`<input
    part="input"
    class="box"
    type="text"
    autocomplete="off"
    spellcheck="false"
    data-box=${which}
    .value=${host.drafts[which] ?? host.displayText(value)}
    placeholder=${placeholder}
    aria-label=${label}
    aria-invalid=${host.invalid[which] ? 'true' : 'false'}
    ?disabled=${host.isDisabled}
    @focus=${() => {
      host.editing = which;
      void host.loadCode();
    }}
    @click=${() => host.openCalendar(false)}
    @input=${(e: Event) => {
      e.stopPropagation();
      host.drafts = { ...host.drafts, [which]: (e.target as HTMLInputElement).value };
    }}
    @change=${() => host.commitDraft(which)}
    @keydown=${(e: KeyboardEvent) => onBoxKeydown(host, e, which)}
  />`;
}

function onBoxKeydown(host: DatePickerBase, e: KeyboardEvent, which: DateBox): void {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    host.editing = which;
    void host.openCalendar(true);
  } else if (e.key === 'Escape' && host.open) {
    e.preventDefault();
    host.closeCalendar(false);
  } else if (e.key === 'Enter') {
    void host.commitDraft(which);
  }
}

/** Focus leaving the picker (Tab away) closes the calendar. */
function onFocusOut(host: DatePickerBase, e: FocusEvent): void {
  const next = e.relatedTarget as Node | null;
  if (host.open && next && !host.contains(next) && !host.renderRoot.contains(next)) host.closeCalendar(false);
}

function onClear(host: DatePickerBase): void {
  host.clearValue();
  host.dropDrafts();
  host.editing = host.editing === 'end' ? 'start' : host.editing;
  if (host.reopenCalendarOnClear) void host.openCalendar(false);
  else host.box(host.editing)?.focus();
}
