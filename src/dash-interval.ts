import { DashInterval } from './components/interval/interval.js';
import { define } from './internal/define.js';
export { DashInterval };
define('dash-interval', DashInterval);
declare global {
  interface HTMLElementTagNameMap {
    'dash-interval': DashInterval;
  }
}
