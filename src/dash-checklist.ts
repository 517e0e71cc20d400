import { DashChecklist } from './components/checklist/checklist.js';
import { define } from './internal/define.js';
export { DashChecklist };
define('dash-checklist', DashChecklist);
declare global {
  interface HTMLElementTagNameMap {
    'dash-checklist': DashChecklist;
  }
}
