// dash-elements in React 19: properties (objects, arrays, numbers, functions) are set as element
// properties, `ondash-prop-change` listens to the element's event, and a <dash-callback> wires
// elements together with a function. The JSX types come from `dash-elements/jsx` (generated
// from custom-elements.json).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'dash-elements';
import type {} from 'dash-elements/jsx';

const REGIONS = ['North', 'South', 'East', 'West'];
const SALES: Record<string, number> = { North: 120, South: 95, East: 143, West: 88 };

function App() {
  const [region, setRegion] = useState<unknown>('North');
  const [changes, setChanges] = useState(0);
  return (
    <>
      <h1>dash-elements in React 19</h1>
      <label htmlFor="react-region">Region</label>
      <dash-dropdown
        id="react-region"
        options={REGIONS}
        value={region}
        clearable={false}
        ondash-prop-change={(event) => {
          if (event.detail.prop === 'value' && event.detail.user) {
            setRegion(event.detail.value);
            setChanges((n) => n + 1);
          }
        }}
      />
      <p id="react-state">
        React state: {String(region)} ({changes} {changes === 1 ? 'change' : 'changes'} by the user)
      </p>
      <p id="react-sales">Sales: {SALES[String(region)] ?? '—'} k$</p>

      <label htmlFor="react-target">Target (k$)</label>
      <dash-slider id="react-target" min={0} max={200} step={10} value={100} marks={{ 0: '0', 100: '100', 200: '200' }} />
      <p id="react-verdict" role="status" />
      {/* A callback between two elements, with a function as its `fn` property. */}
      <dash-callback
        inputs="react-target.value, react-region.value"
        outputs="react-verdict.children"
        fn={(target: number, name: string) => `${name} is ${SALES[name] >= target ? 'on' : 'below'} target (${SALES[name]} of ${target} k$)`}
      />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
