// A TTL state's figures at an interval boundary (core/result/ttl-series.ts): its family's SST
// bytes and its filter's drops (the addon's counters, cheap), and its stored and expired entries,
// counted by a pass over the family with an iterator. The pass reads every entry of the state:
// it costs a scan of the state per interval (outside the timed stretches, counted as the
// harness's pause), and its reads go through the block cache like any other.

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { stampExpired, stampOffset } from '../../core/flink/ttl-expiry.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';
import type { EngineSample } from '../types.js';
import type { NativeColumnFamily } from './native.js';

export function sampleTtlFamily(d: StateDescriptor, family: NativeColumnFamily, now: number, out: EngineSample): void {
  if (d.ttl === null) return;
  const offset = stampOffset(d.kind);
  let stored = 0;
  let expired = 0;
  const it = family.iterator();
  try {
    for (let ok = it.seekToFirst(); ok; ok = it.next()) {
      stored++;
      if (offset !== null && stampExpired(it.value() as Uint8Array, offset, d.ttl, now)) expired++;
    }
  } finally {
    it.close();
  }
  out[ttlSampleKey(d.name, 'stored')] = stored;
  out[ttlSampleKey(d.name, 'expired')] = offset === null ? null : expired;
  out[ttlSampleKey(d.name, 'sstBytes')] = family.intProperty('rocksdb.total-sst-files-size');
  out[ttlSampleKey(d.name, 'filterDrops')] = family.ttlFilterStats()?.removed ?? null;
}
