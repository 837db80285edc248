// Value sizes and value content. The runner takes values from a pool (values[op & mask]), so
// the pool's sizes follow the size distribution and its content the compressibility: like
// db_bench's RandomGenerator with compression_ratio, each value is a random prefix repeated, so
// a compressor keeps about (1 - compressibility) of it.

import { UsageError } from '../core/errors.js';
import { parseSize } from '../core/units.js';
import { ZipfianRanks } from './distributions/zipfian.js';
import { createRng, type Rng } from '../core/rng.js';
import type { ValueSizeSpec } from './types.js';

export const DEFAULT_POOL_SIZE = 1024;
/** Largest accepted value: big enough for blob-like state, small enough for a 1024-value pool. */
export const MAX_VALUE_BYTES = 64 * 1024 * 1024;
const SIZE_ZIPF_THETA = 0.99;

const FORMS = '100, 100B, 4KiB, uniform:10-1000, zipfian:10-1000, histogram:100=0.5,1000=0.5';

function bad(text: string, why: string): UsageError {
  return new UsageError(`--value-size: '${text}' ${why}; accepted forms: ${FORMS}`);
}

function size(text: string, part: string): number {
  const n = parseSize(part);
  if (n === null) throw bad(text, part.trim() === text.trim() ? 'is not a size' : `has '${part}', not a size`);
  if (n < 1 || n > MAX_VALUE_BYTES) throw bad(text, `has size ${n}, outside 1 .. ${MAX_VALUE_BYTES} bytes`);
  return n;
}

function range(text: string, body: string): { min: number; max: number } {
  const m = /^([^-]+)-([^-]+)$/.exec(body);
  if (!m) throw bad(text, 'needs a range min-max');
  const min = size(text, m[1] as string);
  const max = size(text, m[2] as string);
  if (min > max) throw bad(text, `has min ${min} above max ${max}`);
  return { min, max };
}

export function parseValueSize(text: string): ValueSizeSpec {
  const t = text.trim();
  const colon = t.indexOf(':');
  if (colon < 0) return { kind: 'constant', bytes: size(text, t) };
  const form = t.slice(0, colon).toLowerCase();
  const body = t.slice(colon + 1);
  switch (form) {
    case 'constant':
      return { kind: 'constant', bytes: size(text, body) };
    case 'uniform':
      return { kind: 'uniform', ...range(text, body) };
    case 'zipfian':
      return { kind: 'zipfian', ...range(text, body) };
    case 'histogram': {
      const buckets = body.split(',').map((entry) => {
        const m = /^([^=]+)=([^=]+)$/.exec(entry.trim());
        if (!m) throw bad(text, `has bucket '${entry}', expected size=weight`);
        const weight = Number(m[2]);
        if (!Number.isFinite(weight) || weight <= 0) throw bad(text, `has weight '${m[2]}', expected a positive number`);
        return { bytes: size(text, m[1] as string), weight };
      });
      return { kind: 'histogram', buckets };
    }
    default:
      throw bad(text, `has unknown form '${form}'`);
  }
}

/** Checks a spec built elsewhere (JSON specs, property files). */
export function checkValueSize(spec: ValueSizeSpec, field = '--value-size'): ValueSizeSpec {
  const ok = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_VALUE_BYTES;
  const fail = (why: string): never => {
    throw new UsageError(`${field}: ${why}; sizes are whole bytes from 1 to ${MAX_VALUE_BYTES}`);
  };
  switch (spec.kind) {
    case 'constant':
      if (!ok(spec.bytes)) fail(`size ${spec.bytes} is not valid`);
      break;
    case 'uniform':
    case 'zipfian':
      if (!ok(spec.min) || !ok(spec.max) || spec.min > spec.max) fail(`range ${spec.min}-${spec.max} is not valid`);
      break;
    case 'histogram':
      if (spec.buckets.length === 0) fail('histogram has no buckets');
      for (const b of spec.buckets) {
        if (!ok(b.bytes) || !(b.weight > 0) || !Number.isFinite(b.weight)) fail(`bucket ${b.bytes}=${b.weight} is not valid`);
      }
      break;
  }
  return spec;
}

