// A summary of a backend's state over some namespaces: key count and an order-independent
// digest of (namespace, key, value) per namespace, read in pages through scan() so memory stays
// bounded. Two states with equal summaries hold the same keys and values (up to a 2^-52 chance).

import type { BackendInstance } from '../../backends/types.js';

export interface NamespaceSummary {
  readonly ns: number;
  readonly keys: number;
  /** Sum of 52-bit entry hashes, mod 2^52. */
  readonly digest: number;
}

const PAGE = 4096;
const MOD = 2 ** 52;

export function summariseState(backend: BackendInstance, namespaces: readonly number[]): NamespaceSummary[] {
  return namespaces.map((ns) => summariseNamespace(backend, ns));
}

function summariseNamespace(backend: BackendInstance, ns: number): NamespaceSummary {
  let keys = 0;
  let digest = 0;
  let start = 0;
  for (;;) {
    const page = backend.scan(start, PAGE, ns);
    for (const e of page) {
      keys++;
      digest = (digest + entryHash(ns, e.key, e.value)) % MOD;
    }
    if (page.length < PAGE) break;
    start = (page[page.length - 1] as { key: number }).key + 1;
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
