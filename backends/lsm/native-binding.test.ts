// The addon's error paths: RocksDB's status messages become JS errors, and nothing works after close.
import { describe, expect, it } from 'vitest';
import { loadNative } from './native.js';
import { bytes, text, useLsm } from './test-support/open.js';

const native = loadNative();
if (!native.ok) throw new Error(native.reason);
const { Database } = native.addon;

describe('native binding errors', () => {
  const { open, tempDir } = useLsm();

  it('passes RocksDB\'s message for an options string it rejects', () => {
    expect(() => new Database(tempDir(), 'no_such_option=1')).toThrow(/no_such_option|Could not find|Invalid argument/i);
  });

  it('passes RocksDB\'s lock error when a directory is opened twice', async () => {
    const { dir } = await open();
    expect(() => new Database(dir, '')).toThrow(/lock/i);
  });

  it('throws TypeErrors for arguments of the wrong type instead of crashing', () => {
    const db = new Database(tempDir(), '');
    try {
      expect(() => db.get('key' as never)).toThrow(TypeError);
      expect(() => db.put(bytes('k'), 42 as never)).toThrow(TypeError);
      expect(() => db.multiGet(new Uint8Array(5), 2)).toThrow(/multiple of the key size/);
    } finally {
      db.close();
    }
  });

  it('refuses a checkpoint into an existing non-empty directory with RocksDB\'s message', async () => {
    const { db } = await open();
    db.put(1, bytes('x'));
    const target = tempDir(); // exists
    expect(() => db.db.checkpoint(target)).toThrow(/exist/i);
  });

  it('fails every call after close with a message naming closed, and close twice is harmless', () => {
    const db = new Database(tempDir(), '');
    const it = db.iterator(null, null);
    db.close();
    db.close();
    const k = bytes('k');
    for (const call of [
      () => db.get(k),
      () => db.put(k, k),
      () => db.del(k),
      () => db.merge(k, k),
      () => db.multiGet(k, 1),
      () => db.batchPut(k, k),
      () => db.batchWrite(),
      () => db.scan(k, k, 1),
      () => db.iterator(null, null),
      () => db.flush(),
      () => db.compactRange(null, null),
      () => db.checkpoint('/tmp/x'),
      () => db.property('rocksdb.stats'),
      () => db.intProperty('rocksdb.estimate-num-keys'),
      () => db.statistics(),
      () => db.liveFiles(),
      () => it.next(),
    ]) {
      expect(call).toThrow(/closed/);
    }
  });

  it('iterates with bounds, forwards and backwards', () => {
    const db = new Database(tempDir(), '');
    try {
      for (const k of ['a', 'b', 'c', 'd', 'e']) db.put(bytes(k), bytes(k.toUpperCase()));
      const it = db.iterator(bytes('b'), bytes('e'));
      const seen: string[] = [];
      for (let ok = it.seekToFirst(); ok; ok = it.next()) seen.push(`${text(it.key())}${text(it.value())}`);
      expect(seen).toEqual(['bB', 'cC', 'dD']);
      expect(it.seekToLast()).toBe(true);
      expect(text(it.key())).toBe('d');
      it.prev();
      expect(text(it.key())).toBe('c');
      expect(it.seekForPrev(bytes('cz'))).toBe(true);
      expect(text(it.key())).toBe('c');
      it.close();
      expect(() => it.valid()).toThrow(/closed/);
    } finally {
      db.close();
    }
  });
});
