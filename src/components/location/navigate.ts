/**
 * In-page navigation shared by `<dash-link>` and `<dash-location>` (Dash's `_dashprivate_pushstate`):
 * push the address, then tell every `<dash-location>` to read it.
 */

/** Fired on `window` after an in-page navigation; `<dash-location>`s read the address again. */
export const NAVIGATE_EVENT = 'dash-navigate';

/** Pushes `url` onto the session history and announces it; a URL that cannot be pushed (another origin) loads instead. */
export function navigate(url: string): void {
  try {
    history.pushState(null, '', url);
  } catch {
    location.assign(url);
    return;
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True when `url` is in this document's origin, so it can be pushed without a reload. */
export function sameOrigin(url: URL): boolean {
  return url.origin === location.origin;
}
