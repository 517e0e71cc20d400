/**
 * Code `<dash-table>` loads on first use (docs/table.md); `updateComplete` waits for the work
 * waiting for it (src/internal/pending-work.ts).
 */

import { Lazy } from '../../internal/lazy.js';

/** The filter boxes' language: only tables with filter boxes or a filterQuery need it. */
export const columnQueries = new Lazy(() => import('../../filter-query/column-query.js'));
export type ColumnQueries = NonNullable<typeof columnQueries.module>;
/** Parsing and compiling filter queries: only tables with a filterQuery or a conditional style's filter_query need it. */
export const filterCode = new Lazy(() => import('./table-filter.js'));
export type FilterCode = NonNullable<typeof filterCode.module>;
/** Turning typed text into a value: only editable tables need it. */
export const editCode = new Lazy(() => import('./table-edit.js'));
export type EditCode = NonNullable<typeof editCode.module>;
/** The clipboard text reader: loaded on the first paste. */
export const pasteCode = new Lazy(() => import('./table-paste.js'));
