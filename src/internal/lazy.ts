/**
 * "Import on first use, retry after a failure", for code only some pages need (a lazy chunk in
 * the CDN build): the import starts on the first `load()`, is shared by every caller, and a
 * failed one is forgotten so the next `load()` tries again.
 */
export class Lazy<T, Args extends unknown[] = []> {
  /** The loaded value, once it is there (null before, and after a failure). */
  module: T | null = null;
  private pending: Promise<T> | null = null;

  /** `load` is called with the arguments of the `load()` call that starts it. */
  constructor(private readonly importer: (...args: Args) => Promise<T>) {}

  load(...args: Args): Promise<T> {
    this.pending ??= this.importer(...args).then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.pending = null;
        throw error;
      },
    );
    return this.pending;
  }
}
