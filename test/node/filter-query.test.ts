import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  collectFields,
  columnFilterToQuery,
  combineColumnQueries,
  compileFilter,
  normalizeDate,
  parseColumnFilter,
  parseFilterQuery,
  splitColumnQueries,
  toQueryString,
  type ColumnType,
  type FilterAst,
  type RelationalNode,
} from '../../src/filter-query/index.js';

type Row = Record<string, unknown>;

function parse(query: string): FilterAst | null {
  const r = parseFilterQuery(query);
  if (!r.ok) assert.fail(`expected ${JSON.stringify(query)} to parse, got ${r.error} at ${r.position}`);
  return r.ast;
}

function rel(query: string): RelationalNode {
  const ast = parse(query);
  assert.equal(ast?.type, 'relational', query);
  return ast as RelationalNode;
}

function invalid(query: string, position?: number): string {
  const r = parseFilterQuery(query);
  if (r.ok) assert.fail(`expected ${JSON.stringify(query)} to be invalid, got ${toQueryString(r.ast)}`);
  assert.equal(typeof r.error, 'string');
  assert.ok(r.error.length > 0);
  if (position !== undefined) assert.equal(r.position, position, `${query}: ${r.error}`);
  return r.error;
}

/** Does `row` pass `query`? */
function matches(query: string, row: Row, types?: Record<string, ColumnType>): boolean {
  return compileFilter(parse(query), types)(row);
}

/** Which of `values` (as column `a`) pass `query`? */
function which(query: string, values: unknown[]): unknown[] {
  const pred = compileFilter(parse(query));
  return values.filter((a) => pred(a === undefined ? {} : { a }));
}

function roundTrip(query: string): string {
  const ast = parse(query);
  const text = toQueryString(ast);
  assert.deepEqual(parse(text), ast, `${query} → ${text}`);
  return text;
}

describe('parseFilterQuery: operators and aliases', () => {
  const aliases: Array<[string, string]> = [
    ['=', '='],
    ['eq', '='],
    ['!=', '!='],
    ['ne', '!='],
    ['<', '<'],
    ['lt', '<'],
    ['<=', '<='],
    ['le', '<='],
    ['>', '>'],
    ['gt', '>'],
    ['>=', '>='],
    ['ge', '>='],
    ['contains', 'contains'],
    ['datestartswith', 'datestartswith'],
  ];
  for (const [text, op] of aliases) {
    it(`${text} → ${op}`, () => {
      const n = rel(`{a} ${text} 1`);
      assert.deepEqual(n, { type: 'relational', op, field: 'a', value: { type: 'value', value: 1 } });
      assert.equal(rel(`{a} ${text.toUpperCase()} 1`).op, op, 'operators are case-insensitive');
    });
  }

  it('i/s case prefixes on every operator except datestartswith', () => {
    for (const [text, op] of aliases) {
      if (op === 'datestartswith') {
        invalid(`{a} i${text} 1`, 4);
        invalid(`{a} s${text} 1`, 4);
        continue;
      }
      assert.deepEqual(rel(`{a} i${text} 1`), {
        type: 'relational',
        op,
        case: 'insensitive',
        field: 'a',
        value: { type: 'value', value: 1 },
      });
      assert.equal(rel(`{a} s${text} 1`).case, 'sensitive');
      assert.equal(rel(`{a} I${text.toUpperCase()} 1`).case, 'insensitive');
    }
  });

  it('symbols need no spaces, word operators need one after them', () => {
    assert.equal(rel('{a}>5').op, '>');
    assert.equal(rel('{a}>=5').op, '>=');
    assert.equal(rel('{a}!=5').op, '!=');
    assert.equal(rel('{a}<=5').op, '<=');
    assert.equal(rel('{a}contains x').op, 'contains');
    invalid('{a} eq5', 4);
    invalid('{a} containsx', 4);
  });

  it('all unary tests, postfix on a field', () => {
    for (const op of ['blank', 'nil', 'num', 'str', 'bool', 'even', 'odd', 'prime', 'object']) {
      assert.deepEqual(parse(`{a} is ${op}`), { type: 'unary', op, field: 'a' });
      assert.deepEqual(parse(`{a} IS ${op.toUpperCase()}`), { type: 'unary', op, field: 'a' });
    }
    assert.deepEqual(parse('{a}   is   blank'), { type: 'unary', op: 'blank', field: 'a' });
    invalid('{a} is foo', 4);
    invalid('{a} is blankety', 4);
    invalid('5 is even', 0);
  });

  it('and / && / or / || in any case', () => {
    for (const [text, op] of [
      ['and', 'and'],
      ['AND', 'and'],
      ['&&', 'and'],
      ['or', 'or'],
      ['Or', 'or'],
      ['||', 'or'],
    ]) {
      const ast = parse(`{a} = 1 ${text} {b} = 2`);
      assert.equal(ast?.type, 'logical');
      assert.equal(ast?.type === 'logical' && ast.op, op);
    }
  });

  it('empty and blank queries mean no filter', () => {
    assert.deepEqual(parseFilterQuery(''), { ok: true, ast: null });
    assert.deepEqual(parseFilterQuery('   \n\t'), { ok: true, ast: null });
    assert.deepEqual(parseFilterQuery(null as unknown as string), { ok: true, ast: null });
    assert.equal(compileFilter(null)({ a: 1 }), true);
  });
});

