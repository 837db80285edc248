// A thread sweep for the reporters' tests (--threads 1,2,4): heap and two lsm configurations
// (writeBufferSize 4 and 64 MiB) on ycsb-a at 1, 2 and 4 threads, two repeats each; the threaded
// cells carry each thread's share (phase.perThread), lsm 4 MiB's uneven (one thread at twice the
// others' rate), and the 4-thread cells the warning the harness writes above the core count.
import { ResultDocumentSchema, type CellOk, type ResultDocument, type ThreadShare } from '../../core/result/schema.js';
import { documentOf } from '../../core/result/test-support/documents.js';
import { craftCell } from '../../harness/test-support/cells.js';

const MiB = 1024 * 1024;
export const THREAD_COUNTS = [1, 2, 4] as const;
// As harness/cell/threaded-cell.ts words it.
export const OVER_CORES =
  "--threads 4: more threads than this machine's 2 cores; the threads take turns on the cores, so throughput cannot scale with them and latencies include waiting for a core";

/** Median throughput per configuration and thread count (the two repeats are ±2 % around it). */
export const THROUGHPUT: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  heap: { 1: 1_000_000, 2: 1_800_000, 4: 2_000_000 },
  'lsm writeBufferSize=4MiB': { 1: 100_000, 2: 180_000, 4: 200_000 },
  'lsm writeBufferSize=64MiB': { 1: 150_000, 2: 290_000, 4: 320_000 },
};

/** p50 of reads per thread count: each operation's p99 is four times its p50 (craftCell), updates twice the reads. */
const READ_P50_US: Readonly<Record<number, number>> = { 1: 5, 2: 6, 4: 10 };

function shares(total: number, threads: number, uneven: boolean): ThreadShare[] {
  // Uneven: thread 0 at twice the rate of each other thread.
  const weights = Array.from({ length: threads }, (_, i) => (uneven && i === 0 ? 2 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, thread) => {
    const rate = (total * w) / sum;
    return { thread, ops: Math.round(rate * 10), durationMs: 10_000, throughputOpsPerSec: rate * 1.01, windowOpsPerSec: rate, p99Us: 40 + thread };
  });
}

function threaded(config: keyof typeof THROUGHPUT, threads: number, repeat: number): CellOk {
  const [backend, knob] = config.split(' ') as ['heap' | 'lsm', string | undefined];
  const wb = knob === undefined ? undefined : Number(/=(\d+)MiB/.exec(knob)?.[1]);
  const total = (THROUGHPUT[config]?.[threads] ?? 0) * (repeat === 0 ? 0.98 : 1.02);
  const p50 = READ_P50_US[threads] ?? 5;
  const cell = craftCell({
    backend,
    workload: 'ycsb-a',
    repeat,
    throughput: total,
    ops: { read: [5000 * threads, p50], update: [5000 * threads, 2 * p50] },
    ...(wb !== undefined ? { knobs: { writeBufferSize: wb * MiB } } : {}),
  });
  const id = `${backend}/ycsb-a/threads=${threads}${wb !== undefined ? `/writeBufferSize=${wb}MiB` : ''}#${repeat}`;
  const run = cell.phases.run!;
  const perThread = threads > 1 ? { perThread: shares(total, threads, wb === 4) } : {};
  return {
    ...cell,
    id,
    // One thread: no threads field, as a harness before --threads (and a one-thread cell) writes it.
    ...(threads > 1 ? { threads } : {}),
    warnings: threads > 2 ? [OVER_CORES] : [],
    phases: { run: { ...run, ...perThread } },
  };
}

export function threadsDocument(): ResultDocument {
  const cells = THREAD_COUNTS.flatMap((threads) => Object.keys(THROUGHPUT).flatMap((config) => [0, 1].map((repeat) => threaded(config, threads, repeat))));
  const doc = documentOf(cells);
  return ResultDocumentSchema.parse({ ...doc, plan: { ...doc.plan, backends: ['heap', 'lsm'], workloads: ['ycsb-a'], records: 100_000, threads: [...THREAD_COUNTS], repeat: 2, sets: ['lsm.writeBufferSize=4MiB,64MiB'] } });
}
