/**
 * Tokenizer for Dash's filter-query language. Like Dash's lexer it is context-sensitive: what a
 * piece of text means depends on what came before it (after `{a} =` anything up to the next space
 * is a value, so `{a} = x&&y` compares with the string "x&&y"). Positions are UTF-16 offsets into
 * the query.
 */
import type { CaseMode, RelationalOp, UnaryOp } from './ast.js';

export type Token =
  | { kind: 'lparen'; pos: number; end: number }
  | { kind: 'rparen'; pos: number; end: number }
  | { kind: 'not'; pos: number; end: number }
  | { kind: 'and'; pos: number; end: number }
  | { kind: 'or'; pos: number; end: number }
  | { kind: 'relop'; pos: number; end: number; op: RelationalOp; case?: CaseMode; text: string }
  | { kind: 'unary'; pos: number; end: number; op: UnaryOp; text: string }
  | { kind: 'field'; pos: number; end: number; name: string }
  | { kind: 'value'; pos: number; end: number; value: string | number; quoted: boolean };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: string; position: number };

/** A string is numeric the way Dash's `fast-isnumeric` sees it: not blank, and a finite number. */
export function isNumericString(s: string): boolean {
  if (s.length === 0) return false;
  const n = +s;
  return n - n === 0 && (n !== 0 || s.trim() !== '');
}

/** Dash's `isNumeric` on any cell value: finite numbers and numeric strings. */
export function isNumericValue(v: unknown): boolean {
  return typeof v === 'number' ? v - v === 0 : typeof v === 'string' && isNumericString(v);
}

/** Removes backslash escapes: `\x` → `x`. */
export function unescapeText(s: string): string {
  return s.indexOf('\\') === -1 ? s : s.replace(/\\([\s\S])/g, '$1');
}

const WS = /\s/;

// Relational operators, tried in Dash's order (so `>=` wins over `>`). Word forms need a space or
// the end after them; symbols do not (`{a}>5` is fine). `datestartswith` takes no case prefix.
const RELOPS: ReadonlyArray<[RegExp, RelationalOp]> = [
  [/([is]?)contains(?=\s|$)/iy, 'contains'],
  [/()datestartswith(?=\s|$)/iy, 'datestartswith'],
  [/([is]?)(?:=|eq(?=\s|$))/iy, '='],
  [/([is]?)(?:>=|ge(?=\s|$))/iy, '>='],
  [/([is]?)(?:>|gt(?=\s|$))/iy, '>'],
  [/([is]?)(?:<=|le(?=\s|$))/iy, '<='],
  [/([is]?)(?:<|lt(?=\s|$))/iy, '<'],
  [/([is]?)(?:!=|ne(?=\s|$))/iy, '!='],
];

