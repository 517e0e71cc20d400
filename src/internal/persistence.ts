import type { ComplexAttributeConverter, PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { canonicalProp } from '../runtime/dependency.js';
import { jsonConverter } from './converters.js';
import type { DashElement } from './dash-element.js';
import { deepEqual } from './deep-equal.js';
import { storageType, webStorage, type StorageType } from './web-storage.js';

/**
 * Persistence as Dash does it (docs/persistence.md): a person's edit of a persisted prop is kept
 * under the element's id as `[their value, the page's value it replaced]`. When the element
 * appears again (a reload, a re-render) the edit is put back only if the page still starts from
 * that same value; a page that now starts elsewhere wins, and the edit is dropped. A callback or
 * outside code writing the prop drops the edit too. Changing `persistence` (or its type or
 * props) puts the page's values back and applies what was kept under the new one.
 */

const PREFIX = '_dash_persistence.';

/** Reads part of a prop for a nested persisted prop (the table's `columns.name`) and puts it back. */
export interface PersistenceTransform {
  extract(value: unknown): unknown;
  apply(stored: unknown, current: unknown): unknown;
}

export interface PersistenceOptions {
  /** The element's default `persistedProps` (Dash's `persisted_props` default). */
  props: readonly string[];
  /** Transforms of nested persisted props, by their full name (`columns.name`). */
  transforms?: Readonly<Record<string, PersistenceTransform>>;
}

/** The public surface every persistent element gains. */
export interface PersistentProps {
  persistence: boolean | string | number | null;
  persistedProps: string[];
  persistenceType: StorageType;
}

/** `persistence` attribute: absent → null, bare (`persistence`) → true, otherwise JSON or the string. */
const persistenceConverter: ComplexAttributeConverter<boolean | string | number | null> = {
  fromAttribute(value: string | null) {
    if (value === null) return null;
    if (value === '') return true;
    try {
      return JSON.parse(value) as boolean | string | number;
    } catch {
      return value;
    }
  },
};

const identity: PersistenceTransform = { extract: (value) => value, apply: (stored) => stored };

/** A person's edit as Dash keeps it: their value, and the page's value it replaced. */
type Edit = [value: unknown, original: unknown];

/** What one element persists under: the storage keys depend on all of it. */
interface Config {
  id: string;
  persistence: unknown;
  type: StorageType;
  props: readonly string[];
}

/** Edits whose storage is `memory`, unavailable or full: they survive re-renders, not a reload. */
const memory = new Map<string, string>();

type Warn = (key: string, message: string) => void;

function storageKey(config: Config, persistedProp: string): string {
  return `${PREFIX}${config.id}.${persistedProp}.${JSON.stringify(config.persistence)}`;
}

function readEdit(type: StorageType, key: string, warn: Warn): Edit | undefined {
  let text: string | null | undefined;
  try {
    text = webStorage(type)?.getItem(key);
  } catch {
    text = null;
  }
  text ??= memory.get(key);
  if (text === undefined) return undefined;
  try {
    const edit: unknown = JSON.parse(text);
    if (Array.isArray(edit) && edit.length === 2) return edit as Edit;
  } catch {
    // reported below
  }
  warn(`persistence:${key}`, `the kept value under "${key}" is not readable; ignoring it`);
  removeEdit(type, key);
  return undefined;
}

function writeEdit(type: StorageType, key: string, edit: Edit, warn: Warn): void {
  const text = JSON.stringify(edit);
  const storage = webStorage(type);
  if (storage) {
    try {
      storage.setItem(key, text);
      memory.delete(key);
      return;
    } catch (error) {
      // Over quota (or refused): keep the edit for this page's life instead.
      warn(`persistence-full:${key}`, `${type}Storage refused "${key}" (${String(error)}); keeping it in memory`);
      storage.removeItem(key);
    }
  }
  memory.set(key, text);
}

function removeEdit(type: StorageType, key: string): void {
  memory.delete(key);
  try {
    webStorage(type)?.removeItem(key);
  } catch {
    // storage unavailable: only the memory copy existed
  }
}

/** The prop a persisted prop lives in: `columns.name` → `columns`, `filter_query` → `filterQuery`. */
function propOf(persistedProp: string): string {
  return canonicalProp(persistedProp.split('.')[0]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ElementClass = abstract new (...args: any[]) => DashElement;

/**
 * Gives a control Dash's `persistence`, `persistedProps` and `persistenceType` (docs/persistence.md):
 * `class DashSlider extends Persistent(DashFormElement, { props: ['value'] })`. The control only
 * has to change its props through `setByUser()` for a person's edits, as every element does.
 */
export function Persistent<T extends ElementClass>(Base: T, options: PersistenceOptions) {
  abstract class PersistentElement extends Base {
    /**
     * Any truthy value keeps a person's edits of `persistedProps` across reloads (Dash's
     * `persistence`); a different truthy value starts afresh. The bare attribute means true.
     */
    @property({ converter: persistenceConverter }) persistence: boolean | string | number | null = null;

    /** Which props persist (Dash's `persisted_props`; either spelling). JSON array in the attribute. */
    @property({ attribute: 'persisted-props', converter: jsonConverter }) persistedProps: string[] = [...options.props];

    /** Where edits are kept: `local` (default), `session` or `memory` (Dash's `persistence_type`). */
    @property({ attribute: 'persistence-type' }) persistenceType: StorageType = 'local';

    /** The configuration whose kept edits are applied now (null: none). */
    private persistedUnder: Config | null = null;
    /** Props just written from storage, which are not edits to record or drop. */
    private readonly restoredProps = new Set<string>();

    override connectedCallback(): void {
      super.connectedCallback();
      this.syncPersistence();
    }

    protected override willUpdate(changed: PropertyValues): void {
      this.syncPersistence();
      if (this.hasUpdated && this.persistedUnder) this.keepEdits(this.persistedUnder, changed);
      this.restoredProps.clear();
      super.willUpdate(changed);
    }

    private persistenceConfig(): Config | null {
      if (!this.id || !this.persistence) return null;
      const type = storageType(this.persistenceType);
      if (!type) {
        this.warnOnce(`persistence-type:${String(this.persistenceType)}`, `persistence-type "${String(this.persistenceType)}" is not local, session or memory; using local`);
      }
      const props = Array.isArray(this.persistedProps) ? this.persistedProps.filter((p) => typeof p === 'string') : [...options.props];
      return { id: this.id, persistence: this.persistence, type: type ?? 'local', props };
    }

    /** Applies kept edits when the element first has an id and `persistence`, or when either changes. */
    private syncPersistence(): void {
      const next = this.persistenceConfig();
      if (deepEqual(next, this.persistedUnder)) return;
      if (this.persistedUnder) this.moveEdits(this.persistedUnder, 'undo');
      if (next) this.moveEdits(next, 'apply');
      this.persistedUnder = next;
    }

    /** Puts kept edits in (or, undoing, the page's values back) where the prop still holds the other side. */
    private moveEdits(config: Config, direction: 'apply' | 'undo'): void {
      const warn: Warn = (key, message) => this.warnOnce(key, message);
      for (const persistedProp of config.props) {
        const key = storageKey(config, persistedProp);
        const edit = readEdit(config.type, key, warn);
        if (!edit) continue;
        const [value, original] = edit;
        const [from, to] = direction === 'apply' ? [original, value] : [value, original];
        const prop = propOf(persistedProp);
        const transform = options.transforms?.[persistedProp] ?? identity;
        const self = this as unknown as Record<string, unknown>;
        if (deepEqual(from, transform.extract(self[prop]))) {
          self[prop] = transform.apply(to, self[prop]);
          this.restoredProps.add(prop);
        } else {
          // The page starts from another value now: it wins, and the edit is forgotten.
          removeEdit(config.type, key);
        }
      }
    }

    /** A person's edit of a persisted prop is recorded; any other write drops what was kept. */
    private keepEdits(config: Config, changed: PropertyValues): void {
      const warn: Warn = (key, message) => this.warnOnce(key, message);
      const self = this as unknown as Record<string, unknown>;
      for (const persistedProp of config.props) {
        const prop = propOf(persistedProp);
        if (!changed.has(prop) || this.restoredProps.has(prop)) continue;
        const key = storageKey(config, persistedProp);
        if (!this.isUserChange(prop)) {
          removeEdit(config.type, key);
          continue;
        }
        const transform = options.transforms?.[persistedProp] ?? identity;
        const value = transform.extract(self[prop]);
        let original = transform.extract(changed.get(prop));
        if (deepEqual(value, original)) continue;
        // Later edits keep the page's value from before the first one.
        const kept = readEdit(config.type, key, warn);
        if (kept) original = kept[1];
        writeEdit(config.type, key, [value, original], warn);
      }
    }
  }
  // The instance type is Base's plus PersistentProps (TypeScript's mixin rule wants `any[]` here).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return PersistentElement as unknown as (abstract new (...args: any[]) => PersistentProps) & T;
}
