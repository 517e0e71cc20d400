import { DashEventSource } from './components/event-source/event-source.js';
import { define } from './internal/define.js';
export { DashEventSource };
define('dash-event-source', DashEventSource);
declare global {
  interface HTMLElementTagNameMap {
    'dash-event-source': DashEventSource;
  }
}