/** Draws value sizes from a spec. */
export function createSizeSampler(spec: ValueSizeSpec, rng: Rng): () => number {
  switch (spec.kind) {
    case 'constant':
      return () => spec.bytes;
    case 'uniform': {
      const span = spec.max - spec.min + 1;
      return () => spec.min + rng.int(span);
    }
    case 'zipfian': {
      // YCSB's fieldlengthdistribution=zipfian: short lengths most frequent.
      const ranks = new ZipfianRanks(spec.max - spec.min + 1, SIZE_ZIPF_THETA, rng);
      return () => spec.min + ranks.next();
    }
    case 'histogram': {
      const total = spec.buckets.reduce((s, b) => s + b.weight, 0);
      const cumulative: number[] = [];
      let acc = 0;
      for (const b of spec.buckets) cumulative.push((acc += b.weight / total));
      return () => {
        const u = rng.next();
        for (let i = 0; i < cumulative.length; i++) if (u < (cumulative[i] as number)) return (spec.buckets[i] as { bytes: number }).bytes;
        return (spec.buckets[spec.buckets.length - 1] as { bytes: number }).bytes;
      };
    }
  }
}

/** Mean value size of a spec (for capacity estimates and reports). */
export function meanValueSize(spec: ValueSizeSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.bytes;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'zipfian': {
      const n = spec.max - spec.min + 1;
      // Past a million lengths the sum is long; the continuous approximation is within 0.1 %.
      if (n > 1_000_000) {
        const t = SIZE_ZIPF_THETA;
        const z = (Math.pow(n, 1 - t) - 1) / (1 - t) + 1;
        return spec.min + ((Math.pow(n, 2 - t) - 1) / (2 - t) - (Math.pow(n, 1 - t) - 1) / (1 - t)) / z;
      }
      let z = 0;
      let w = 0;
      for (let i = 1; i <= n; i++) {
        const p = 1 / Math.pow(i, SIZE_ZIPF_THETA);
        z += p;
        w += p * (i - 1);
      }
      return spec.min + w / z;
    }
    case 'histogram': {
      const total = spec.buckets.reduce((s, b) => s + b.weight, 0);
      return spec.buckets.reduce((s, b) => s + (b.bytes * b.weight) / total, 0);
    }
  }
}

/** Fills `out` with a random prefix of (1 - compressibility) x its length, repeated. */
export function fillCompressible(out: Uint8Array, compressibility: number, rng: Rng): void {
  const len = out.length;
  if (len === 0) return;
  const raw = Math.min(len, Math.max(1, Math.round(len * (1 - compressibility))));
  for (let i = 0; i < raw; i += 4) {
    const r = rng.u32();
    out[i] = r & 0xff;
    if (i + 1 < raw) out[i + 1] = (r >>> 8) & 0xff;
    if (i + 2 < raw) out[i + 2] = (r >>> 16) & 0xff;
    if (i + 3 < raw) out[i + 3] = r >>> 24;
  }
  for (let i = raw; i < len; i++) out[i] = out[i - raw] as number;
}

/** Distinct value bytes a pool holds at most; past it, pool entries repeat (large values). */
export const POOL_BYTES_LIMIT = 256 * 1024 * 1024;

export function createValuePool(spec: ValueSizeSpec, compressibility: number, rng: Rng, count = DEFAULT_POOL_SIZE): Uint8Array[] {
  if (!Number.isInteger(count) || count < 1 || (count & (count - 1)) !== 0) {
    throw new RangeError(`value pool size must be a power of two, got ${count}`);
  }
  if (!(compressibility >= 0 && compressibility <= 1)) {
    throw new RangeError(`compressibility must be in [0, 1], got ${compressibility}`);
  }
  checkValueSize(spec);
  // 1024 values of 64 MiB would not fit in memory: keep fewer distinct ones and repeat them.
  let distinct = count;
  while (distinct > 1 && distinct * meanValueSize(spec) > POOL_BYTES_LIMIT) distinct >>>= 1;
  const sizeOf = createSizeSampler(spec, rng);
  // Each value gets its own buffer: the runner may write into one (ttl timestamps) and backends
  // may keep references to what was put.
  const values = Array.from({ length: distinct }, () => {
    const v = new Uint8Array(sizeOf());
    fillCompressible(v, compressibility, rng);
    return v;
  });
  return Array.from({ length: count }, (_, i) => values[i & (distinct - 1)] as Uint8Array);
}

/** The stream of a seed the value pool draws from (a cell's load, warm-up and run draw from others). */
const VALUES_STREAM = 1;

/**
 * The value pool of a seed: a run cell, a micro cell and statebench overhead all write from it,
 * so one seed, size and compressibility give the same bytes in each.
 */
export function seededValuePool(seed: number, spec: ValueSizeSpec, compressibility: number, count = DEFAULT_POOL_SIZE): Uint8Array[] {
  return createValuePool(spec, compressibility, createRng(seed).fork(VALUES_STREAM), count);
}
