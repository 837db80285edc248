import { fileURLToPath } from 'node:url';
import { STOCK_MEMORY_CONFIGURATION } from '../core/flink/test-support/stock.js';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../core/flink/test-support/${name}`, import.meta.url));

describe('statebench flink-memory', () => {
  it("prints the stock TaskManager's memory as Flink logs it, then what each slot's state backend gets", async () => {
    const r = await runCliProcess(['flink-memory', '--flink-conf', fileURLToPath(new URL('../examples/flink/config.yaml', import.meta.url))]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(1, 4)).toEqual([
      'Final TaskExecutor Memory configuration:',
      '  Total Process Memory:          1.688gb (1811939328 bytes)',
      '    Total Flink Memory:          1.250gb (1342177280 bytes)',
    ]);
    expect(r.stdout).toContain('        Task:                    384.000mb (402653174 bytes)\n');
    expect(r.stdout).toContain('  RocksDB: 512.000mb (536870920 bytes) per slot, from the slot\'s managed memory\n');
    expect(r.stdout).toContain('    shared LRU block cache: 426.667mb (447392433 bytes), high-priority pool ratio 0.1\n');
  });

  it("--json gives Flink's REST fields for the TaskManager's memory and the state backend's share", async () => {
    const r = await runCliProcess(['flink-memory', '--flink-conf', fixture('flink-conf-stock.yaml'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc.memoryConfiguration).toEqual(STOCK_MEMORY_CONFIGURATION);
    expect(doc.numberOfTaskSlots).toBe(1);
    expect(doc.stateBackend).toMatchObject({
      rocksdb: { source: 'managed', budget: 536870920, blockCacheCapacity: 447392433, writeBufferManagerCapacity: 178956973 },
      heap: { taskHeap: 402653174 },
    });
  });
});
