/**
 * Dash's sentinels (docs/callbacks.md). Plain values with no DOM, so the server side uses the same.
 */

/** Return in an output's place to leave that output as it is (Dash's `no_update`). */
export const NO_UPDATE: unique symbol = Symbol.for('dash-elements.no_update');
export type NoUpdate = typeof NO_UPDATE;

/** Throw to leave every output of the callback as it is (Dash's `PreventUpdate`). */
export class PreventUpdate extends Error {
  constructor(message = 'PreventUpdate') {
    super(message);
    this.name = 'PreventUpdate';
  }
}

export function isNoUpdate(value: unknown): value is NoUpdate {
  return value === NO_UPDATE;
}

/** True for a PreventUpdate, also one from another copy of this module (CDN + npm on one page). */
export function isPreventUpdate(error: unknown): error is PreventUpdate {
  return error instanceof PreventUpdate || (error instanceof Error && error.name === 'PreventUpdate');
}
