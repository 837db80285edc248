// Runs one cell in the current process: open the backend on a fresh directory, load, warm up,
// run, collect the engine's report and the resources used, close. The child process entry
// (child.ts) calls this; so do tests that need no process isolation.

import { loadBackend } from '../../backends/registry.js';
import type { BackendInstance, BackgroundWork, EngineReport, EngineSample, OpenContext, SlotContext } from '../../backends/types.js';
import { resolveWorkload } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import { createRng } from '../../core/rng.js';
import { seededValuePool } from '../../workloads/values.js';
import { stateDescriptors, type KeySpace, type OpSource } from '../../workloads/types.js';
import type { PhaseTiming } from '../recorder/phase-recorder.js';
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import { runPhase, type PhaseProgress } from '../runner/phase.js';
import { CellCheckpoints } from '../checkpoint/cell-checkpoints.js';
import { Verifier } from '../verify/verify-loop.js';
import { chooseSampleEvery, measureTimingCostNs } from '../recorder/sampling.js';
import type { CellSpec } from './spec.js';
import { describeWorkloadRef, operationKindRecords, withElements } from './workload-ref.js';
import { feedStateClock } from './state-clock.js';
import { collectResources, diskUsageBytes, GcMeter, startResources, writeBytesSince } from './resources.js';
import { exercisedInRun, phaseWrote } from './exercised.js';
import { settle } from './settle.js';
import { cacheWarmth } from './warmth.js';
import { cellMemory, taskHeapCheck } from './taskmanager-bound.js';
import { formatWhole } from '../../core/numbers.js';
import { recordTrace } from './record-trace.js';

export interface CellEvents {
  onPhase?(name: 'load' | 'run', result: PhaseResult): void;
  onProgress?(p: PhaseProgress): void;
  shouldStop?(): boolean;
  /** --threads: this run is one slot of the cell (slot-worker.ts); its instance opens with it. */
  slot?: SlotContext;
  /** Just before the run phase starts (after load and warm-up): a slot waits here for the others. */
  beforeRun?(): void;
}

/** Streams used from the cell's seed, so load, warm-up and run draw independently (values: seededValuePool's). */
const STREAM = { load: 2, warmup: 3, run: 4 } as const;
const SUB_MICROSECOND_SAMPLE_EVERY = 64;
const DEFAULT_MAX_IN_FLIGHT = 64;
/** The longest wait for the load's flushes and compactions (spec.settle). */
const SETTLE_TIMEOUT_MS = 60_000;

