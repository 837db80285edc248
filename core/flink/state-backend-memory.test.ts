import { describe, expect, it } from 'vitest';
import { flattenFlinkConf } from './flat-conf.js';
import { stateBackendMemoryPerSlot } from './state-backend-memory.js';
import { taskManagerMemory } from './taskmanager-memory.js';

const MB = 2 ** 20;
function perSlot(yaml: string) {
  const conf = flattenFlinkConf(yaml);
  return stateBackendMemoryPerSlot(conf, taskManagerMemory(conf));
}

describe('stateBackendMemoryPerSlot', () => {
  it("gives each slot its share, and RocksDB the slot's managed memory split into cache and write buffers", () => {
    const s = perSlot('taskmanager.memory.process.size: 4g\ntaskmanager.numberOfTaskSlots: 4\n');
    const tm = taskManagerMemory(flattenFlinkConf('taskmanager.memory.process.size: 4g\n')).memoryConfiguration;
    expect(s.numberOfTaskSlots).toBe(4);
    expect(s.slot).toEqual({ taskHeap: Math.floor(tm.taskHeap / 4), taskOffHeap: 0, managedMemory: Math.floor(tm.managedMemory / 4), networkMemory: Math.floor(tm.networkMemory / 4) });
    const m = s.slot.managedMemory;
    expect(s.rocksdb).toEqual({
      source: 'managed',
      scope: 'slot',
      budget: m,
      writeBufferRatio: 0.5,
      highPriorityPoolRatio: 0.1,
      blockCacheCapacity: Math.trunc((2.5 * m) / 3),
      writeBufferManagerCapacity: Math.trunc(m / 3),
    });
    expect(s.heap).toEqual({ taskHeap: tm.taskHeap });
  });

  it('takes memory.fixed-per-slot before managed memory, and the ratios given', () => {
    const s = perSlot(
      'taskmanager.memory.process.size: 2g\nstate.backend.rocksdb.memory.fixed-per-slot: 300m\nstate.backend.rocksdb.memory.write-buffer-ratio: 0.4\nstate.backend.rocksdb.memory.high-prio-pool-ratio: 0.2\n',
    );
    const m = 300 * MB;
    expect(s.rocksdb).toMatchObject({ source: 'fixed-per-slot', scope: 'slot', budget: m, highPriorityPoolRatio: 0.2, blockCacheCapacity: Math.trunc((2.6 * m) / 3), writeBufferManagerCapacity: Math.trunc((2 * m * 0.4) / 3) });
  });

  it('shares memory.fixed-per-tm among all slots when memory.managed is off, and bounds nothing without it', () => {
    const base = 'taskmanager.memory.process.size: 2g\ntaskmanager.numberOfTaskSlots: 2\nstate.backend.rocksdb.memory.managed: false\n';
    expect(perSlot(`${base}state.backend.rocksdb.memory.fixed-per-tm: 1g\n`).rocksdb).toMatchObject({ source: 'fixed-per-tm', scope: 'taskmanager', budget: 1024 * MB });
    expect(perSlot(base).rocksdb).toBeNull();
  });

  it('reads the consumer weights in both forms; a STATE_BACKEND weight of 0 with managed memory is refused', () => {
    expect(perSlot('taskmanager.memory.process.size: 2g\ntaskmanager.memory.managed.consumer-weights: OPERATOR:70,STATE_BACKEND:30\n').stateBackendManagedFraction).toBe(1);
    expect(() => perSlot('taskmanager.memory.process.size: 2g\ntaskmanager.memory.managed.consumer-weights: OPERATOR:70,PYTHON:30\n')).toThrow(
      /^taskmanager\.memory\.managed\.consumer-weights: 'OPERATOR:70,PYTHON:30' is not valid; expected a STATE_BACKEND weight above 0/,
    );
    expect(() => perSlot('taskmanager:\n  memory:\n    process.size: 2g\n    managed:\n      consumer-weights:\n        STATE_BACKEND: 0\n')).toThrow(/STATE_BACKEND weight above 0/);
    expect(() => perSlot('taskmanager.memory.process.size: 2g\ntaskmanager.memory.managed.consumer-weights: ROCKS:70\n')).toThrow(/Unknown managed memory consumer: ROCKS/);
  });

  it('refuses ratios RocksDBMemoryConfiguration refuses', () => {
    expect(() => perSlot('taskmanager.memory.process.size: 2g\nstate.backend.rocksdb.memory.write-buffer-ratio: 1.2\n')).toThrow(/write-buffer-ratio: '1\.2' is not valid; expected a number between 0 and 1/);
    expect(() => perSlot('taskmanager.memory.process.size: 2g\nstate.backend.rocksdb.memory.write-buffer-ratio: 0.95\n')).toThrow(/whose sum with state\.backend\.rocksdb\.memory\.high-prio-pool-ratio \(0\.1\) is at most 1/);
    expect(() => perSlot('taskmanager.memory.process.size: 2g\nstate.backend.rocksdb.memory.fixed-per-slot: 1.5g\n')).toThrow(/fixed-per-slot: '1\.5g' is not valid; expected a memory size/);
  });
});
