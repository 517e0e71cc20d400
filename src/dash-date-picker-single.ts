import { DashDatePickerSingle } from './components/date-picker/date-picker-single.js';
import { define } from './internal/define.js';
export { DashDatePickerSingle };
define('dash-date-picker-single', DashDatePickerSingle);
declare global {
  interface HTMLElementTagNameMap {
    'dash-date-picker-single': DashDatePickerSingle;
  }
}