describe('parseFilterQuery: precedence, parentheses, negation', () => {
  it('and binds tighter than or', () => {
    const ast = parse('{a} = 1 || {b} = 1 && {c} = 1');
    assert.equal(ast?.type === 'logical' && ast.op, 'or');
    assert.equal(ast?.type === 'logical' && ast.right.type === 'logical' && ast.right.op, 'and');
    assert.equal(matches('{a} = 1 || {b} = 1 && {c} = 1', { a: 1, b: 0, c: 0 }), true);
    assert.equal(matches('{a} = 1 || {b} = 1 && {c} = 1', { a: 0, b: 1, c: 0 }), false);
    assert.equal(matches('{a} = 1 and {b} = 1 or {c} = 1', { a: 0, b: 0, c: 1 }), true);
  });

  it('parentheses override precedence and nest', () => {
    const q = '({a} = 1 || {b} = 1) && {c} = 1';
    assert.equal(matches(q, { a: 1, b: 0, c: 0 }), false);
    assert.equal(matches(q, { a: 1, b: 0, c: 1 }), true);
    assert.equal(matches('((({a} = 1)))', { a: 1 }), true);
    assert.equal(matches('{c} = 1 && ({a} = 1 || ({b} = 1 && {d} = 1))', { a: 0, b: 1, c: 1, d: 1 }), true);
    assert.equal(matches('{c} = 1 && ({a} = 1 || ({b} = 1 && {d} = 1))', { a: 0, b: 1, c: 1, d: 0 }), false);
  });

  it('chains are left-associative', () => {
    const ast = parse('{a} = 1 && {b} = 2 && {c} = 3');
    assert.ok(ast?.type === 'logical' && ast.left.type === 'logical' && ast.right.type === 'relational');
  });

  it('! negates a parenthesised expression (and binds tighter than and/or)', () => {
    assert.deepEqual(parse('!({a} = 1)'), { type: 'not', expr: rel('{a} = 1') });
    assert.equal(matches('!({a} = 1)', { a: 1 }), false);
    assert.equal(matches('!({a} = 1)', { a: 2 }), true);
    assert.equal(matches('!!({a} = 1)', { a: 1 }), true);
    assert.equal(matches('!({a} = 1 || {b} = 1)', { a: 0, b: 1 }), false);
    const ast = parse('!({a} = 1) && {b} = 1');
    assert.ok(ast?.type === 'logical' && ast.op === 'and' && ast.left.type === 'not');
    assert.equal(matches('{a} = 1 && !({b} is blank)', { a: 1, b: 'x' }), true);
    assert.equal(matches('{a} = 1 && !({b} is blank)', { a: 1 }), false);
  });

  it('! directly before a comparison (an extension Dash rejects) negates that comparison', () => {
    assert.deepEqual(parse('!{a} = 1'), parse('!({a} = 1)'));
    assert.deepEqual(parse('!{a} = 1 && {b} = 2'), parse('!({a} = 1) && {b} = 2'));
    assert.equal(matches('(!({a} = 1))', { a: 2 }), true);
  });
});

describe('parseFilterQuery: fields, quoting and values', () => {
  it('fields with spaces and escaped braces/backslashes', () => {
    assert.equal(rel('{my col} = 1').field, 'my col');
    assert.equal(rel('{a\\}b} = 1').field, 'a}b');
    assert.equal(rel('{\\{x\\}} = 1').field, '{x}');
    assert.equal(rel('{a\\\\b} = 1').field, 'a\\b');
    assert.equal(matches('{my col} = 1', { 'my col': 1 }), true);
  });

  it("'…', \"…\" and `…` strings with backslash escapes", () => {
    assert.deepEqual(rel(`{a} = 'x y'`).value, { type: 'value', value: 'x y' });
    assert.deepEqual(rel(`{a} = "x y"`).value, { type: 'value', value: 'x y' });
    assert.deepEqual(rel('{a} = `x y`').value, { type: 'value', value: 'x y' });
    assert.deepEqual(rel(`{a} = 'it\\'s'`).value, { type: 'value', value: "it's" });
    assert.deepEqual(rel(`{a} = "say \\"hi\\""`).value, { type: 'value', value: 'say "hi"' });
    assert.deepEqual(rel('{a} = `\\``').value, { type: 'value', value: '`' });
    assert.deepEqual(rel(`{a} = "back\\\\slash"`).value, { type: 'value', value: 'back\\slash' });
    assert.deepEqual(rel(`{a} = "it's"`).value, { type: 'value', value: "it's" });
    assert.deepEqual(rel(`{a} = ""`).value, { type: 'value', value: '' });
    assert.deepEqual(rel(`{a} = "&& ) ("`).value, { type: 'value', value: '&& ) (' });
  });

  it('quoted numbers stay strings; bare numbers are numbers (Dash: fast-isnumeric)', () => {
    assert.deepEqual(rel('{a} = "5"').value, { type: 'value', value: '5' });
    assert.deepEqual(rel('{a} = 5').value, { type: 'value', value: 5 });
    assert.deepEqual(rel('{a} = -2.5').value, { type: 'value', value: -2.5 });
    assert.deepEqual(rel('{a} = 1e3').value, { type: 'value', value: 1000 });
    assert.deepEqual(rel('{a} = .5').value, { type: 'value', value: 0.5 });
    assert.deepEqual(rel('{a} = 0x10').value, { type: 'value', value: 16 });
    assert.deepEqual(rel('{a} = Infinity').value, { type: 'value', value: 'Infinity' });
    assert.deepEqual(rel('{a} = NaN').value, { type: 'value', value: 'NaN' });
  });

  it('bare words, with backslash escapes', () => {
    assert.deepEqual(rel('{a} = SFO').value, { type: 'value', value: 'SFO' });
    assert.deepEqual(rel('{a} = New\\ York').value, { type: 'value', value: 'New York' });
    assert.deepEqual(rel('{a} = true').value, { type: 'value', value: 'true' });
    assert.deepEqual(rel('{a} = 2015-01-02').value, { type: 'value', value: '2015-01-02' });
    assert.deepEqual(rel('{a} contains x&y').value, { type: 'value', value: 'x&y' });
    assert.deepEqual(rel('{a} = and').value, { type: 'value', value: 'and' });
    assert.deepEqual(parse('({a} = x)'), rel('{a} = x'), 'a bare value may end at )');
    assert.deepEqual(parse('{a} = "x"&&{b} = 1'), parse('{a} = "x" && {b} = 1'), 'a quoted value may touch &&');
    assert.deepEqual(rel('{a} = !x').value, { type: 'value', value: '!x' });
  });

  it('value on the left and field on the right', () => {
    assert.deepEqual(parse('5 < {a}'), {
      type: 'relational',
      op: '<',
      field: 'a',
      value: { type: 'value', value: 5 },
      reversed: true,
    });
    assert.deepEqual(which('5 < {a}', [4, 5, 6]), [6]);
    assert.deepEqual(which('"abc" contains {a}', ['b', 'x', 'abc']), ['b', 'abc']);
  });

  it('field on both sides', () => {
    assert.deepEqual(rel('{a} = {b}').value, { type: 'field', name: 'b' });
    assert.equal(matches('{a} = {b}', { a: 1, b: '1' }), true);
    assert.equal(matches('{a} > {b}', { a: 2, b: 1 }), true);
    assert.equal(matches('{a} > {b}', { a: 1, b: 2 }), false);
    assert.equal(matches('{a} contains {b}', { a: 'hello', b: 'ell' }), true);
    assert.deepEqual(collectFields(parse('{a} = {b} || {c} is blank && {a} > 1')), ['a', 'b', 'c']);
  });
});

