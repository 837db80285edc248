// Engine traces given as workloads (RocksDB's query traces): each converted once, before the plan,
// into a CSV trace (docs/traces.md) in the run's output directory, which the cells then replay.

import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { engineTraceReader } from '../../backends/registry.js';

export interface ConvertedTraces {
  /** The workloads with each engine trace replaced by its CSV (trace:CSV). */
  readonly workloads: string[];
  /** One line per conversion: what was written and what was left out. */
  readonly notes: string[];
}

/** The file a workload names when it is a trace path (trace:FILE or a plain path), else null. */
function filePart(workload: string): string | null {
  const path = workload.startsWith('trace:') ? workload.slice('trace:'.length) : workload;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/** Converts `path`, an engine trace, to `csvPath`; null when no engine recognises it. */
export function convertEngineTrace(path: string, csvPath: string, scratchParent: string): { backend: string; ops: number; notes: readonly string[] } | null {
  const found = engineTraceReader(path);
  if (!found) return null;
  mkdirSync(scratchParent, { recursive: true });
  const scratch = mkdtempSync(join(scratchParent, '.trace-scratch-'));
  try {
    return { backend: found.backend, ...found.reader.toCsv(path, csvPath, scratch) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `outDir` is asked for only when there is an engine trace to convert (it makes the directory). */
export function convertEngineTraces(workloads: readonly string[], outDir: () => string): ConvertedTraces {
  const notes: string[] = [];
  const out = workloads.map((w) => {
    const path = filePart(w);
    if (path === null || !engineTraceReader(path)) return w;
    const dir = outDir();
    const csv = join(dir, `${basename(path)}.csv`);
    const done = convertEngineTrace(path, csv, dir);
    if (!done) return w;
    notes.push([`${path}: an engine trace of the ${done.backend} backend, read as ${done.ops} ops into ${csv}`, ...done.notes].join('; '));
    return `trace:${csv}`;
  });
  return { workloads: out, notes };
}
