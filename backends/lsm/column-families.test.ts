// Column families in the addon: one Flink state per family, each its own key space with the
// Database's options, one write batch across them, all reopened and all in a checkpoint.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { readUsedOptions } from './options-file.js';
import { nativeDir } from './native.js';
import { bytes, text } from './test-support/open.js';
import { useNativeDb } from './test-support/native-db.js';

describe('column families', () => {
  const { open, newDir } = useNativeDb();

  it('keeps the same key apart in two families and the default one', () => {
    const db = open();
    const a = db.columnFamily('window-contents');
    const b = db.columnFamily('timers');
    db.put(bytes('k'), bytes('default'));
    a.put(bytes('k'), bytes('a'));
    b.put(bytes('k'), bytes('b'));
    expect([text(db.get(bytes('k'))), text(a.get(bytes('k'))), text(b.get(bytes('k')))]).toEqual(['default', 'a', 'b']);
    a.del(bytes('k'));
    expect(a.get(bytes('k'))).toBeUndefined();
    expect(text(b.get(bytes('k')))).toBe('b');
    expect(db.columnFamilies()).toEqual(['default', 'timers', 'window-contents']);
    expect(db.columnFamily('timers')).toBe(b);
    expect(b.name()).toBe('timers');
  });

  it('scans, iterates, multiGets and reads through the scratch buffer within one family', () => {
    const db = open();
    const a = db.columnFamily('a');
    for (const k of ['1', '2', '3']) {
      a.put(bytes(k), bytes(`a${k}`));
      db.put(bytes(k), bytes(`d${k}`));
    }
    expect(a.scan(bytes('0'), bytes('9'), 10).map(text)).toEqual(['1', 'a1', '2', 'a2', '3', 'a3']);
    const it = a.iterator(null, null);
    const seen: string[] = [];
    for (let ok = it.seekToFirst(); ok; ok = it.next()) seen.push(text(it.value()) as string);
    it.close();
    expect(seen).toEqual(['a1', 'a2', 'a3']);
    expect(a.multiGet(bytes('13'), 1).map(text)).toEqual(['a1', 'a3']);
    a.setScratch(bytes('2'));
    expect(text(a.getS())).toBe('a2');
    a.hotPath().putS(bytes('A2'));
    expect(text(a.get(bytes('2')))).toBe('A2');
    expect(text(db.get(bytes('2')))).toBe('d2');
  });

  it('writes a batch across families at once, and clears all of it', () => {
    const db = open(undefined, 'merge_operator=stringappendtest');
    const a = db.columnFamily('a');
    const b = db.columnFamily('b');
    b.put(bytes('gone'), bytes('x'));
    db.batchPut(bytes('k'), bytes('d'));
    a.batchPut(bytes('k'), bytes('a'));
    a.batchMerge(bytes('m'), bytes('1'));
    b.batchDelete(bytes('gone'));
    expect([db.get(bytes('k')), a.get(bytes('k')), text(b.get(bytes('gone')))]).toEqual([undefined, undefined, 'x']);
    db.batchWrite();
    expect([text(db.get(bytes('k'))), text(a.get(bytes('k'))), text(a.get(bytes('m'))), b.get(bytes('gone'))]).toEqual(['d', 'a', '1', undefined]);
    a.batchPut(bytes('never'), bytes('x'));
    db.batchPut(bytes('never'), bytes('x'));
    db.batchClear();
    db.batchWrite();
    expect([a.get(bytes('never')), db.get(bytes('never'))]).toEqual([undefined, undefined]);
  });

  it('reopens every family with its data, without being told their names', () => {
    const dir = newDir();
    const db = open(dir);
    db.columnFamily('a').put(bytes('k'), bytes('a'));
    db.columnFamily('b').put(bytes('k'), bytes('b'));
    db.close();
    const again = open(dir);
    expect(again.columnFamilies()).toEqual(['default', 'a', 'b']);
    expect([text(again.columnFamily('a').get(bytes('k'))), text(again.columnFamily('b').get(bytes('k')))]).toEqual(['a', 'b']);
  });

  it('creates the families the open options name', () => {
    const dir = newDir();
    open(dir, '', { families: { x: {}, y: {} } }).close();
    expect(open(dir).columnFamilies()).toEqual(['default', 'x', 'y']);
  });

  it('checkpoints every family: the copy opens with all of them and their data', () => {
    const db = open();
    db.columnFamily('a').put(bytes('k'), bytes('a'));
    db.columnFamily('b').put(bytes('k'), bytes('b'));
    db.put(bytes('k'), bytes('d'));
    const target = join(tempDir('statebench-native-cp-'), 'cp');
    db.checkpoint(target);
    const copy = open(target);
    expect(copy.columnFamilies()).toEqual(['default', 'a', 'b']);
    expect([text(copy.get(bytes('k'))), text(copy.columnFamily('a').get(bytes('k'))), text(copy.columnFamily('b').get(bytes('k')))]).toEqual(['d', 'a', 'b']);
  });

  it('reports properties per family, their sum over families, and which family a file is in', () => {
    const db = open();
    const a = db.columnFamily('a');
    for (let i = 0; i < 30; i++) a.put(bytes(`k${i}`), bytes('v'));
    for (let i = 0; i < 10; i++) db.put(bytes(`k${i}`), bytes('v'));
    expect(a.intProperty('rocksdb.num-entries-active-mem-table')).toBe(30);
    expect(db.intProperty('rocksdb.num-entries-active-mem-table')).toBe(10);
    expect(db.aggregatedIntProperty('rocksdb.num-entries-active-mem-table')).toBe(40);
    a.flush();
    expect(a.intProperty('rocksdb.num-entries-active-mem-table')).toBe(0);
    expect(db.intProperty('rocksdb.num-entries-active-mem-table')).toBe(10);
    expect(db.liveFiles().map((f) => f.columnFamily)).toEqual(['a']);
    db.flush();
    expect(db.liveFiles().map((f) => f.columnFamily).sort()).toEqual(['a', 'default']);
    expect(Number(a.property('rocksdb.num-files-at-level0'))).toBe(1);
    db.compactRange(null, null);
    expect(db.liveFiles().filter((f) => f.level === 0)).toEqual([]);
  });

  it('gives every family the options of the default one', () => {
    const dir = newDir();
    const db = open(dir, 'write_buffer_size=1048576;max_write_buffer_number=5');
    db.columnFamily('a');
    db.close();
    // The OPTIONS file RocksDB wrote lists the family with the same options.
    const options = readUsedOptions(dir) ?? {};
    expect([options['CFOptions.a.write_buffer_size'], options['CFOptions.a.max_write_buffer_number']]).toEqual(['1048576', '5']);
  });

  it('closes its families with it', () => {
    const db = open();
    const a = db.columnFamily('a');
    const it = a.iterator(null, null);
    db.close();
    for (const call of [() => a.get(bytes('k')), () => a.put(bytes('k'), bytes('v')), () => a.batchPut(bytes('k'), bytes('v')), () => a.flush(), () => it.next(), () => db.columnFamily('a')]) {
      expect(call).toThrow(/closed/);
    }
    expect(a.isClosed()).toBe(true);
  });

  it('refuses what it cannot do, naming it', () => {
    const db = open();
    expect(() => db.columnFamily(42 as never)).toThrow(TypeError);
    expect(() => db.columnFamily('a', { ttl: { ms: -1, state: 'value' } })).toThrow(/ttl/);
    expect(() => db.columnFamily('a', { ttl: { ms: 1, state: 'set' as never } })).toThrow(/'value' \| 'map' \| 'list'/);
    expect(() => db.columnFamily('a', { ttl: { ms: 1, state: 'list' } })).toThrow(/listElementBytes/);
    expect(() => db.columnFamily('default', { ttl: { ms: 1, state: 'value' } })).toThrow(/default/);
    db.columnFamily('plain');
    expect(() => db.columnFamily('plain', { ttl: { ms: 1, state: 'value' } })).toThrow(/'plain' is open without a TTL filter/);
    db.columnFamily('t', { ttl: { ms: 1, state: 'value' } });
    expect(() => db.columnFamily('t', { ttl: { ms: 2, state: 'value' } })).toThrow(/'t' is open with another TTL filter/);
    expect(db.columnFamily('t').name()).toBe('t');
    expect(() => db.setTtlTime('now' as never)).toThrow(TypeError);
  });

  it('opens families in a worker thread too (each thread is its own napi environment)', async () => {
    const dir = newDir();
    open(join(dir, '..', 'main')).columnFamily('main-thread'); // this environment made its ColumnFamily class first
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { Database } = require(workerData.addon);
      const db = new Database(workerData.dir, '');
      const family = db.columnFamily('state');
      family.put(Buffer.from('k'), Buffer.from('in a worker'));
      const reply = [db.columnFamilies(), family.get(Buffer.from('k')).toString()];
      db.close();
      parentPort.postMessage(reply);`;
    const worker = new Worker(code, { eval: true, workerData: { addon: join(nativeDir(), 'build', 'Release', 'statebench_rocksdb.node'), dir } });
    let reply: unknown;
    worker.on('message', (m: unknown) => (reply = m));
    // The worker ends by itself: terminating it inside a native call would abort the process.
    await new Promise((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    expect(reply).toEqual([['default', 'state'], 'in a worker']);
    expect(text(open(dir).columnFamily('state').get(bytes('k')))).toBe('in a worker');
  });
});
