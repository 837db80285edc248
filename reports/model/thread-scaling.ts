// A thread sweep (--threads 1,2,4) arranged for the reports: per workload, one line per
// configuration (backend and varying knobs, the thread count left out of its label), and at each
// thread count the run phase's throughput (the sum over the threads in their common window,
// median over repeats), the p99 of all operations (merged over threads and repeats, as every
// other chart takes it), the speed-up over the line's fewest threads and each thread's share.
// Shared by the chart, report.html's "Threads" section and summary.md.

import { median } from '../../core/stats.js';
import { mainPhase } from './configurations.js';
import type { ReportModel } from './report-model.js';
import type { ConfigurationStats } from './stats.js';

export interface ThreadShareFigures {
  /** 0-based, as in the document (phase.perThread[].thread). */
  readonly thread: number;
  /** Its rate in the common window (what the phase's sum adds up), median over repeats. */
  readonly windowOpsPerSec: number | null;
  /** Its own rate over its whole phase, median over repeats. */
  readonly ownOpsPerSec: number | null;
  readonly p99Us: number | null;
  /** windowOpsPerSec over the sum of the threads' windowOpsPerSec: 1/N is an even split. */
  readonly share: number | null;
}

export interface ThreadPoint {
  readonly threads: number;
  readonly stats: ConfigurationStats;
  /** The run phase's throughput, median over the repeats that finished (ops/s). */
  readonly throughput: number | null;
  /** p99 of all operations of the run phase (µs): merged histograms where every repeat has them. */
  readonly p99Us: number | null;
  /** throughput over the line's throughput at its fewest threads; null at the fewest. */
  readonly speedup: number | null;
  /** Each thread's figures, ascending; empty for one thread or a document without perThread. */
  readonly perThread: readonly ThreadShareFigures[];
}

export interface ThreadLine {
  readonly backend: string;
  /** The configuration without its thread count: "lsm writeBufferSize=64MiB". */
  readonly label: string;
  /** The thread count the speed-up is measured from (the line's fewest). */
  readonly fewestThreads: number;
  /** Ascending thread counts. */
  readonly points: readonly ThreadPoint[];
}

export interface ThreadedWorkload {
  readonly workload: string;
  /** Every thread count measured for the workload, ascending. */
  readonly threadCounts: readonly number[];
  readonly lines: readonly ThreadLine[];
}

/** Whether a workload's thread counts make a sweep the chart can draw (two or more). */
export const isThreadSweep = (w: ThreadedWorkload): boolean => w.threadCounts.length >= 2;

/** The workloads with a cell of more than one thread, in the order the document lists them. */
export function threadedWorkloads(model: ReportModel): ThreadedWorkload[] {
  const byWorkload = new Map<string, Map<string, ConfigurationStats[]>>();
  for (const s of model.configurations) {
    if (s.config.cells.length === 0) continue;
    const lines = byWorkload.get(s.config.workload) ?? new Map<string, ConfigurationStats[]>();
    byWorkload.set(s.config.workload, lines);
    const list = lines.get(s.config.baseLabel) ?? [];
    list.push(s);
    lines.set(s.config.baseLabel, list);
  }
  const out: ThreadedWorkload[] = [];
  for (const [workload, lines] of byWorkload) {
    const all = [...lines.values()].flat();
    if (!all.some((s) => s.config.threads > 1)) continue;
    const threadCounts = [...new Set(all.map((s) => s.config.threads))].sort((a, b) => a - b);
    out.push({ workload, threadCounts, lines: [...lines].map(([label, stats]) => line(label, stats)) });
  }
  return out;
}

function line(label: string, stats: readonly ConfigurationStats[]): ThreadLine {
  const sorted = [...stats].sort((a, b) => a.config.threads - b.config.threads);
  const first = sorted[0]!;
  const baseThroughput = first.throughput?.median ?? null;
  const points = sorted.map((s): ThreadPoint => {
    const throughput = s.throughput?.median ?? null;
    return {
      threads: s.config.threads,
      stats: s,
      throughput,
      p99Us: s.allOps?.p99 ?? null,
      speedup: s === first || throughput === null || baseThroughput === null || baseThroughput <= 0 ? null : throughput / baseThroughput,
      perThread: perThreadFigures(s),
    };
  });
  return { backend: first.config.backend, label, fewestThreads: first.config.threads, points };
}

function perThreadFigures(s: ConfigurationStats): ThreadShareFigures[] {
  const byThread = new Map<number, { window: (number | null)[]; own: (number | null)[]; p99: (number | null)[] }>();
  for (const cell of s.config.ok) {
    for (const t of mainPhase(cell)?.perThread ?? []) {
      const entry = byThread.get(t.thread) ?? { window: [], own: [], p99: [] };
      entry.window.push(t.windowOpsPerSec);
      entry.own.push(t.throughputOpsPerSec);
      entry.p99.push(t.p99Us);
      byThread.set(t.thread, entry);
    }
  }
  const rows = [...byThread].sort(([a], [b]) => a - b).map(([thread, v]) => ({ thread, windowOpsPerSec: median(v.window), ownOpsPerSec: median(v.own), p99Us: median(v.p99) }));
  const sum = rows.reduce((acc, r) => acc + (r.windowOpsPerSec ?? 0), 0);
  return rows.map((r) => ({ ...r, share: sum > 0 && r.windowOpsPerSec !== null ? r.windowOpsPerSec / sum : null }));
}

/** Whether a thread's share is more than a fifth off an even split (1/N): the reports mark it. */
export function unevenShare(share: number | null, threads: number): boolean {
  return share !== null && Math.abs(share * threads - 1) > 0.2;
}

export const THREADS_TEXT =
  `With --threads N a cell runs N worker threads in one process, each with its own backend instance and key range, started together. ` +
  `Its throughput is the sum over the threads in their common window (from the last thread's start to the first thread's end), median over repeats; ` +
  `p99 is that of all operations, merged over threads and repeats; the speed-up is over the configuration's fewest threads. ` +
  `A thread's share is its rate in the common window over the sum: an even split gives each 1/N; shares more than a fifth off it are marked.`;
