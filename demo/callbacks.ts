// The demo's server-side callbacks (dash-elements/server), mounted into the dev server by
// demo/serve.ts. The page's `<dash-callback endpoint="/_dash-update-component">` elements POST
// Dash's wire protocol here; an existing Dash (Python) server would answer them the same way.
import { createDashServer, PreventUpdate } from '../src/server/index.js';
import { registerFlights } from './server/flights.js';
import { registerGapminder } from './server/gapminder.js';
import { registerMultipleInputs } from './server/multiple-inputs.js';
import { registerLive } from './server/live.js';
import { authorizeLiveOrders, registerLiveOrders } from './server/live-orders.js';
import { registerSales } from './server/sales.js';

// The live orders page's callbacks need a signed-in session (demo/server/live-orders.ts).
export const dash = createDashServer({ authorize: authorizeLiveOrders });

// The pages' own callbacks: demo/sales.html, demo/gapminder.html, demo/multiple-inputs.html, demo/flights.html, demo/app.html.
registerSales(dash);
registerGapminder(dash);
registerMultipleInputs(dash);
registerFlights(dash);
registerLive(dash);
registerLiveOrders(dash);

// demo/basics.html:

// <input id="name"> → <span id="greeting">
dash.callback({ outputs: 'greeting.children', inputs: 'name.value' }, (name: string | null) =>
  name?.trim() ? `Hello, ${name.trim()}!` : 'Hello! Type your name.',
);

// <button id="submit"> clicked → <p id="submitted">, reading <input id="message"> as state.
dash.callback(
  { outputs: 'submitted.children', inputs: 'submit.n_clicks', state: 'message.value', preventInitialCall: true },
  (clicks: number | null, message: string | null) => {
    if (!clicks) throw new PreventUpdate();
    return `You submitted: ${message ?? ''} (${clicks} ${clicks === 1 ? 'time' : 'times'})`;
  },
);

// Two outputs from one call: a warning shown and the button disabled while the message is too long.
dash.callback({ outputs: 'too-long.hidden, submit.disabled', inputs: 'message.value' }, (message: string | null) => {
  const tooLong = (message ?? '').length > 40;
  return [!tooLong, tooLong];
});
