import { LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import type { RejectedFile } from './upload-files.js';
import type { UploadZone } from './upload-view.js';

export type { RejectedFile, UploadRejectReason } from './upload-files.js';

export interface DashUploadRejectDetail {
  /** Every refused file with its reason (`file-invalid-type`, `file-too-large`, `file-too-small`, `too-many-files`). */
  files: RejectedFile[];
}

type StyleObject = Record<string, string | number>;

/** The drop zone, file rules and reading, and the styles: a chunk loaded before the first update (docs/upload.md). */
const uploadView = new Lazy(() => import('./upload-view.js'));

/**
 * Dash's `dcc.Upload`: a drop zone around its slotted content. Drop files on it, or click it (or
 * press Enter / Space on it) to browse. Each file is read as a data URL off the main thread, then
 * `contents`, `filename` and `lastModified` are written together (arrays when `multiple`). Files that
 * `accept`, `maxSize`, `minSize` or `multiple` refuse are reported in `dash-upload-reject` with a
 * reason, and nothing is written for them.
 *
 * While files are dragged over it the element takes `classNameActive` / `styleActive` (or
 * `classNameReject` / `styleReject` when they would be refused); when `disabled`,
 * `classNameDisabled` / `styleDisabled`. Classes go on the element, styles onto its own style
 * (through the CSSOM, so a strict CSP allows them) and come off again after, as in Dash.
 *
 * @summary A drop zone and file picker that reads files as data URLs.
 *
 * @fires input - A person uploaded files (`contents` changed).
 * @fires change - Same, once the new `contents`, `filename` and `lastModified` are set.
 * @fires dash-upload-reject - Files were refused (`detail: {files: [{name, size, type, reason, message}]}`).
 * @fires dash-prop-change - A public property changed (`detail: {prop, value, user}`).
 *
 * @slot - The zone's content ("Drag and drop or select files").
 *
 * @csspart zone - The focusable drop zone (`role="button"`) around the content.
 *
 * @cssprop --dash-upload-border-color - The zone's dashed border (falls back to `--dash-border-color`).
 * @cssprop --dash-upload-accent - Focus ring colour (falls back to `--dash-accent`).
 *
 * @tagname dash-upload
 */
export class DashUpload extends LazyView(DashElement, uploadView) {
  /** `upload.focus()` focuses the zone. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The uploaded file as a data URL (`data:<type>;base64,…`), or an array of them when `multiple`. */
  @property({ attribute: false }) contents: string | string[] | null = null;

  /** The uploaded file's name (an array when `multiple`). */
  @property({ attribute: false }) filename: string | string[] | null = null;

  /** The uploaded file's last modification time in seconds since 1970 (an array when `multiple`). */
  @property({ attribute: false }) lastModified: number | number[] | null = null;

  /** Allowed files, as the file input's `accept`: `.csv`, `text/*`, `image/png`, comma-separated. */
  @property({ reflect: true }) accept: string | null = null;

  /** Take several files at once (the values become arrays). */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Largest file taken, in bytes (`-1`: no limit). */
  @property({ attribute: 'max-size', type: Number }) maxSize = -1;

  /** Smallest file taken, in bytes. */
  @property({ attribute: 'min-size', type: Number }) minSize = 0;

  /** Refuse drops and clicks. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Take only dropped files: clicking (or Enter / Space) does not open the file picker. */
  @property({ attribute: 'disable-click', type: Boolean, reflect: true }) disableClick = false;

  /** Classes added to the element while files are dragged over it. */
  @property({ attribute: 'class-name-active' }) classNameActive: string | null = null;

  /** Classes added while dragged files would be refused. */
  @property({ attribute: 'class-name-reject' }) classNameReject: string | null = null;

  /** Classes added while `disabled`. */
  @property({ attribute: 'class-name-disabled' }) classNameDisabled: string | null = null;

  /** Style while files are dragged over it (a Dash style object; JSON in the attribute). */
  @property({ attribute: 'style-active', converter: jsonConverter }) styleActive: StyleObject = {
    borderStyle: 'solid',
    borderColor: '#6c6',
    backgroundColor: '#eee',
  };

  /** Style while dragged files would be refused. */
  @property({ attribute: 'style-reject', converter: jsonConverter }) styleReject: StyleObject = {
    borderStyle: 'solid',
    borderColor: '#c66',
    backgroundColor: '#eee',
  };

  /** Style while `disabled`. */
  @property({ attribute: 'style-disabled', converter: jsonConverter }) styleDisabled: StyleObject = { opacity: 0.5 };

  private zone: UploadZone | null = null;

  protected override viewLoaded(view: typeof import('./upload-view.js')): void {
    this.zone = new view.UploadZone(this);
  }

  protected override render() {
    return this.zone?.render() ?? nothing;
  }

  /** @internal The view writes what a person uploaded. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-upload-reject': CustomEvent<DashUploadRejectDetail>;
  }
}
