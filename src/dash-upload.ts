import { DashUpload } from './components/upload/upload.js';
import { define } from './internal/define.js';
export { DashUpload };
define('dash-upload', DashUpload);
declare global {
  interface HTMLElementTagNameMap {
    'dash-upload': DashUpload;
  }
}
