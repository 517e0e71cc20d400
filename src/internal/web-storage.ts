/** Where `<dash-store>` data and persisted props live (Dash's `storage_type` / `persistence_type`). */
export type StorageType = 'memory' | 'local' | 'session';

/**
 * `localStorage` or `sessionStorage`, or null where the browser refuses them (sandboxed frames,
 * some privacy modes throw on access); callers then keep their data in memory.
 */
export function webStorage(type: StorageType): Storage | null {
  if (type === 'memory') return null;
  try {
    return type === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/** Normalizes a `storageType`/`persistenceType` attribute: anything unknown is null. */
export function storageType(value: unknown): StorageType | null {
  return value === 'memory' || value === 'local' || value === 'session' ? value : null;
}
