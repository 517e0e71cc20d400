import { DashLocation } from './components/location/location.js';
import { define } from './internal/define.js';
export { DashLocation };
define('dash-location', DashLocation);
declare global {
  interface HTMLElementTagNameMap {
    'dash-location': DashLocation;
  }
}
