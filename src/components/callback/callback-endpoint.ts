/**
 * A `<dash-callback endpoint>`'s call: Dash's wire protocol over fetch (docs/server.md). Loaded
 * with the transport the first time such a callback runs, so pages with only local callbacks
 * download neither.
 */
import { emit } from '../../internal/events.js';
import { outputId } from '../../runtime/dependency.js';
import { groupValues, slotsWithValues } from '../../runtime/patterns.js';
import type { CallbackInvocation } from '../../runtime/context.js';
import { PreventUpdate } from '../../runtime/sentinels.js';
import { noOutputId, postCallback, readCsrfCookie, type TransportRequest } from '../../runtime/transport.js';
import type { CallbackScope } from '../../runtime/dom/scope.js';
import type { DashCallback } from './callback.js';

/** POSTs the call to `url`, applies the answer's side updates, and returns one value per output (a list for an ALL output). */
export async function runEndpoint(callback: DashCallback, url: string, call: CallbackInvocation, scope: CallbackScope): Promise<unknown[]> {
  const { expansion } = call;
  const result = await postCallback({
    url,
    output: callback.outputDeps.length ? outputId(callback.outputDeps) : await noOutputId(callback.inputDeps),
    outputs: expansion.outputs.map((slot) => (slot.many ? slot.deps : slot.deps[0])),
    inputs: slotsWithValues(expansion.inputs, call.flatInputs),
    state: slotsWithValues(expansion.state, call.flatState),
    changedPropIds: call.triggered.map((t) => t.prop_id),
    signal: call.signal,
    timeout: callback.timeout,
    csrfToken: readCsrfCookie(callback.ownerDocument.cookie),
    beforeSend: (request: TransportRequest) => emit(callback, 'dash-callback-request', request, { cancelable: true }),
  });
  if (result.kind === 'prevent') throw new PreventUpdate();
  if (result.sideUpdates) scope.setPropsOf(result.sideUpdates);
  // One value per concrete output → one per output (a list for an ALL output).
  return groupValues(expansion.outputs, result.values);
}
