import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCsv, buildTsv, csvChunks, csvField, neutralizeFormula } from '../../src/components/table/table-io.js';
import { parseTsv, planPaste } from '../../src/components/table/table-paste.js';
import { columnFormatter, loadSpecifierFormats, specifierFormatsPending } from '../../src/components/table/table-format.js';
import { coerceEdit } from '../../src/components/table/table-edit.js';
import { compileConditions, matchesCell, matchesHeader, toStyle } from '../../src/components/table/table-style.js';
import * as language from '../../src/components/table/table-filter.js';
import type { TableColumn } from '../../src/components/table/table-model.js';

const col = (id: string, type: TableColumn['type'], source: Record<string, unknown> = {}): TableColumn => ({
  id,
  name: id,
  type,
  source: { id, ...source },
});
const noWarn = () => {};

describe('CSV export (RFC 4180)', () => {
  it('quotes fields with commas, quotes and newlines; CRLF line ends; header of names', () => {
    const csv = buildCsv(
      [{ id: 'a', name: 'Name, full' }, { id: 'b', name: 'B' }],
      [
        { a: 'plain', b: 1 },
        { a: 'say "hi"', b: 2.5 },
        { a: 'two\nlines', b: null },
        { a: 'cr\r\nlf', b: undefined },
      ],
    );
    assert.equal(csv, '"Name, full",B\r\nplain,1\r\n"say ""hi""",2.5\r\n"two\nlines",\r\n"cr\r\nlf",\r\n');
  });

  it('neutralizes formulas (= + - @, tab, CR) but keeps numbers and numeric text', () => {
    assert.equal(neutralizeFormula('=SUM(A1:A2)'), "'=SUM(A1:A2)");
    assert.equal(neutralizeFormula('+1+2'), "'+1+2");
    assert.equal(neutralizeFormula('-2+3'), "'-2+3");
    assert.equal(neutralizeFormula('@cmd'), "'@cmd");
    assert.equal(neutralizeFormula('\tx'), "'\tx");
    assert.equal(neutralizeFormula('-5'), '-5');
    assert.equal(neutralizeFormula('+1.5e3'), '+1.5e3');
    assert.equal(neutralizeFormula('a=b'), 'a=b');
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField('=1,2'), '"\'=1,2"');
  });

  it('writes objects as JSON, booleans as text and blanks as empty fields', () => {
    const csv = buildCsv([{ id: 'o', name: 'o' }, { id: 'b', name: 'b' }, { id: 'n', name: 'n' }], [{ o: { x: 1 }, b: true, n: NaN }]);
    assert.equal(csv, 'o,b,n\r\n"{""x"":1}",true,\r\n');
  });

  it('is empty for no columns and no header', () => {
    assert.equal(buildCsv([], [], false), '');
  });

  it('comes in chunks of 10,000 lines that join to the whole document', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => ({ n: i }));
    const chunks = csvChunks([{ id: 'n', name: 'n' }], rows);
    assert.equal(chunks.length, 3);
    assert.equal(chunks[0].split('\r\n').length, 10_001);
    assert.equal(chunks.join(''), `n\r\n${rows.map((r) => r.n).join('\r\n')}\r\n`);
  });
});

describe('clipboard TSV', () => {
  it('round-trips tabs, newlines and quotes', () => {
    const cells = [
      ['a', 'b\tc', 'say "x"'],
      ['multi\nline', '', '"quoted"'],
    ];
    const text = buildTsv(cells);
    assert.equal(text, 'a\t"b\tc"\t"say ""x"""\n"multi\nline"\t\t"""quoted"""');
    assert.deepEqual(parseTsv(text), cells);
  });

  it('parses spreadsheet text: CRLF, trailing newline, empty cells, stray quotes', () => {
    assert.deepEqual(parseTsv('1\t2\r\n3\t4\r\n'), [['1', '2'], ['3', '4']]);
    assert.deepEqual(parseTsv('x\t\ty\n'), [['x', '', 'y']]);
    assert.deepEqual(parseTsv('5" tall\tok'), [['5" tall', 'ok']]);
    assert.deepEqual(parseTsv('"a"b\tc'), [['"a"b', 'c']]);
    assert.deepEqual(parseTsv(''), []);
    assert.deepEqual(parseTsv('one'), [['one']]);
    assert.deepEqual(parseTsv('a\t'), [['a', '']]);
  });
});

