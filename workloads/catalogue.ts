// The built-in workloads by name, and resolution of a --workload value: a built-in name, a
// YCSB property file or a JSON workload spec.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { DBBENCH_BUILTINS } from './dbbench/builtins.js';
import { intervalJoin } from './flink/interval-join.js';
import { listState } from './flink/list-state.js';
import { mapState } from './flink/map-state.js';
import { sessionWindow } from './flink/session-window.js';
import { slidingWindow } from './flink/sliding-window.js';
import { ttlDedupe } from './flink/ttl-dedupe.js';
import { tumblingWindow } from './flink/tumbling-window.js';
import { valueState } from './flink/value-state.js';
import { windowAgg } from './flink/window-agg.js';
import { CHOOSER_SETTINGS } from './distributions/settings.js';
import { parseWorkloadSpec } from './spec/parse.js';
import type { WorkloadDefinition } from './types.js';
import { YCSB_BUILTINS } from './ycsb/builtins.js';
import { TRACE_SETTINGS, traceWorkload } from './trace/workload.js';
import { parseYcsbPropertyFile } from './ycsb/property-file.js';

const FLINK_BUILTINS: readonly WorkloadDefinition[] = [
  valueState,
  listState,
  mapState,
  windowAgg,
  ttlDedupe,
  tumblingWindow,
  slidingWindow,
  sessionWindow,
  intervalJoin,
];

const BUILTINS: readonly WorkloadDefinition[] = [...YCSB_BUILTINS, ...DBBENCH_BUILTINS, ...FLINK_BUILTINS];

export function listWorkloads(): readonly WorkloadDefinition[] {
  return BUILTINS;
}

export function findBuiltin(name: string): WorkloadDefinition | undefined {
  return BUILTINS.find((d) => d.name === name);
}

let known: Set<string> | null = null;

/** Every setting name some built-in workload or YCSB import accepts. */
export function knownSettingNames(): ReadonlySet<string> {
  if (!known) {
    known = new Set(BUILTINS.flatMap((d) => Object.keys(d.extraDefaults)));
    for (const name of ['maxScanLength', 'scanLengthDistribution', ...Object.keys(CHOOSER_SETTINGS), ...Object.keys(TRACE_SETTINGS)]) known.add(name);
  }
  return known;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.endsWith('.json') || existsSync(value);
}

/** A trace file: trace:FILE, or a path ending in .csv, .jsonl or .trace (docs/traces.md). */
export function tracePath(value: string): string | null {
  if (value.startsWith('trace:')) return value.slice('trace:'.length);
  return /\.(csv|jsonl|trace)$/i.test(value) ? value : null;
}

// A trace's definition holds what a pass over the whole file found: the plan, the memory budget
// and the stubs of cells not run resolve one workload many times in a process, so it is kept
// while the file is unchanged.
const traces = new Map<string, { readonly stamp: string; readonly def: WorkloadDefinition }>();

function cachedTrace(path: string): WorkloadDefinition {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = traces.get(path);
  if (hit && hit.stamp === stamp) return hit.def;
  const def = traceWorkload(path);
  traces.set(path, { stamp, def });
  return def;
}

export function resolveWorkload(nameOrPath: string): WorkloadDefinition {
  const builtin = findBuiltin(nameOrPath);
  if (builtin) return builtin;
  const trace = tracePath(nameOrPath);
  if (trace !== null) {
    if (!existsSync(trace) || !statSync(trace).isFile()) throw new UsageError(`--workload: trace file '${trace}' not found`);
    return cachedTrace(trace);
  }
  if (looksLikePath(nameOrPath)) {
    if (!existsSync(nameOrPath) || !statSync(nameOrPath).isFile()) {
      throw new UsageError(`--workload: file '${nameOrPath}' not found (a workload is a built-in name, a YCSB property file or a .json spec)`);
    }
    const text = readFileSync(nameOrPath, 'utf8');
    return nameOrPath.toLowerCase().endsWith('.json') ? parseWorkloadSpec(text, nameOrPath) : parseYcsbPropertyFile(text, nameOrPath);
  }
  throw new UsageError(
    `--workload: '${nameOrPath}' is not a built-in workload or a file; accepted: ${BUILTINS.map((d) => d.name).join(', ')}, or a path to a YCSB property file or a .json spec`,
  );
}
