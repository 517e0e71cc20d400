import { css } from 'lit';

/** The calendar dialog's styles: they load with its code, on first use (custom properties from date-picker.styles.ts). */
export const calendarStyles = css`
  .popup {
    position: absolute;
    z-index: 1000;
    top: calc(100% + 4px);
    inset-inline-start: 0;
    /* As wide as the months need, not squeezed to the box's width. */
    width: max-content;
  }
  .popup.portal,
  .popup.full-screen {
    position: fixed;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    width: auto;
    background: rgb(0 0 0 / 0.45);
  }
  .popup.full-screen .calendar {
    width: 100%;
    height: 100%;
    box-sizing: border-box;
    border-radius: 0;
  }
  .calendar {
    position: relative;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    padding: 8px 12px 12px;
  }
  .nav {
    position: absolute;
    inset: 8px 8px auto;
    display: flex;
    justify-content: space-between;
    pointer-events: none;
  }
  .nav button {
    pointer-events: auto;
    font-size: 18px;
    line-height: 1;
    border: 1px solid var(--_border);
  }
  .months {
    display: flex;
    gap: 16px;
  }
  .months.vertical {
    flex-direction: column;
  }
  .month-title {
    text-align: center;
    font-weight: 600;
    padding: 4px 0 8px;
  }
  table {
    border-collapse: collapse;
  }
  th {
    font-weight: normal;
    font-size: 0.85em;
    color: var(--_muted);
    padding-bottom: 4px;
  }
  td {
    box-sizing: border-box;
    padding: 0;
    width: var(--_day, 39px);
    height: calc(var(--_day, 39px) - 4px);
    text-align: center;
    cursor: pointer;
    border: 1px solid transparent;
  }
  td.empty {
    cursor: default;
  }
  td.today {
    font-weight: 700;
    text-decoration: underline;
  }
  td.outside {
    color: var(--_muted);
  }
  td.in-range {
    background: var(--_range);
  }
  td.disabled {
    color: var(--_muted);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  td.selected {
    background: var(--_accent);
    color: light-dark(#ffffff, #0d1117);
  }
  td:hover:not(.disabled, .empty) {
    border-color: var(--_accent);
  }
`;
