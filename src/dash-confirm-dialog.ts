import { DashConfirmDialog } from './components/confirm-dialog/confirm-dialog.js';
import { define } from './internal/define.js';
export { DashConfirmDialog };
define('dash-confirm-dialog', DashConfirmDialog);
declare global {
  interface HTMLElementTagNameMap {
    'dash-confirm-dialog': DashConfirmDialog;
  }
}
