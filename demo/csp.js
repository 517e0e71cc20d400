// The local callbacks of demo/csp.html. Under a strict CSP they live in a file, and the page names
// them with fn="cspDemo.forecast" (a global), instead of setting `.fn` from an inline script.
const BASE = { 'Montréal': 4, 'San Francisco': 15, 'Zürich': 8 };

window.cspDemo = {
  forecast(city, days) {
    const base = BASE[city] ?? 10;
    const x = Array.from({ length: days }, (_, i) => `Day ${i + 1}`);
    const high = x.map((_, i) => Math.round(base + 4 + 3 * Math.sin(i / 2)));
    const low = high.map((h, i) => h - 6 - (i % 3));
    const figure = {
      data: [
        { type: 'bar', name: 'High', x, y: high },
        { type: 'bar', name: 'Low', x, y: low },
      ],
      layout: { title: { text: `${city}: ${days}-day forecast (°C)` }, barmode: 'group', margin: { t: 48, r: 16, b: 40, l: 40 } },
    };
    return [figure, `${days} days in ${city}: highs up to ${Math.max(...high)} °C.`];
  },
};
