import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSweep, readSweepFile, sweepToSets } from './sweep-file.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('--sweep FILE', () => {
  const dir = tempDir('statebench-sweep-');
  it('YAML and JSON matrices become --set axes per backend', () => {
    const yaml = join(dir, 's.yaml');
    writeFileSync(yaml, 'lsm:\n  writeBufferSize: [4MiB, 64MiB]\n  maxBackgroundJobs: 4\nlmdb:\n  noSync: [true, false]\n');
    expect(readSweepFile(yaml).sets).toEqual(['lsm.writeBufferSize=4MiB,64MiB', 'lsm.maxBackgroundJobs=4', 'lmdb.noSync=true,false']);
    const json = join(dir, 's.json');
    writeFileSync(json, JSON.stringify({ heap: { valueMode: ['bytes', 'object'] } }));
    expect(readSweepFile(json)).toEqual({ sets: ['heap.valueMode=bytes,object'], records: null, threads: null });
  });
  it('a top-level records list sweeps the state size, as --records does', () => {
    const yaml = join(dir, 'sizes.yaml');
    writeFileSync(yaml, 'records: [100k, 1e6, 4000000]\nlsm:\n  writeBufferSize: [4MiB, 64MiB]\n');
    expect(readSweepFile(yaml)).toEqual({ sets: ['lsm.writeBufferSize=4MiB,64MiB'], records: '100k,1000000,4000000', threads: null });
    expect(parseSweep({ records: 50_000 }, 'f')).toEqual({ sets: [], records: '50000', threads: null });
    expect(parseSweep({ threads: [1, 2] }, 'f')).toEqual({ sets: [], records: null, threads: '1,2' });
    expect(() => parseSweep({ records: [] }, 'f')).toThrow(/^--sweep f: records has no values/);
  });
  it('bad files are one line naming the flag', () => {
    expect(() => readSweepFile(join(dir, 'none.yaml'))).toThrow(/^--sweep: cannot read/);
    expect(() => sweepToSets(['x'], 'f')).toThrow(/^--sweep f: expected a mapping/);
    expect(() => sweepToSets({ lsm: { a: [] } }, 'f')).toThrow(/lsm.a has no values/);
    expect(() => sweepToSets({ lsm: { a: [{}] } }, 'f')).toThrow(/values must be strings, numbers or booleans/);
  });
});
