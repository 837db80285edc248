// --threads N: one cell run by N worker threads in this process, as a Flink TaskManager runs N
// slots: each slot opens its own backend instance on its own directory and runs its share of the
// records and ops (slot-spec.ts). Every slot loads and warms up on its own; the runs start
// together once all are ready; the cell's result merges theirs (merge-slots.ts).

import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import { mergeCheckpoints, mergeEngines, mergeSlotPhases, mergeVerify, mergeWarnings, type SlotPhase } from './merge-slots.js';
import { collectResources, diskUsageBytes, startResources } from './resources.js';
import type { CellEvents } from './run-cell.js';
import { FLAG_COUNT, FLAG_GO, FLAG_STOP, type SlotData, type SlotMessage, type SlotTraces } from './slot-protocol.js';
import { slotContext, slotSpec } from './slot-spec.js';
import type { CellSpec } from './spec.js';
import { describeWorkloadRef, operationKindRecords, withElements } from './workload-ref.js';
import { cellMemory } from './taskmanager-bound.js';
import { resolveWorkload } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import { round3 } from '../../core/numbers.js';


interface SlotEnd {
  readonly result: CellResult | null;
  readonly traces: SlotTraces;
  readonly error: string | null;
}

const STOP_POLL_MS = 100;

/** The worker's entry: the compiled .js, or from TypeScript sources (tests) through tsx's loader. */
function startWorker(data: SlotData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(fileURLToPath(new URL('./slot-worker.js', here)), { workerData: data });
  const entry = new URL('./slot-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

export async function runThreadedCell(spec: CellSpec, events: CellEvents = {}): Promise<CellResult> {
  const n = spec.threads ?? 1;
  const startedAt = new Date().toISOString();
  const res0 = startResources();
  const flags = new Int32Array(new SharedArrayBuffer(FLAG_COUNT * Int32Array.BYTES_PER_ELEMENT));
  const arrived = new Set<number>();
  const progress: (PhaseProgress | undefined)[] = new Array(n);
  // The load merged and streamed once every slot has loaded (the run's at the end, with the cell).
  const loads: (SlotPhase | undefined)[] = new Array(n);
  const onLoad = (i: number, part: SlotPhase): void => {
    loads[i] = part;
    const all = loads.filter((p): p is SlotPhase => p !== undefined);
    if (all.length === n) events.onPhase?.('load', mergeSlotPhases(all).result);
  };
  const arrive = (i: number): void => {
    arrived.add(i);
    if (arrived.size === n) {
      Atomics.store(flags, FLAG_GO, 1);
      Atomics.notify(flags, FLAG_GO);
    }
  };
  const stopAll = (): void => {
    Atomics.store(flags, FLAG_STOP, 1);
  };
  const stopPoll = setInterval(() => {
    if (events.shouldStop?.()) stopAll();
  }, STOP_POLL_MS);

  const ends = Array.from({ length: n }, (_, i) => {
    const own = slotSpec(spec, i);
    mkdirSync(own.dataDir, { recursive: true });
    return new Promise<SlotEnd>((resolve) => {
      let end: SlotEnd | null = null;
      const worker = startWorker({ spec: own, slot: slotContext(spec, i), flags: flags.buffer as SharedArrayBuffer });
      worker.on('message', (msg: SlotMessage) => {
        if (msg.type === 'progress') {
          progress[i] = msg.progress;
          if (i === 0) events.onProgress?.(sumProgress(progress));
        } else if (msg.type === 'phase') {
          if (msg.name === 'load') onLoad(i, { result: msg.result, trace: msg.trace });
        } else if (msg.type === 'ready') {
          arrive(i);
        } else if (msg.type === 'done') {
          end = { result: msg.result, traces: msg.traces, error: null };
          // A slot that failed or stopped stops the others (the cell is errored or interrupted anyway).
          if (msg.result.status !== 'ok') stopAll();
        } else {
          end = { result: null, traces: {}, error: msg.message };
          stopAll();
        }
      });
      worker.on('error', (err) => {
        end ??= { result: null, traces: {}, error: err.message };
      });
      worker.on('exit', (code) => {
        const e = end ?? { result: null, traces: {}, error: `thread ${i} exited with code ${code}` };
        if (e.result?.status !== 'ok') stopAll();
        // A slot that ends without reaching the start line must not hold the others there.
        if (!arrived.has(i)) arrive(i);
        resolve(e);
      });
    });
  });
  const slots = await Promise.all(ends);
  clearInterval(stopPoll);
  return assemble(spec, n, startedAt, slots, collectResources(res0, sumGc(slots), diskUsageBytes(spec.dataDir)), events);
}

function sumProgress(all: readonly (PhaseProgress | undefined)[]): PhaseProgress {
  const first = all[0] as PhaseProgress;
  const same = all.filter((p): p is PhaseProgress => p !== undefined && p.phase === first.phase);
  return {
    ...first,
    ops: same.reduce((s, p) => s + p.ops, 0),
    totalOps: same.every((p) => p.totalOps !== null) ? same.reduce((s, p) => s + (p.totalOps ?? 0), 0) : null,
    opsPerSec: same.reduce((s, p) => s + p.opsPerSec, 0),
  };
}

function sumGc(slots: readonly SlotEnd[]): number {
  let gc = 0;
  for (const s of slots) if (s.result && 'resources' in s.result && s.result.resources) gc += s.result.resources.gcPauseMs ?? 0;
  return round3(gc);
}

function assemble(spec: CellSpec, n: number, startedAt: string, slots: readonly SlotEnd[], resources: ReturnType<typeof collectResources>, events: CellEvents): CellResult {
  const first = slots.find((s) => s.result !== null)?.result ?? null;
  const def = resolveWorkload(spec.workload);
  const warnings = new Set<string>();
  const cores = availableParallelism();
  if (n > cores) warnings.add(`--threads ${n}: more threads than this machine's ${cores} cores; the threads take turns on the cores, so throughput cannot scale with them and latencies include waiting for a core`);
  for (const w of mergeWarnings(slots.map((s) => s.result?.warnings ?? []))) warnings.add(w);
  const common = {
    id: spec.id,
    backend: spec.backend,
    knobs: { ...spec.knobs },
    // The whole cell's workload (every slot's records together), as a one-thread cell describes it.
    workload: describeWorkloadRef(def, resolveParams(def, spec.workloadParams)),
    operationKinds: operationKindRecords(def),
    repeat: spec.repeat,
    seed: spec.seed,
    startedAt,
    threads: n,
    ...(first?.durabilityClass ? { durabilityClass: first.durabilityClass } : {}),
    ...(spec.taskManager ? { memory: cellMemory(spec.taskManager) } : {}),
  };
  if (first?.status === 'skipped') return { ...common, warnings: [...warnings], status: 'skipped', reason: first.reason };

  const measured = slots.map((s) => (s.result && s.result.status !== 'skipped' ? s.result : null));
  const phases: { load?: PhaseResult; run?: PhaseResult } = {};
  for (const name of ['load', 'run'] as const) {
    const parts: SlotPhase[] = [];
    for (let i = 0; i < n; i++) {
      const result = measured[i]?.phases[name];
      const trace = slots[i]?.traces[name];
      if (result && trace) parts.push({ result, trace });
    }
    if (parts.length !== n) continue;
    const merged = mergeSlotPhases(parts);
    phases[name] = name === 'run' ? withElements(merged.result, common.operationKinds) : merged.result;
    // Loads start when each slot is ready, not together: only a run that never overlapped is worth a word.
    if (merged.disjoint && name === 'run') warnings.add("run: the threads' run phases did not overlap; the throughput is the sum of each thread's own");
    if (name === 'run') events.onPhase?.('run', merged.result);
  }
  const engine = mergeEngines(measured.map((m) => m?.engine ?? null));
  const sharing = engine?.raw.slotSharing;
  if (typeof sharing === 'string') warnings.add(sharing);
  const failures = slots.map((s, i) => (s.error !== null ? `thread ${i}: ${s.error}` : s.result?.status === 'errored' ? `thread ${i}: ${s.result.error}` : null)).filter((e): e is string => e !== null);
  const verify = mergeVerify(measured.map((m) => m?.verify));
  const body = { ...common, warnings: [...warnings], phases, engine, resources, ...mergeCheckpoints(measured), ...(verify ? { verify } : {}) };
  if (failures.length > 0) return { ...body, status: 'errored', error: failures.join('; ') };
  if (measured.some((m) => m?.status === 'interrupted')) return { ...body, status: 'interrupted' };
  return { ...body, status: 'ok' };
}
