/**
 * The table's derived rows (`derivedVirtualData`/`derivedVirtualIndices`, the viewport's), built
 * on first read. In the core bundle with the table's class, which answers for them before its view
 * has loaded (the view compares them); no DOM here.
 */
import type { Row } from './table-model.js';

/**
 * Rows in an order (`derivedVirtualData`/`derivedVirtualIndices`, or the current page's), as
 * arrays built on first read: a million rows' two arrays cost 15–35 ms, which a page reading
 * neither (no callback on them) never pays (docs/table.md, "Sorting").
 */
export class DerivedRows {
  private indexArray: number[] | null = null;
  private dataArray: Row[] | null = null;

  /** `order` holds indices into `rows`; neither is ever written to. */
  constructor(
    readonly rows: readonly Row[],
    readonly order: Uint32Array,
  ) {}

  get indices(): number[] {
    if (!this.indexArray) {
      // One pass into an array of its final length (a million pushes cost several times more).
      const order = this.order;
      const indices = new Array<number>(order.length);
      for (let i = 0; i < order.length; i++) indices[i] = order[i];
      this.indexArray = indices;
    }
    return this.indexArray;
  }

  get data(): Row[] {
    if (!this.dataArray) {
      const { order, rows } = this;
      const data = new Array<Row>(order.length);
      for (let i = 0; i < order.length; i++) data[i] = rows[order[i]];
      this.dataArray = data;
    }
    return this.dataArray;
  }
}
