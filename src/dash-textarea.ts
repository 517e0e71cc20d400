import { DashTextarea } from './components/textarea/textarea.js';
import { define } from './internal/define.js';
export { DashTextarea };
define('dash-textarea', DashTextarea);
declare global {
  interface HTMLElementTagNameMap {
    'dash-textarea': DashTextarea;
  }
}