const UNARY = /is\s+(blank|nil|num|str|bool|even|odd|prime|object)(?![\w$])/iy;
const UNARY_START = /is\s+([\w$]*)/iy;
const AND = /and(?=\s)|&&/iy;
const OR = /or(?=\s)|\|\|/iy;
const FIELD = /\{((?:[^{}\\]|\\[\s\S])+)\}/y;
const STRING = /'(?:[^'\\]|\\[\s\S])*'|"(?:[^"\\]|\\[\s\S])*"|`(?:[^`\\]|\\[\s\S])*`/y;
const BARE = /(?:[^\s'"`{}()\\]|\\[\s\S])+/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Tries a relational operator at `at`. */
export function matchRelop(s: string, at: number): { op: RelationalOp; case?: CaseMode; text: string } | null {
  for (const [re, op] of RELOPS) {
    const m = sticky(re, s, at);
    if (m) {
      const p = m[1].toLowerCase();
      return p ? { op, case: p === 'i' ? 'insensitive' : 'sensitive', text: m[0] } : { op, text: m[0] };
    }
  }
  return null;
}

/** Tries `is <word>` at `at`; `bad` is set when it looks like a unary test with an unknown word. */
export function matchUnary(s: string, at: number): { op: UnaryOp; text: string } | { bad: string } | null {
  const m = sticky(UNARY, s, at);
  if (m) return { op: m[1].toLowerCase() as UnaryOp, text: m[0] };
  const b = sticky(UNARY_START, s, at);
  return b ? { bad: b[0] } : null;
}

function show(s: string, at: number): string {
  const m = /\S+/y;
  m.lastIndex = at;
  const w = m.exec(s)?.[0] ?? s[at];
  return w.length > 20 ? `${w.slice(0, 20)}…` : w;
}

type Operand = Extract<Token, { kind: 'field' | 'value' }>;
type OperandResult = { ok: true; token: Operand } | { ok: false; error: string; position: number };

/** Reads a field, a quoted string or a bare value at `at` (which is not whitespace). */
export function readOperand(s: string, at: number): OperandResult {
  const c = s[at];
  if (c === '{') {
    const m = sticky(FIELD, s, at);
    if (m) {
      return { ok: true, token: { kind: 'field', pos: at, end: at + m[0].length, name: unescapeText(m[1]) } };
    }
    if (s[at + 1] === '}') return { ok: false, error: 'Empty field name "{}"', position: at };
    const close = s.indexOf('}', at + 1);
    const open = s.indexOf('{', at + 1);
    if (close === -1) return { ok: false, error: "Unterminated field name: missing '}'", position: at };
    return {
      ok: false,
      error: open !== -1 && open < close ? "Unexpected '{' in a field name (escape it as \\{)" : 'Invalid field name',
      position: open !== -1 && open < close ? open : at,
    };
  }
  if (c === '"' || c === "'" || c === '`') {
    const m = sticky(STRING, s, at);
    if (!m) return { ok: false, error: `Unterminated string: missing closing ${c}`, position: at };
    const text = unescapeText(m[0].slice(1, -1));
    return { ok: true, token: { kind: 'value', pos: at, end: at + m[0].length, value: text, quoted: true } };
  }
  const m = sticky(BARE, s, at);
  if (!m) return { ok: false, error: `Unexpected '${c}': expected a value`, position: at };
  const end = at + m[0].length;
  if (end < s.length && !WS.test(s[end]) && s[end] !== ')') {
    return {
      ok: false,
      error: `Unexpected '${s[end]}' after the value '${m[0]}' (add a space or quote the value)`,
      position: end,
    };
  }
  const raw = m[0];
  const value = isNumericString(raw) ? +raw : unescapeText(raw);
  return { ok: true, token: { kind: 'value', pos: at, end, value, quoted: false } };
}

/**
 * States: 'start' expects an operand, `(` or `!`; 'value' (after a relational operator) expects
 * an operand only; 'operator' (after an operand, a unary test or `)`) expects an operator,
 * `and`/`or` or `)`.
 */
export function lex(s: string): LexResult {
  const tokens: Token[] = [];
  let state: 'start' | 'value' | 'operator' = 'start';
  let i = 0;
  const n = s.length;
  while (true) {
    while (i < n && WS.test(s[i])) i++;
    if (i >= n) break;
    const c = s[i];
    if (state === 'operator') {
      if (c === ')') {
        tokens.push({ kind: 'rparen', pos: i, end: i + 1 });
        i++;
        continue;
      }
      let m = sticky(AND, s, i);
      if (m) {
        tokens.push({ kind: 'and', pos: i, end: i + m[0].length });
        i += m[0].length;
        state = 'start';
        continue;
      }
      m = sticky(OR, s, i);
      if (m) {
        tokens.push({ kind: 'or', pos: i, end: i + m[0].length });
        i += m[0].length;
        state = 'start';
        continue;
      }
      const rel = matchRelop(s, i);
      if (rel) {
        tokens.push({ kind: 'relop', pos: i, end: i + rel.text.length, ...rel });
        i += rel.text.length;
        state = 'value';
        continue;
      }
      const un = matchUnary(s, i);
      if (un && 'op' in un) {
        tokens.push({ kind: 'unary', pos: i, end: i + un.text.length, op: un.op, text: un.text });
        i += un.text.length;
        continue;
      }
      if (un) {
        return {
          ok: false,
          error: `Unknown test '${un.bad}': expected is blank, nil, num, str, bool, even, odd, prime or object`,
          position: i,
        };
      }
      const word = /(and|or)\(/iy;
      if (sticky(word, s, i)) return { ok: false, error: `'${s.slice(i, word.lastIndex - 1)}' needs a space after it`, position: i };
      return { ok: false, error: `Unexpected '${show(s, i)}': expected an operator, 'and', 'or' or ')'`, position: i };
    }
    if (state === 'start') {
      if (c === '(') {
        tokens.push({ kind: 'lparen', pos: i, end: i + 1 });
        i++;
        continue;
      }
      if (c === '!') {
        tokens.push({ kind: 'not', pos: i, end: i + 1 });
        i++;
        continue;
      }
      if (c === ')') {
        tokens.push({ kind: 'rparen', pos: i, end: i + 1 });
        i++;
        state = 'operator';
        continue;
      }
      const lg = sticky(AND, s, i) ?? sticky(OR, s, i);
      if (lg) return { ok: false, error: `Unexpected '${lg[0]}': expected a comparison`, position: i };
    } else if (c === '(' || c === ')') {
      return { ok: false, error: `Unexpected '${c}': expected a value`, position: i };
    }
    const r = readOperand(s, i);
    if (!r.ok) return r;
    tokens.push(r.token);
    i = r.token.end;
    state = 'operator';
  }
  return { ok: true, tokens };
}