describe('column formats', () => {
  const fmt = (type: TableColumn['type'], format: unknown) => columnFormatter(col('x', type, { format }), noWarn);

  // First in this file to use a specifier: d3-format is not loaded yet.
  it('d3-format loads only for a specifier, once; values show unformatted (nully applied) until then', async () => {
    assert.equal(specifierFormatsPending([col('p', 'numeric', { format: { locale: 'en-US', options: { style: 'percent' } } }), col('t', 'text')]), null);
    const before = fmt('numeric', { specifier: ',.2f', nully: 'N/A' })!;
    assert.equal(before(1234.5), '1234.5');
    assert.equal(before(null), 'N/A');
    const pending = specifierFormatsPending([col('t', 'text'), col('x', 'numeric', { format: { specifier: ',.2f' } })]);
    assert.ok(pending instanceof Promise);
    assert.equal(specifierFormatsPending([col('y', 'numeric', { format: { specifier: '.1%' } })]), pending, 'one shared load');
    assert.equal(loadSpecifierFormats(), pending);
    await pending;
    assert.equal(specifierFormatsPending([col('x', 'numeric', { format: { specifier: ',.2f' } })]), null);
    assert.equal(before(1234.5), '1234.5', 'a formatter made before the load stays as it was: the table makes new ones');
    assert.equal(fmt('numeric', { specifier: ',.2f', nully: 'N/A' })!(1234.5), '1,234.50');
  });

  it('d3-format specifiers with Dash defaults (ASCII minus, $ currency)', async () => {
    await loadSpecifierFormats();
    assert.equal(fmt('numeric', { specifier: '.2f' })!(3.14159), '3.14');
    assert.equal(fmt('numeric', { specifier: ',.0f' })!(1234567.8), '1,234,568');
    assert.equal(fmt('numeric', { specifier: '.1%' })!(0.256), '25.6%');
    assert.equal(fmt('numeric', { specifier: '$,.2f' })!(-1234.5), '-$1,234.50');
    assert.equal(fmt('numeric', { specifier: '.3s' })!(1500), '1.50k');
  });

  it("Dash's locale object: symbol, decimal and group", async () => {
    await loadSpecifierFormats();
    const f = fmt('numeric', { specifier: '$,.2f', locale: { symbol: ['', ' €'], decimal: ',', group: '.' } })!;
    assert.equal(f(1234.5), '1.234,50 €');
  });

  it('shows non-numbers as text and blanks as nully', async () => {
    await loadSpecifierFormats();
    const f = fmt('numeric', { specifier: '.1f', nully: 'N/A' })!;
    assert.equal(f('n/a text'), 'n/a text');
    assert.equal(f(null), 'N/A');
    assert.equal(f(undefined), 'N/A');
    assert.equal(f(NaN), 'N/A');
    assert.equal(f(2), '2.0');
  });

  it('Intl.NumberFormat: percent, currency, fixed decimals, locale', () => {
    assert.equal(fmt('numeric', { locale: 'en-US', options: { style: 'percent', maximumFractionDigits: 1 } })!(0.1234), '12.3%');
    assert.equal(fmt('numeric', { locale: 'en-US', options: { style: 'currency', currency: 'EUR' } })!(5), '€5.00');
    assert.equal(fmt('numeric', { locale: 'de-DE', options: { minimumFractionDigits: 2, maximumFractionDigits: 2 } })!(1234.5), '1.234,50');
  });

  it('dates through Intl.DateTimeFormat in UTC', () => {
    const f = fmt('datetime', { locale: 'en-US', options: { year: 'numeric', month: 'short', day: 'numeric' } })!;
    assert.equal(f('2024-03-01'), 'Mar 1, 2024');
    assert.equal(f('not a date'), 'not a date');
    assert.equal(f(null), '');
  });

  it('reports invalid formats once and falls back to raw values', async () => {
    await loadSpecifierFormats();
    const warnings: string[] = [];
    const warn = (_k: string, m: string) => warnings.push(m);
    assert.equal(columnFormatter(col('x', 'numeric', { format: { specifier: 'not a spec!!' } }), warn), null);
    assert.equal(columnFormatter(col('y', 'numeric', { format: { locale: 'en', options: { style: 'currency' } } }), warn), null);
    assert.equal(warnings.length, 2);
    assert.equal(columnFormatter(col('z', 'numeric'), warn), null);
  });
});

