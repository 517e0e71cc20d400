/**
 * `<dash-app src>` (docs/layout.md): a Dash server's layout and callbacks, rendered and wired by
 * our elements. Loaded on first use.
 */
import type { DashCallback } from '../callback/callback.js';
import type { CallbackContext } from '../callback/callback.js';
import { renderLayout } from '../../layout/render-dom.js';
import { installDashClientside, runClientside } from './dash-clientside.js';
import type { DashAppData } from './app-data.js';

/** One entry of Dash's `/_dash-dependencies`. */
interface DashDependency {
  output: string;
  inputs?: Array<{ id: unknown; property: string }>;
  state?: Array<{ id: unknown; property: string }>;
  clientside_function?: { namespace: string; function_name: string } | null;
  prevent_initial_call?: boolean;
  /** No outputs: `output` is then a hash of the inputs, not a property. */
  no_output?: boolean;
}

/** Renders the app once its data is there; `data` was fetched while this code loaded. */
export async function loadDashApp(app: HTMLElement, src: string, data: Promise<DashAppData>, signal: AbortSignal): Promise<void> {
  try {
    const { base, layout, dependencies: list } = await data;
    if (signal.aborted) return;
    if (!Array.isArray(list)) throw new Error('_dash-dependencies is not a list');
    const dependencies = list as DashDependency[];
    const endpoint = new URL('_dash-update-component', base).href;
    // Server callbacks make their initial calls as soon as they connect: fetch the transport now.
    if (dependencies.some((dep) => !dep.clientside_function)) {
      // The same module <dash-callback> imports on its first endpoint call; a failure here is retried there.
      import('../callback/callback-endpoint.js').catch(() => {});
    }
    installDashClientside();
    const content = document.createElement('div');
    content.className = 'dash-app-layout';
    renderLayout(content, layout);
    const callbacks = document.createElement('div');
    callbacks.hidden = true;
    callbacks.className = 'dash-app-callbacks';
    callbacks.append(...dependencies.map((dep) => callbackElement(dep, endpoint)));
    // The layout first, so the callbacks find their elements as they connect.
    app.replaceChildren(content, callbacks);
    app.dispatchEvent(new CustomEvent('dash-app-load', { bubbles: true }));
  } catch (error) {
    if (signal.aborted) return;
    console.error(`<dash-app src="${src}">: ${(error as Error).message}`);
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `This Dash app could not be loaded: ${(error as Error).message}`;
    app.replaceChildren(message);
    app.dispatchEvent(new CustomEvent('dash-app-error', { bubbles: true, detail: { error } }));
  }
}

/** A dependency's id as our attribute syntax: plain ids as they are, pattern ids as their JSON. */
function depList(deps: Array<{ id: unknown; property: string }> | undefined): string {
  return (deps ?? []).map(({ id, property }) => `${typeof id === 'string' ? id : JSON.stringify(id)}.${property}`).join(', ');
}

/** Dash's `output`: `"a.children"` or `"..a.children...b.value.."` (an `@hash` suffix, allow_duplicate, stays). */
function outputList(output: string): string {
  return output.startsWith('..') && output.endsWith('..') ? output.slice(2, -2).split('...').join(', ') : output;
}

function callbackElement(dep: DashDependency, endpoint: string): DashCallback {
  const callback = document.createElement('dash-callback') as DashCallback;
  if (!dep.no_output) callback.setAttribute('outputs', outputList(dep.output));
  callback.setAttribute('inputs', depList(dep.inputs));
  if (dep.state?.length) callback.setAttribute('state', depList(dep.state));
  if (dep.prevent_initial_call) callback.setAttribute('prevent-initial-call', '');
  const clientside = dep.clientside_function;
  if (clientside) {
    callback.fn = (...args: unknown[]) => runClientside(clientside.namespace, clientside.function_name, args.slice(0, -1), args.at(-1) as CallbackContext);
  } else {
    callback.setAttribute('endpoint', endpoint);
  }
  return callback;
}
