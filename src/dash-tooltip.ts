import { DashTooltip } from './components/tooltip/tooltip.js';
import { define } from './internal/define.js';
export { DashTooltip };
define('dash-tooltip', DashTooltip);
declare global {
  interface HTMLElementTagNameMap {
    'dash-tooltip': DashTooltip;
  }
}