describe('parseFilterQuery: invalid queries report an error and a position', () => {
  const cases: Array<[string, number]> = [
    ['{a}', 3],
    ['{a} =', 5],
    ['{a} = ', 6],
    ['({a} = 1', 8],
    ['{a} = 1)', 7],
    ['{a} = 1 &&', 10],
    ['{a} = 1 && || {b} = 1', 11],
    ['&& {a} = 1', 0],
    ['{a} = "abc', 6],
    ["{a} = 'abc\\'", 6],
    ['{a = 1', 0],
    ['{} = 1', 0],
    ['{a{b} = 1', 2],
    ['{a} foo 1', 4],
    ['{a} = 1 {b} = 2', 8],
    ['{a} = 1 = 2', 8],
    ['1 = 2', 0],
    ['()', 0],
    ['{a} = 1 && ()', 11],
    ['{a}=1&&{b}=2', 7],
    ['{a} = 1 and({b} = 2)', 8],
    ['{a} = f(x)', 7],
    ['{a} = (1)', 6],
    ['{a} is', 4],
    ['!', 1],
    ['{a} = 1 !', 8],
    ['}', 0],
    ['{a} = \\', 6],
  ];
  for (const [q, pos] of cases) it(JSON.stringify(q), () => {
    invalid(q, pos);
  });

  it('never throws, even on non-strings and absurd nesting', () => {
    invalid(42 as unknown as string, 0);
    invalid('('.repeat(5000) + '{a} = 1' + ')'.repeat(5000));
    invalid('!'.repeat(5000) + '({a} = 1)');
    assert.equal(parseFilterQuery('('.repeat(100) + '{a} = 1' + ')'.repeat(100)).ok, true);
  });

  it('fuzz: random token soup never throws; whatever parses round-trips', () => {
    const pieces = [
      '{a}', '{b c}', '{x\\}}', '=', 'eq', '!=', '<', '<=', '>', '>=', 'contains', 'icontains', 'scontains',
      'datestartswith', 'is', 'blank', 'even', '&&', '||', 'and', 'or', '!', '(', ')', '5', '-1.5', 'foo', '"q q"',
      "'x\\'y'", '`b`', ' ', '  ', '\\', '{', '}', '"', 'ieq', 'ne',
    ];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    let valid = 0;
    for (let k = 0; k < 4000; k++) {
      const len = 1 + rnd(9);
      let q = '';
      for (let j = 0; j < len; j++) q += pieces[rnd(pieces.length)] + (rnd(3) ? ' ' : '');
      const r = parseFilterQuery(q);
      if (r.ok) {
        valid++;
        assert.deepEqual(parse(toQueryString(r.ast)), r.ast, q);
        compileFilter(r.ast)({ a: 5, 'b c': 'foo', 'x}': null });
      } else {
        assert.ok(r.position >= 0 && r.position <= q.length, q);
      }
    }
    assert.ok(valid > 20, `only ${valid} valid samples`);
  });

  it('fuzz: random ASTs print to text that parses back to the same AST', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const names = ['a', 'b c', 'x}y', '{', 'back\\slash', 'and', '"q"'];
    const strings = ['', 'x', 'New York', '5', ' 7 ', 'it\'s', 'say "hi"', 'a\\b', '&&', ')', '`', 'is blank'];
    const numbers = [0, -1, 2.5, 1e21, 1e-7, 123456789];
    const ops = ['=', '!=', '<', '<=', '>', '>=', 'contains', 'datestartswith'] as const;
    const tests = ['blank', 'nil', 'num', 'str', 'bool', 'even', 'odd', 'prime', 'object'] as const;
    const gen = (depth: number): FilterAst => {
      const k = depth > 3 ? rnd(2) : rnd(5);
      if (k === 0) {
        const op = ops[rnd(ops.length)];
        const c = op === 'datestartswith' ? 0 : rnd(3);
        const value =
          rnd(5) === 0
            ? { type: 'field' as const, name: names[rnd(names.length)] }
            : { type: 'value' as const, value: rnd(2) ? strings[rnd(strings.length)] : numbers[rnd(numbers.length)] };
        const node: RelationalNode = { type: 'relational', op, field: names[rnd(names.length)], value };
        if (c === 1) node.case = 'insensitive';
        if (c === 2) node.case = 'sensitive';
        if (value.type === 'value' && rnd(4) === 0) node.reversed = true;
        return node;
      }
      if (k === 1) return { type: 'unary', op: tests[rnd(tests.length)], field: names[rnd(names.length)] };
      if (k === 2) return { type: 'not', expr: gen(depth + 1) };
      return { type: 'logical', op: rnd(2) ? 'and' : 'or', left: gen(depth + 1), right: gen(depth + 1) };
    };
    for (let k = 0; k < 3000; k++) {
      const ast = gen(0);
      const text = toQueryString(ast);
      const r = parseFilterQuery(text);
      assert.ok(r.ok, `${text}: ${!r.ok && r.error}`);
      assert.deepEqual(r.ast, ast, text);
    }
  });
});

