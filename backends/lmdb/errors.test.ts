// Engine errors become one line naming the cause and what to change.
import { describe, expect, it } from 'vitest';
import { describeLmdbAsyncError, describeLmdbError, MDB_MAP_FULL, MDB_READERS_FULL, type LmdbErrorContext } from './errors.js';

const ctx: LmdbErrorContext = { dir: '/data/env', action: 'write', mapSize: 64 * 1024 * 1024, maxReaders: 126 };
const withCode = (message: string, code: string | number): Error => Object.assign(new Error(message), { code });

describe('describeLmdbError', () => {
  it('names mapSize for MDB_MAP_FULL', () => {
    expect(describeLmdbError(withCode('MDB_MAP_FULL: Environment mapsize limit reached', MDB_MAP_FULL), ctx).message).toBe(
      'lmdb: map full (mapSize 64MiB); raise lmdb.mapSize',
    );
    expect(describeLmdbError(withCode('full', MDB_MAP_FULL), { ...ctx, mapSize: null }).message).toBe(
      'lmdb: map full (the map could not grow); raise lmdb.mapSize',
    );
  });

  it('names maxReaders when the reader table is full', () => {
    expect(describeLmdbError(withCode('x', MDB_READERS_FULL), ctx).message).toBe('lmdb: reader table full (maxReaders 126); raise lmdb.maxReaders');
  });

  it('names a full disk, by errno number (lmdb-js) or by code name (Node fs)', () => {
    const expected = 'lmdb: disk full writing /data/env; free space on that file system or use another --data-dir';
    expect(describeLmdbError(withCode('No space left on device', 28), ctx).message).toBe(expected);
    expect(describeLmdbError(withCode('ENOSPC: no space left on device, write', 'ENOSPC'), ctx).message).toBe(expected);
  });

  it('names a read-only file system and a permission problem apart', () => {
    expect(describeLmdbError(withCode('Read-only file system', 30), ctx).message).toMatch(/^lmdb: \/data\/env is on a read-only file system/);
    expect(describeLmdbError(withCode('Permission denied: Attempting to setup locks', 13), ctx).message).toMatch(
      /^lmdb: permission denied on \/data\/env or its lock file \(read-only or locked directory\)/,
    );
  });

  it('keeps the engine message for anything else, and the original error as cause', () => {
    const original = withCode('MDB_CORRUPTED: Located page was wrong type', -30796);
    const e = describeLmdbError(original, ctx);
    expect(e.message).toBe('lmdb: write failed in /data/env: MDB_CORRUPTED: Located page was wrong type');
    expect(e.cause).toBe(original);
  });

  it('looks through lmdb-js "Commit failed" to the commit error', async () => {
    const inner = Promise.reject(withCode('File too large', 27));
    const outer = Object.assign(new Error('Commit failed (see commitError for details)'), { commitError: inner });
    const e = await describeLmdbAsyncError(outer, ctx);
    expect(e.message).toMatch(/^lmdb: file size limit reached writing \/data\/env \(EFBIG\)/);
  });
});
