import { DashApp } from './components/app/app.js';
import { define } from './internal/define.js';

export { DashApp };
define('dash-app', DashApp);

declare global {
  interface HTMLElementTagNameMap {
    'dash-app': DashApp;
  }
}
