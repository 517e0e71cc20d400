import { DashDownload } from './components/download/download.js';
import { define } from './internal/define.js';
export { DashDownload };
define('dash-download', DashDownload);
declare global {
  interface HTMLElementTagNameMap {
    'dash-download': DashDownload;
  }
}
