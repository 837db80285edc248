// What tune prints for its winner: inside a TaskManager, Flink keys with managed memory kept on,
// the managed fraction when it moved, the run command and a reason per key; outside one, the
// RocksDB forms and what turning managed memory off risks.
import { describe, expect, it } from 'vitest';
import { renderTune } from './tune-report.js';
import type { TuneResult } from './tune.js';
import { MANAGED_FRACTION } from './taskmanager-space.js';

const MiB = 1024 * 1024;
const gain = { metric: 'throughput', changePct: 21.4, ciLowPct: 12.2, ciHighPct: 30.1, method: 'mann-whitney' as const, baseMedian: 140_000, headMedian: 170_000 };
const memory = { engineBytes: 150 * MiB, engineWhat: 'block cache usage at its peak (write buffers charged to it) + table readers', rssBytes: 160 * MiB };

function result(knobs: Record<string, number | boolean>, inside: boolean): TuneResult {
  const winner = { origin: 'sampled', knobs };
  return {
    backend: 'lsm',
    workload: 'ycsb-b',
    memoryBudgetBytes: inside ? null : 256 * MiB,
    taskManager: inside
      ? {
          processSize: '1728m', slots: 1, bound: { kind: 'managed', bytes: 536870920 }, baseFraction: 0.4, minTaskHeapBytes: 256 * MiB, notes: [],
          fractions: [{ fraction: 0.4, taskHeapBytes: 402653174, managedPerSlotBytes: 536870920 }, { fraction: 0.5, taskHeapBytes: 268435454, managedPerSlotBytes: 671088650 }],
        }
      : null,
    runFlags: inside ? ['--records 100000', '--flink-conf conf/config.yaml'] : ['--records 100000', '--taskmanager-memory none'],
    noise: { aaSamplesPct: [3, -2], sigmaPct: 3.6 },
    bottlenecks: [],
    candidates: [{ origin: 'defaults', knobs: {} }, winner],
    stages: [],
    best: 1,
    verification: { repeats: 8, gain, effects: [], memory: { defaults: memory, best: memory }, overBound: null },
    winner,
    defaultsFacts: [],
    rejected: [],
    reasons: Object.fromEntries(Object.keys(knobs).map((k) => [k, `${k} ${String(knobs[k])}: cache misses: block-cache hit ratio 61.0 %`])),
    measurements: [],
  };
}

describe("tune's printed winner", () => {
  it('inside a TaskManager: Flink keys with managed memory on, the fraction that moved, the run command, a reason per key', () => {
    const text = renderTune(result({ highPriPoolRatio: 0.2, bloomBitsPerKey: 10, [MANAGED_FRACTION]: 0.5 }, true));
    expect(text).toContain('inside the 1728m TaskManager (1 slot): lsm bounded by 512MiB (managed)');
    expect(text).toContain('Flink (config.yaml), managed memory kept on:');
    expect(text).toContain('state.backend.rocksdb.memory.high-prio-pool-ratio: 0.2');
    expect(text).toMatch(/^state\.backend\.rocksdb\.memory\.managed: true /m);
    expect(text).not.toMatch(/managed: false|RocksDB options string|# risk/);
    expect(text).toContain('taskmanager.memory.managed.fraction: 0.5   # task heap 256MiB, managed 640MiB per slot (configured 0.4)');
    // The fraction needs a configuration file that sets it, in place of the TaskManager flags.
    expect(text).toContain('statebench run -b lsm -w ycsb-b --set lsm.highPriPoolRatio=0.2 --set lsm.bloomBitsPerKey=10 --records 100000 --flink-conf FILE   # FILE: your configuration with taskmanager.memory.managed.fraction: 0.5');
    expect(text).toMatch(/^Why each change:\n {2}highPriPoolRatio 0\.2: .*\n {2}bloomBitsPerKey 10: .*\n {2}taskmanager\.memory\.managed\.fraction 0\.5: /m);
    expect(text).toContain('memory: defaults engine 150MiB');
  });

  it('inside a TaskManager with the fraction unchanged: the run command keeps the TaskManager flags as given', () => {
    const text = renderTune(result({ bloomBitsPerKey: 10 }, true));
    expect(text).toContain('statebench run -b lsm -w ycsb-b --set lsm.bloomBitsPerKey=10 --records 100000 --flink-conf conf/config.yaml');
    expect(text).not.toContain('Flink TaskManager (config.yaml)');
  });

  it('outside a TaskManager: the RocksDB forms, and the Flink keys with managed memory off and its risk', () => {
    const text = renderTune(result({ blockCacheSize: 128 * MiB, bloomBitsPerKey: 10 }, false));
    expect(text).toContain('without a TaskManager: absolute sizes, memory budget 256MiB');
    expect(text).toContain('RocksDB options string:');
    expect(text).toContain('state.backend.rocksdb.block.cache-size: 128mb');
    expect(text).toContain('state.backend.rocksdb.memory.managed: false');
    expect(text).toMatch(/^# risk: /m);
    expect(text).toContain('--taskmanager-memory none');
  });

  it('a best over its bound is no winner, and says why', () => {
    const r = result({ writeBufferRatio: 0.75 }, true);
    const over = { ...r, winner: null, verification: { ...(r.verification as NonNullable<TuneResult['verification']>), overBound: "the engine reported 600MiB (block cache usage ...), over the 1728m TaskManager's managed memory per slot of 512MiB" } };
    const text = renderTune(over);
    expect(text).toContain("Rejected: the engine reported 600MiB (block cache usage ...), over the 1728m TaskManager's managed memory per slot of 512MiB. The defaults stand.");
    expect(text).not.toContain('Flink (config.yaml), managed memory kept on');
    expect(text).toContain("Flink (config.yaml): nothing to change; keep state.backend.rocksdb.memory.managed: true (Flink's default) and the configuration as it is.");
  });
});
