import { DashTab } from './components/tabs/tab.js';
import { define } from './internal/define.js';
export { DashTab };
define('dash-tab', DashTab);
declare global {
  interface HTMLElementTagNameMap {
    'dash-tab': DashTab;
  }
}
