import { adoptStyles, type CSSResultOrNative } from 'lit';
import type { DashElement } from './dash-element.js';
import type { Lazy } from './lazy.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern needs any[]
type Constructor<T> = abstract new (...args: any[]) => T;

/** What a view module may export for `LazyView` to take care of. */
export interface ViewModule {
  /** The view's styles: the element's shadow root adopts them when the view is there. */
  readonly styles?: CSSResultOrNative | readonly CSSResultOrNative[];
}

/** What `LazyView` adds, as its subclasses see it. */
export declare abstract class LazyViewMembers<V> {
  /** This element's view module: null until it is loaded (before the first update). */
  protected view: V | null;
  /** Called once per element when its view is there, before the update that first uses it. */
  protected viewLoaded(view: V): void;
}

/**
 * An element whose view (render code, controllers, view-only styles) only pages that show it
 * need: the class, its properties, events and public API stay in the core bundle, and the view is
 * a lazy chunk loaded before the element's first update (docs/conventions.md, "Code loaded on first
 * use"). `updateComplete` waits for it, so code that awaits the element sees it rendered. The
 * view's exported `styles` are adopted by the shadow root when it loads.
 *
 * ```ts
 * const tableView = new Lazy(() => import('./table-view.js'));
 * export class DashTable extends LazyView(DashElement, tableView) {
 *   protected override viewLoaded(view: TableView) { this.addController(new view.Selection(this)); }
 *   override render() { return this.view?.renderTable(this) ?? nothing; }
 * }
 * ```
 *
 * A failed load warns once and renders without the view; the next update tries again.
 */
export function LazyView<V, B extends Constructor<DashElement>>(Base: B, code: Lazy<V>) {
  abstract class LazyViewElement extends Base {
    /** This element's view module: null until it is loaded (before the first update). */
    protected view: V | null = null;

    /** Called once per element when its view is there, before the update that first uses it. */
    protected viewLoaded(_view: V): void {}

    protected override scheduleUpdate(): void | Promise<unknown> {
      if (this.view) return super.scheduleUpdate();
      if (code.module) {
        this.adopt(code.module);
        return super.scheduleUpdate();
      }
      return code.load().then(
        (view) => {
          if (!this.view) this.adopt(view);
          return super.scheduleUpdate();
        },
        (error: unknown) => {
          this.warnOnce('lazy-view', `could not load its code (${String(error)}); it tries again on its next change`);
          return super.scheduleUpdate();
        },
      );
    }

    /** @internal Takes the loaded view (public only because a mixin's class cannot have private members in declarations). */
    adopt(view: V): void {
      this.view = view;
      const { styles } = view as ViewModule;
      if (styles) adoptStyles(this.renderRoot as ShadowRoot, [styles].flat());
      this.viewLoaded(view);
    }
  }
  return LazyViewElement as unknown as Constructor<LazyViewMembers<V>> & B;
}
