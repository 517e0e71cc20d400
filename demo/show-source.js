// Shows the page's own HTML source, as text, in the element marked `data-page-source`.
// An external script, so it also runs on the page with a strict Content-Security-Policy.
const target = document.querySelector('[data-page-source]');
if (target) {
  fetch(location.pathname, { cache: 'no-store' })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((text) => {
      target.textContent = text; // text, never HTML
    })
    .catch((error) => {
      target.textContent = `Could not load the source: ${error.message}`;
    });
}
