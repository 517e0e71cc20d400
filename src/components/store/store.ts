import { type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { jsonConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { storageType, webStorage, type StorageType } from '../../internal/web-storage.js';

/**
 * Dash's `dcc.Store`: holds JSON data between callbacks, in memory or in the browser's
 * `localStorage` / `sessionStorage` under its `id` (and `<id>-timestamp`, as Dash keeps them).
 * A `local` or `session` store starts from what was saved (a reload keeps it, as in Dash the saved
 * data wins over the page's), `local` stores stay in step across tabs, and writing `clearData`
 * empties it. Saving starts when the browser is idle and serializes a few milliseconds at a time,
 * latest write only, so a large write does not hold up a person typing. Renders nothing.
 *
 * @summary Keeps JSON data for callbacks, in memory or browser storage.
 *
 * @fires dash-prop-change - `data`, `modifiedTimestamp` or `clearData` changed (`{prop, value, user}`),
 *   also when another tab wrote the same `local` store.
 *
 * @tagname dash-store
 */
export class DashStore extends DashElement {
  /** The stored JSON value (any JSON; `null` when empty). JSON in the attribute. */
  @property({ converter: jsonConverter }) data: unknown = null;

  /** `memory` (default: lost on reload), `local` (kept, shared by tabs) or `session` (kept for the tab). */
  @property({ attribute: 'storage-type' }) storageType: StorageType = 'memory';

  /** Writing `true` empties the store (`data` becomes null); it reads false again afterwards. */
  @property({ attribute: 'clear-data', type: Boolean, reflect: true }) clearData = false;

  /** When `data` last changed, in milliseconds since the epoch (-1: never). */
  @property({ attribute: 'modified-timestamp', type: Number, reflect: true }) modifiedTimestamp = -1;

  /** The storage `data` was last loaded from or saved to, and its text there. */
  private saved: { type: StorageType; id: string } | null = null;
  private saveTask: number | null = null;
  /** Counts writes, so a save still serializing knows a newer one replaced it. */
  private saveGeneration = 0;
  /** Set while `data` is being replaced by what storage holds (not a write to save back). */
  private fromStorage = false;

  override createRenderRoot() {
    // Nothing to render; no shadow root needed.
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.onStorage);
    // Before the first update, so callbacks' initial calls see the saved data.
    this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.onStorage);
    this.flush();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('storageType') && this.hasUpdated) this.load();
    if (this.clearData) {
      this.clearData = false;
      this.cancelSave();
      this.forget();
      this.data = null;
      this.modifiedTimestamp = Date.now();
    } else if (changed.has('data') && this.hasUpdated && !this.fromStorage) {
      this.modifiedTimestamp = Date.now();
      this.scheduleSave();
    }
    this.fromStorage = false;
    super.willUpdate(changed);
  }

  private backend(): { type: StorageType; storage: Storage | null } {
    const type = storageType(this.storageType);
    if (!type) this.warnOnce(`storage-type:${String(this.storageType)}`, `storage-type "${String(this.storageType)}" is not memory, local or session; using memory`);
    return { type: type ?? 'memory', storage: webStorage(type ?? 'memory') };
  }

  /** Reads what was saved under the id: it replaces `data`; with nothing saved, `data` is saved. */
  private load(): void {
    const { type, storage } = this.backend();
    this.saved = storage && this.id ? { type, id: this.id } : null;
    if (!storage || !this.id) {
      if (this.data !== null && this.modifiedTimestamp === -1) this.modifiedTimestamp = Date.now();
      return;
    }
    const text = this.readText(storage, this.id);
    if (text === null) {
      if (this.data !== null) {
        this.modifiedTimestamp = Date.now();
        this.scheduleSave();
      }
      return;
    }
    const parsed = this.parse(text);
    if (parsed === undefined) return;
    this.fromStorage = true;
    this.data = parsed;
    this.modifiedTimestamp = Number(this.readText(storage, `${this.id}-timestamp`)) || Date.now();
  }

  private readText(storage: Storage, key: string): string | null {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** The saved JSON, or undefined (reported once) when it does not parse. */
  private parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      this.warnOnce(`corrupt:${this.id}`, `the ${this.storageType}Storage entry "${this.id}" is not valid JSON (${String(error)}); ignoring it`);
      return undefined;
    }
  }

  private scheduleSave(): void {
    // A newer write makes a save in progress stale.
    this.saveGeneration++;
    if (!this.saved || this.saveTask !== null) return;
    // Latest data wins: one pending save, started when the browser is idle (or within a second).
    this.saveTask = requestIdleCallback(() => void this.save(), { timeout: 1000 });
  }

  private cancelSave(): void {
    if (this.saveTask !== null) cancelIdleCallback(this.saveTask);
    this.saveTask = null;
    this.saveGeneration++;
  }

  /** Saves the latest data, serialized a few ms at a time (docs/store.md); an older save still running gives way. */
  private async save(): Promise<void> {
    this.saveTask = null;
    const generation = ++this.saveGeneration;
    const target = this.saved;
    if (!target) return;
    const stale = () => generation !== this.saveGeneration;
    let text: string | null;
    try {
      const { stringifyInSlices } = await import('./store-save.js');
      text = stale() ? null : await stringifyInSlices(this.data, stale);
    } catch {
      // The module did not load (offline): serialize in one go.
      text = stale() ? null : JSON.stringify(this.data);
    }
    if (text !== null) this.write(target, text);
  }

  /** Saves a pending write at once (the element is leaving the page). */
  private flush(): void {
    if (this.saveTask === null || !this.saved) return;
    this.cancelSave();
    this.write(this.saved, JSON.stringify(this.data));
  }

  private write(target: { type: StorageType; id: string }, text: string): void {
    const storage = webStorage(target.type);
    if (!storage) return;
    try {
      storage.setItem(target.id, text);
      storage.setItem(`${target.id}-timestamp`, String(this.modifiedTimestamp));
    } catch (error) {
      // Over quota: the data stays in this page (the prop), and the stale saved copy goes.
      this.warnOnce(`full:${target.id}`, `${target.type}Storage could not save "${target.id}" (${String(error)}); keeping the data in memory`);
      this.forget();
    }
  }

  /** Empties the saved copy. */
  private forget(): void {
    const storage = this.saved && webStorage(this.saved.type);
    if (!storage || !this.saved) return;
    storage.removeItem(this.saved.id);
    storage.removeItem(`${this.saved.id}-timestamp`);
  }

  /** Another tab wrote the same `local` store. */
  private readonly onStorage = (event: StorageEvent): void => {
    if (!this.saved || event.key !== this.saved.id || event.storageArea !== webStorage(this.saved.type)) return;
    const value = event.newValue === null ? null : this.parse(event.newValue);
    if (value === undefined) return;
    this.cancelSave();
    this.fromStorage = true;
    this.data = value;
    this.modifiedTimestamp = Number(this.readText(event.storageArea!, `${this.saved.id}-timestamp`)) || Date.now();
  };
}
