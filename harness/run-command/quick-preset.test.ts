// The quick preset (`statebench run` without flags) is sized so that RocksDB works as an LSM in it:
// the state is several times its default write buffer, so its cells flush and compact while they
// are measured (harness/cell/exercised.ts says when they do not).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lsmDefault } from '../../backends/lsm/knobs.js';
import { buildPlan } from '../plan/run-cells.js';
import { resolveRunOptions } from './resolve-options.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('the quick preset', () => {
  it('loads a state of at least three write buffers in every workload, with 1000-byte values', async () => {
    const o = await resolveRunOptions({ backend: ['lsm'] });
    const plan = await buildPlan(o);
    expect(plan.cells.map((c) => c.workload)).toEqual(['ycsb-a', 'value-state']);
    for (const cell of plan.cells) {
      const { records, valueSize } = cell.workloadParams;
      expect(valueSize).toEqual({ kind: 'constant', bytes: 1000 });
      expect((records ?? 0) * (o.keySize + 1000)).toBeGreaterThan(3 * lsmDefault('writeBufferSize'));
      expect(cell.durationMs).toBe(3000);
    }
  });

  it("gives its value size only to workloads without their own, and yields to --value-size", async () => {
    const given = await buildPlan(await resolveRunOptions({ backend: ['heap'], valueSize: '100' }));
    expect(given.cells.map((c) => c.workloadParams.valueSize)).toEqual([
      { kind: 'constant', bytes: 100 },
      { kind: 'constant', bytes: 100 },
    ]);
    // A YCSB file declares its records' length (2 fields of 60 bytes); list-state has none.
    const file = join(tempDir('statebench-preset-'), 'small.properties');
    writeFileSync(file, 'readproportion=0.5\nupdateproportion=0.5\nfieldcount=2\nfieldlength=60\n');
    const own = await buildPlan(await resolveRunOptions({ backend: ['heap'], workload: [file, 'list-state'] }));
    expect(own.cells.map((c) => c.workloadParams.valueSize)).toEqual([
      { kind: 'constant', bytes: 120 },
      { kind: 'constant', bytes: 1000 },
    ]);
  });
});
