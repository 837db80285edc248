// The plan: cells = backend x knob combination x workload x state size x threads x TaskManager x repeat. Knob values and
// workload names are checked here, before anything runs, so bad input fails fast with exit 2.

import type { BackendDescription } from '../../backends/types.js';
import { resolveWorkload } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import { parseValueSize } from '../../workloads/values.js';
import type { WorkloadDefinition, WorkloadParams, WorkloadParamsInput } from '../../workloads/types.js';
import { UsageError } from '../../core/errors.js';
import { formatCount } from '../../core/units.js';
import { availableParallelism } from 'node:os';
import type { CellSpec } from '../cell/spec.js';
import { planConfigurations } from './configurations.js';
import { interleaveRepeats, repeatSeed } from './order.js';
import { QUICK_PRESET, type ResolvedRunOptions } from './run-options.js';
import { cellTaskManager, taskManagerBaseKnobs } from './taskmanager.js';

export type PlannedCell = Omit<CellSpec, 'dataDir'>;

export interface Plan {
  readonly cells: readonly PlannedCell[];
  readonly descriptions: ReadonlyMap<string, BackendDescription>;
  /** Warnings of workload files (unsupported YCSB keys ...), once per workload. */
  readonly warnings: readonly string[];
}

interface WorkloadSetup {
  readonly paramsInput: WorkloadParamsInput;
  readonly ops: number | null;
  readonly durationMs: number | null;
  readonly targetRate: number | null;
  readonly warnings: readonly string[];
}

export async function buildPlan(o: ResolvedRunOptions): Promise<Plan> {
  // The TaskManager axis (--taskmanager-memory 1728m,4g): each TaskManager's memory gives its own
  // base knobs (lsm's bound), so each has its own configurations; null: no TaskManager.
  const taskManagers = o.taskManagers && o.taskManagers.length > 0 ? o.taskManagers : [null];
  const perTaskManager = await Promise.all(
    taskManagers.map((tm) => planConfigurations({ backends: o.backends, axes: o.axes, baseKnobs: tm ? taskManagerBaseKnobs(o.baseKnobs, tm, o.taskManagers ?? []) : o.baseKnobs })),
  );
  const descriptions = (perTaskManager[0] as (typeof perTaskManager)[number]).descriptions;
  const showTaskManager = taskManagers.length > 1;
  const valueSize = o.valueSize !== null ? parseValueSize(o.valueSize) : null;
  const presetValueSize = parseValueSize(QUICK_PRESET.valueSize);
  // The state-size axis: null is one size, each workload's own default.
  const sizes: readonly (number | null)[] = o.records === null ? [null] : typeof o.records === 'number' ? [o.records] : o.records;
  const workloads = new Map<string, WorkloadSetup>();
  for (const w of o.workloads) {
    const def = resolveWorkload(w);
    for (const size of sizes) {
      // Precedence: the flag, then the workload's own default (a YCSB file's recordcount or
      // operationcount, YCSB's value size), then the quick preset.
      const paramsInput: WorkloadParamsInput = {
        records: size ?? def.defaultRecords ?? QUICK_PRESET.records,
        valueSize: valueSize ?? def.defaultValueSize ?? presetValueSize,
        ...(o.distribution !== null ? { distribution: o.distribution } : {}),
        ...(o.theta !== null ? { theta: o.theta } : {}),
        ...(o.compressibility !== null ? { compressibility: o.compressibility } : {}),
        extra: { ...o.workloadSettings },
      };
      const params = resolveParams(def, paramsInput);
      const bounded = o.ops !== null || o.durationMs !== null;
      workloads.set(setupKey(w, size), {
        paramsInput,
        ops: bounded ? o.ops : (def.defaultOps ?? null),
        durationMs: bounded ? o.durationMs : def.defaultOps !== undefined ? null : QUICK_PRESET.durationMs,
        targetRate: o.targetRate === 'trace' ? ownRate(def, params, w) : o.targetRate,
        warnings: def.warnings ?? [],
      });
    }
  }

  // The thread-count axis (--threads 1,2,4): in the id whenever a count other than 1 is in the run.
  const threadCounts = o.threads ?? [1];
  const showThreads = threadCounts.some((t) => t !== 1);
  const cores = availableParallelism();
  const overCores = threadCounts.filter((t) => t > cores);
  const threadWarnings = overCores.length > 0 ? [`--threads ${overCores.join(',')}: more threads than this machine's ${cores} cores; they take turns on the cores, so throughput cannot scale past ${cores} threads and latencies include waiting for a core`] : [];
  // Repeats interleaved, each round in a seeded shuffled order, so drift favours no configuration.
  const cells = interleaveRepeats(o.repeat, o.seed, (r) => {
    const round: PlannedCell[] = [];
    // Smallest sizes first (parseRecords sorts them): a run stopped early has every backend at the sizes it reached.
    for (const size of sizes) {
      for (const threads of threadCounts) {
        for (const [t, tm] of taskManagers.entries()) {
          for (const c of (perTaskManager[t] as (typeof perTaskManager)[number]).configurations) {
            for (const w of o.workloads) {
              const setup = workloads.get(setupKey(w, size)) as WorkloadSetup;
              round.push({
                // The size shows in the id only when it varies, so ids of one-size runs stay as they were.
                id: cellId(c.backend, w, c.setKnobs, r, sizes.length > 1 ? setup.paramsInput.records : undefined, showThreads ? threads : undefined, showTaskManager ? tm?.processSize : undefined),
                backend: c.backend,
                knobs: c.knobs,
                setKnobs: c.setKnobs,
                workload: w,
                workloadParams: setup.paramsInput,
                ops: setup.ops,
                durationMs: setup.durationMs,
                warmupOps: o.warmupOps,
                warmupMs: o.warmupMs,
                keySize: o.keySize,
                targetRate: setup.targetRate,
                intervalMs: o.intervalMs,
                // Repeats draw different (but reproducible) operation streams.
                seed: repeatSeed(o.seed, r),
                repeat: r,
                sampleEvery: o.sampleEvery,
                maxInFlight: o.maxInFlight,
                checkpointIntervalMs: o.checkpointIntervalMs ?? null,
                verify: o.verify ?? false,
                ...(o.recordTrace ? { recordTrace: o.recordTrace } : {}),
                ...(threads > 1 ? { threads } : {}),
                ...(tm ? { taskManager: cellTaskManager(tm, c.backend) } : {}),
              });
            }
          }
        }
      }
    }
    return round;
  });
  if (o.recordTrace && (cells.length !== 1 || threadCounts.some((t) => t !== 1))) {
    throw new UsageError(`--record-trace: records one cell of one thread; this run has ${cells.length} cells${showThreads ? ' and --threads' : ''} (give one backend, one workload, --repeat 1)`);
  }
  // --verify checks each read in the sync loop: no cell of it may keep reads in flight.
  const inFlight = o.verify ? cells.find((c) => typeof c.knobs.asyncReads === 'number' && c.knobs.asyncReads > 0) : undefined;
  if (inFlight) throw new UsageError(`--verify: checks every read synchronously; ${inFlight.backend}.asyncReads=${String(inFlight.knobs.asyncReads)} keeps reads in flight (run --verify without it)`);
  // Warnings are the workload file's, the same at every size: once per workload.
  const warnings = o.workloads.flatMap((name) => (workloads.get(setupKey(name, sizes[0] ?? null))?.warnings ?? []).map((w) => `workload ${name}: ${w}`));
  return { cells, descriptions, warnings: [...threadWarnings, ...(o.engineTraceNotes ?? []), ...warnings] };
}

