/**
 * Work an element starts outside Lit's update (code loaded on first use, plotly.js drawing) that
 * its `updateComplete` waits for, so a test or a callback sees the element as it will stay:
 *
 * ```ts
 * protected override getUpdateComplete() {
 *   return this.pending.afterUpdates(() => super.getUpdateComplete(), () => this.isUpdatePending);
 * }
 * ```
 */
export class PendingWork {
  private readonly work = new Set<Promise<unknown>>();

  get size(): number {
    return this.work.size;
  }

  /** Adds work in flight; it handles its own errors (a rejection is only waited for). */
  track(work: Promise<unknown>): void {
    const done: Promise<unknown> = work.then(
      () => this.work.delete(done),
      () => this.work.delete(done),
    );
    this.work.add(done);
  }

  /** Forgets the work in flight (an element that disconnects drops what it had queued). */
  clear(): void {
    this.work.clear();
  }

  /** Resolves when the work in flight now has finished. */
  settled(): Promise<unknown> {
    return Promise.all(this.work);
  }

  /**
   * Lit's update, then the work in flight, again until neither is left (work may request an
   * update, and an update may start work). Resolves to the last update's result.
   */
  async afterUpdates(update: () => Promise<boolean>, isUpdatePending: () => boolean): Promise<boolean> {
    let result = await update();
    while (this.work.size || isUpdatePending()) {
      await this.settled();
      result = await update();
    }
    return result;
  }
}
