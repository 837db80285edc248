// A checkpoint at a boundary stops the loop: throughput leaves the time out, but with an open
// loop the operations whose intended start fell inside it carry the wait in their latency.
import { runTestPhase } from '../test-support/phase.js';
import { describe, expect, it } from 'vitest';
import type { BoundaryHook } from '../runner/phase.js';
import { now } from '../recorder/clock.js';
import { stallingBackend } from '../test-support/stall-backend.js';
import { opSource } from '../test-support/op-source.js';

/** One 40 ms stand-still at the first boundary, as a blocking checkpoint would be. */
function oneCheckpoint(): BoundaryHook & { taken: number } {
  return {
    taken: 0,
    start() {},
    atBoundary() {
      if (this.taken++ > 0) return;
      const until = now() + 40;
      while (now() < until) {
        /* the checkpoint */
      }
    },
  };
}

async function phase(targetRate: number | null, boundary: BoundaryHook) {
  const out = await runTestPhase({
    backend: stallingBackend(1e9, 0),
    operations: [{ name: 'read', action: 'get', writes: false }],
    source: opSource(4000, (op) => op % 100),
    values: [new Uint8Array(8)],
    intervalMs: 20,
    targetRate,
    boundary,
  });
  return out.result;
}

describe('checkpoint at an interval boundary', () => {
  it('charges the open-loop ops queued behind it', async () => {
    const hook = oneCheckpoint();
    // 20,000 ops/s: an intended start every 50 µs, so 40 ms hold up ~800 of 4000 ops.
    const r = await phase(20_000, hook);
    expect(hook.taken).toBeGreaterThan(0);
    expect(r.operations.read!.latencyUs.p90!).toBeGreaterThan(5000);
  });

  it('leaves a closed loop\'s ops untouched', async () => {
    const r = await phase(null, oneCheckpoint());
    expect(r.operations.read!.latencyUs.p99!).toBeLessThan(5000);
  });
});
