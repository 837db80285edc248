// RocksDB's query trace, written by the addon (DB::StartTrace) and read back with RocksDB's trace
// reader: every query becomes its CSV line, column families their namespace ids.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROCKSDB_TRACE } from './engine-trace.js';
import { loadNative } from './native.js';
import { useLsm } from './test-support/open.js';

const b = (...xs: number[]): Uint8Array => new Uint8Array(xs);

describe("RocksDB's query trace", () => {
  const { tempDir } = useLsm();

  it('reads back each query the addon traced, with its column family and value size', () => {
    const native = loadNative();
    if (!native.ok) throw new Error(native.reason);
    const dir = tempDir();
    const trace = join(dir, 'q.trace');
    const db = new native.addon.Database(join(dir, 'db'), 'merge_operator=stringappend', {});
    db.startTrace(trace);
    const cf = db.columnFamily('s1');
    db.put(b(0, 1), new Uint8Array(10));
    db.get(b(0, 1));
    cf.put(b(7), new Uint8Array(3));
    cf.get(b(7));
    db.merge(b(0, 1), new Uint8Array(4));
    db.del(b(0, 1));
    db.multiGet(b(0, 1, 0, 2), 2);
    db.scan(b(0, 0), b(1), 3);
    db.endTrace();
    db.close();
    expect(ROCKSDB_TRACE.recognises(trace)).toBe(true);
    const csv = join(dir, 'q.csv');
    expect(ROCKSDB_TRACE.toCsv(trace, csv, tempDir())).toEqual({ ops: 9, notes: [] });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('op,key,ns,value_size,scan_length,t_us');
    // Without the times, which are the trace's own.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'put,0x0001,0,10,',
      'get,0x0001,0,,',
      'put,0x07,1,3,',
      'get,0x07,1,,',
      'merge,0x0001,0,4,',
      'delete,0x0001,0,,',
      'get,0x0001,0,,',
      'get,0x0002,0,,',
      'scan,0x0000,0,,',
    ]);
    const times = lines.slice(1).map((l) => Number(l.split(',')[5]));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
  });

  it('is not taken for a CSV trace', () => {
    const path = join(tempDir(), 'ops.trace');
    writeFileSync(path, 'op,key\nget,1\n');
    expect(ROCKSDB_TRACE.recognises(path)).toBe(false);
  });
});
