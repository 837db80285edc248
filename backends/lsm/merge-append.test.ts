// append() is a RocksDB merge with the string-append operator, as Flink's list state is.
import { describe, expect, it } from 'vitest';
import { readUsedOptions } from './options-file.js';
import { bytes, text, useLsm } from './test-support/open.js';

describe('append through merge', () => {
  const { open } = useLsm();

  it('joins appended elements with commas, through flush and compaction', async () => {
    const { db, dir } = await open();
    db.append(1, bytes('a'));
    db.append(1, bytes('b'));
    db.flush();
    db.append(1, bytes('c'));
    expect(text(db.get(1))).toBe('a,b,c');
    db.compact();
    expect(text(db.get(1))).toBe('a,b,c');
    expect(readUsedOptions(dir)?.['CFOptions.default.merge_operator']).toContain('StringAppendTESTOperator');
  });

  it('counts merges in RocksDB\'s statistics (a merge, not a read-modify-write)', async () => {
    const { db } = await open();
    for (let i = 0; i < 10; i++) db.append(5, bytes(String(i)));
    const s = db.statistics();
    expect(s.tickers['rocksdb.number.keys.read']).toBe(0);
    expect(text(db.get(5))).toBe('0,1,2,3,4,5,6,7,8,9');
    expect(db.statistics().tickers['rocksdb.number.merge.failures']).toBe(0);
  });
});
