// What every bench suite shares: one Chromium, one server, and a way to print figures side by side.
import type { Browser, Page } from 'playwright-core';

export interface BenchContext {
  browser: Browser;
  /** Base URL of the dev server that serves the repo root (e.g. `${baseUrl}/bench/pages/x.html`). */
  baseUrl: string;
  /** Opens a fresh page at a repo-relative path and waits for it to load. */
  open(path: string): Promise<Page>;
}

/** One measured figure, ours beside the peers'. Lower is better unless `higherIsBetter`. */
export interface BenchRow {
  metric: string;
  unit: string;
  ours: number | null;
  peers?: Record<string, number | null>;
  /** The target from the issue, for the reader (e.g. "< 30 ms"). */
  target?: string;
  higherIsBetter?: boolean;
  /** A hard limit on `ours` (same unit): over it, the run prints OVER BUDGET and fails. */
  budget?: number;
}

export interface BenchSuite {
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  if (Math.abs(value) >= 0.1 || value === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

/** Prints a suite's rows as a table: ours, each peer, and ours/peer as a ratio (<1 is better). */
export function printTable(title: string, rows: BenchRow[]): void {
  const peerNames = [...new Set(rows.flatMap((r) => Object.keys(r.peers ?? {})))];
  const header = ['metric', 'unit', 'ours', ...peerNames.flatMap((p) => [p, `ours/${p}`]), 'target'];
  const lines = rows.map((row) => [
    row.metric,
    row.unit,
    fmt(row.ours),
    ...peerNames.flatMap((p) => {
      const peer = row.peers?.[p];
      const ratio = row.ours !== null && peer ? row.ours / peer : null;
      return [fmt(peer), ratio === null ? '—' : `${fmt(ratio)}×`];
    }),
    row.target ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\n## ${title}\n`);
  console.log(pad(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(pad(line));
}

/** The rows over their `budget`, each printed as an OVER BUDGET line; the caller fails the run when any is. */
export function overBudget(title: string, rows: BenchRow[]): BenchRow[] {
  const over = rows.filter((row) => row.budget !== undefined && row.ours !== null && row.ours > row.budget);
  for (const row of over) console.error(`OVER BUDGET (${title}): ${row.metric} is ${fmt(row.ours)} ${row.unit}, budget ${row.budget} ${row.unit}`);
  return over;
}
