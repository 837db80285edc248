import { describe, expect, it } from 'vitest';
import { parseStatistics, subtractBaseline } from './statistics.js';
import { bytes, useLsm } from './test-support/open.js';

const DUMP = [
  'rocksdb.block.cache.miss COUNT : 12',
  'rocksdb.bytes.written COUNT : 3400',
  'rocksdb.db.get.micros P50 : 1.500000 P95 : 3.000000 P99 : 4.100000 P100 : 52.000000 COUNT : 9 SUM : 40',
].join('\n');

describe('statistics', () => {
  const { open } = useLsm();

  it('parses tickers and histograms from the text dump', () => {
    const s = parseStatistics(DUMP);
    expect(s.tickers['rocksdb.block.cache.miss']).toBe(12);
    expect(s.histograms['rocksdb.db.get.micros']).toEqual({ p50: 1.5, p95: 3, p99: 4.1, p100: 52, count: 9, sum: 40 });
  });

  it('subtracts a baseline from tickers and histogram counts', () => {
    const base = parseStatistics(DUMP);
    const now = parseStatistics(DUMP.replace('COUNT : 12', 'COUNT : 20').replace('COUNT : 9 SUM : 40', 'COUNT : 10 SUM : 50'));
    const d = subtractBaseline(now, base);
    expect(d.tickers['rocksdb.block.cache.miss']).toBe(8);
    expect(d.histograms['rocksdb.db.get.micros']?.count).toBe(1);
    expect(d.histograms['rocksdb.db.get.micros']?.sum).toBe(10);
  });

  it('counts what the engine did, and resets', async () => {
    const { db } = await open();
    for (let i = 0; i < 50; i++) db.put(i, bytes('value'));
    for (let i = 0; i < 20; i++) db.get(i);
    const s = db.statistics();
    expect(s.tickers['rocksdb.number.keys.written']).toBe(50);
    expect(s.tickers['rocksdb.number.keys.read']).toBe(20);
    expect(s.histograms['rocksdb.db.get.micros']?.count).toBe(20);
    db.resetStatistics();
    db.get(1);
    const after = db.statistics();
    expect(after.tickers['rocksdb.number.keys.written']).toBe(0);
    expect(after.tickers['rocksdb.number.keys.read']).toBe(1);
    expect(after.histograms['rocksdb.db.get.micros']?.count).toBe(1);
  });
});
