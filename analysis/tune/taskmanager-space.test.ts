import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import type { RunFlags } from '../../harness/run-command/run-flags.js';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { MANAGED_FRACTION, taskManagerOf, tuneTaskManager } from './taskmanager-space.js';
import { spaceFor } from './space.js';

const MiB = 1024 * 1024;
const dir = tempDir('statebench-tm-space-');

async function space(flags: RunFlags, confText: string, minTaskHeap: number) {
  const run = await resolveRunOptions(flags);
  return tuneTaskManager('lsm', run, flattenFlinkConf(confText), minTaskHeap, (changes) => resolveRunOptions(flags, changes));
}

describe('the TaskManager tune searches in', () => {
  it("derives a TaskManager per managed fraction as Flink does, down to the task heap's floor", async () => {
    const tm = await space({ backend: ['lsm'], taskmanagerMemory: '4g' }, '', 512 * MiB);
    expect(tm?.baseFraction).toBe(0.4);
    expect(tm?.bound.kind).toBe('managed');
    // 4g: Flink size 3.3 GiB; each step of 0.1 moves about 338 MiB from the task heap to managed memory.
    const byFraction = Object.fromEntries((tm?.fractions ?? []).map((f) => [f.fraction, f]));
    expect(Object.keys(byFraction).map(Number)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(byFraction[0.4]?.managedPerSlotBytes).toBe(1438814063);
    expect(byFraction[0.4]?.taskHeapBytes).toBe(1530082070);
    for (const f of tm?.fractions ?? []) {
      expect(f.taskHeapBytes).toBeGreaterThanOrEqual(512 * MiB - 1024);
      // Each fraction's TaskManager bounds lsm by its own managed memory.
      expect(f.taskManager.baseKnobs.lsm?.boundedMemory).toBe(String(f.managedPerSlotBytes));
    }
    expect(tm?.notes.join('\n')).toMatch(/0\.7 and above left out; they leave the task heap .* below --min-task-heap 512\.000mb/);
    expect(taskManagerOf(tm!, 0.6).memory.slot.managedMemory).toBe(byFraction[0.6]?.managedPerSlotBytes);
    expect(taskManagerOf(tm!, undefined)).toBe(tm?.base);
    // The fractions are an axis of the bounded space, whose default is the configured one.
    const s = spaceFor('lsm', false, tm);
    expect(s?.axes[MANAGED_FRACTION]).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(s?.defaults[MANAGED_FRACTION]).toBe(0.4);
  });

  it('searches no fraction when the configuration fixes managed memory, and says why', async () => {
    const file = join(dir, 'config.yaml');
    const text = 'taskmanager.memory.process.size: 2g\ntaskmanager.memory.managed.size: 600m\n';
    writeFileSync(file, text);
    const tm = await space({ backend: ['lsm'], flinkConf: file }, text, 128 * MiB);
    expect(tm?.fractions).toEqual([]);
    expect(tm?.bound.bytes).toBe(600 * MiB);
    expect(tm?.notes).toEqual([`${MANAGED_FRACTION}: not searched; the configuration sets taskmanager.memory.managed.size, which fixes managed memory`]);
    expect(spaceFor('lsm', false, tm)?.axes[MANAGED_FRACTION]).toBeUndefined();
  });

  it("searches no fraction for an engine the bound does not reach (lmdb's mapped pages), and says so", async () => {
    const run = await resolveRunOptions({ backend: ['lmdb'] });
    const tm = await tuneTaskManager('lmdb', run, new Map(), 256 * MiB, (changes) => resolveRunOptions({ backend: ['lmdb'] }, changes));
    expect(tm?.fractions).toEqual([]);
    expect(tm?.notes[0]).toMatch(/^taskmanager\.memory\.managed\.fraction: not searched, and candidates are held to the bound only by what lmdb reports holding; the bound does not reach the rest \(lmdb's data is memory-mapped/);
  });

  it('a run outside any TaskManager has none to search in', async () => {
    expect(await space({ backend: ['lsm'], taskmanagerMemory: 'none' }, '', 128 * MiB)).toBeNull();
  });
});

describe("lsm's space inside a TaskManager", () => {
  it("searches Flink's ratios and partitioned index and filters, never the sizes the bound sets", async () => {
    const tm = await space({ backend: ['lsm'] }, '', 256 * MiB);
    const bounded = spaceFor('lsm', false, tm);
    const free = spaceFor('lsm', false);
    expect(bounded?.bounded).toBe(true);
    expect(bounded?.axes.writeBufferRatio).toEqual([0.25, 0.5, 0.75]);
    expect(bounded?.axes.highPriPoolRatio).toEqual([0.05, 0.1, 0.2, 0.25]);
    expect(bounded?.axes.partitionedIndexFilters).toEqual([false, true]);
    expect(bounded?.axes.blockCacheSize).toBeUndefined();
    expect(bounded?.axes.cacheIndexAndFilterBlocks).toBeUndefined();
    expect(bounded?.axes.bloomBitsPerKey).toEqual(free?.axes.bloomBitsPerKey);
    // Without a bound the ratios change nothing, so they are no axes there.
    expect(free?.axes.writeBufferRatio).toBeUndefined();
    expect(free?.axes.blockCacheSize?.length).toBeGreaterThan(1);
  });
});
