// Data for the virtualized table of csp-styles.html (a file: the page allows no inline script).
const table = document.getElementById('virtual');
table.data = Array.from({ length: 2000 }, (_, i) => ({ n: i }));
