/**
 * Recursive-descent parser for Dash's filter-query language:
 *
 *   or       := and ( ('||' | 'or') and )*
 *   and      := not ( ('&&' | 'and') not )*
 *   not      := '!' not | primary
 *   primary  := '(' or ')' | operand relop operand | field 'is' test
 *
 * `and` binds tighter than `or`, `!` tighter than both, as in Dash. Never throws.
 */
import type { FilterAst, ParseResult, RelationalNode } from './ast.js';
import { lex, type Token } from './lexer.js';

const MAX_DEPTH = 200;

class ParseError {
  constructor(
    readonly error: string,
    readonly position: number,
  ) {}
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'not':
      return "'!'";
    case 'and':
      return "'and'";
    case 'or':
      return "'or'";
    case 'relop':
    case 'unary':
      return `'${t.text}'`;
    case 'field':
      return 'a field';
    case 'value':
      return 'a value';
  }
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError(`Too deeply nested (more than ${MAX_DEPTH} levels)`, pos);
  }

  parse(): FilterAst {
    const ast = this.parseOr();
    const t = this.peek();
    if (t) {
      throw new ParseError(
        t.kind === 'rparen' ? "Unexpected ')': no matching '('" : `Unexpected ${describe(t)}: expected 'and', 'or' or the end`,
        t.pos,
      );
    }
    return ast;
  }

  private parseOr(): FilterAst {
    let left = this.parseAnd();
    while (this.peek()?.kind === 'or') {
      this.i++;
      left = { type: 'logical', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterAst {
    let left = this.parseNot();
    while (this.peek()?.kind === 'and') {
      this.i++;
      left = { type: 'logical', op: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterAst {
    const t = this.peek();
    if (t?.kind === 'not') {
      this.i++;
      this.enter(t.pos);
      const expr = this.parseNot();
      this.depth--;
      return { type: 'not', expr };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterAst {
    const t = this.peek();
    if (!t) throw new ParseError('Unexpected end of query: expected a comparison', this.length);
    if (t.kind === 'lparen') {
      this.i++;
      this.enter(t.pos);
      if (this.peek()?.kind === 'rparen') throw new ParseError("Empty parentheses '()'", t.pos);
      const inner = this.parseOr();
      this.depth--;
      const close = this.peek();
      if (close?.kind !== 'rparen') {
        throw new ParseError(
          close ? `Unexpected ${describe(close)}: expected ')'` : `Missing ')' to close the '(' at ${t.pos}`,
          close ? close.pos : this.length,
        );
      }
      this.i++;
      return inner;
    }
    if (t.kind === 'field' || t.kind === 'value') return this.parseComparison(t);
    if (t.kind === 'rparen') throw new ParseError("Unexpected ')': expected a comparison", t.pos);
    throw new ParseError(`Unexpected ${describe(t)}: expected a comparison`, t.pos);
  }

  private parseComparison(left: Extract<Token, { kind: 'field' | 'value' }>): FilterAst {
    this.i++;
    const op = this.peek();
    if (!op) {
      throw new ParseError(
        left.kind === 'field' ? 'Unexpected end of query: expected an operator after the field' : 'Unexpected end of query: expected an operator',
        this.length,
      );
    }
    if (op.kind === 'unary') {
      this.i++;
      if (left.kind !== 'field') throw new ParseError(`'${op.text}' needs a {field} on its left`, left.pos);
      return { type: 'unary', op: op.op, field: left.name };
    }
    if (op.kind !== 'relop') {
      throw new ParseError(`Unexpected ${describe(op)}: expected an operator such as =, contains or is blank`, op.pos);
    }
    this.i++;
    const right = this.peek();
    // The lexer only puts an operand after a relational operator.
    if (!right || (right.kind !== 'field' && right.kind !== 'value')) {
      throw new ParseError(`Unexpected end of query: expected a value after '${op.text}'`, this.length);
    }
    this.i++;
    const base = { type: 'relational' as const, op: op.op, ...(op.case ? { case: op.case } : {}) };
    if (left.kind === 'field') {
      const value = right.kind === 'field' ? { type: 'field' as const, name: right.name } : { type: 'value' as const, value: right.value };
      return { ...base, field: left.name, value } satisfies RelationalNode;
    }
    if (right.kind === 'field') {
      return { ...base, field: right.name, value: { type: 'value', value: left.value }, reversed: true } satisfies RelationalNode;
    }
    throw new ParseError('A comparison needs a {field} on one side', left.pos);
  }
}

/**
 * Parses a filter query. An empty (or all-blank) query is valid and gives `ast: null` (no filter).
 * Invalid queries give `{ok: false, error, position}` with the offset of the offending text.
 */
export function parseFilterQuery(query: string): ParseResult {
  if (query === null || query === undefined) return { ok: true, ast: null };
  if (typeof query !== 'string') return { ok: false, error: 'The filter query must be a string', position: 0 };
  const lexed = lex(query);
  if (!lexed.ok) return lexed;
  if (lexed.tokens.length === 0) return { ok: true, ast: null };
  try {
    return { ok: true, ast: new Parser(lexed.tokens, query.length).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.error, position: e.position };
    return { ok: false, error: String(e), position: 0 };
  }
}
