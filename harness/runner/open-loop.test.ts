import { describe, expect, it } from 'vitest';
import { runTestPhase } from '../test-support/phase.js';
import { stallingBackend } from '../test-support/stall-backend.js';
import { opSource } from '../test-support/op-source.js';

async function phase(targetRate: number | null) {
  const out = await runTestPhase({
    backend: stallingBackend(100, 30),
    operations: [{ name: 'read', action: 'get', writes: false }],
    source: opSource(2000, (op) => op % 100),
    values: [new Uint8Array(8)],
    targetRate,
  });
  return out.result;
}

describe('open loop (coordinated omission)', () => {
  it('charges a stall to the one stalled op in a closed loop', async () => {
    const closed = await phase(null);
    const read = closed.operations.read!;
    expect(read.count).toBe(2000);
    expect(read.latencyUs.max!).toBeGreaterThan(29_000);
    // Only one op in 2000 saw the stall: the 99th percentile stays far below it.
    expect(read.latencyUs.p99!).toBeLessThan(1000);
  });

  it('charges a stall to every op queued behind it when ops have intended start times', async () => {
    // 20,000 ops/s: one op every 50 µs, so a 30 ms stall delays ~600 intended starts.
    const open = await phase(20_000);
    const read = open.operations.read!;
    expect(open.targetRateOpsPerSec).toBe(20_000);
    expect(read.count).toBe(2000);
    // ~600 of 2000 ops waited behind the stall: well over 10 % of latencies exceed 5 ms.
    expect(read.latencyUs.p90!).toBeGreaterThan(5000);
    expect(read.latencyUs.max!).toBeGreaterThan(29_000);
  });
});
