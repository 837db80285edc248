// The entry of one --threads slot: a worker thread of the cell's process that runs its share of
// the cell (slot-spec.ts) on its own backend instance, waits at the start line after its load and
// warm-up until every slot is there, and reports its result with a trace of its progress, from
// which the cell's common window is read (merge-slots.ts). The measured loop is runCell's own:
// the start line and the stop flag are read outside it (before the run, at interval boundaries).

import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { SlotContext } from '../../backends/types.js';
import type { PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { TracePoint } from './merge-slots.js';
import { runCell } from './run-cell.js';
import { FLAG_GO, FLAG_STOP, type SlotData, type SlotMessage } from './slot-protocol.js';

const data = workerData as SlotData;
const port = parentPort;
const flags = new Int32Array(data.flags);
const wallNow = (): number => performance.timeOrigin + performance.now();
const post = (msg: SlotMessage): void => port?.postMessage(msg);

// Progress arrives relative to its phase's start, which is known once the phase ends (its last
// time point is at the phase's wall-clock length): kept as elapsed times until then.
const pending: { elapsedMs: number; ops: number; activeMs: number }[] = [];
const traces: { load?: TracePoint[]; run?: TracePoint[] } = {};

function onProgress(p: PhaseProgress): void {
  if (p.phase === 'load' || p.phase === 'run') {
    pending.push({ elapsedMs: p.elapsedMs, ops: p.ops, activeMs: p.opsPerSec > 0 ? (p.ops * 1000) / p.opsPerSec : 0 });
  } else {
    pending.length = 0;
  }
  post({ type: 'progress', progress: p });
}

function onPhase(name: 'load' | 'run', result: PhaseResult): void {
  const endAt = wallNow();
  const startAt = endAt - (result.timeseries[result.timeseries.length - 1]?.tMs ?? 0);
  traces[name] = [
    { atMs: startAt, ops: 0, activeMs: 0 },
    ...pending.map((p) => ({ atMs: startAt + p.elapsedMs, ops: p.ops, activeMs: p.activeMs })),
    { atMs: endAt, ops: result.ops, activeMs: result.durationMs },
  ];
  pending.length = 0;
  post({ type: 'phase', name, result, trace: traces[name] });
}

function beforeRun(): void {
  pending.length = 0;
  post({ type: 'ready' });
  // Blocks this worker (never the cell's main thread) until the last slot is ready.
  Atomics.wait(flags, FLAG_GO, 0);
}

async function main(): Promise<void> {
  const slot: SlotContext = data.slot;
  try {
    const result = await runCell(data.spec, {
      slot,
      onProgress,
      onPhase,
      beforeRun,
      shouldStop: () => Atomics.load(flags, FLAG_STOP) === 1,
    });
    post({ type: 'done', result, traces });
  } catch (err) {
    post({ type: 'crashed', message: err instanceof Error ? err.message : String(err) });
  }
}

await main();
