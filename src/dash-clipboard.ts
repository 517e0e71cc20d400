import { DashClipboard } from './components/clipboard/clipboard.js';
import { define } from './internal/define.js';
export { DashClipboard };
define('dash-clipboard', DashClipboard);
declare global {
  interface HTMLElementTagNameMap {
    'dash-clipboard': DashClipboard;
  }
}
