import { DashButton } from './components/button/button.js';
import { define } from './internal/define.js';
export { DashButton };
define('dash-button', DashButton);
declare global {
  interface HTMLElementTagNameMap {
    'dash-button': DashButton;
  }
}
