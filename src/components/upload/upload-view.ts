/**
 * What `<dash-upload>` shows and how it takes files, loaded before its first update
 * (docs/upload.md, "What loads when"): the drop zone, the file picker, drag states, the file rules
 * and reading, and the styles. The element class keeps the Dash API: properties and events.
 */
import { html, type ReactiveController } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emit, emitUserEdit } from '../../internal/events.js';
import { accessibleName } from '../../internal/accessible-name.js';
import { cssPropertyName, cssValue } from '../../internal/dash-style.js';
import { acceptList, accepts, readAsDataUrl, sortFiles } from './upload-files.js';
import type { DashUpload, DashUploadRejectDetail } from './upload.js';

export { uploadStyles as styles } from './upload.styles.js';

type ZoneState = 'active' | 'reject' | 'disabled' | null;

/** The drop zone of one `<dash-upload>`: it writes what it reads through the element. */
export class UploadZone implements ReactiveController {
  private dragState: 'active' | 'reject' | null = null;
  /** Counts dragenter/dragleave pairs: both fire for every child the pointer crosses. */
  private dragDepth = 0;
  /** What the element's class and style held before the current state's were applied. */
  private appliedClasses: string[] = [];
  private savedStyle = new Map<string, [string, string]>();

  constructor(private readonly host: DashUpload) {
    host.addController(this);
  }

  private get picker(): HTMLInputElement {
    return this.host.renderRoot.querySelector('input')!;
  }

  render() {
    const host = this.host;
    const clickable = !host.disabled && !host.disableClick;
    return html`<div
        part="zone"
        class="zone"
        role=${clickable ? 'button' : 'group'}
        tabindex=${clickable ? '0' : '-1'}
        aria-disabled=${host.disabled ? 'true' : 'false'}
        aria-label=${ifDefined(accessibleName(host) || undefined)}
        @click=${this.browse}
        @keydown=${this.onKeydown}
        @dragenter=${this.onDragEnter}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <slot></slot>
      </div>
      <input type="file" hidden tabindex="-1" aria-hidden="true" accept=${host.accept ?? ''} ?multiple=${host.multiple} @change=${this.onPicked} />`;
  }

  hostUpdated(): void {
    this.applyState(this.host.disabled ? 'disabled' : this.dragState);
  }

  private setDragState(state: 'active' | 'reject' | null): void {
    this.dragState = state;
    this.host.requestUpdate();
  }

  /** Puts the state's classes and style on the element, after taking the previous state's off. */
  private applyState(state: ZoneState): void {
    const host = this.host;
    host.classList.remove(...this.appliedClasses);
    for (const [name, [value, priority]] of this.savedStyle) host.style.setProperty(name, value, priority);
    this.savedStyle.clear();
    if (state === null) {
      this.appliedClasses = [];
      return;
    }
    const classes = { active: host.classNameActive, reject: host.classNameReject, disabled: host.classNameDisabled }[state];
    this.appliedClasses = (classes ?? '').split(/\s+/).filter((c) => c && !host.classList.contains(c));
    host.classList.add(...this.appliedClasses);
    const style = { active: host.styleActive, reject: host.styleReject, disabled: host.styleDisabled }[state];
    if (typeof style !== 'object' || style === null) return;
    for (const [key, value] of Object.entries(style)) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const name = cssPropertyName(key);
      this.savedStyle.set(name, [host.style.getPropertyValue(name), host.style.getPropertyPriority(name)]);
      host.style.setProperty(name, cssValue(name, value));
    }
  }

  private readonly browse = (): void => {
    if (this.host.disabled || this.host.disableClick) return;
    this.picker.click();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.browse();
  };

  private readonly onDragEnter = (event: DragEvent): void => {
    event.preventDefault();
    if (this.host.disabled) return;
    this.dragDepth++;
    this.setDragState(this.wouldRefuse(event.dataTransfer) ? 'reject' : 'active');
  };

  private readonly onDragOver = (event: DragEvent): void => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.host.disabled ? 'none' : 'copy';
  };

  private readonly onDragLeave = (): void => {
    if (this.dragDepth > 0 && --this.dragDepth === 0) this.setDragState(null);
  };

  private readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.dragDepth = 0;
    this.setDragState(null);
    if (this.host.disabled) return;
    void this.take([...(event.dataTransfer?.files ?? [])]);
  };

  private readonly onPicked = (): void => {
    const files = [...(this.picker.files ?? [])];
    this.picker.value = ''; // so picking the same file again is a change
    void this.take(files);
  };

  /** While dragging only the types are known (not names or sizes): refuse what clearly cannot pass. */
  private wouldRefuse(transfer: DataTransfer | null): boolean {
    const items = [...(transfer?.items ?? [])].filter((item) => item.kind === 'file');
    if (!this.host.multiple && items.length > 1) return true;
    const accept = acceptList(this.host.accept);
    return items.some((item) => item.type !== '' && !accepts(accept, null, item.type));
  }

  private async take(files: File[]): Promise<void> {
    const host = this.host;
    if (files.length === 0) return;
    const { accepted, rejected } = sortFiles(files, host);
    if (rejected.length) emit<DashUploadRejectDetail>(host, 'dash-upload-reject', { files: rejected });
    if (accepted.length === 0) return;
    let contents: string[];
    try {
      contents = await Promise.all(accepted.map(readAsDataUrl));
    } catch (error) {
      host.warnOnce(`read:${String(error)}`, `could not read the file: ${String(error)}`);
      return;
    }
    const names = accepted.map((f) => f.name);
    const modified = accepted.map((f) => f.lastModified / 1000);
    host.setByUser('contents', host.multiple ? contents : contents[0]);
    host.setByUser('filename', host.multiple ? names : names[0]);
    host.setByUser('lastModified', host.multiple ? modified : modified[0]);
    emitUserEdit(host);
  }
}
