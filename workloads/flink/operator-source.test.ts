// The operator workloads' op streams, as a backend's timer service takes them: every fire is the
// head of the queue, within a phase and across a warm-up that stopped inside a batch.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { findBuiltin } from '../catalogue.js';
import { resolveParams } from '../params.js';
import { OpBatch, type WorkloadDefinition } from '../types.js';
import { TimerReplay } from './test-support/timer-replay.js';

const OPERATORS = ['tumbling-window', 'sliding-window', 'session-window', 'interval-join'];

/** A warm-up handed a batch of 3000 ops that ran 1700 of them, then a run on the same key space. */
function cutWarmup(def: WorkloadDefinition, giveBack: boolean): TimerReplay {
  const p = resolveParams(def, { records: 3000, extra: { outOfOrderShare: 0.3, maxDelay: 400 } });
  const space = { inserted: 0 };
  const replay = new TimerReplay(def.operations);
  const warm = new OpBatch(3000);
  const warmup = def.createRun(p, createRng(1), space, null);
  expect(warmup.fill(warm, 3000)).toBe(3000);
  replay.take(warm, 0, 1700);
  if (giveBack) warmup.unread?.(warm, 1700, 3000);
  const run = new OpBatch(20_000);
  def.createRun(p, createRng(2), space, 20_000).fill(run, 20_000);
  if (giveBack) expect([...run.kind.subarray(0, 1300)]).toEqual([...warm.kind.subarray(1700, 3000)]);
  replay.take(run, 0, 20_000);
  return replay;
}

describe('operator op streams as a timer service takes them', () => {
  for (const name of OPERATORS) {
    const def = findBuiltin(name) as WorkloadDefinition;
    it(`${name}: fires each timer at the head of the queue, across a warm-up cut inside a batch`, () => {
      const replay = cutWarmup(def, true);
      expect(replay.fires).toBeGreaterThan(100);
      expect(replay.disagreements).toBe(0);
    });
  }

  it('disagrees with the queue when the ops a phase did not run are lost instead of handed back', () => {
    const replay = cutWarmup(findBuiltin('sliding-window') as WorkloadDefinition, false);
    expect(replay.disagreements).toBeGreaterThan(0);
  });
});
