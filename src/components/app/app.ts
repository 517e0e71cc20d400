/**
 * An optional scope for callbacks: `<dash-callback>`s inside resolve ids inside it, so a page can
 * hold several apps that reuse ids. Without one, the document (or shadow root) is the scope.
 * Renders its children as they are.
 *
 * @slot - The app's layout and callbacks.
 *
 * @tagname dash-app
 */
export class DashApp extends HTMLElement {}
