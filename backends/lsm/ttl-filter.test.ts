// Flink's TTL compaction filter in the addon: values carrying Flink's 8-byte big-endian
// last-access timestamp are dropped in compaction once timestamp + ttl <= the time set from JS;
// RocksDB counts the drops (rocksdb.compaction.key.drop.user).
import { describe, expect, it } from 'vitest';
import type { NativeDatabase } from './native.js';
import { readUsedOptions } from './options-file.js';
import { parseStatistics } from './statistics.js';
import { bytes, text } from './test-support/open.js';
import { useNativeDb } from './test-support/native-db.js';

/** A TTL value as Flink's TtlSerializer writes it: the last-access time (a Java long, big-endian), then the user value. */
function stamped(ms: number, user: string, prefix = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(prefix.length + 8 + user.length);
  out.set(prefix);
  new DataView(out.buffer).setBigInt64(prefix.length, BigInt(ms));
  out.set(bytes(user), prefix.length + 8);
  return out;
}

const user = (v: Uint8Array | undefined, skip = 8): string | undefined => (v === undefined ? undefined : text(v.subarray(skip)));
const drops = (db: NativeDatabase): number => parseStatistics(db.statistics() ?? '').tickers['rocksdb.compaction.key.drop.user'] ?? 0;

describe('the TTL compaction filter', () => {
  const { open, newDir } = useNativeDb();

  it('drops expired values in compaction, keeps fresh ones and counts the drops', () => {
    const db = open();
    const state = db.columnFamily('last-seen', { ttl: { ms: 1000, state: 'value' } });
    state.put(bytes('old'), stamped(100, 'old'));
    state.put(bytes('edge'), stamped(1000, 'edge')); // 1000 + 1000 <= 2000: expired, as Flink's TtlUtils.expired
    state.put(bytes('fresh'), stamped(1500, 'fresh'));
    db.setTtlTime(2000);
    db.flush(); // flushes run no compaction filter
    expect(user(state.get(bytes('old')))).toBe('old');
    db.compactRange(null, null);
    expect(state.get(bytes('old'))).toBeUndefined();
    expect(state.get(bytes('edge'))).toBeUndefined();
    expect(user(state.get(bytes('fresh')))).toBe('fresh');
    expect(drops(db)).toBe(2);
    expect(state.ttlFilterStats()).toEqual({ removed: 2, trimmed: 0 });
  });

  it('leaves a family without TTL, and the default family, untouched', () => {
    const db = open();
    const ttl = db.columnFamily('ttl', { ttl: { ms: 10, state: 'value' } });
    const plain = db.columnFamily('plain');
    for (const target of [ttl, plain, db]) target.put(bytes('k'), stamped(1, 'v'));
    db.setTtlTime(1_000_000);
    db.compactRange(null, null);
    expect(ttl.get(bytes('k'))).toBeUndefined();
    expect([user(plain.get(bytes('k'))), user(db.get(bytes('k')))]).toEqual(['v', 'v']);
    expect(plain.ttlFilterStats()).toBeNull();
    expect(drops(db)).toBe(1);
  });

  it('reads a map entry\'s timestamp after Flink\'s null flag', () => {
    const db = open();
    const map = db.columnFamily('map', { ttl: { ms: 1000, state: 'map' } });
    const flag = new Uint8Array([0]);
    map.put(bytes('a'), stamped(100, 'old', flag));
    map.put(bytes('b'), stamped(5000, 'fresh', flag));
    db.setTtlTime(2000);
    db.compactRange(null, null);
    expect(map.get(bytes('a'))).toBeUndefined();
    expect(user(map.get(bytes('b')), 9)).toBe('fresh');
  });

  it('cuts a list\'s expired leading elements and drops a list whose elements all expired', () => {
    const db = open(undefined, 'merge_operator=stringappendtest');
    // Elements of 8 + 4 bytes, joined by the ',' of Flink's list state: 13 bytes apart.
    const list = db.columnFamily('list', { ttl: { ms: 1000, state: 'list', listElementBytes: 13 } });
    const join = (...elements: Uint8Array[]): Uint8Array => Buffer.concat(elements.flatMap((e, i) => (i === 0 ? [e] : [bytes(','), e])));
    list.put(bytes('trim'), join(stamped(100, 'e100'), stamped(200, 'e200'), stamped(5000, 'e5k!')));
    list.put(bytes('gone'), join(stamped(100, 'e100'), stamped(200, 'e200')));
    list.put(bytes('keep'), join(stamped(5000, 'e5k!'), stamped(100, 'e100')));
    list.merge(bytes('merged'), stamped(100, 'e100'));
    list.merge(bytes('merged'), stamped(6000, 'e6k!'));
    list.put(bytes('base'), stamped(7000, 'e7k!'));
    list.flush();
    // addAll: one merge operand of two elements, flushed apart from its base, so compaction filters it as an operand.
    list.merge(bytes('base'), join(stamped(100, 'e100'), stamped(8000, 'e8k!')));
    db.setTtlTime(2000);
    db.compactRange(null, null);
    expect(user(list.get(bytes('trim')))).toBe('e5k!');
    expect(list.get(bytes('gone'))).toBeUndefined();
    expect(list.get(bytes('keep'))?.length).toBe(25);
    expect(user(list.get(bytes('merged')))).toBe('e6k!');
    const base = list.get(bytes('base'));
    expect([base?.length, user(base?.subarray(0, 12)), user(base?.subarray(13))]).toEqual([25, 'e7k!', 'e8k!']);
    expect(list.ttlFilterStats()?.trimmed).toBeGreaterThanOrEqual(1);
  });

  it('keeps values too short to hold a timestamp, and caps time + TTL at Long.MAX_VALUE, as Flink does', () => {
    const db = open();
    const state = db.columnFamily('s', { ttl: { ms: 1000, state: 'value' } });
    state.put(bytes('short'), bytes('1234567'));
    const late = new Uint8Array(9);
    new DataView(late.buffer).setBigInt64(0, 2n ** 63n - 10n); // + 1000 would overflow a long
    state.put(bytes('late'), late);
    db.setTtlTime(Number.MAX_SAFE_INTEGER);
    db.compactRange(null, null);
    expect(text(state.get(bytes('short')))).toBe('1234567');
    expect(state.get(bytes('late'))).toEqual(Buffer.from(late));
  });

  it('compares with the wall clock until a time is set, and again after setTtlTime(null)', () => {
    const db = open();
    const state = db.columnFamily('s', { ttl: { ms: 60_000, state: 'value' } });
    const now = Date.now();
    state.put(bytes('hour-old'), stamped(now - 3_600_000, 'x'));
    state.put(bytes('now'), stamped(now, 'y'));
    db.compactRange(null, null);
    expect(state.get(bytes('hour-old'))).toBeUndefined();
    expect(user(state.get(bytes('now')))).toBe('y');
    db.setTtlTime(now + 3_600_000);
    db.setTtlTime(null);
    state.put(bytes('now2'), stamped(now, 'z'));
    db.compactRange(null, null);
    expect(user(state.get(bytes('now2')))).toBe('z');
  });

  it('filters again after a reopen that names the family with its TTL', () => {
    const dir = newDir();
    const first = open(dir);
    first.columnFamily('s', { ttl: { ms: 1000, state: 'value' } }).put(bytes('k'), stamped(100, 'v'));
    first.close();
    const db = open(dir, '', { families: { s: { ttl: { ms: 1000, state: 'value' } } } });
    const state = db.columnFamily('s', { ttl: { ms: 1000, state: 'value' } });
    db.setTtlTime(2000);
    db.compactRange(null, null);
    expect(state.get(bytes('k'))).toBeUndefined();
    expect(state.ttlFilterStats()).toEqual({ removed: 1, trimmed: 0 });
  });

  it('gives a TTL family RocksDB\'s 30-day periodic compaction, a family without a filter none', () => {
    const dir = newDir();
    const db = open(dir);
    db.columnFamily('ttl', { ttl: { ms: 1000, state: 'value' } });
    db.columnFamily('plain');
    const used = readUsedOptions(dir) ?? {};
    expect(used['CFOptions.ttl.periodic_compaction_seconds']).toBe(String(30 * 24 * 3600));
    expect(used['CFOptions.ttl.compaction_filter_factory']).toBe('statebench.FlinkTtlFilterFactory');
    expect(used['CFOptions.plain.periodic_compaction_seconds']).toBe('0');
    expect(used['CFOptions.default.periodic_compaction_seconds']).toBe('0');
  });

  it('takes an explicit periodic_compaction_seconds for every family', () => {
    const dir = newDir();
    const db = open(dir, 'periodic_compaction_seconds=3600');
    db.columnFamily('ttl', { ttl: { ms: 1000, state: 'value' } });
    const used = readUsedOptions(dir) ?? {};
    expect([used['CFOptions.ttl.periodic_compaction_seconds'], used['CFOptions.default.periodic_compaction_seconds']]).toEqual(['3600', '3600']);
  });

  it('reclaims a file no write touches again through periodic compaction', async () => {
    const db = open(undefined, 'periodic_compaction_seconds=1');
    const state = db.columnFamily('s', { ttl: { ms: 1000, state: 'value' } });
    db.setTtlTime(0);
    for (let i = 0; i < 100; i++) state.put(bytes(`k${i}`), stamped(100, 'v'));
    state.flush();
    state.compactRange(null, null); // nothing expired yet: the file lands in the last level
    expect(db.liveFiles().map((f) => [f.level, f.entries])).toEqual([[1, 100]]);
    db.setTtlTime(10_000);
    await new Promise((r) => setTimeout(r, 2100)); // older than periodic_compaction_seconds
    // A flush makes RocksDB look at the family's files again; the old one is due and goes through the filter.
    state.put(bytes('new'), stamped(9500, 'v'));
    state.flush();
    const deadline = Date.now() + 5000;
    // The compaction runs in the background: wait for its result to be installed (the filter counts before that).
    while (state.get(bytes('k1')) !== undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(state.get(bytes('k1'))).toBeUndefined();
    expect(state.ttlFilterStats()?.removed).toBe(100);
    expect(drops(db)).toBe(100);
  });
});
