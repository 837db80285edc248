// A remote-state sweep (lsm.remote=false,true with lsm.fileCacheSize and lsm.asyncReads lists)
// arranged for the reports: each remote lsm configuration beside its local baseline, its
// throughput relative to that baseline, and the finding: the smallest file cache, then the fewest
// reads in flight, at which remote reaches FINDING_TARGET of local. The baseline is local lsm as a
// job runs it today, with synchronous gets: the local configurations of the same workload, threads
// and knobs once the store's knobs and the reads in flight are left out, those with lsm.asyncReads
// 0 (the median of their medians); a sweep without them compares with the local configurations
// that keep as many reads in flight.
// Shared by the chart, report.html's "Remote state" section and summary.md.

import { canonicalJson } from '../../core/canonical-json.js';
import { formatNumber } from '../../core/numbers.js';
import { median } from '../../core/stats.js';
import { formatBytes } from '../../core/units.js';
import type { ReportModel } from './report-model.js';
import type { ConfigurationStats } from './stats.js';

/** The knobs of the remote store itself, and the reads in flight: a baseline may differ in them. */
const STORE_KNOBS: ReadonlySet<string> = new Set(['remote', 'remoteLatency', 'remoteBandwidth', 'fileCacheSize', 'asyncReads']);

/** The share of local throughput the finding looks for (issue 31's "0.8 of local"). */
export const FINDING_TARGET = 0.8;

export interface RemotePoint {
  readonly workload: string;
  /** The store as configured: "2ms, 200MiB/s". */
  readonly store: string;
  readonly fileCacheBytes: number;
  /** lsm.asyncReads: 0 is synchronous gets, one at a time on the JS thread. */
  readonly readsInFlight: number;
  readonly remote: ConfigurationStats;
  /** The run phase's throughput, median over repeats, and the baseline's (the median of its configurations' medians). */
  readonly throughput: number;
  readonly localThroughput: number;
  readonly relative: number;
  /** The file cache's hit ratio and the time reads waited on the store (ms), medians over repeats. */
  readonly fileCacheHitRatio: number | null;
  readonly remoteReadWaitMs: number | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

function baselineKey(s: ConfigurationStats): string {
  const c = s.config;
  const rest = Object.fromEntries(Object.entries(c.knobs).filter(([k]) => !STORE_KNOBS.has(k)));
  return canonicalJson([c.backend, c.workload, c.threads, c.records, rest]);
}

function metricMedian(s: ConfigurationStats, name: string): number | null {
  return median(s.config.ok.map((c) => c.engine?.metrics[name] ?? null));
}

/** Every remote configuration (lsm.remote=true) that has a local baseline in the document, by workload then store, cache and reads in flight. */
export function remotePoints(model: ReportModel): RemotePoint[] {
  // A backend with the remote store's knob (lsm's remote; the report knows no backend by name).
  const withStore = model.configurations.filter((s) => typeof s.config.knobs.remote === 'boolean' && s.throughput !== null);
  const local = new Map<string, { readsInFlight: number; throughput: number }[]>();
  for (const s of withStore) {
    if (s.config.knobs.remote === true) continue;
    const list = local.get(baselineKey(s)) ?? [];
    list.push({ readsInFlight: num(s.config.knobs.asyncReads), throughput: (s.throughput as NonNullable<typeof s.throughput>).median });
    local.set(baselineKey(s), list);
  }
  const points: RemotePoint[] = [];
  for (const s of withStore) {
    const k = s.config.knobs;
    const candidates = local.get(baselineKey(s)) ?? [];
    const sync = candidates.filter((c) => c.readsInFlight === 0);
    const base = sync.length > 0 ? sync : candidates.filter((c) => c.readsInFlight === num(k.asyncReads));
    if (k.remote !== true || base.length === 0) continue;
    const localThroughput = median(base.map((c) => c.throughput)) as number;
    const throughput = (s.throughput as NonNullable<typeof s.throughput>).median;
    if (localThroughput <= 0) continue;
    points.push({
      workload: s.config.workload,
      store: `${formatNumber(num(k.remoteLatency))}ms, ${num(k.remoteBandwidth) > 0 ? `${formatBytes(num(k.remoteBandwidth))}/s` : 'no bandwidth limit'}`,
      fileCacheBytes: num(k.fileCacheSize),
      readsInFlight: num(k.asyncReads),
      remote: s,
      throughput,
      localThroughput,
      relative: throughput / localThroughput,
      fileCacheHitRatio: metricMedian(s, 'fileCacheHitRatio'),
      remoteReadWaitMs: metricMedian(s, 'remoteReadWaitMs'),
    });
  }
  return points.sort(
    (a, b) => a.workload.localeCompare(b.workload) || a.store.localeCompare(b.store) || a.fileCacheBytes - b.fileCacheBytes || a.readsInFlight - b.readsInFlight,
  );
}

export const fileCacheLabel = (bytes: number): string => (bytes === 0 ? 'no file cache' : `${formatBytes(bytes)} file cache`);
export const readsLabel = (n: number): string => (n === 0 ? 'synchronous reads' : `${n} read${n === 1 ? '' : 's'} in flight`);

/** One finding per workload and store: where remote reaches FINDING_TARGET of local, or how close it comes. */
export function remoteFindings(points: readonly RemotePoint[]): string[] {
  const groups = new Map<string, RemotePoint[]>();
  for (const p of points) {
    const name = `${p.workload} (${p.store})`;
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  const out: string[] = [];
  for (const [name, group] of groups) {
    // Sorted by cache, then reads in flight: the first at the target is the cheapest one.
    const reach = group.find((p) => p.relative >= FINDING_TARGET);
    const at = (p: RemotePoint): string => `with ${p.fileCacheBytes === 0 ? '' : 'a '}${fileCacheLabel(p.fileCacheBytes)} and ${readsLabel(p.readsInFlight)}`;
    let text: string;
    if (reach !== undefined) {
      text = `${name}: ${at(reach)}, remote reaches ${formatNumber(reach.relative, 2)} of local`;
    } else {
      const best = group.reduce((a, b) => (b.relative > a.relative ? b : a));
      text = `${name}: no measured point reaches ${FINDING_TARGET} of local; the best, ${at(best)}, reaches ${formatNumber(best.relative, 2)}`;
    }
    const bare = group.find((p) => p.fileCacheBytes === 0 && p.readsInFlight === 0);
    if (bare !== undefined && bare !== reach) text += ` (no file cache and synchronous reads: ${formatNumber(bare.relative, 2)})`;
    out.push(text);
  }
  return out;
}

export const REMOTE_TEXT =
  'Remote lsm cells (lsm.remote: SST files on an emulated store, docs/remote-state.md) against local lsm as jobs run it today: the local cells of the same workload and knobs ' +
  '(the store\'s knobs and the reads in flight left out) with synchronous gets (lsm.asyncReads=0). Relative throughput is the remote configuration\'s median over repeats over that baseline\'s. ' +
  `The finding names the smallest file cache, then the fewest reads in flight, at which remote reaches ${FINDING_TARGET} of local.`;
