import { DashCallback } from './components/callback/callback.js';
import { define } from './internal/define.js';

export { DashCallback };
define('dash-callback', DashCallback);

declare global {
  interface HTMLElementTagNameMap {
    'dash-callback': DashCallback;
  }
}
