// runConfigs runs each configuration on top of the run's own base knobs: under Flink semantics
// (the default) the defaults and every candidate run without the WAL, so a candidate that turns
// the WAL off (a Flink preset) is compared like for like.
import { describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import { runConfigs } from './run-configs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-run-configs-');

describe('runConfigs', () => {
  for (const [semantics, wal, durability] of [['flink', false, 'none'], ['per-write', true, 'process']] as const) {
    it(`keeps the run's --semantics ${semantics} under every configuration (WAL ${wal ? 'on' : 'off'})`, async () => {
      const base = await resolveRunOptions({ backend: ['lsm'], workload: ['ycsb-a'], records: 500, ops: 500, warmup: '0', semantics, dataDir: dir });
      const [defaultsCells, biggerCells] = await runConfigs(
        [
          { label: 'defaults', backend: 'lsm', knobs: {} },
          { label: 'bigger', backend: 'lsm', knobs: { blockCacheSize: String(64 * 1024 * 1024) } },
        ],
        { base, workload: 'ycsb-a', repeats: 1 },
      );
      const defaults = defaultsCells?.[0];
      const bigger = biggerCells?.[0];
      for (const cell of [defaults, bigger]) {
        expect(cell?.status).toBe('ok');
        expect(cell?.knobs.walEnabled).toBe(wal);
        expect(cell?.durabilityClass).toBe(durability);
      }
      expect(bigger?.knobs.blockCacheSize).toBe(64 * 1024 * 1024);
    }, 60_000);
  }
});
