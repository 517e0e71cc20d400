import { DashRadioItems } from './components/radio-items/radio-items.js';
import { define } from './internal/define.js';
export { DashRadioItems };
define('dash-radio-items', DashRadioItems);
declare global {
  interface HTMLElementTagNameMap {
    'dash-radio-items': DashRadioItems;
  }
}