/** --target-rate trace: the workload's own rate; only a trace with times has one. */
function ownRate(def: WorkloadDefinition, params: WorkloadParams, name: string): number {
  if (!def.ownRate) throw new UsageError(`--target-rate trace: workload ${name} is not a trace; give a rate in ops/s`);
  return def.ownRate(params);
}

/**
 * "lsm/ycsb-a/writeBufferSize=4MiB#0"; with a state size (a size sweep) "lsm/ycsb-a/records=1M/writeBufferSize=4MiB#0";
 * with threads (a run with a count other than 1) "lsm/ycsb-a/threads=2/writeBufferSize=4MiB#0"; with a
 * TaskManager (a run of several) "lsm/ycsb-a/tm=4g/writeBufferSize=4MiB#0".
 */
export function cellId(backend: string, workload: string, setKnobs: Readonly<Record<string, string>>, repeat: number, records?: number, threads?: number, taskManager?: string): string {
  const knobs = Object.entries(setKnobs).map(([k, v]) => `${k}=${v}`).join(',');
  const size = records !== undefined ? `/records=${formatCount(records)}` : '';
  const slots = threads !== undefined ? `/threads=${threads}` : '';
  const tm = taskManager !== undefined ? `/tm=${taskManager}` : '';
  return `${backend}/${workload}${size}${slots}${tm}${knobs ? `/${knobs}` : ''}#${repeat}`;
}

function setupKey(workload: string, size: number | null): string {
  return `${size ?? ''}\u0000${workload}`;
}
