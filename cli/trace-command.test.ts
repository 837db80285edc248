// statebench trace end to end: a small trace's summary as JSON, and a RocksDB query trace read
// through its conversion, kept with --csv.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { tempDir } from '../core/test-support/temp-dir.js';
import { loadNative } from '../backends/lsm/native.js';

const dir = tempDir('statebench-trace-cmd-');

describe('statebench trace', () => {
  it('--json: the mix, keys, curve and nearest workload of a trace', async () => {
    const path = join(dir, 'small.csv');
    // Keys 1..4 read in turn twice, then key 1 written: LRU of 4 keys hits the second round.
    writeFileSync(path, ['op,key,value_size', 'get,1,', 'get,2,', 'get,3,', 'get,4,', 'get,1,', 'get,2,', 'get,3,', 'get,4,', 'put,1,50'].join('\n'));
    const r = await runCliProcess(['trace', path, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { ops: number; mix: Record<string, number>; distinctKeys: number; missRatioCurve: { keys: number; missRatio: number }[]; nearest: { name: string } };
    expect(s.ops).toBe(9);
    expect(s.mix.get).toBeCloseTo(8 / 9, 12);
    expect(s.distinctKeys).toBe(4);
    // 4 first accesses miss at every size; with 4 keys cached the other 5 hit.
    expect(s.missRatioCurve.at(-1)).toMatchObject({ keys: 4, missRatio: 4 / 9 });
    expect(s.missRatioCurve[0]).toMatchObject({ keys: 1, missRatio: 1 });
    expect(typeof s.nearest.name).toBe('string');
  });

  it("reads RocksDB's query trace, keeping the CSV with --csv", async () => {
    const native = loadNative();
    if (!native.ok) throw new Error(native.reason);
    const trace = join(dir, 'q.trace');
    const db = new native.addon.Database(join(dir, 'db'), '', {});
    db.startTrace(trace);
    for (let i = 0; i < 10; i++) db.put(new Uint8Array([i]), new Uint8Array(20));
    for (let i = 0; i < 10; i++) db.get(new Uint8Array([i % 3]));
    db.endTrace();
    db.close();
    const csv = join(dir, 'q.csv');
    const r = await runCliProcess(['trace', trace, '--csv', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/an engine trace of the lsm backend, read with its own trace reader/);
    expect(r.stdout).toMatch(/mix: get 50\.0 %, put 50\.0 %/);
    expect(existsSync(csv)).toBe(true);
  });
});
