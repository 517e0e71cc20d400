import { DashTable } from './components/table/table.js';
import { define } from './internal/define.js';
export { DashTable };
define('dash-table', DashTable);
declare global {
  interface HTMLElementTagNameMap {
    'dash-table': DashTable;
  }
}
