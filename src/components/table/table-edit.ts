/**
 * What an edited or pasted text becomes in `data`, DOM-free. Follows Dash's column `on_change`
 * (`{action: coerce|none|validate, failure: reject|accept|default}`, default coerce/reject) and
 * `validation: {allow_null, default}`:
 * - `numeric`: a number (`"1e3"`, `" -2.5 "`); anything else is invalid;
 * - `datetime`: a date Dash understands, normalised to `YYYY-MM-DD[ HH:MM[:SS]]`;
 * - `text`/`any`: the text as typed.
 * An empty cell is `null` in numeric and datetime columns (unless `validation.allow_null` is false).
 */
import { normalizeDate } from '../../filter-query/evaluate.js';
import { cellText, type TableColumn } from './table-model.js';
import { isRecord } from '../../internal/is-record.js';

export type EditResult = { ok: true; value: unknown } | { ok: false; message: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function record(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function coerce(text: string, column: TableColumn, validateOnly: boolean): EditResult {
  const trimmed = text.trim();
  const validation = record(column.source.validation);
  if (column.type === 'numeric' || column.type === 'datetime') {
    if (trimmed === '') {
      return validation.allow_null === false || validation.allowNull === false
        ? { ok: false, message: 'A value is required' }
        : { ok: true, value: null };
    }
  }
  if (column.type === 'numeric') {
    if (!NUMBER.test(trimmed)) return { ok: false, message: 'Enter a number' };
    const n = Number(trimmed);
    if (!Number.isFinite(n)) return { ok: false, message: 'Enter a number' };
    if (validateOnly && trimmed !== text) return { ok: false, message: 'Enter a number' };
    return { ok: true, value: validateOnly ? text : n };
  }
  if (column.type === 'datetime') {
    const d = normalizeDate(trimmed);
    if (d === null) return { ok: false, message: 'Enter a date as YYYY-MM-DD' };
    if (validateOnly && d !== text) return { ok: false, message: 'Enter a date as YYYY-MM-DD' };
    return { ok: true, value: d };
  }
  return { ok: true, value: text };
}

/** The value to store for `text` typed or pasted into a cell of `column`. */
export function coerceEdit(text: string, column: TableColumn): EditResult {
  const onChange = record(column.source.on_change ?? column.source.onChange);
  const action = onChange.action ?? 'coerce';
  if (action === 'none') return { ok: true, value: text };
  const result = coerce(text, column, action === 'validate');
  if (result.ok) return result;
  if (onChange.failure === 'accept') return { ok: true, value: text };
  if (onChange.failure === 'default') {
    const validation = record(column.source.validation);
    return { ok: true, value: validation.default ?? null };
  }
  return result;
}

/** What an editor shows for a stored value (the raw value, not its format). */
export function editText(value: unknown): string {
  return cellText(value);
}