export async function runCell(spec: CellSpec, events: CellEvents = {}): Promise<CellResult> {
  const startedAt = new Date().toISOString();
  const backend = await loadBackend(spec.backend);
  if (!backend) throw new Error(`unknown backend ${spec.backend}`);
  const desc = backend.describe();
  const def = resolveWorkload(spec.workload);
  const params = resolveParams(def, spec.workloadParams);
  const durabilityClass = backend.durabilityClass?.(spec.knobs);
  const common = {
    id: spec.id,
    backend: spec.backend,
    knobs: { ...spec.knobs },
    workload: describeWorkloadRef(def, params),
    operationKinds: operationKindRecords(def),
    repeat: spec.repeat,
    seed: spec.seed,
    startedAt,
    warnings: [...(def.warnings ?? [])],
    ...(durabilityClass ? { durabilityClass } : {}),
    ...(spec.taskManager ? { memory: cellMemory(spec.taskManager) } : {}),
  };
  if (!desc.available) {
    return { ...common, status: 'skipped', reason: desc.reason ?? `${desc.name} is unavailable` };
  }

  const rng = createRng(spec.seed);
  const values = seededValuePool(spec.seed, params.valueSize, params.compressibility);
  // Timing: fixed by --sample-every, else chosen from the measured cost of an op (after the load,
  // refined after the warm-up) so that timing stays a small share of what it measures.
  const auto = spec.sampleEvery === null;
  const timingCostNs = auto ? measureTimingCostNs() : 0;
  let timing = timingFor(spec.sampleEvery ?? (desc.subMicrosecond ? SUB_MICROSECOND_SAMPLE_EVERY : 1));
  const retime = (p: PhaseResult): void => {
    if (auto && p.throughputOpsPerSec) timing = timingFor(chooseSampleEvery(1e9 / p.throughputOpsPerSec, timingCostNs));
  };
  // Reads in flight (lsm.asyncReads) are bounded as async writes are; --max-in-flight overrides both.
  const maxInFlight = spec.maxInFlight ?? numberKnob(spec.knobs.maxInFlightWrites) ?? (numberKnob(spec.knobs.asyncReads) || null) ?? DEFAULT_MAX_IN_FLIGHT;
  const space: KeySpace = { inserted: 0 };
  // --checkpoint-interval: checkpoints in the run phase, then a restore phase. --verify: loops that
  // stamp every value written and check every value read.
  const states = def.flinkStates?.(params) ?? null;
  const cps = spec.checkpointIntervalMs ? new CellCheckpoints(spec.dataDir, spec.checkpointIntervalMs, spec.intervalMs, states) : null;
  const verifier = spec.verify ? new Verifier() : null;
  if (verifier) common.warnings.push('--verify: values are stamped and every read is checked; latencies include that work');
  // The verifier's header sits where Flink's TTL stamp would: a TTL cleanup finds no stamp that ever expires.
  if (verifier && states?.states.some((d) => d.ttl !== null && d.ttlCleanup !== 'none')) common.warnings.push('--verify: values carry the verifier\'s header where Flink\'s TTL stamp would be, so TTL cleanup reclaims nothing');
  const track = (s: OpSource): OpSource => {
    const fed = instance ? feedStateClock(s, instance) : s;
    return cps ? cps.track(fed) : fed;
  };

  const openContext: OpenContext = {
    keySize: spec.keySize,
    seed: spec.seed,
    ...(events.slot ? { slot: events.slot } : {}),
    ...(states ? { states: stateDescriptors(states) } : {}),
  };
  const res0 = startResources();
  const gc = new GcMeter().start();
  const phases: { load?: PhaseResult; run?: PhaseResult } = {};
  let bytesWritten = 0;
  let instance: BackendInstance | null = null;
  let stopped = false;
  // An LSM's flushes and compactions at the start and end of the run phase.
  let workAtRun: BackgroundWork | null = null;
  let workAfterRun: BackgroundWork | null = null;
  let sampleAtRun: EngineSample | undefined;
  const phaseBase = {
    operations: def.operations,
    states,
    values,
    keySize: spec.keySize,
    ttlTicks: def.ttlTicks ?? 0,
    intervalMs: spec.intervalMs,
    maxInFlight,
    onProgress: events.onProgress,
    shouldStop: events.shouldStop,
    ...(verifier ? { loops: verifier.loops } : {}),
  };

  try {
    instance = await backend.open(spec.dataDir, spec.knobs, openContext);
    // The plan refuses --verify with lsm.asyncReads; a plugin's asynchronous reads meet it here.
    if (verifier && instance.readMode === 'async') throw new Error('--verify checks each read in the sync loop: run it without reads in flight');
    // The task heap, checked where the runner pauses anyway (each interval boundary) and after each phase.
    const heapCheck = taskHeapCheck(spec.taskManager, events.slot?.count ?? 1, instance);
    if (heapCheck) {
      phaseBase.onProgress = (p) => {
        heapCheck.check(`${p.phase}, after ${formatWhole(p.ops)} ops`);
        events.onProgress?.(p);
      };
    }
    const rawLoad = def.createLoad(params, rng.fork(STREAM.load), space);
    const load = rawLoad && track(rawLoad);
    if (load) {
      const out = await runPhase({ ...phaseBase, timing, name: 'load', backend: instance, source: load, durationMs: null, targetRate: null });
      phases.load = out.result;
      retime(out.result);
      bytesWritten += out.bytesWritten;
      stopped = out.stopped;
      if (out.firstError) common.warnings.push(`load: ${out.firstError}`);
      heapCheck?.check('after the load');
      events.onPhase?.('load', out.result);
    }
    let settleMs: number | null = null;
    if (!stopped && spec.settle) {
      const settled = await settle(instance, SETTLE_TIMEOUT_MS);
      settleMs = Math.round(settled.ms);
      if (settled.timedOut) common.warnings.push(`settle: the engine was still flushing or compacting after ${SETTLE_TIMEOUT_MS / 1000} s; measured anyway`);
    }
    if (!stopped && (spec.warmupOps || spec.warmupMs)) {
      const source = track(def.createRun(params, rng.fork(STREAM.warmup), space, spec.warmupOps ?? null));
      const out = await runPhase({ ...phaseBase, timing, name: 'warmup', backend: instance, source, durationMs: spec.warmupMs, targetRate: null });
      retime(out.result);
      bytesWritten += out.bytesWritten;
      stopped = out.stopped;
    }
    if (!stopped) {
      const recording = spec.recordTrace ? recordTrace(spec.recordTrace, def.operations, values) : null;
      const generated = track(def.createRun(params, rng.fork(STREAM.run), space, spec.ops));
      const source = recording ? recording.wrap(generated) : generated;
      workAtRun = instance.backgroundWork?.() ?? null;
      sampleAtRun = instance.sampleStats();
      events.beforeRun?.();
      const out = await runPhase({
        ...phaseBase,
        timing,
        name: 'run',
        backend: instance,
        ...(cps ? { boundary: cps.forRun(instance) } : {}),
        source,
        durationMs: spec.durationMs,
        targetRate: spec.targetRate,
      });
      phases.run = withElements(out.result, common.operationKinds);
      workAfterRun = instance.backgroundWork?.() ?? null;
      bytesWritten += out.bytesWritten;
      stopped = out.stopped;
      if (out.firstError) common.warnings.push(`run: ${out.firstError}`);
      if (def.runNote) common.warnings.push(def.runNote(out.result.ops));
      if (recording) common.warnings.push(recording.finish(out.result.ops));
      heapCheck?.check('after the run');
      events.onPhase?.('run', out.result);
    }
    const engine: EngineReport = await instance.finalStats({
      userBytesWritten: bytesWritten,
      liveLogicalBytes: space.inserted * (spec.keySize + meanLength(values)),
      processWriteBytes: writeBytesSince(res0.ioWrite),
    });
    if (workAtRun && workAfterRun && phases.run && !stopped) {
      const exercised = exercisedInRun(spec.backend, workAtRun, workAfterRun, phaseWrote(phases.run, def.operations));
      engine.metrics = { ...engine.metrics, ...exercised.metrics };
      common.warnings.push(...exercised.warnings);
    }
    const warmth = phases.run ? cacheWarmth(sampleAtRun, phases.run.timeseries.map((p) => p.engine)) : null;
    if (warmth) engine.metrics = { ...engine.metrics, runStartBlockCacheHitRatio: warmth.startHitRatio, runEndBlockCacheHitRatio: warmth.endHitRatio };
    if (settleMs !== null) engine.metrics = { ...engine.metrics, settleMs };
    const diskBytes = diskUsageBytes(spec.dataDir);
    // The final checkpoint and the live state's summary; after close, the restore phase.
    if (cps && !stopped) await cps.finish();
    await instance.close();
    instance = null;
    if (cps && !stopped) await cps.restore(backend, spec.knobs, openContext);
    cps?.cleanup();
    const resources = collectResources(res0, await stopGcMeter(gc), diskBytes);
    const measured = { phases, engine: sanitiseEngine(engine, common.warnings), resources, ...(cps ? cps.results(phases.run) : { checkpoints: [] }), ...(verifier ? { verify: verifier.result() } : {}) };
    return stopped ? { ...common, status: 'interrupted', ...measured } : { ...common, status: 'ok', ...measured };
  } catch (err) {
    if (instance) {
      try {
        await instance.close();
      } catch {
        /* the engine already failed; its first error is the one to report */
      }
    }
    cps?.cleanup();
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...common,
      status: 'errored',
      error: message,
      phases,
      engine: null,
      resources: collectResources(res0, await stopGcMeter(gc), diskUsageBytes(spec.dataDir)),
      checkpoints: cps?.records ?? [],
    };
  }
}

