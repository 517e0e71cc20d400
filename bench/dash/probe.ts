// What the dash bench puts in every page before the page's own scripts run: `window.__bench`,
// which times "until this shows" on either frontend. Kept as script text (not a function handed
// to playwright) so that no compiler helper ends up inside it.

/**
 * `__bench.until(check, timeoutMs)`: resolves with the time (performance.now(), ms since
 * navigation) at which the frame showing `check()` true has been painted, or null after
 * `timeoutMs`. `check` is the source of a JavaScript expression. It is tested on every DOM change
 * in the document and in every open shadow root (MutationObserver), and every 50 ms besides.
 *
 * `__bench.arm(type)`: `__bench.t0` becomes the timeStamp of the next trusted `type` event (a
 * person's click or key press sent by playwright), so a figure starts at the input itself.
 */
export const PROBE_SCRIPT = `(() => {
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  function until(source, timeoutMs) {
    const check = new Function('return (' + source + ')');
    const holds = () => { try { return !!check(); } catch { return false; } };
    return new Promise((resolve) => {
      let done = false;
      const observed = new WeakSet();
      const stop = () => { done = true; observer.disconnect(); clearInterval(poll); clearTimeout(timer); };
      const test = () => { if (!done && holds()) { stop(); painted().then(resolve); } };
      const watch = (root) => {
        if (observed.has(root)) return;
        observed.add(root);
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      };
      const watchShadows = (node) => {
        if (node.nodeType !== 1) return;
        if (node.shadowRoot) watch(node.shadowRoot);
        if (node.firstElementChild) for (const el of node.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
      };
      const observer = new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) watchShadows(node);
        test();
      });
      watch(document);
      if (document.documentElement) watchShadows(document.documentElement);
      const poll = setInterval(test, 50);
      const timer = setTimeout(() => { if (!done) { stop(); resolve(null); } }, timeoutMs);
      test();
    });
  }
  const bench = { t0: null, painted, until };
  bench.arm = (type) => {
    bench.t0 = null;
    addEventListener(type, (event) => { if (event.isTrusted && bench.t0 === null) bench.t0 = event.timeStamp; }, { capture: true, once: true });
  };
  window.__bench = bench;
})();`;