describe('paste plan', () => {
  const columns = [col('name', 'text'), col('age', 'numeric'), col('id', 'text', { editable: false })];
  const target = { p0: 1, c0: 0, columns, rows: [10, 11, 12], headers: null, isEditable: (c: TableColumn) => c.source.editable !== false };

  it('coerces each value by its column, skips read-only columns and values that do not fit', () => {
    const plan = planPaste('Bo\t41\tx\nCy\tforty', target);
    assert.deepEqual(
      plan.edits.map((e) => [e.row, e.col.id, e.value]),
      [
        [11, 'name', 'Bo'],
        [11, 'age', 41],
        [12, 'name', 'Cy'],
      ],
    );
    assert.deepEqual(plan.rejected, ['"forty" in "age"']);
    assert.deepEqual([plan.lastP, plan.lastC, plan.overflow], [2, 2, false]);
  });

  it('drops rows beyond the page and columns beyond the last; skips a header line of column names', () => {
    const plan = planPaste('Name\tAge\nA\t1\t2\t3\nB\t2\nC\t3', { ...target, headers: ['Name', 'Age'] });
    assert.deepEqual(plan.edits.map((e) => [e.row, e.value]), [[11, 'A'], [11, 1], [12, 'B'], [12, 2]]);
    assert.deepEqual([plan.lastP, plan.lastC, plan.overflow], [2, 2, true]);
  });
});

describe('edit coercion', () => {
  it('numeric: numbers in, anything else rejected; empty is null', () => {
    assert.deepEqual(coerceEdit(' 42 ', col('n', 'numeric')), { ok: true, value: 42 });
    assert.deepEqual(coerceEdit('-1.5e3', col('n', 'numeric')), { ok: true, value: -1500 });
    assert.equal(coerceEdit('12abc', col('n', 'numeric')).ok, false);
    assert.equal(coerceEdit('Infinity', col('n', 'numeric')).ok, false);
    assert.deepEqual(coerceEdit('', col('n', 'numeric')), { ok: true, value: null });
    assert.equal(coerceEdit('', col('n', 'numeric', { validation: { allow_null: false } })).ok, false);
  });

  it('datetime: normalised to Dash form; invalid dates rejected', () => {
    assert.deepEqual(coerceEdit('2024-1-5', col('d', 'datetime')), { ok: true, value: '2024-01-05' });
    assert.deepEqual(coerceEdit('2024-01-05 9:30', col('d', 'datetime')), { ok: true, value: '2024-01-05 09:30' });
    assert.equal(coerceEdit('2024-02-30', col('d', 'datetime')).ok, false);
    assert.equal(coerceEdit('tomorrow', col('d', 'datetime')).ok, false);
  });

  it('text and any keep the text; on_change failure accept/default and action none', () => {
    assert.deepEqual(coerceEdit(' hi ', col('t', 'text')), { ok: true, value: ' hi ' });
    assert.deepEqual(coerceEdit('7', col('a', 'any')), { ok: true, value: '7' });
    assert.deepEqual(coerceEdit('x', col('n', 'numeric', { on_change: { failure: 'accept' } })), { ok: true, value: 'x' });
    assert.deepEqual(coerceEdit('x', col('n', 'numeric', { on_change: { failure: 'default' }, validation: { default: 0 } })), { ok: true, value: 0 });
    assert.deepEqual(coerceEdit('x', col('n', 'numeric', { on_change: { action: 'none' } })), { ok: true, value: 'x' });
  });
});

