import { html, LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DashElement } from '../../internal/dash-element.js';
import { jsonConverter } from '../../internal/converters.js';
import { emit, emitUserEdit } from '../../internal/events.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { cssPropertyName, cssValue } from '../../internal/dash-style.js';
import { acceptList, accepts, readAsDataUrl, sortFiles, type RejectedFile } from './upload-files.js';
import { uploadStyles } from './upload.styles.js';

export type { RejectedFile, UploadRejectReason } from './upload-files.js';

export interface DashUploadRejectDetail {
  /** Every refused file with its reason (`file-invalid-type`, `file-too-large`, `file-too-small`, `too-many-files`). */
  files: RejectedFile[];
}

type StyleObject = Record<string, string | number>;
type ZoneState = 'active' | 'reject' | 'disabled' | null;


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
export class DashUpload extends DashElement {
  static override styles = uploadStyles;
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

  @query('input') private picker!: HTMLInputElement;
  @state() private dragState: 'active' | 'reject' | null = null;
  /** Counts dragenter/dragleave pairs: both fire for every child the pointer crosses. */
  private dragDepth = 0;
  /** What the element's class and style held before the current state's were applied. */
  private appliedClasses: string[] = [];
  private savedStyle = new Map<string, [string, string]>();

  protected override render() {
    const clickable = !this.disabled && !this.disableClick;
    return html`<div
        part="zone"
        class="zone"
        role=${clickable ? 'button' : 'group'}
        tabindex=${clickable ? '0' : '-1'}
        aria-disabled=${this.disabled ? 'true' : 'false'}
        aria-label=${ifDefined(accessibleName(this) || undefined)}
        @click=${this.browse}
        @keydown=${this.onKeydown}
        @dragenter=${this.onDragEnter}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <slot></slot>
      </div>
      <input type="file" hidden tabindex="-1" aria-hidden="true" accept=${this.accept ?? ''} ?multiple=${this.multiple} @change=${this.onPicked} />`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.applyState(this.disabled ? 'disabled' : this.dragState);
  }

  /** Puts the state's classes and style on the element, after taking the previous state's off. */
  private applyState(state: ZoneState): void {
    this.classList.remove(...this.appliedClasses);
    for (const [name, [value, priority]] of this.savedStyle) this.style.setProperty(name, value, priority);
    this.savedStyle.clear();
    if (state === null) {
      this.appliedClasses = [];
      return;
    }
    const classes = { active: this.classNameActive, reject: this.classNameReject, disabled: this.classNameDisabled }[state];
    this.appliedClasses = (classes ?? '').split(/\s+/).filter((c) => c && !this.classList.contains(c));
    this.classList.add(...this.appliedClasses);
    const style = { active: this.styleActive, reject: this.styleReject, disabled: this.styleDisabled }[state];
    if (typeof style !== 'object' || style === null) return;
    for (const [key, value] of Object.entries(style)) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const name = cssPropertyName(key);
      this.savedStyle.set(name, [this.style.getPropertyValue(name), this.style.getPropertyPriority(name)]);
      this.style.setProperty(name, cssValue(name, value));
    }
  }

  private browse(): void {
    if (this.disabled || this.disableClick) return;
    this.picker.click();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.browse();
  }

  private onDragEnter(event: DragEvent): void {
    event.preventDefault();
    if (this.disabled) return;
    this.dragDepth++;
    this.dragState = this.wouldRefuse(event.dataTransfer) ? 'reject' : 'active';
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.disabled ? 'none' : 'copy';
  }

  private onDragLeave(): void {
    if (this.dragDepth > 0 && --this.dragDepth === 0) this.dragState = null;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragDepth = 0;
    this.dragState = null;
    if (this.disabled) return;
    void this.take([...(event.dataTransfer?.files ?? [])]);
  }

  private onPicked(): void {
    const files = [...(this.picker.files ?? [])];
    this.picker.value = ''; // so picking the same file again is a change
    void this.take(files);
  }

  /** While dragging only the types are known (not names or sizes): refuse what clearly cannot pass. */
  private wouldRefuse(transfer: DataTransfer | null): boolean {
    const items = [...(transfer?.items ?? [])].filter((item) => item.kind === 'file');
    if (!this.multiple && items.length > 1) return true;
    const accept = acceptList(this.accept);
    return items.some((item) => item.type !== '' && !accepts(accept, null, item.type));
  }

  private async take(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const { accepted, rejected } = sortFiles(files, this);
    if (rejected.length) emit<DashUploadRejectDetail>(this, 'dash-upload-reject', { files: rejected });
    if (accepted.length === 0) return;
    let contents: string[];
    try {
      contents = await Promise.all(accepted.map(readAsDataUrl));
    } catch (error) {
      this.warnOnce(`read:${String(error)}`, `could not read the file: ${String(error)}`);
      return;
    }
    const names = accepted.map((f) => f.name);
    const modified = accepted.map((f) => f.lastModified / 1000);
    this.setByUser('contents', this.multiple ? contents : contents[0]);
    this.setByUser('filename', this.multiple ? names : names[0]);
    this.setByUser('lastModified', this.multiple ? modified : modified[0]);
    emitUserEdit(this);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dash-upload-reject': CustomEvent<DashUploadRejectDetail>;
  }
}
