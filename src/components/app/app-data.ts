/**
 * A Dash app's layout and callbacks (`/_dash-layout`, `/_dash-dependencies`, docs/layout.md).
 * `<dash-app>` fetches them as soon as it connects, while the code that renders them loads, so the
 * two waits overlap instead of following each other.
 */
export interface DashAppData {
  /** The app's URL prefix, ending in `/`. */
  base: URL;
  layout: unknown;
  dependencies: unknown;
}

/** Fetches the app's layout and callbacks; rejects (never throws) on any failure. */
export async function fetchAppData(src: string, doc: Document, signal: AbortSignal): Promise<DashAppData> {
  const base = appBase(src, doc);
  const fetchJson = async (path: string) => {
    const response = await fetch(new URL(path, base), { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const [layout, dependencies] = await Promise.all([fetchJson('_dash-layout'), fetchJson('_dash-dependencies')]);
  return { base, layout, dependencies };
}

/**
 * The app's URL prefix, ending in `/`: `src` itself, or for an empty `src` the
 * `requests_pathname_prefix` of the page's `<script id="_dash-config">` (Dash's index page).
 */
function appBase(src: string, doc: Document): URL {
  let prefix = src;
  if (!prefix) {
    const config = doc.getElementById('_dash-config')?.textContent;
    prefix = (config && (JSON.parse(config) as { requests_pathname_prefix?: string }).requests_pathname_prefix) || '/';
  }
  return new URL(prefix.endsWith('/') ? prefix : `${prefix}/`, doc.baseURI);
}
