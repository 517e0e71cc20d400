/**
 * What `<dash-table>` does with property values it cannot use (docs/table.md, "Bad input"):
 * attributes and properties set by a page get one warning naming the attribute, and a sensible
 * value that the property then holds. (Callbacks get a TypeError: `checkProp` in table.ts.)
 */
import type { PropertyValues } from 'lit';
import type { DashTable } from './table.js';

/** Replaces a bad value written to a property with a sensible one, saying so once per attribute (docs/table.md). */
function correct<K extends keyof DashTable>(table: DashTable, prop: K, attribute: string, value: DashTable[K], why: string): void {
  const show = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
  table.warnOnce(`bad-value:${attribute}`, `${attribute}=${show(table[prop])} ${why}; using ${show(value)}`);
  table[prop] = value;
}

/** Values no table can use, whatever its data: `page-size`, `hidden-columns`, `fixed-rows`, `selected-rows`. */
export function correctInputs(table: DashTable, changed: PropertyValues): void {
  if (changed.has('pageSize') && !(Number.isInteger(table.pageSize) && table.pageSize > 0)) {
    correct(table, 'pageSize', 'page-size', 250, 'is not a positive whole number');
  }
  if (changed.has('hiddenColumns') && table.hiddenColumns !== null && !Array.isArray(table.hiddenColumns)) {
    correct(table, 'hiddenColumns', 'hidden-columns', [], 'is not a list of column ids');
  }
  const fixed: unknown = table.fixedRows;
  if (changed.has('fixedRows') && fixed !== null && fixed !== undefined) {
    if (typeof fixed !== 'object' || Array.isArray(fixed)) {
      correct(table, 'fixedRows', 'fixed-rows', { headers: false, data: 0 }, 'is not {headers, data}');
    } else if (table.fixedRows.data !== undefined && !(Number.isInteger(table.fixedRows.data) && table.fixedRows.data >= 0)) {
      correct(table, 'fixedRows', 'fixed-rows', { ...table.fixedRows, data: 0 }, 'has a "data" that is not a number of rows');
    }
  }
  if (changed.has('selectedRows') && table.selectedRows !== null && table.selectedRows !== table.ownSelectedRows) {
    // Before the rows have come, any index may be one.
    const n = table.rows.length;
    const valid = Array.isArray(table.selectedRows) ? table.selectedRows.filter((r) => Number.isInteger(r) && r >= 0 && (n === 0 || r < n)) : [];
    if (!Array.isArray(table.selectedRows) || valid.length !== table.selectedRows.length) {
      correct(table, 'selectedRows', 'selected-rows', valid, 'holds entries that are not rows of data');
    }
  }
}

/** `page-current` past the last page or below 0: the nearest page, kept as the property. */
export function correctPageCurrent(table: DashTable): void {
  if (table.pageAction === 'none') return;
  const wanted = table.pageCurrent;
  let last = Infinity;
  // Before the rows have come (native) or with an unknown page count (custom), any page may be one.
  if (table.pageAction === 'native' && table.virtual.length) last = Math.ceil(table.virtual.length / table.pageSize) - 1;
  else if (table.pageAction === 'custom' && Number.isInteger(table.pageCount) && (table.pageCount ?? 0) > 0) last = (table.pageCount ?? 1) - 1;
  if (Number.isInteger(wanted) && wanted >= 0 && wanted <= last) return;
  const page = Math.min(last, Math.max(0, Math.floor(wanted) || 0));
  correct(table, 'pageCurrent', 'page-current', page, wanted > last ? `is past the last page (${last})` : 'is not a page number');
}
