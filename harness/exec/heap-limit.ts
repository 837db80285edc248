// The JavaScript heap limit of a run cell's process, and how a child that ran out of memory is
// recognised. A heap-backend cell keeps its whole state in the JS heap, so this limit is where a
// growing state stops fitting, as a Flink TaskManager's heap size is for its heap state backend.
//
// By default a cell runs with Node's own limit (what `v8.getHeapStatistics().heap_size_limit`
// prints; Node derives it from the machine's memory: docs/references.md, "Node.js heap limit"),
// so the cell fails with an out-of-memory error before the machine swaps. STATEBENCH_CELL_HEAP (a size: 512MiB, 8GiB) sets another limit:
// passed to the cell's process as --max-old-space-size.

import { getHeapStatistics } from 'node:v8';
import { UsageError } from '../../core/errors.js';
import { parseSize } from '../../core/units.js';

export const CELL_HEAP_ENV = 'STATEBENCH_CELL_HEAP';

const MiB = 1024 * 1024;

/** The limit STATEBENCH_CELL_HEAP sets, in MiB, or null (V8's default); bad values are bad input. */
export function cellHeapLimitMiB(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env[CELL_HEAP_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  const bytes = parseSize(raw);
  if (bytes === null || bytes < MiB) {
    throw new UsageError(`${CELL_HEAP_ENV}: '${raw}' is not valid; expected a size of at least 1MiB, e.g. ${CELL_HEAP_ENV}=8GiB (the JavaScript heap limit of each cell's process)`);
  }
  return Math.floor(bytes / MiB);
}

/** The child's extra V8 flag, when a limit is set. */
export function cellHeapExecArgv(env: NodeJS.ProcessEnv = process.env): string[] {
  const mib = cellHeapLimitMiB(env);
  return mib === null ? [] : [`--max-old-space-size=${mib}`];
}

// V8's fatal out-of-memory report (stderr, before it aborts), and a C++ allocation failure in a
// native engine (std::bad_alloc reaching std::terminate).
const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit|FatalProcessOutOfMemory|std::bad_alloc/;

export function looksOutOfMemory(stderr: string): boolean {
  return OUT_OF_MEMORY.test(stderr);
}

/** The reason an out-of-memory child died, with the limit it ran under. */
export function outOfMemoryReason(stderr: string, env: NodeJS.ProcessEnv = process.env): string {
  if (/std::bad_alloc/.test(stderr) && !/heap out of memory|Reached heap limit/.test(stderr)) {
    return 'out of memory: a native allocation failed (std::bad_alloc)';
  }
  let set: number | null = null;
  try {
    set = cellHeapLimitMiB(env);
  } catch {
    // A bad value was refused before any cell ran (resolveRunOptions); no limit was passed.
  }
  const limit = set !== null ? `${set} MiB, set by ${CELL_HEAP_ENV}` : `Node's default, ${Math.round(getHeapStatistics().heap_size_limit / MiB)} MiB; ${CELL_HEAP_ENV} sets another`;
  return `out of memory: the JavaScript heap reached its limit (${limit})`;
}
