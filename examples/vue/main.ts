// dash-elements in Vue 3: `.prop` binds objects and arrays as element properties, `@dash-prop-change`
// listens to the element's event, and a <dash-callback> gets a function as its `fn` property.
// Vue is told the dash-* tags are custom elements (compilerOptions.isCustomElement); the template
// types come from `dash-elements/vue` (generated from custom-elements.json).
import { createApp, ref } from 'vue';
import 'dash-elements';
import type {} from 'dash-elements/vue';
import type { DashPropChangeEvent } from 'dash-elements';

const SALES: Record<string, number> = { North: 120, South: 95, East: 143, West: 88 };

const app = createApp({
  setup() {
    const region = ref<unknown>('North');
    const changes = ref(0);
    const onChange = (event: DashPropChangeEvent) => {
      if (event.detail.prop === 'value' && event.detail.user) {
        region.value = event.detail.value;
        changes.value++;
      }
    };
    const verdict = (target: number, name: string) =>
      `${name} is ${SALES[name] >= target ? 'on' : 'below'} target (${SALES[name]} of ${target} k$)`;
    return { regions: Object.keys(SALES), region, changes, onChange, verdict, sales: SALES, marks: { 0: '0', 100: '100', 200: '200' } };
  },
  template: `
    <h1>dash-elements in Vue 3</h1>
    <label for="vue-region">Region</label>
    <dash-dropdown id="vue-region" :options.prop="regions" :value.prop="region" clearable="false"
                   @dash-prop-change="onChange"></dash-dropdown>
    <p id="vue-state">Vue state: {{ region }} ({{ changes }} {{ changes === 1 ? 'change' : 'changes' }} by the user)</p>
    <p id="vue-sales">Sales: {{ sales[region] ?? '—' }} k$</p>

    <label for="vue-target">Target (k$)</label>
    <dash-slider id="vue-target" :min.prop="0" :max.prop="200" :step.prop="10" :value.prop="100" :marks.prop="marks"></dash-slider>
    <p id="vue-verdict" role="status"></p>
    <dash-callback inputs="vue-target.value, vue-region.value" outputs="vue-verdict.children" :fn.prop="verdict"></dash-callback>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('dash-');
app.mount('#app');