function timingFor(sampleEvery: number): PhaseTiming {
  return { mode: sampleEvery > 1 ? 'sampled' : 'every', sampleEvery };
}

/** GC entries reach the observer on an event-loop turn: give them one before reading the total. */
async function stopGcMeter(gc: GcMeter): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  return gc.stop();
}

function numberKnob(v: unknown): number | null {
  return typeof v === 'number' && v > 0 ? v : null;
}

function meanLength(values: readonly Uint8Array[]): number {
  let sum = 0;
  for (const v of values) sum += v.byteLength;
  return values.length > 0 ? sum / values.length : 0;
}

/** No NaN or Infinity in the document: null and a warning instead. */
function sanitiseEngine(e: EngineReport, warnings: string[]): EngineReport {
  const fix = (name: string, v: number | null): number | null => {
    if (v === null || Number.isFinite(v)) return v;
    warnings.push(`engine metric ${name} was ${v}; stored as null`);
    return null;
  };
  const metrics: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(e.metrics)) metrics[k] = fix(k, v);
  return {
    ...e,
    writeAmp: fix('writeAmp', e.writeAmp),
    spaceAmp: fix('spaceAmp', e.spaceAmp),
    blockCacheHitRatio: fix('blockCacheHitRatio', e.blockCacheHitRatio),
    stallMicros: fix('stallMicros', e.stallMicros),
    metrics,
  };
}