describe('evaluation: = and != (numeric when both sides are numeric)', () => {
  const values = [5, '5', '5.0', ' 5 ', 5.5, 'abc', 'ABC', null, undefined, true, ''];
  it('{a} = 5', () => assert.deepEqual(which('{a} = 5', values), [5, '5', '5.0', ' 5 ']));
  it('{a} eq "5" (quoted numeric string still compares numerically)', () =>
    assert.deepEqual(which('{a} eq "5"', values), [5, '5', '5.0', ' 5 ']));
  it('{a} = abc is case-sensitive by default and with s', () => {
    assert.deepEqual(which('{a} = abc', values), ['abc']);
    assert.deepEqual(which('{a} s= abc', values), ['abc']);
    assert.deepEqual(which('{a} seq "abc"', values), ['abc']);
  });
  it('{a} ieq abc ignores case (and blanks never match)', () => {
    assert.deepEqual(which('{a} ieq abc', values), ['abc', 'ABC']);
    assert.deepEqual(which('{a} i= "ABC"', values), ['abc', 'ABC']);
  });
  it('{a} = "" matches only the empty string', () => assert.deepEqual(which('{a} = ""', values), ['']));
  it('!= is the negation of =', () => {
    assert.deepEqual(which('{a} != 5', values), [5.5, 'abc', 'ABC', null, undefined, true, '']);
    assert.deepEqual(which('{a} ne abc', values), [5, '5', '5.0', ' 5 ', 5.5, 'ABC', null, undefined, true, '']);
    assert.deepEqual(which('{a} ine abc', values), [5, '5', '5.0', ' 5 ', 5.5, null, undefined, true, '']);
  });
  it('booleans compare with the strings true/false only by identity', () => {
    assert.deepEqual(which('{a} = true', [true, 'true']), ['true']);
    assert.deepEqual(which('{a} ieq TRUE', [true, 'true']), [true, 'true']);
  });
});

describe('evaluation: < <= > >= (JavaScript comparison, as Dash)', () => {
  const nums = [1, 5, 10, 100, 101, 250];
  it('numbers', () => {
    assert.deepEqual(which('{a} > 100', nums), [101, 250]);
    assert.deepEqual(which('{a} gt 100', nums), [101, 250]);
    assert.deepEqual(which('{a} >= 100', nums), [100, 101, 250]);
    assert.deepEqual(which('{a} ge 100', nums), [100, 101, 250]);
    assert.deepEqual(which('{a} < 10', nums), [1, 5]);
    assert.deepEqual(which('{a} lt 10', nums), [1, 5]);
    assert.deepEqual(which('{a} <= 10', nums), [1, 5, 10]);
    assert.deepEqual(which('{a} le 10', nums), [1, 5, 10]);
    assert.deepEqual(which('{a} > -1.5', [-2, -1.5, -1]), [-1]);
  });
  it('numeric strings against numbers compare as numbers; text against numbers never matches', () => {
    assert.deepEqual(which('{a} > 100', ['200', '50', 'abc', '']), ['200']);
  });
  it('strings compare lexicographically (also quoted numbers: "9" > "10")', () => {
    assert.deepEqual(which('{a} > m', ['n', 'M', 'a', 'zz']), ['n', 'zz']);
    assert.deepEqual(which('{a} < "10"', ['9', '1', '2']), ['1']);
    assert.deepEqual(which('{a} < 10', ['9', '1', '2']), ['9', '1', '2']);
    assert.deepEqual(which('{a} >= "2015-06-01"', ['2015-05-31', '2015-06-01', '2016-01-01']), ['2015-06-01', '2016-01-01']);
  });
  it('i prefix compares upper-cased text', () => {
    assert.deepEqual(which('{a} i> m', ['n', 'N', 'M', 'a']), ['n', 'N']);
    assert.deepEqual(which('{a} s> m', ['n', 'N', 'M', 'a']), ['n']);
  });
  it('blank cells never satisfy an ordering comparison', () => {
    assert.deepEqual(which('{a} < 5', [null, undefined, 1]), [1]);
    assert.deepEqual(which('{a} >= 0', [null, undefined, 0]), [0]);
    assert.deepEqual(which('{a} i< z', [null, undefined, 'a']), ['a']);
  });
});

