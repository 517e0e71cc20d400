import { DashLoading } from './components/loading/loading.js';
import { define } from './internal/define.js';
export { DashLoading };
define('dash-loading', DashLoading);
declare global {
  interface HTMLElementTagNameMap {
    'dash-loading': DashLoading;
  }
}
