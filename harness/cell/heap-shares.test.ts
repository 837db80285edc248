// Each built-in workload run as a cell on the heap backend (runCell, the code path of a
// `statebench run` cell): the measured run phase's operation counts match the declared mix
// within 1 % over 100k ops.
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { listWorkloads } from '../../workloads/catalogue.js';
import { DECLARED_SHARES } from '../../workloads/test-support/declared-shares.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { cellId } from '../plan/run-cells.js';
import { runCell } from './run-cell.js';
import { inProcessCellSpec } from './spec.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const OPS = 100_000;
const dir = tempDir('statebench-heap-shares-');

describe('built-in workloads on the heap backend, 100k ops', () => {
  for (const def of listWorkloads()) {
    it(def.name, async () => {
      const cell = await runCell(
        inProcessCellSpec({
          id: cellId('heap', def.name, {}, 0),
          backend: 'heap',
          knobs: resolveKnobs(heapBackend.describe(), {}),
          workload: def.name,
          workloadParams: { records: 10_000 },
          ops: OPS,
          seed: 42,
          repeat: 0,
          dataDir: dir,
          sampleEvery: null,
        }),
      );
      expect(cell.status).toBe('ok');
      if (cell.status !== 'ok') return;
      const run = cell.phases.run;
      expect(run?.ops).toBe(OPS);
      const declared = DECLARED_SHARES[def.name] ?? {};
      const measured = Object.fromEntries(Object.entries(run?.operations ?? {}).filter(([, r]) => r.count > 0).map(([op, r]) => [op, r.count / OPS]));
      expect(Object.keys(measured).sort()).toEqual(Object.keys(declared).sort());
      for (const [op, share] of Object.entries(declared)) expect(Math.abs((measured[op] ?? 0) - share)).toBeLessThan(0.01);
    }, 30_000);
  }
});