describe('evaluation: contains', () => {
  it('substring of the text; sensitive by default', () => {
    const v = ['New York', 'new york', 'Newark', null, undefined, 42];
    assert.deepEqual(which('{a} contains York', v), ['New York']);
    assert.deepEqual(which('{a} scontains "w Y"', v), ['New York']);
    assert.deepEqual(which('{a} icontains "YORK"', v), ['New York', 'new york']);
    assert.deepEqual(which('{a} contains ""', v), ['New York', 'new york', 'Newark', 42]);
  });
  it('numbers: a number cell only matches a quoted (string) value, as Dash', () => {
    assert.deepEqual(which('{a} contains 5', [12345, 'a5', '5']), ['a5', '5']);
    assert.deepEqual(which('{a} contains "5"', [12345, 'a5', 678]), [12345, 'a5']);
    assert.deepEqual(which('{a} icontains "2.5"', [12.5, '2.50']), [12.5, '2.50']);
  });
});

describe('evaluation: datestartswith and normalizeDate', () => {
  it('normalizeDate keeps the given parts and validates the date', () => {
    assert.equal(normalizeDate('2015'), '2015');
    assert.equal(normalizeDate('2015-1'), '2015-01');
    assert.equal(normalizeDate('2015-1-5'), '2015-01-05');
    assert.equal(normalizeDate('2015-01-05T7'), '2015-01-05 07');
    assert.equal(normalizeDate('2015-01-05 10:30'), '2015-01-05 10:30');
    assert.equal(normalizeDate('2015-01-05T10:30:45.123Z'), '2015-01-05 10:30:45.123');
    assert.equal(normalizeDate('2015-01-05T10:30:45+02:00'), '2015-01-05 10:30:45');
    assert.equal(normalizeDate('  2015-01-05  '), '2015-01-05');
    assert.equal(normalizeDate('2016-02-29'), '2016-02-29');
    assert.equal(normalizeDate('2015-02-29'), null);
    assert.equal(normalizeDate('2015-13'), null);
    assert.equal(normalizeDate('2015-04-31'), null);
    assert.equal(normalizeDate('2015-01-05T24:00'), null);
    assert.equal(normalizeDate('-0044-03-15'), '-0044-03-15');
    assert.equal(normalizeDate('15-01-01'), '2015-01-01');
    assert.equal(normalizeDate('Jan 2015'), null);
    assert.equal(normalizeDate(2015), null);
  });

  it('matches dates whose normalized form starts with the normalized value', () => {
    const v = ['2015-01-15', '2015-1-5', '2015-01-15T10:30:00', '2015-02-01', '2014-12-31', 'abc', null, 2015, '2015-02-30'];
    assert.deepEqual(which('{a} datestartswith 2015-01', v), ['2015-01-15', '2015-1-5', '2015-01-15T10:30:00']);
    assert.deepEqual(which('{a} datestartswith "2015-01-15 10"', v), ['2015-01-15T10:30:00']);
    assert.deepEqual(which('{a} datestartswith 2015', v), ['2015-01-15', '2015-1-5', '2015-01-15T10:30:00', '2015-02-01', 2015]);
    assert.deepEqual(which('{a} DATESTARTSWITH 2015-1', v), ['2015-01-15', '2015-1-5', '2015-01-15T10:30:00']);
    assert.deepEqual(which('{a} datestartswith "not a date"', v), []);
  });

  it('Date objects in datetime columns (columnTypes)', () => {
    const row = { d: new Date('2015-01-15T00:00:00Z') };
    assert.equal(matches('{d} datestartswith 2015-01', row, { d: 'datetime' }), true);
    assert.equal(matches('{d} > "2015-01-10"', row, { d: 'datetime' }), true);
    assert.equal(matches('{d} < "2015-01-10"', row, { d: 'datetime' }), false);
  });
});

describe('evaluation: unary tests', () => {
  const values = [undefined, null, '', ' ', 0, 2, 3, -3, -4, 2.5, NaN, 7, 97, 1, 9, '7', true, false, {}, [], 'x'];
  const t = (op: string) => which(`{a} is ${op}`, values);
  it('is blank', () => assert.deepEqual(t('blank'), [undefined, null, '']));
  it('is nil', () => assert.deepEqual(t('nil'), [undefined, null]));
  it('is num', () => assert.deepEqual(t('num'), [0, 2, 3, -3, -4, 2.5, NaN, 7, 97, 1, 9]));
  it('is str', () => assert.deepEqual(t('str'), ['', ' ', '7', 'x']));
  it('is bool', () => assert.deepEqual(t('bool'), [true, false]));
  it('is even', () => assert.deepEqual(t('even'), [0, 2, -4]));
  it('is odd', () => assert.deepEqual(t('odd'), [3, -3, 7, 97, 1, 9]));
  it('is prime', () => assert.deepEqual(t('prime'), [2, 3, 7, 97]));
  it('is object', () => assert.deepEqual(t('object'), [{}, []]));
});

