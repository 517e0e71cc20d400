/**
 * `window.dash_clientside` as Dash's clientside functions expect it (docs/layout.md): `no_update`,
 * `PreventUpdate` (thrown as it is), `callback_context` during a call, and `set_props`.
 */
import type { CallbackContext } from '../callback/callback.js';
import { NO_UPDATE, PreventUpdate, isPreventUpdate } from '../../runtime/sentinels.js';

interface ClientsideContext {
  triggered: Array<{ prop_id: string; value: unknown }>;
  triggered_id: unknown;
  inputs: Record<string, unknown>;
  states: Record<string, unknown>;
}

type DashClientside = Record<string, unknown> & {
  no_update: unknown;
  PreventUpdate: unknown;
  callback_context: ClientsideContext | Record<string, never>;
  set_props: (id: string | Record<string, unknown>, props: Record<string, unknown>) => void;
};

/** The context of the clientside call running now (they run one at a time: each is synchronous up to its first await). */
let current: CallbackContext | null = null;

export function installDashClientside(): DashClientside {
  const target = globalThis as unknown as { dash_clientside?: Partial<DashClientside> };
  const dc = (target.dash_clientside ??= {}) as DashClientside;
  dc.no_update ??= NO_UPDATE;
  dc.PreventUpdate ??= PreventUpdate;
  dc.callback_context ??= {};
  dc.set_props ??= (id, props) => {
    if (!current) throw new Error('dash_clientside.set_props: only during a clientside callback');
    current.setProps(typeof id === 'string' ? id : JSON.stringify(id), props);
  };
  return dc;
}

/** Calls `window.dash_clientside[namespace][name](...args)` with Dash's `callback_context` set. */
export function runClientside(namespace: string, name: string, args: unknown[], ctx: CallbackContext): unknown {
  const dc = installDashClientside();
  const fn = (dc[namespace] as Record<string, unknown> | undefined)?.[name];
  if (typeof fn !== 'function') throw new Error(`window.dash_clientside.${namespace}.${name} is not a function`);
  const rethrow = (error: unknown) => {
    // Dash's clientside code throws the class itself: `throw dash_clientside.PreventUpdate`.
    throw error === dc.PreventUpdate || isPreventUpdate(error) ? new PreventUpdate() : error;
  };
  const previous = current;
  current = ctx;
  dc.callback_context = {
    triggered: ctx.triggered.map(({ prop_id, value }) => ({ prop_id, value })),
    triggered_id: ctx.triggeredId,
    inputs: ctx.inputs,
    states: ctx.state,
  };
  try {
    const result: unknown = (fn as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.catch(rethrow) : result;
  } catch (error) {
    return rethrow(error);
  } finally {
    current = previous;
    dc.callback_context = {};
  }
}
