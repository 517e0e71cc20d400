import { DashRangeSlider } from './components/slider/range-slider.js';
import { define } from './internal/define.js';

export { DashRangeSlider };
define('dash-range-slider', DashRangeSlider);

declare global {
  interface HTMLElementTagNameMap {
    'dash-range-slider': DashRangeSlider;
  }
}
