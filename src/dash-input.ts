import { DashInput } from './components/input/input.js';
import { define } from './internal/define.js';
export { DashInput };
define('dash-input', DashInput);
declare global {
  interface HTMLElementTagNameMap {
    'dash-input': DashInput;
  }
}
