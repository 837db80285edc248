// --verify loops: a clean run counts no problems; a value corrupted behind the harness's back,
// a value moved to another key, a stale value and a lost key are each caught by the next read.
import { runTestPhase } from '../test-support/phase.js';
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import type { BackendInstance } from '../../backends/types.js';
import type { OpBatch, OpSource, OperationKind } from '../../workloads/types.js';
import { runCell } from '../cell/run-cell.js';
import { smallCell } from '../checkpoint/test-support/small-cell.js';
import { Verifier } from './verify-loop.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const OPS: OperationKind[] = [
  { name: 'write', action: 'put', writes: true },
  { name: 'read', action: 'get', writes: false },
];

/** `kind` 0 (write) or 1 (read) over keys 0..n-1. */
function source(kind: number, n: number): OpSource {
  let done = false;
  return {
    total: n,
    fill(b: OpBatch, max: number): number {
      if (done) return 0;
      const m = Math.min(max, n);
      for (let i = 0; i < m; i++) {
        b.kind[i] = kind;
        b.key[i] = i;
        b.ns[i] = 0;
      }
      done = true;
      return m;
    },
  };
}

async function phase(backend: BackendInstance, v: Verifier, kind: number, n: number): Promise<void> {
  await runTestPhase({
    name: kind === 0 ? 'load' : 'run',
    backend,
    operations: OPS,
    source: source(kind, n),
    values: [new Uint8Array(64).fill(9), new Uint8Array(64).fill(3)],
    loops: v.loops,
  });
}

async function heap(): Promise<BackendInstance> {
  return heapBackend.open(tempDir('sb-v-'), { valueMode: 'bytes', checkpointFsync: false }, { keySize: 16, seed: 1 });
}

describe('--verify loops', () => {
  it('count every read and no problem on an honest backend', async () => {
    const b = await heap();
    const v = new Verifier();
    await phase(b, v, 0, 1000);
    await phase(b, v, 1, 1000);
    expect(v.result()).toEqual({ checked: 1000, mismatches: 0, lost: 0, firstProblem: null });
  });

  it('catch a planted corruption, a misplaced value, a stale value and a lost key', async () => {
    const b = await heap();
    const v = new Verifier();
    await phase(b, v, 0, 1000);
    const stale = b.get(30)!.slice();
    await phase(b, v, 0, 1000); // every key rewritten: key 30's old value is now stale
    const held = b.get(10)!; // heap hands out its own copy: flip one payload byte in place
    held[40] = (held[40] as number) ^ 0xff;
    b.put(20, b.get(21)!.slice()); // key 21's value under key 20
    b.put(30, stale);
    b.delete(40);
    await phase(b, v, 1, 1000);
    const r = v.result();
    expect(r.checked).toBe(999);
    expect(r.mismatches).toBe(3);
    expect(r.lost).toBe(1);
    expect(r.firstProblem).toMatch(/key 10: checksum mismatch/);
  });
});

describe.each(['heap', 'lmdb', 'lsm'])('a --verify cell on %s', (backend) => {
  it('ends with values checked and none wrong', async () => {
    const cell = await runCell(await smallCell(backend, 'ycsb-a', { verify: true, durationMs: 300 }));
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.verify!.checked).toBeGreaterThan(0);
    expect(cell.verify).toMatchObject({ mismatches: 0, lost: 0, firstProblem: null });
    expect(cell.warnings.some((w) => w.startsWith('--verify'))).toBe(true);
  });
});

describe('a --verify cell on list and window state', () => {
  it.each(['list-state', 'window-agg', 'ttl-dedupe', 'map-state'])('%s on lsm checks without false alarms', async (workload) => {
    const cell = await runCell(await smallCell('lsm', workload, { verify: true, durationMs: 300 }));
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.verify).toMatchObject({ mismatches: 0, lost: 0 });
  });
});
