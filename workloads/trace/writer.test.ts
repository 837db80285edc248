import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { TraceWriter } from './writer.js';

describe('TraceWriter', () => {
  it('writes each op as the CSV line of its fields, keys up to 2^53 in decimal', () => {
    const path = join(tempDir('statebench-trace-writer-'), 't.csv');
    const w = new TraceWriter(path);
    w.add('get', 0, 0, 0);
    w.add('put', 100_000_000, 7, 1000);
    w.add('merge', 2 ** 53 - 1, 4294967295, 1);
    w.add('scan', 99_999_999, 0, 100);
    w.add('delete', 1_000_000_007, 1, 0);
    w.close();
    expect(readFileSync(path, 'utf8')).toBe(
      ['op,key,ns,value_size,scan_length', 'get,0,0,,', 'put,100000000,7,1000,', 'merge,9007199254740991,4294967295,1,', 'scan,99999999,0,,100', 'delete,1000000007,1,,', ''].join('\n'),
    );
  });
});
