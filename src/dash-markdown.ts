import { DashMarkdown } from './components/markdown/markdown.js';
import { define } from './internal/define.js';
export { DashMarkdown };
define('dash-markdown', DashMarkdown);
declare global {
  interface HTMLElementTagNameMap {
    'dash-markdown': DashMarkdown;
  }
}
