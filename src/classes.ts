/**
 * The element classes and the public API, with nothing registered: `import { DashDropdown } from
 * 'dash-elements/classes.js'` lets a page choose its own tag names.
 */
export { NO_UPDATE, PreventUpdate } from './runtime/sentinels.js';
export type { NoUpdate } from './runtime/sentinels.js';
export { Patch } from './runtime/patch.js';
export { ALL, ALLSMALLER, MATCH } from './runtime/dependency.js';
export type { PatchLocation, PatchOperation, WirePatch } from './runtime/patch.js';
export type { DashPropChangeDetail, DashPropChangeEvent } from './internal/events.js';
export { DashElement } from './internal/dash-element.js';
export { DashDropdown } from './components/dropdown/dropdown.js';
export { DashGraph } from './components/graph/graph.js';
export { DashSlider } from './components/slider/slider.js';
export { DashRangeSlider } from './components/slider/range-slider.js';
export { DashCallback } from './components/callback/callback.js';
export type { CallbackContext, CallbackFunction, DashCallbackErrorDetail } from './components/callback/callback.js';
export { DashApp } from './components/app/app.js';
export type { TriggeredInput } from './runtime/runtime.js';
export { DashTable } from './components/table/table.js';
export { DashChecklist } from './components/checklist/checklist.js';
export { DashRadioItems } from './components/radio-items/radio-items.js';
export { DashInput } from './components/input/input.js';
export { DashTextarea } from './components/textarea/textarea.js';
export { DashButton } from './components/button/button.js';
export { DashDatePickerSingle } from './components/date-picker/date-picker-single.js';
export { DashDatePickerRange } from './components/date-picker/date-picker-range.js';
export { DashMarkdown } from './components/markdown/markdown.js';
export type { HighlightConfig } from './components/markdown/markdown.js';
export { DashUpload } from './components/upload/upload.js';
export type { DashUploadRejectDetail } from './components/upload/upload.js';
export { DashDownload } from './components/download/download.js';
export type { DownloadData } from './components/download/download.js';
export { DashClipboard } from './components/clipboard/clipboard.js';
export { DashConfirmDialog } from './components/confirm-dialog/confirm-dialog.js';
export type { ConfirmDialogLabels } from './components/confirm-dialog/confirm-dialog.js';
export { DashTooltip } from './components/tooltip/tooltip.js';
export type { TooltipBbox, TooltipDirection } from './components/tooltip/tooltip.js';
export { DashStore } from './components/store/store.js';
export { DashInterval } from './components/interval/interval.js';
export { DashLocation } from './components/location/location.js';
export { DashLink } from './components/link/link.js';
export { DashTabs } from './components/tabs/tabs.js';
export type { TabsColors } from './components/tabs/tabs.js';
export { DashTab } from './components/tabs/tab.js';
export { DashLoading } from './components/loading/loading.js';
export type { SpinnerType } from './components/loading/loading.js';
export type { PersistentProps, PersistenceTransform } from './internal/persistence.js';
export type { StorageType } from './internal/web-storage.js';
