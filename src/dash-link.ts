import { DashLink } from './components/link/link.js';
import { define } from './internal/define.js';
export { DashLink };
define('dash-link', DashLink);
declare global {
  interface HTMLElementTagNameMap {
    'dash-link': DashLink;
  }
}
