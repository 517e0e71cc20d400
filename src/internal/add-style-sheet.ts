/**
 * Adds a stylesheet that came with code loaded later (a calendar, spinners, plotly's CSS) to a
 * shadow root, once: loading or rendering again adds nothing. `first` puts it before the root's
 * own sheets, like a prepended `<style>`, so the root's rules win over it. Lit's `adoptStyles`
 * replaces a root's sheets instead; views use that for their own styles when they load.
 */
export function addStyleSheet(root: ShadowRoot, sheet: CSSStyleSheet | undefined, first = false): void {
  if (!sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = first ? [sheet, ...root.adoptedStyleSheets] : [...root.adoptedStyleSheets, sheet];
}