describe('evaluation: robustness', () => {
  it('rows that are not objects, missing fields, inherited names', () => {
    const p = compileFilter(parse('{a} is blank'));
    assert.equal(p(null as unknown as Row), true);
    assert.equal(p(42 as unknown as Row), true);
    assert.equal(matches('{constructor} is nil', {}), true);
    assert.equal(matches('{toString} is blank', {}), true);
    assert.equal(matches('{constructor} = 1', { constructor: 1 }), true);
    assert.equal(matches('{hasOwnProperty} contains x', { hasOwnProperty: 'x' }), true);
  });

  it('case-insensitive operators on blanks and objects do not throw', () => {
    for (const op of ['ieq', 'ine', 'icontains', 'ilt', 'ige']) {
      for (const v of [null, undefined, { x: 1 }, [1, 2]]) {
        assert.doesNotThrow(() => matches(`{a} ${op} x`, { a: v }));
      }
    }
  });

  it('long chains evaluate and print without overflowing the stack', () => {
    const q = Array.from({ length: 20000 }, (_, i) => `{c${i % 50}} != ${i}`).join(' && ');
    const ast = parse(q);
    assert.equal(compileFilter(ast)({}), true);
    assert.equal(toQueryString(ast), q);
    const q2 = Array.from({ length: 20000 }, (_, i) => `{c} = ${i}`).join(' || ');
    assert.equal(compileFilter(parse(q2))({ c: 19999 }), true);
  });

  it('the benchmark query', () => {
    const pred = compileFilter(parse('{delay} > 100 && {origin} = "SFO"'));
    assert.equal(pred({ delay: 101, origin: 'SFO' }), true);
    assert.equal(pred({ delay: 100, origin: 'SFO' }), false);
    assert.equal(pred({ delay: 300, origin: 'sfo' }), false);
    assert.equal(pred({ delay: null, origin: 'SFO' }), false);
  });
});

describe('toQueryString', () => {
  it('canonical text', () => {
    assert.equal(toQueryString(null), '');
    assert.equal(roundTrip('{a} eq 5 and {b} contains x'), '{a} = 5 && {b} contains "x"');
    assert.equal(roundTrip("{a} ICONTAINS 'x' OR {b} ne 2"), '{a} icontains "x" || {b} != 2');
    assert.equal(roundTrip('{a} is BLANK'), '{a} is blank');
    assert.equal(roundTrip('!{a} = 1'), '!({a} = 1)');
    assert.equal(roundTrip('5   lt {a}'), '5 < {a}');
    assert.equal(roundTrip('{a} s>= {b}'), '{a} s>= {b}');
    assert.equal(roundTrip('{a} datestartswith 2015-01'), '{a} datestartswith "2015-01"');
  });

  it('parentheses only where the tree needs them', () => {
    assert.equal(roundTrip('({a} = 1 || {b} = 2) && {c} = 3'), '({a} = 1 || {b} = 2) && {c} = 3');
    assert.equal(roundTrip('{c} = 3 && ({a} = 1 || {b} = 2)'), '{c} = 3 && ({a} = 1 || {b} = 2)');
    assert.equal(roundTrip('({a} = 1 && {b} = 2) || {c} = 3'), '{a} = 1 && {b} = 2 || {c} = 3');
    assert.equal(roundTrip('{a} = 1 && ({b} = 2 && {c} = 3)'), '{a} = 1 && ({b} = 2 && {c} = 3)');
    assert.equal(roundTrip('{a} = 1 || ({b} = 2 || {c} = 3)'), '{a} = 1 || ({b} = 2 || {c} = 3)');
    assert.equal(roundTrip('(({a} = 1))'), '{a} = 1');
    assert.equal(roundTrip('!({a} = 1 || {b} = 2) && !(!({c} is nil))'), '!({a} = 1 || {b} = 2) && !(!({c} is nil))');
  });

  it('escapes fields and strings', () => {
    assert.equal(roundTrip('{a\\}b\\\\} = 1'), '{a\\}b\\\\} = 1');
    assert.equal(roundTrip(`{a} = 'say "hi" \\\\ it\\'s'`), `{a} = "say \\"hi\\" \\\\ it's"`);
    assert.equal(roundTrip('{a} = `tick`'), '{a} = "tick"');
    assert.equal(roundTrip('{a} = New\\ York'), '{a} = "New York"');
    assert.equal(roundTrip('{my col} = ""'), '{my col} = ""');
  });

  it('numbers stay numbers, numeric strings stay strings', () => {
    assert.equal(roundTrip('{a} = 1e21'), '{a} = 1e+21');
    assert.equal(roundTrip('{a} = -0'), '{a} = -0');
    assert.equal(roundTrip('{a} = 0.000001'), '{a} = 0.000001');
    assert.equal(roundTrip('{a} = 1e-7'), '{a} = 1e-7');
    assert.equal(roundTrip('{a} = "5"'), '{a} = "5"');
    const hand: FilterAst = { type: 'relational', op: '=', field: 'x', value: { type: 'value', value: ' 7 ' } };
    assert.deepEqual(parse(toQueryString(hand)), hand);
  });

  it('every operator and test round-trips', () => {
    for (const op of ['=', 'eq', '!=', 'ne', '<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', 'contains']) {
      for (const p of ['', 'i', 's']) roundTrip(`{a} ${p}${op} "v" || 3 ${p}${op} {b}`);
    }
    roundTrip('{a} datestartswith 2015');
    for (const t of ['blank', 'nil', 'num', 'str', 'bool', 'even', 'odd', 'prime', 'object']) roundTrip(`!({a} is ${t})`);
  });
});

