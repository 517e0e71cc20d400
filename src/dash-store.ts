import { DashStore } from './components/store/store.js';
import { define } from './internal/define.js';
export { DashStore };
define('dash-store', DashStore);
declare global {
  interface HTMLElementTagNameMap {
    'dash-store': DashStore;
  }
}
