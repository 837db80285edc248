// The sync loop's bookkeeping when the engine throws: errors counted per kind, every op counted,
// the phase goes on, and bytes written count only the writes that succeeded. Both the
// one-action loops (a batch of only gets or only puts) and the mixed loop.
import { runTestPhase } from '../test-support/phase.js';
import { describe, expect, it } from 'vitest';
import { failingBackend } from '../test-support/failing-backend.js';
import { opSource } from '../test-support/op-source.js';
import type { OperationKind } from '../../workloads/types.js';

const OPS = 10_000;
const EVERY = 7;
const FAILING = Math.ceil(OPS / EVERY); // keys 0, 7, 14, ... below OPS
const VALUE = new Uint8Array(24);

async function phase(operations: OperationKind[], kindOf: (i: number) => number, sampleEvery: number) {
  const backend = failingBackend(EVERY);
  for (let k = 0; k < OPS; k++) if (k % EVERY !== 0) backend.map.set(k, VALUE);
  const out = await runTestPhase({
    backend,
    operations,
    source: opSource(OPS, (op) => op, kindOf),
    values: [VALUE],
    timing: { mode: sampleEvery > 1 ? 'sampled' : 'every', sampleEvery },
    batchSize: 4096,
  });
  return out;
}

const READ: OperationKind = { name: 'read', action: 'get', writes: false };
const WRITE: OperationKind = { name: 'write', action: 'put', writes: true };

describe.each([1, 8])('sync loop with an engine that throws (one op in %i timed)', (sampleEvery) => {
  it('counts the failed gets of a get-only phase as errors and goes on', async () => {
    const out = await phase([READ], () => 0, sampleEvery);
    const read = out.result.operations.read!;
    expect(out.result.ops).toBe(OPS);
    expect(read.count).toBe(OPS);
    expect(read.errors).toBe(FAILING);
    // timed: the sampled ops (each kind's count % sampleEvery == 0) that did not throw
    let timed = 0;
    for (let k = 0; k < OPS; k++) if (k % sampleEvery === 0 && k % EVERY !== 0) timed++;
    expect(read.timed).toBe(timed);
    expect(out.firstError).toBe('engine failed on key 0');
    expect(out.bytesWritten).toBe(0);
  });

  it('counts only the puts that succeeded in bytes written', async () => {
    const out = await phase([WRITE], () => 0, sampleEvery);
    const write = out.result.operations.write!;
    expect(write.count).toBe(OPS);
    expect(write.errors).toBe(FAILING);
    expect(out.bytesWritten).toBe((OPS - FAILING) * (16 + VALUE.length));
  });

  it('keeps the counts of each kind in a mixed phase', async () => {
    // even keys read, odd keys written: failing keys 0, 7, 14, ... split between the kinds
    const out = await phase([READ, WRITE], (i) => i % 2, sampleEvery);
    const read = out.result.operations.read!;
    const write = out.result.operations.write!;
    let failingReads = 0;
    for (let k = 0; k < OPS; k += EVERY) if (k % 2 === 0) failingReads++;
    expect(read.count).toBe(OPS / 2);
    expect(write.count).toBe(OPS / 2);
    expect(read.errors).toBe(failingReads);
    expect(write.errors).toBe(FAILING - failingReads);
    expect(out.bytesWritten).toBe((OPS / 2 - (FAILING - failingReads)) * (16 + VALUE.length));
    expect(out.result.ops).toBe(OPS);
  });
});
