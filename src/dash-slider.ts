import { DashSlider } from './components/slider/slider.js';
import { define } from './internal/define.js';

export { DashSlider };
define('dash-slider', DashSlider);

declare global {
  interface HTMLElementTagNameMap {
    'dash-slider': DashSlider;
  }
}
