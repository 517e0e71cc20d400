import { DashDatePickerRange } from './components/date-picker/date-picker-range.js';
import { define } from './internal/define.js';
export { DashDatePickerRange };
define('dash-date-picker-range', DashDatePickerRange);
declare global {
  interface HTMLElementTagNameMap {
    'dash-date-picker-range': DashDatePickerRange;
  }
}