describe('column filter boxes', () => {
  it('a bare value uses the type’s implicit operator, with Dash’s default s prefix', () => {
    assert.equal(columnFilterToQuery('city', 'text', 'York'), '{city} scontains "York"');
    assert.equal(columnFilterToQuery('city', 'any', 'York'), '{city} scontains "York"');
    assert.equal(columnFilterToQuery('n', 'numeric', '5'), '{n} s= 5');
    assert.equal(columnFilterToQuery('n', 'numeric', ' 2.5 '), '{n} s= 2.5');
    assert.equal(columnFilterToQuery('d', 'datetime', '2015-01'), '{d} datestartswith "2015-01"');
    assert.equal(columnFilterToQuery('d', 'datetime', '2015'), '{d} datestartswith 2015');
  });

  it('an operator typed first is used as is', () => {
    assert.equal(columnFilterToQuery('n', 'numeric', '> 5'), '{n} s> 5');
    assert.equal(columnFilterToQuery('n', 'numeric', '>=5'), '{n} s>= 5');
    assert.equal(columnFilterToQuery('n', 'numeric', 'le 5'), '{n} s<= 5');
    assert.equal(columnFilterToQuery('c', 'text', '!= foo'), '{c} s!= "foo"');
    assert.equal(columnFilterToQuery('c', 'text', 'ne foo'), '{c} s!= "foo"');
    assert.equal(columnFilterToQuery('c', 'text', '= foo'), '{c} s= "foo"');
    assert.equal(columnFilterToQuery('c', 'text', 'icontains foo'), '{c} icontains "foo"');
    assert.equal(columnFilterToQuery('c', 'text', 'ieq Foo'), '{c} i= "Foo"');
    assert.equal(columnFilterToQuery('c', 'numeric', 'contains 5'), '{c} scontains 5');
    assert.equal(columnFilterToQuery('c', 'text', 'datestartswith 2015-01'), '{c} datestartswith "2015-01"');
    assert.equal(columnFilterToQuery('c', 'text', 'is blank'), '{c} is blank');
    assert.equal(columnFilterToQuery('c', 'numeric', '  IS EVEN  '), '{c} is even');
    assert.equal(columnFilterToQuery('c', 'text', '= {other}'), '{c} s= {other}');
  });

  it('filter_options.case insensitive gives the i prefix', () => {
    const o = { case: 'insensitive' as const };
    assert.equal(columnFilterToQuery('c', 'text', 'foo', o), '{c} icontains "foo"');
    assert.equal(columnFilterToQuery('c', 'text', '> m', o), '{c} i> "m"');
    assert.equal(columnFilterToQuery('c', 'text', 'scontains foo', o), '{c} scontains "foo"');
    assert.equal(columnFilterToQuery('d', 'datetime', '2015', o), '{d} datestartswith 2015');
  });

  it('values: spaces, quotes, odd characters and column ids needing escapes', () => {
    assert.equal(columnFilterToQuery('c', 'text', 'New York'), '{c} scontains "New York"');
    assert.equal(columnFilterToQuery('c', 'text', '"a b"'), '{c} scontains "a b"');
    assert.equal(columnFilterToQuery('c', 'text', "'5'"), '{c} scontains "5"');
    assert.equal(columnFilterToQuery('c', 'text', "O'Brien"), `{c} scontains "O'Brien"`);
    assert.equal(columnFilterToQuery('c', 'text', 'f(x) {y}'), '{c} scontains "f(x) {y}"');
    assert.equal(columnFilterToQuery('c', 'text', 'is blankety'), '{c} scontains "is blankety"');
    assert.equal(columnFilterToQuery('my {col}', 'text', 'x'), '{my \\{col\\}} scontains "x"');
    assert.equal(rel(columnFilterToQuery('my {col}', 'text', 'x')).field, 'my {col}');
  });

  it('empty and invalid boxes', () => {
    assert.equal(columnFilterToQuery('c', 'text', ''), '');
    assert.equal(columnFilterToQuery('c', 'text', '   '), '');
    assert.deepEqual(parseColumnFilter('c', 'text', ''), { ok: true, ast: null, query: '' });
    assert.equal(columnFilterToQuery('c', 'numeric', '>'), '');
    const r = parseColumnFilter('c', 'numeric', '>= ');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.position, 3);

  });

  it('a query typed into a box, or a value after `is …`, is invalid (as in Dash), not a literal that hides every row', () => {
    for (const text of ['{a} <= 1', '{other} = 2', 'is prime "a"', 'is blank x']) {
      assert.equal(parseColumnFilter('a', 'numeric', text).ok, false, text);
      assert.equal(columnFilterToQuery('a', 'numeric', text), '', text);
    }
    const r = parseColumnFilter('a', 'numeric', 'is prime "a"');
    assert.equal(!r.ok && r.position, 9);
    // Plain text stays a literal value, as before.
    assert.equal(columnFilterToQuery('c', 'text', 'is blankety'), '{c} scontains "is blankety"');
  });

  it('box queries filter like Dash', () => {
    const f = (id: string, type: ColumnType, box: string, rows: Row[]) =>
      rows.filter(compileFilter(parse(columnFilterToQuery(id, type, box))));
    assert.deepEqual(f('n', 'numeric', '5', [{ n: 5 }, { n: '5' }, { n: 15 }]), [{ n: 5 }, { n: '5' }]);
    assert.deepEqual(f('c', 'text', 'york', [{ c: 'New York' }, { c: 'yorkshire' }]), [{ c: 'yorkshire' }]);
    assert.deepEqual(f('c', 'text', 'icontains york', [{ c: 'New York' }, { c: 'yorkshire' }]), [{ c: 'New York' }, { c: 'yorkshire' }]);
    assert.deepEqual(f('d', 'datetime', '2015-01', [{ d: '2015-01-31' }, { d: '2015-02-01' }]), [{ d: '2015-01-31' }]);
    assert.deepEqual(f('c', 'any', 'is blank', [{ c: '' }, { c: 'x' }, {}]), [{ c: '' }, {}]);
  });

  it('combineColumnQueries joins with && (or ||), skipping empty and invalid parts', () => {
    const parts = new Map([
      ['city', columnFilterToQuery('city', 'text', 'York')],
      ['empty', ''],
      ['bad', '{bad} ='],
      ['delay', columnFilterToQuery('delay', 'numeric', '> 100')],
    ]);
    assert.equal(combineColumnQueries(parts), '{city} scontains "York" && {delay} s> 100');
    assert.equal(combineColumnQueries(parts, 'or'), '{city} scontains "York" || {delay} s> 100');
    assert.equal(combineColumnQueries(new Map()), '');
    assert.equal(
      combineColumnQueries(new Map([['a', '{a} = 1 || {a} = 2'], ['b', '{b} = 3']])),
      '({a} = 1 || {a} = 2) && {b} = 3',
    );
  });

  const types: Record<string, ColumnType> = { city: 'text', delay: 'numeric', n: 'numeric', d: 'datetime', x: 'any', t: 'text', q: 'text', o: 'text' };

  it('splitColumnQueries inverts combine (box texts round-trip)', () => {
    const boxes = new Map([
      ['city', 'New York'],
      ['delay', '> 100'],
      ['n', '7'],
      ['d', '2015-01'],
      ['x', 'is blank'],
      ['t', 'icontains Foo'],
      ['q', '"5"'],
      ['o', '"contains x"'],
    ]);
    const query = combineColumnQueries(new Map([...boxes].map(([id, box]) => [id, columnFilterToQuery(id, types[id], box)])));
    assert.equal(
      query,
      '{city} scontains "New York" && {delay} s> 100 && {n} s= 7 && {d} datestartswith "2015-01" && {x} is blank && {t} icontains "Foo" && {q} scontains "5" && {o} scontains "contains x"',
    );
    assert.deepEqual(splitColumnQueries(query, types), boxes);
  });

  it('combine(split(query)) reproduces the query', () => {
    for (const q of [
      '{city} scontains "York" && {delay} s> 100',
      '{n} s= 7',
      '{d} datestartswith "2015" && {x} is nil',
      '{t} i<= "m" && {q} s!= "a b"',
    ]) {
      const split = splitColumnQueries(q, types)!;
      assert.ok(split, q);
      const back = combineColumnQueries(new Map([...split].map(([id, box]) => [id, columnFilterToQuery(id, types[id], box)])));
      assert.equal(back, q);
    }
  });

  it("Dash-style queries (bare values, no prefix) split into the user's box text", () => {
    assert.deepEqual(splitColumnQueries('{city} contains York and {n} = 5', types), new Map([['city', 'York'], ['n', '5']]));
    assert.deepEqual(splitColumnQueries('{city} scontains York', types), new Map([['city', 'York']]));
    assert.deepEqual(
      splitColumnQueries('{city} contains York', types, { case: 'insensitive' }),
      new Map([['city', 'scontains York']]),
    );
    assert.deepEqual(
      splitColumnQueries('{city} icontains York', types, { case: 'insensitive' }),
      new Map([['city', 'York']]),
    );
    assert.deepEqual(splitColumnQueries('{n} contains 5', types), new Map([['n', 'contains 5']]));
    assert.deepEqual(splitColumnQueries('{city} = 5', types), new Map([['city', '= 5']]));
  });

  it('without column types every clause keeps its operator', () => {
    assert.deepEqual(
      splitColumnQueries('{city} scontains "New York" && {n} s= 7 && {x} is blank'),
      new Map([['city', 'contains New York'], ['n', '= 7'], ['x', 'is blank']]),
    );
  });

  it('splitColumnQueries: empty → empty map; not representable → null', () => {
    assert.deepEqual(splitColumnQueries(''), new Map());
    assert.equal(splitColumnQueries('{a} ='), null);
    assert.equal(splitColumnQueries('{city} = 1 || {n} = 2'), null);
    assert.equal(splitColumnQueries('!({city} = 1)'), null);
    assert.equal(splitColumnQueries('{n} > 1 && {n} < 5'), null);
    assert.equal(splitColumnQueries('5 < {n}'), null);
    assert.equal(splitColumnQueries('{nope} = 1', types), null);
    assert.deepEqual(splitColumnQueries('{a} = 1 || {b} = 2', undefined, { operator: 'or' }), new Map([['a', '= 1'], ['b', '= 2']]));
  });
});
