// Chromium CPU profiles (CDP `Profiler.start` / `Profiler.stop`) read as shares of time per
// function, self and total, for the scripts/profile-*.ts scripts.
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: Array<{ line: number; ticks: number }>;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Runs `work` in the page under the sampling profiler (interval in µs); returns its result and the profile. */
export async function profiled<T>(page: Page, sampleUs: number, work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: sampleUs });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { result, profile: profile as CpuProfile };
}

/** A profile frame as `name file:line`, with the last `pathParts` parts of its URL. */
export function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame'], pathParts = 1): string {
  return `${functionName || '(anonymous)'} ${url.split('/').slice(-pathParts).join('/').replace(/\?.*/, '')}:${lineNumber + 1}`;
}

export interface Shares {
  self: Map<string, number>;
  total: Map<string, number>;
  /** µs of busy time counted. */
  busyUs: number;
}

/**
 * Time per function (`name file:line`, the last `pathParts` parts of its URL). Each sample weighs the
 * time to the next, capped at two intervals: not a count, as the sampler sometimes takes bursts of
 * samples microseconds apart (a long mutation callback got 90% of the samples for 15% of the time),
 * and capped, as on a busy machine a delta also holds the time the thread waited for a core, which
 * would be charged to whatever it ran next. Idle samples do not count. `window` picks the samples
 * to count by their stacks (innermost first), as [first, last] indices.
 */
export function profileShares(
  profile: CpuProfile,
  sampleUs: number,
  { pathParts = 1, window }: { pathParts?: number; window?: (stacks: string[][]) => [number, number] } = {},
): Shares {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number) => frameName(byId.get(id)!.callFrame, pathParts);
  const samples = profile.samples ?? [];
  const stacks = samples.map((id) => {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.push(name(at));
    return names;
  });
  const [first, last] = window ? window(stacks) : [0, samples.length - 1];
  const deltas = profile.timeDeltas ?? [];
  const shares: Shares = { self: new Map(), total: new Map(), busyUs: 0 };
  for (let i = Math.max(first, 0); i <= last; i++) {
    if (byId.get(samples[i])!.callFrame.functionName === '(idle)') continue;
    const t = Math.min(deltas[i + 1] ?? sampleUs, 2 * sampleUs);
    shares.busyUs += t;
    shares.self.set(stacks[i][0], (shares.self.get(stacks[i][0]) ?? 0) + t);
    for (const key of new Set(stacks[i])) shares.total.set(key, (shares.total.get(key) ?? 0) + t);
  }
  return shares;
}

/** Prints the `top` entries of a map of µs as shares of `ofUs`. */
export function printShares(title: string, map: Map<string, number>, ofUs: number, top = Number(process.env.TOP ?? 22)): void {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / ofUs).toFixed(1).padStart(6)} %  ${key}`);
}
