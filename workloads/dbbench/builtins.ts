// db_bench's benchmarks (facebook/rocksdb tools/db_bench_tool.cc) as workloads. Those that read,
// overwrite or delete first load `records` keys in order (db_bench runs fillseq before them).
// Keys come from the distribution (db_bench's are uniform; fillseq and readseq sequential), so
// --distribution changes which keys, never which operations.

import type { OperationKind, WorkloadDefinition, WorkloadParams } from '../types.js';
import { createKeyChooser } from '../distributions/index.js';
import { chooserOptions } from '../distributions/settings.js';
import { settingNumber } from '../settings.js';
import { liveKeys, opSource } from '../source.js';
import { distinctWrites } from './distinct.js';

const INSERT: OperationKind = { name: 'insert', action: 'put', writes: true };
const WRITE: OperationKind = { name: 'write', action: 'put', writes: true };
const READ: OperationKind = { name: 'read', action: 'get', writes: false };

function loadInOrder(): WorkloadDefinition['createLoad'] {
  return (p, _rng, space) =>
    opSource(p.records, (b, i) => {
      b.kind[i] = 0;
      b.key[i] = space.inserted++;
      b.ns[i] = 0;
      b.arg[i] = 0;
    });
}

/** A workload of one operation kind on chosen keys, after an in-order load. */
function single(
  name: string,
  description: string,
  op: OperationKind,
  distribution: string,
  extra: { load: boolean },
): WorkloadDefinition {
  const operations = extra.load ? [INSERT, op] : [op];
  const kind = operations.length - 1;
  return {
    name,
    description,
    source: 'dbbench',
    operations,
    defaultDistribution: distribution,
    extraDefaults: {},
    createLoad: extra.load ? loadInOrder() : () => null,
    createRun(p, rng, space, ops) {
      const count = extra.load ? liveKeys(space, p.records) : p.records;
      const keys = createKeyChooser(p.distribution, count, p.theta, rng, chooserOptions(p));
      // Fills without a load count the distinct keys they write, for space accounting.
      const track = extra.load ? null : distinctWrites(space, count);
      return opSource(ops, (b, i) => {
        const k = keys.next();
        if (track) track(k);
        b.kind[i] = kind;
        b.key[i] = k;
        b.ns[i] = 0;
        b.arg[i] = 0;
      });
    },
  };
}

const scanLength = (p: WorkloadParams): number => settingNumber(p.extra, 'scanLength', { integer: true, min: 1, max: 0xffffffff });
const seekNexts = (p: WorkloadParams): number => settingNumber(p.extra, 'seekNexts', { integer: true, min: 0, max: 0xfffffffe });
const writeRatio = (p: WorkloadParams): number => settingNumber(p.extra, 'writeRatio', { min: 0, max: 1 });

/**
 * readseq: db_bench walks the whole database with one iterator, one Next() per op. Here one op
 * is a scan of `scanLength` entries starting at a block boundary; the distribution chooses the
 * block (sequential by default: the blocks in order, wrapping), so entries/s = ops/s x scanLength.
 */
const readseq: WorkloadDefinition = {
  name: 'readseq',
  description: 'db_bench readseq: in-order scans of scanLength entries over the loaded keys',
  source: 'dbbench',
  operations: [INSERT, { name: 'scan', action: 'scan', writes: false }],
  defaultDistribution: 'sequential',
  extraDefaults: { scanLength: 100 },
  validate: (p) => void scanLength(p),
  createLoad: loadInOrder(),
  createRun(p, rng, space, ops) {
    const len = scanLength(p);
    const blocks = Math.ceil(liveKeys(space, p.records) / len);
    const keys = createKeyChooser(p.distribution, blocks, p.theta, rng, chooserOptions(p));
    return opSource(ops, (b, i) => {
      b.kind[i] = 1;
      b.key[i] = keys.next() * len;
      b.ns[i] = 0;
      b.arg[i] = len;
    });
  },
};

/** seekrandom: a seek to a random key then `seekNexts` Next() calls (db_bench's seek_nexts, default 0). */
const seekrandom: WorkloadDefinition = {
  name: 'seekrandom',
  description: 'db_bench seekrandom: seek to a random key and read 1 + seekNexts entries',
  source: 'dbbench',
  operations: [INSERT, { name: 'seek', action: 'scan', writes: false }],
  defaultDistribution: 'uniform',
  extraDefaults: { seekNexts: 0 },
  validate: (p) => void seekNexts(p),
  createLoad: loadInOrder(),
  createRun(p, rng, space, ops) {
    const len = 1 + seekNexts(p);
    const keys = createKeyChooser(p.distribution, liveKeys(space, p.records), p.theta, rng, chooserOptions(p));
    return opSource(ops, (b, i) => {
      b.kind[i] = 1;
      b.key[i] = keys.next();
      b.ns[i] = 0;
      b.arg[i] = len;
    });
  },
};

/**
 * readwhilewriting: db_bench runs reader threads beside one writer thread. The runner is one
 * thread, so the writer becomes a share of the ops: `writeRatio` of them are writes, interleaved
 * at random among the reads. The default 0.5 matches db_bench's defaults (--threads=1: one
 * reader beside one unthrottled writer, and a random write costs about what a random read does,
 * so they run about one for one); lower it to model many readers or a rate-limited writer
 * (--benchmark_write_rate_limit), e.g. 0.03 for 32 readers beside one writer.
 */
const readwhilewriting: WorkloadDefinition = {
  name: 'readwhilewriting',
  description: 'db_bench readwhilewriting: random reads with random overwrites interleaved (writeRatio of the ops)',
  source: 'dbbench',
  operations: [INSERT, READ, WRITE],
  defaultDistribution: 'uniform',
  extraDefaults: { writeRatio: 0.5 },
  validate: (p) => void writeRatio(p),
  createLoad: loadInOrder(),
  createRun(p, rng, space, ops) {
    const ratio = writeRatio(p);
    const count = liveKeys(space, p.records);
    const readKeys = createKeyChooser(p.distribution, count, p.theta, rng, chooserOptions(p));
    // db_bench's writer draws its own keys, uniformly over the key range.
    const writeKeys = createKeyChooser(p.distribution, count, p.theta, rng.fork(1), chooserOptions(p));
    return opSource(ops, (b, i) => {
      const write = rng.next() < ratio;
      b.kind[i] = write ? 2 : 1;
      b.key[i] = write ? writeKeys.next() : readKeys.next();
      b.ns[i] = 0;
      b.arg[i] = 0;
    });
  },
};

export const DBBENCH_BUILTINS: readonly WorkloadDefinition[] = [
  single('fillseq', 'db_bench fillseq: write keys in ascending order into an empty store (wrapping at --records)', WRITE, 'sequential', { load: false }),
  single('fillrandom', 'db_bench fillrandom: write random keys of the --records key range into an empty store', WRITE, 'uniform', { load: false }),
  single('overwrite', 'db_bench overwrite: overwrite random existing keys', { name: 'update', action: 'put', writes: true }, 'uniform', {
    load: true,
  }),
  single('readrandom', 'db_bench readrandom: point reads of random existing keys', READ, 'uniform', { load: true }),
  readseq,
  seekrandom,
  single('deleterandom', 'db_bench deleterandom: delete random existing keys', { name: 'delete', action: 'delete', writes: true }, 'uniform', {
    load: true,
  }),
  readwhilewriting,
];
