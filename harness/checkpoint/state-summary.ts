// A summary of a backend's state over some namespaces: key count and an order-independent
// digest of (namespace, key, value) per namespace, read in pages through scan() so memory stays
// bounded. Two states with equal summaries hold the same keys and values (up to a 2^-52 chance).
// A Flink workload's states are summed into each namespace; a state's scan is in its layout's
// order (key group first), which key-ordered pages cannot follow, so each of its namespaces is
// read in one scan. Given the workload's time, a TTL state's expired entries are left out on
// both sides, as a Flink read (NeverReturnExpired) never returns them: a full-snapshot cleanup's
// checkpoint lacks them, and the live state may still hold them.

import type { BackendInstance, StateHandle } from '../../backends/types.js';
import type { FlinkStates } from '../../workloads/types.js';
import { stateHandles } from '../runner/state-route.js';
import { stampExpired } from '../../core/flink/ttl-expiry.js';

export interface NamespaceSummary {
  readonly ns: number;
  readonly keys: number;
  /** Sum of 52-bit entry hashes, mod 2^52. */
  readonly digest: number;
}

const PAGE = 4096;
const ALL = 0x7fffffff;
const MOD = 2 ** 52;

/** Whether an entry a handle returns is expired (its stamp at offset 0: handles return values without map state's null flag). */
type Expired = (value: Uint8Array) => boolean;

export function summariseState(backend: BackendInstance, namespaces: readonly number[], states: FlinkStates | null = null, tick: number | null = null): NamespaceSummary[] {
  const handles = stateHandles(backend, states);
  const expiredOf = handles.map((h, i): Expired | null => {
    const d = h === backend ? undefined : states?.states[i];
    if (tick === null || d === undefined || d.ttl === null || d.kind === 'list' || d.kind === 'timers') return null;
    const ttl = d.ttl;
    return (v) => stampExpired(v, 0, ttl, tick);
  });
  return namespaces.map((ns) => {
    let keys = 0;
    let digest = 0;
    for (const [i, h] of handles.entries()) {
      const s = summariseNamespace(h, ns, h === backend ? PAGE : ALL, expiredOf[i] ?? null);
      keys += s.keys;
      digest = (digest + s.digest) % MOD;
    }
    return { ns, keys, digest };
  });
}

function summariseNamespace(backend: StateHandle, ns: number, page: number, expired: Expired | null): NamespaceSummary {
  let keys = 0;
  let digest = 0;
  let start = 0;
  for (;;) {
    const entries = backend.scan(start, page, ns);
    for (const e of entries) {
      if (expired !== null && expired(e.value)) continue;
      keys++;
      digest = (digest + entryHash(ns, e.key, e.value)) % MOD;
    }
    if (entries.length < page) break;
    start = (entries[entries.length - 1] as { key: number }).key + 1;
  }
  return { ns, keys, digest };
}

/** Two 32-bit FNV-1a lanes (different bases and primes) over namespace, key and value, folded into 52 bits. */
export function entryHash(ns: number, key: number, value: Uint8Array): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const mix = (x: number): void => {
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
  };
  const lo = key % 0x1_0000_0000;
  const hi = Math.floor(key / 0x1_0000_0000);
  for (const w of [ns >>> 0, lo, hi]) {
    mix(w & 0xff);
    mix((w >>> 8) & 0xff);
    mix((w >>> 16) & 0xff);
    mix(w >>> 24);
  }
  for (let i = 0; i < value.length; i++) mix(value[i] as number);
  mix(value.length & 0xff);
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
