// A run cell, a micro cell and statebench overhead write the same value bytes for the same seed,
// size and compressibility: each is run on the heap backend with every value it writes noted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import type { BackendInstance } from '../../backends/types.js';
import { seededValuePool } from '../../workloads/values.js';
import { DEFAULT_COMPRESSIBILITY } from '../../workloads/params.js';
import { measureOverhead } from '../overhead/measure.js';
import { runMicroCell } from '../micro/run-micro-cell.js';
import { runCell } from './run-cell.js';
import { inProcessCellSpec } from './spec.js';

const SEED = 42;
const BYTES = 64;
/** Twice the pool: every value of the pool is written at least once. */
const RECORDS = 2048;
const dir = mkdtempSync(join(tmpdir(), 'statebench-value-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (v: Uint8Array): string => Buffer.from(v).toString('hex');

/** Notes, as hex, every value the heap backend is given while `run` runs. */
async function valuesWritten(run: () => Promise<unknown>): Promise<Set<string>> {
  const written = new Set<string>();
  const open = heapBackend.open.bind(heapBackend);
  const spy = vi.spyOn(heapBackend, 'open').mockImplementation(async (d, knobs, ctx) => {
    const inner = await open(d, knobs, ctx);
    const noted: Partial<BackendInstance> = {
      put: (key, value, ns) => (written.add(hex(value)), inner.put(key, value, ns)),
      writeBatch: (ops) => {
        for (const op of ops) if (op.value !== undefined) written.add(hex(op.value));
        return inner.writeBatch(ops);
      },
    };
    return new Proxy(inner, {
      get(target, prop) {
        if (prop in noted) return noted[prop as keyof BackendInstance];
        const v: unknown = Reflect.get(target, prop);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return written;
}

describe('the value bytes of one seed, size and compressibility', () => {
  it('are the same in a run cell, a micro cell and statebench overhead', async () => {
    const knobs = resolveKnobs(heapBackend.describe(), {});
    const pool = new Set(seededValuePool(SEED, { kind: 'constant', bytes: BYTES }, DEFAULT_COMPRESSIBILITY).map(hex));
    expect(pool.size).toBe(1024);

    const run = await valuesWritten(() =>
      runCell(
        inProcessCellSpec({
          id: 'run',
          backend: 'heap',
          knobs,
          workload: 'ycsb-a',
          workloadParams: { records: RECORDS, valueSize: { kind: 'constant', bytes: BYTES }, compressibility: DEFAULT_COMPRESSIBILITY },
          ops: 1000,
          seed: SEED,
          repeat: 0,
          dataDir: dir,
          sampleEvery: null,
        }),
      ),
    );
    const micro = await valuesWritten(() =>
      runMicroCell({ id: 'micro', backend: 'heap', knobs, repeat: 0, seed: SEED, dataDir: dir, ops: ['get-hit'], records: RECORDS, timeMs: 5, warmupMs: 0, valueSize: BYTES, keySize: 16 }),
    );
    const overhead = await valuesWritten(() =>
      measureOverhead(heapBackend, { records: RECORDS, ops: 100, rounds: 1, warmupRounds: 0, valueSize: BYTES, keySize: 16, knobs: {}, dataDir: dir, seed: SEED }),
    );
    expect(run).toEqual(pool);
    expect(micro).toEqual(pool);
    expect(overhead).toEqual(pool);
  }, 30_000);
});
