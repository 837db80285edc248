// A remote-state sweep for the reporters' tests (lsm.remote=false,true x lsm.fileCacheSize=0,1GiB x
// lsm.asyncReads=0,16 on ycsb-c), two repeats each: local lsm at 100k ops/s with synchronous gets
// (the baseline) and 50k with 16 in flight; remote at 1 % and 20 % of the best with no file cache,
// 60 % and 90 % with 1 GiB, so the finding lands on 1 GiB and 16 reads in flight.
import { documentOf } from '../../core/result/test-support/documents.js';
import type { CellOk, ResultDocument } from '../../core/result/schema.js';
import { craftCell } from '../../harness/test-support/cells.js';

const GiB = 1024 ** 3;
export const CACHES = [0, GiB] as const;
export const READS = [0, 16] as const;
const LOCAL: Readonly<Record<number, number>> = { 0: 100_000, 16: 50_000 };
/** Remote throughput over local, by file cache then reads in flight. */
export const RELATIVE: Readonly<Record<number, Readonly<Record<number, number>>>> = { 0: { 0: 0.01, 16: 0.2 }, [GiB]: { 0: 0.6, 16: 0.9 } };

function remoteCell(remote: boolean, cache: number, reads: number, repeat: number): CellOk {
  const local = LOCAL[reads] as number;
  const median = remote ? (LOCAL[0] as number) * (RELATIVE[cache]?.[reads] as number) : local;
  const id = `lsm/ycsb-c/remote=${remote},fileCacheSize=${cache},asyncReads=${reads}#${repeat}`;
  return craftCell({
    backend: 'lsm',
    workload: 'ycsb-c',
    id,
    repeat,
    throughput: median * (repeat === 0 ? 0.98 : 1.02),
    ops: { read: [10_000, remote ? 2000 : 5] },
    knobs: { remote, fileCacheSize: cache, asyncReads: reads },
    ...(remote ? { metrics: { fileCacheHitRatio: cache > 0 ? 0.95 : 0, remoteReadWaitMs: cache > 0 ? 100 : 9000 } } : {}),
  });
}

export function remoteDocument(): ResultDocument {
  const cells: CellOk[] = [];
  for (const remote of [false, true]) for (const cache of CACHES) for (const reads of READS) for (const repeat of [0, 1]) cells.push(remoteCell(remote, cache, reads, repeat));
  return documentOf(cells);
}
