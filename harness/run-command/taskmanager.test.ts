// --taskmanager-memory: the emulated Flink TaskManager the cells run in. Its memory is Flink's
// (core/flink); every planned cell carries it with its backend's bound; a heap cell whose state
// outgrows the task heap ends errored with the figures while the run goes on to the next cell.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { stateBackendMemoryPerSlot } from '../../core/flink/state-backend-memory.js';
import { taskManagerMemory } from '../../core/flink/taskmanager-memory.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { createProgress } from '../exec/progress.js';
import { buildPlan } from '../plan/run-cells.js';
import { describeTaskManager, threadsBeyondSlots, type TaskManagerModel } from '../plan/taskmanager.js';
import { executeRun } from './execute.js';
import { resolveRunOptions } from './resolve-options.js';

const dir = tempDir('statebench-taskmanager-');

/** What Flink gives each slot of the TaskManager this configuration describes. */
function flinkSlotOf(text: string) {
  const conf = flattenFlinkConf(text);
  return stateBackendMemoryPerSlot(conf, taskManagerMemory(conf));
}

const flinkSlot = (processSize: string) => flinkSlotOf(`taskmanager.memory.process.size: ${processSize}\n`);

describe('--taskmanager-memory', () => {
  it("is Flink's stock TaskManager under --semantics flink unless given or sized by the --flink-conf file; none under per-write or when none", async () => {
    expect((await resolveRunOptions({ backend: ['heap'] })).taskManagers).toMatchObject([{ processSize: '1728m', processBytes: 1811939328, slots: 1 }]);
    expect((await resolveRunOptions({ backend: ['heap'], semantics: 'per-write' })).taskManagers).toEqual([]);
    expect((await resolveRunOptions({ backend: ['heap'], taskmanagerMemory: 'none' })).taskManagers).toEqual([]);
    expect((await resolveRunOptions({ backend: ['heap'], taskmanagerMemory: ' None ' })).taskManagers).toEqual([]);
    const rocksOnly = join(dir, 'rocks-only.yaml');
    writeFileSync(rocksOnly, 'taskmanager.numberOfTaskSlots: 2\nstate.backend.rocksdb.memory.managed: false\n');
    expect((await resolveRunOptions({ backend: ['lsm'], flinkConf: rocksOnly, semantics: 'per-write' })).taskManagers).toEqual([]);
    // The stock TaskManager takes the file's slots.
    expect((await resolveRunOptions({ backend: ['lsm'], flinkConf: rocksOnly })).taskManagers).toMatchObject([{ processSize: '1728m', slots: 2 }]);
  });

  it('refuses a --set of a size the bound sizes in its place, in one line, and takes it with none or where nothing bounds lsm', async () => {
    for (const set of ['lsm.blockCacheSize=64MiB', 'lsm.dbwritebuffersize=32MiB']) {
      await expect(resolveRunOptions({ backend: ['lsm'], set: [set] })).rejects.toThrow(
        new RegExp(`^--set lsm\\.${set.split('.')[1]?.split('=')[0]}: the run is inside a 1728m TaskManager, whose managed memory sizes lsm's cache and write buffers in its place .*; give --taskmanager-memory none to set it yourself$`),
      );
    }
    const sweep = join(dir, 'cache-sweep.yaml');
    writeFileSync(sweep, 'lsm:\n  blockCacheSize: [8MiB, 64MiB]\n');
    await expect(resolveRunOptions({ backend: ['lsm'], sweep })).rejects.toThrow(new RegExp(`^--sweep ${sweep} lsm\\.blockCacheSize: the run is inside a 1728m TaskManager`));
    const none = await resolveRunOptions({ backend: ['lsm'], set: ['lsm.blockCacheSize=64MiB'], taskmanagerMemory: 'none', workload: ['value-state'] });
    expect((await buildPlan(none)).cells[0]?.knobs.blockCacheSize).toBe(64 * 1024 ** 2);
    expect((await resolveRunOptions({ backend: ['lsm'], set: ['lsm.blockCacheSize=64MiB'], semantics: 'per-write' })).taskManagers).toEqual([]);
    // memory.managed: false without fixed memory: Flink does not bound RocksDB, and its cache size is the user's.
    const unmanaged = join(dir, 'unmanaged.yaml');
    writeFileSync(unmanaged, 'state.backend.rocksdb.memory.managed: false\n');
    await expect(resolveRunOptions({ backend: ['lsm'], set: ['lsm.blockCacheSize=64MiB'], flinkConf: unmanaged })).resolves.toBeDefined();
    // Other knobs still apply inside the bound.
    await expect(resolveRunOptions({ backend: ['lsm'], set: ['lsm.writeBufferSize=4MiB'] })).resolves.toBeDefined();
  });

  it('says when a cell has more threads than the TaskManager has slots', async () => {
    const o = await resolveRunOptions({ backend: ['heap'], threads: '1,4' });
    const tm = o.taskManagers?.[0] as TaskManagerModel;
    expect(threadsBeyondSlots(tm, o.threads ?? [])).toMatch(/^--threads 4: the 1728m TaskManager has 1 slot; each thread runs as a slot of its own.*taskmanager\.numberOfTaskSlots: 4/);
    expect(threadsBeyondSlots(tm, [1])).toBeNull();
  });

  it("resolves to Flink's TaskManager, and every planned cell carries its backend's bound", async () => {
    const o = await resolveRunOptions({ backend: ['heap', 'lsm', 'lmdb'], workload: ['value-state'], taskmanagerMemory: '1728m', ops: '100' });
    const flink = flinkSlot('1728m');
    expect(o.taskManagers).toMatchObject([{ processSize: '1728m', processBytes: 1811939328, slots: 1 }]);
    expect(o.taskManagers?.[0]?.memory.heap.taskHeap).toBe(402653174);
    // A TaskManager alone runs every backend named, not only the one that reads Flink's settings.
    expect(o.backends).toEqual(['heap', 'lsm', 'lmdb']);
    const plan = await buildPlan(o);
    const bound = (b: string) => plan.cells.find((c) => c.backend === b)?.taskManager?.bound;
    expect(bound('heap')).toMatchObject({ kind: 'task heap', bytes: flink.heap.taskHeap, checkedByHarness: true });
    expect(bound('lsm')).toMatchObject({ kind: 'managed', bytes: flink.slot.managedMemory, checkedByHarness: false });
    expect(bound('lmdb')?.notBounded).toMatch(/page cache/);
    expect(describeTaskManager(o.taskManagers?.[0] as TaskManagerModel, o.backends)).toEqual([
      'TaskManager 1728m, 1 slot: task heap 384.000mb (402653174 bytes), managed 512.000mb (536870920 bytes) per slot',
      '  heap: bounded by the task heap (all slots together), checked by the harness at each interval, 384MiB',
      "  lsm: bounded by a slot's managed memory, 512MiB",
      "  lmdb: bounded, as far as it can be, by a slot's managed memory, 512MiB",
      expect.stringMatching(/^ {4}not bounded: lmdb's data is memory-mapped/),
    ]);
    // lsm is bounded through its Flink configuration reader: the slot's managed memory as its memory bound.
    const lsm = plan.cells.find((c) => c.backend === 'lsm');
    expect(lsm?.knobs.boundedMemory).toBe(flink.rocksdb?.budget);
  });

  it("takes the --flink-conf file's sizes and slots, the flag overriding its process or Flink size", async () => {
    const conf = join(dir, 'tm.yaml');
    writeFileSync(conf, 'taskmanager:\n  numberOfTaskSlots: 2\n  memory:\n    flink.size: 1280m\n');
    const fromFile = await resolveRunOptions({ backend: ['heap'], flinkConf: conf });
    expect(fromFile.taskManagers).toMatchObject([{ processBytes: 1811939328, slots: 2 }]);
    expect(fromFile.threads).toEqual([2]);
    const flagged = await resolveRunOptions({ backend: ['heap', 'lsm'], flinkConf: conf, taskmanagerMemory: '4g' });
    expect(flagged.taskManagers).toMatchObject([{ processSize: '4g', processBytes: 4 * 1024 ** 3, slots: 2 }]);
    const lsm = (await buildPlan(flagged)).cells.find((c) => c.backend === 'lsm');
    expect(lsm?.knobs.boundedMemory).toBe(flinkSlotOf('taskmanager.memory.process.size: 4g\ntaskmanager.numberOfTaskSlots: 2\n').rocksdb?.budget);
  });

  it.each([
    ['1.5g', /^--taskmanager-memory: '1\.5g' is not valid; expected a memory size/],
    ['lots', /^--taskmanager-memory: 'lots' is not valid/],
    ['700m', /^--taskmanager-memory: TaskManager memory configuration failed: Sum of configured Framework Heap Memory/],
    ['1728m,,4g', /^--taskmanager-memory: '1728m,,4g' is not valid; expected a memory size.*, a list of them \(1728m,4g\), or none$/],
    ['none,4g', /^--taskmanager-memory: 'none,4g' mixes none with sizes; none stands alone/],
  ])('%s is bad input naming the flag', async (raw, message) => {
    await expect(resolveRunOptions({ backend: ['heap'], taskmanagerMemory: raw })).rejects.toThrow(message);
  });
});

describe('a plan over TaskManagers (--taskmanager-memory 1728m,4g)', () => {
  it('has one cell per TaskManager, ascending, duplicates dropped, the size in the id and each its own memory', async () => {
    const o = await resolveRunOptions({ backend: ['heap', 'lsm'], workload: ['value-state'], taskmanagerMemory: '4g,1728m,4096m', ops: '100' });
    expect(o.taskManagers?.map((tm) => tm.processSize)).toEqual(['1728m', '4g']);
    const plan = await buildPlan(o);
    expect(plan.cells.map((c) => c.id).sort()).toEqual(['heap/value-state/tm=1728m#0', 'heap/value-state/tm=4g#0', 'lsm/value-state/tm=1728m#0', 'lsm/value-state/tm=4g#0']);
    const cell = (id: string) => plan.cells.find((c) => c.id === id);
    expect(cell('heap/value-state/tm=4g#0')?.taskManager?.bound?.bytes).toBe(flinkSlot('4g').heap.taskHeap);
    // Each TaskManager's lsm cell is bounded by its own slot's managed memory.
    expect(cell('lsm/value-state/tm=1728m#0')?.knobs.boundedMemory).toBe(flinkSlot('1728m').rocksdb?.budget);
    expect(cell('lsm/value-state/tm=4g#0')?.knobs.boundedMemory).toBe(flinkSlot('4g').rocksdb?.budget);
  });
  it("carries a knob a verification changes on the run's base knobs to every TaskManager's cells", async () => {
    const o = await resolveRunOptions({ backend: ['lsm'], workload: ['value-state'], taskmanagerMemory: '1728m,4g', ops: '100' });
    const changed = { ...o.baseKnobs, lsm: { ...(o.baseKnobs.lsm ?? {}), bloomBitsPerKey: 10 } };
    const plan = await buildPlan({ ...o, baseKnobs: changed });
    expect(plan.cells.map((c) => [c.knobs.bloomBitsPerKey, c.knobs.boundedMemory])).toEqual([
      [10, flinkSlot('1728m').rocksdb?.budget],
      [10, flinkSlot('4g').rocksdb?.budget],
    ]);
  });
  it('keeps the ids of a run of one TaskManager as they were', async () => {
    const plan = await buildPlan(await resolveRunOptions({ backend: ['heap'], workload: ['value-state'], taskmanagerMemory: '1728m', ops: '100' }));
    expect(plan.cells.map((c) => c.id)).toEqual(['heap/value-state#0']);
  });
});

describe('a run inside a small TaskManager', () => {
  it('ends a heap cell that outgrows the task heap errored with the figures, and runs the lsm cell after it', async () => {
    // 1000m: Flink's task heap is 11.2 MiB; 20,000 values of 1000 bytes do not fit in it.
    const taskHeap = flinkSlot('1000m').heap.taskHeap;
    const o = await resolveRunOptions({ backend: ['heap', 'lsm'], workload: ['value-state'], records: '20000', ops: '2000', warmup: '0', taskmanagerMemory: '1000m', out: join(dir, 'out') });
    const { document } = await executeRun(o, { progress: createProgress(process.stderr, true) });
    const heap = document.cells.find((c) => c.backend === 'heap');
    const lsm = document.cells.find((c) => c.backend === 'lsm');
    expect(heap?.status).toBe('errored');
    expect(heap?.status === 'errored' ? heap.error : '').toMatch(new RegExp(`^out of memory in a 1000m TaskManager: heap state needs [\\d.]+MiB or more \\(after the load\\), the task heap is 11\\.200mb \\(${taskHeap} bytes\\)`));
    expect(heap?.memory).toEqual({ taskManager: '1000m', slots: 1, bound: { kind: 'task heap', bytes: taskHeap } });
    expect(lsm?.status).toBe('ok');
    expect(lsm?.memory?.bound?.kind).toBe('managed');
    expect(document.plan.taskManagers).toEqual([{ processSize: '1000m', processBytes: 1000 * 1024 ** 2, slots: 1 }]);
  }, 60_000);

  it('lets a heap cell whose state fits run to the end', async () => {
    const o = await resolveRunOptions({ backend: ['heap'], workload: ['value-state'], records: '2000', ops: '2000', warmup: '0', taskmanagerMemory: '1000m', out: join(dir, 'fits') });
    const { document } = await executeRun(o, { progress: createProgress(process.stderr, true) });
    expect(document.cells.map((c) => c.status)).toEqual(['ok']);
  }, 60_000);
});
