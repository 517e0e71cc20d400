/**
 * Code `<dash-table>` loads on first use, and the work waiting for it. `updateComplete` waits for
 * that work, so a test or a callback sees the table as it will stay (docs/table.md).
 */

/** A module imported on first use, once per page (again after a failed import); `module` once it is there. */
export class Lazy<T> {
  module: T | null = null;
  private pending: Promise<T> | null = null;
  constructor(private readonly importer: () => Promise<T>) {}

  load(): Promise<T> {
    this.pending ??= this.importer().then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.pending = null;
        throw error;
      },
    );
    return this.pending;
  }
}

/** Work in flight that `updateComplete` waits for (each piece handles its own errors). */
export class PendingWork {
  private readonly work = new Set<Promise<void>>();

  get size(): number {
    return this.work.size;
  }

  track(work: Promise<void>): void {
    const done: Promise<void> = work.finally(() => this.work.delete(done));
    this.work.add(done);
  }

  /** Resolves when the work in flight now has finished. */
  settled(): Promise<unknown> {
    return Promise.all(this.work);
  }
}

/** The filter boxes' language: only tables with filter boxes or a filterQuery need it. */
export const columnQueries = new Lazy(() => import('../../filter-query/column-query.js'));
export type ColumnQueries = NonNullable<typeof columnQueries.module>;
/** Turning typed text into a value: only editable tables need it. */
export const editCode = new Lazy(() => import('./table-edit.js'));
export type EditCode = NonNullable<typeof editCode.module>;
/** The clipboard text reader: loaded on the first paste. */
export const pasteCode = new Lazy(() => import('./table-paste.js'));