describe('conditional styles', () => {
  const columns = [col('city', 'text'), col('temp', 'numeric')];
  const types = { city: 'text', temp: 'numeric' } as const;
  const ctx = (column: TableColumn, rowIndex: number, row: Record<string, unknown>, extra: Partial<{ active: boolean; selected: boolean }> = {}) => ({
    column,
    editable: false,
    rowIndex,
    row,
    active: false,
    selected: false,
    ...extra,
  });

  it('toStyle keeps camelCase keys, adds px to bare numbers except unitless ones, drops if', () => {
    assert.deepEqual(toStyle({ if: { row_index: 1 }, backgroundColor: 'red', width: 100, opacity: 0.5, fontWeight: 700, padding: 0 }), {
      backgroundColor: 'red',
      width: '100px',
      opacity: '0.5',
      fontWeight: '700',
      padding: '0',
    });
  });

  it('column_id (string or list), columnId spelling, column_type, row_index odd/even/number/list', () => {
    const conds = compileConditions(
      [
        { if: { column_id: 'city' }, color: 'blue' },
        { if: { columnId: ['city', 'temp'], row_index: 'odd' }, color: 'gray' },
        { if: { column_type: 'numeric', row_index: [0, 2] }, color: 'green' },
        { if: { row_index: 3 }, color: 'pink' },
      ],
      types,
      noWarn,
      'styleDataConditional',
      language,
    );
    assert.equal(conds.length, 4);
    assert.equal(matchesCell(conds[0], ctx(columns[0], 0, {})), true);
    assert.equal(matchesCell(conds[0], ctx(columns[1], 0, {})), false);
    assert.equal(matchesCell(conds[1], ctx(columns[1], 1, {})), true);
    assert.equal(matchesCell(conds[1], ctx(columns[1], 2, {})), false);
    assert.equal(matchesCell(conds[2], ctx(columns[1], 2, {})), true);
    assert.equal(matchesCell(conds[2], ctx(columns[0], 2, {})), false);
    assert.equal(matchesCell(conds[3], ctx(columns[0], 3, {})), true);
  });

  it('filter_query with the table query engine; state active/selected', () => {
    const [hot, active, selected] = compileConditions(
      [
        { if: { filter_query: '{temp} > 30 && {city} contains "a"', column_id: 'temp' }, color: 'red' },
        { if: { state: 'active' }, color: 'x' },
        { if: { state: 'selected' }, color: 'y' },
      ],
      types,
      noWarn,
      'styleDataConditional',
      language,
    );
    assert.equal(matchesCell(hot, ctx(columns[1], 0, { temp: 35, city: 'Madrid' })), true);
    assert.equal(matchesCell(hot, ctx(columns[1], 0, { temp: 25, city: 'Madrid' })), false);
    assert.equal(matchesCell(hot, ctx(columns[1], 0, { temp: 35, city: 'Oslo' })), false);
    assert.equal(matchesCell(active, ctx(columns[0], 0, {}, { active: true })), true);
    assert.equal(matchesCell(active, ctx(columns[0], 0, {}, { selected: true })), false);
    assert.equal(matchesCell(selected, ctx(columns[0], 0, {}, { selected: true })), true);
  });

  it('skips invalid entries with a warning; header_index for headers', () => {
    const warnings: string[] = [];
    const conds = compileConditions(
      [{ if: { filter_query: '{temp} >' }, color: 'red' }, { if: { state: 'hover' } }, { if: { header_index: 0, column_id: 'city' }, color: 'b' }],
      types,
      (_k, m) => warnings.push(m),
      'styleHeaderConditional',
      language,
    );
    assert.equal(conds.length, 1);
    assert.equal(warnings.length, 2);
    assert.equal(matchesHeader(conds[0], columns[0], false, 0), true);
    assert.equal(matchesHeader(conds[0], columns[1], false, 0), false);
  });
});
