import { DashGraph } from './components/graph/graph.js';
import { define } from './internal/define.js';
export { DashGraph };
define('dash-graph', DashGraph);
declare global {
  interface HTMLElementTagNameMap {
    'dash-graph': DashGraph;
  }
}
