/**
 * dash-elements: registers every element and exports the public API.
 * `import 'dash-elements'` is all a page needs.
 */
export * from './classes.js';
import './dash-dropdown.js';
import './dash-graph.js';
import './dash-slider.js';
import './dash-range-slider.js';
import './dash-callback.js';
import './dash-app.js';
import './dash-table.js';
import './dash-checklist.js';
import './dash-radio-items.js';
import './dash-input.js';
import './dash-textarea.js';
import './dash-button.js';
import './dash-date-picker-single.js';
import './dash-date-picker-range.js';
import './dash-markdown.js';
import './dash-upload.js';
import './dash-download.js';
import './dash-clipboard.js';
import './dash-confirm-dialog.js';
import './dash-tooltip.js';
import './dash-store.js';
import './dash-interval.js';
import './dash-location.js';
import './dash-link.js';
import './dash-tabs.js';
import './dash-loading.js';
import './dash-event-source.js';
