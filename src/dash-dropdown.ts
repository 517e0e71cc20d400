import { DashDropdown } from './components/dropdown/dropdown.js';
import { define } from './internal/define.js';
export { DashDropdown };
define('dash-dropdown', DashDropdown);
declare global {
  interface HTMLElementTagNameMap {
    'dash-dropdown': DashDropdown;
  }
}
