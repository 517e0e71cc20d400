// Tabs read their <dash-tab> children as DashTab: define the tab first.
import './dash-tab.js';
import { DashTabs } from './components/tabs/tabs.js';
import { define } from './internal/define.js';
export { DashTabs };
define('dash-tabs', DashTabs);
declare global {
  interface HTMLElementTagNameMap {
    'dash-tabs': DashTabs;
  }
}
