// YCSB's CoreWorkload as a WorkloadDefinition: a load phase inserting `records` records, then a
// run phase mixing read, update, insert, scan and read-modify-write by their proportions. The
// built-ins ycsb-a..f, YCSB property files and custom JSON specs all come through here (a JSON
// spec may chain several run phases, each with its own mix and distribution).
//
// A key number (YCSB's keynum) becomes a key id either in order or hashed (insertorder=hashed,
// YCSB's default, which it does by hashing the key number into the key string); our hash is a
// bijection on 32 bits, so every key number keeps its own id and scans walk the hashed order.

import { UsageError } from '../../core/errors.js';
import { createKeyChooser, type KeyChooser } from '../distributions/index.js';
import { fmix32 } from '../distributions/hash.js';
import { chooserOptions } from '../distributions/settings.js';
import { ZipfianRanks } from '../distributions/zipfian.js';
import type { Rng } from '../../core/rng.js';
import { settingChoice, settingNumber } from '../settings.js';
import { liveKeys, opSource, WeightedChoice } from '../source.js';
import type { KeySpace, OperationKind, OpSource, ValueSizeSpec, WorkloadDefinition, WorkloadParams } from '../types.js';

export const YCSB_OPS = ['read', 'update', 'insert', 'scan', 'read-modify-write'] as const;
export type YcsbOp = (typeof YCSB_OPS)[number];
export type Proportions = Partial<Record<YcsbOp, number>>;

const KIND: Record<YcsbOp, OperationKind> = {
  read: { name: 'read', action: 'get', writes: false },
  update: { name: 'update', action: 'put', writes: true },
  insert: { name: 'insert', action: 'put', writes: true },
  scan: { name: 'scan', action: 'scan', writes: false },
  'read-modify-write': { name: 'read-modify-write', action: 'rmw', writes: true },
};

export interface RunPhaseSpec {
  readonly proportions: Proportions;
  /** This phase's distribution instead of the run's. */
  readonly distribution?: string;
  /** Operations in this phase; the last phase, or one without a count, runs to the end. */
  readonly ops?: number;
}

export interface YcsbCoreSpec {
  readonly name: string;
  readonly description: string;
  readonly source: WorkloadDefinition['source'];
  /** Proportions by operation (need not sum to 1; zero or missing: not used). */
  readonly proportions: Proportions;
  /** Run phases in order, instead of the single mix of `proportions`. */
  readonly phases?: readonly RunPhaseSpec[];
  readonly distribution: string;
  /** False: no load phase (the run starts on an empty store). */
  readonly load?: boolean;
  readonly maxScanLength?: number;
  readonly scanLengthDistribution?: 'uniform' | 'zipfian';
  readonly insertOrder?: 'hashed' | 'ordered';
  readonly hotsetFraction?: number;
  readonly hotOpnFraction?: number;
  readonly records?: number;
  readonly ops?: number;
  readonly valueSize?: ValueSizeSpec;
  readonly theta?: number;
  readonly compressibility?: number;
  readonly warnings?: readonly string[];
}

/** What an operation kind needs generated: a chosen key, a new key, or a chosen key and a length. */
const KEYED = 0;
const INSERT = 1;
const SCAN = 2;

export const INSERT_ORDERS = ['hashed', 'ordered'] as const;
const SCAN_LENGTH_DISTRIBUTIONS = ['uniform', 'zipfian'] as const;

function usedOps(p: Proportions): YcsbOp[] {
  return YCSB_OPS.filter((op) => (p[op] ?? 0) > 0);
}

export function ycsbCore(spec: YcsbCoreSpec): WorkloadDefinition {
  const phases: readonly RunPhaseSpec[] = spec.phases ?? [{ proportions: spec.proportions }];
  for (const ph of phases) {
    if (usedOps(ph.proportions).length === 0) throw new UsageError(`workload ${spec.name}: every operation proportion is zero`);
  }
  const used = new Set(phases.flatMap((ph) => usedOps(ph.proportions)));
  // The load phase inserts, so 'insert' is always a kind; the others only when a mix has them.
  const kinds: YcsbOp[] = YCSB_OPS.filter((op) => op === 'insert' || used.has(op));
  const operations = kinds.map((op) => KIND[op]);
  const hasScan = used.has('scan');

  const extraDefaults: Record<string, number | string | boolean> = {
    insertOrder: spec.insertOrder ?? 'hashed',
    hotsetFraction: spec.hotsetFraction ?? 0.2,
    hotOpnFraction: spec.hotOpnFraction ?? 0.8,
  };
  if (hasScan) {
    extraDefaults.maxScanLength = spec.maxScanLength ?? 100;
    extraDefaults.scanLengthDistribution = spec.scanLengthDistribution ?? 'uniform';
  }

  const settings = (p: WorkloadParams) => ({
    hashed: settingChoice(p.extra, 'insertOrder', INSERT_ORDERS) === 'hashed',
    maxScanLength: hasScan ? settingNumber(p.extra, 'maxScanLength', { integer: true, min: 1, max: 0xffffffff }) : 1,
    scanZipf: hasScan ? settingChoice(p.extra, 'scanLengthDistribution', SCAN_LENGTH_DISTRIBUTIONS) === 'zipfian' : false,
  });

  return {
    name: spec.name,
    description: spec.description,
    source: spec.source,
    operations,
    defaultDistribution: spec.distribution,
    extraDefaults,
    ...(spec.records !== undefined ? { defaultRecords: spec.records } : {}),
    ...(spec.ops !== undefined ? { defaultOps: spec.ops } : {}),
    ...(spec.valueSize !== undefined ? { defaultValueSize: spec.valueSize } : {}),
    ...(spec.theta !== undefined ? { defaultTheta: spec.theta } : {}),
    ...(spec.compressibility !== undefined ? { defaultCompressibility: spec.compressibility } : {}),
    ...(spec.warnings && spec.warnings.length > 0 ? { warnings: spec.warnings } : {}),
    validate(p: WorkloadParams): void {
      const s = settings(p);
      if (s.hashed && p.records > 0x1_0000_0000) {
        throw new UsageError(`--records ${p.records}: insertOrder=hashed supports up to 2^32 records; use --param insertOrder=ordered`);
      }
    },
    createLoad(p: WorkloadParams, _rng: Rng, space: KeySpace): OpSource | null {
      if (spec.load === false) return null;
      const { hashed } = settings(p);
      const insert = kinds.indexOf('insert');
      return opSource(p.records, (b, i) => {
        const keynum = space.inserted++;
        b.kind[i] = insert;
        b.key[i] = hashed ? fmix32(keynum) : keynum;
        b.ns[i] = 0;
        b.arg[i] = 0;
      });
    },
    createRun(p: WorkloadParams, rng: Rng, space: KeySpace, ops: number | null): OpSource {
      const s = settings(p);
      const scanRanks = s.scanZipf ? new ZipfianRanks(s.maxScanLength, 0.99, rng) : null;
      const { hashed, maxScanLength } = s;
      let phaseIndex = -1;
      let left = 0;
      let mix = startPhase();

      function startPhase() {
        phaseIndex++;
        const ph = phases[phaseIndex] as RunPhaseSpec;
        const last = phaseIndex === phases.length - 1 || ph.ops === undefined;
        left = last ? Infinity : (ph.ops as number);
        const runKinds = usedOps(ph.proportions);
        const weights = runKinds.map((op) => ph.proportions[op] as number);
        const insertShare = (ph.proportions.insert ?? 0) / weights.reduce((a, w) => a + w, 0);
        const count = liveKeys(space, p.records);
        if (space.inserted < count) space.inserted = count;
        const planned = ops === null ? Math.ceil(count / 4) : Math.ceil(2 * Math.min(ops, left) * insertShare);
        // YCSB sizes its scrambled key space for the inserts it expects.
        const options = chooserOptions(p, count + (insertShare > 0 ? planned : 0));
        const chooser: KeyChooser = createKeyChooser(ph.distribution ?? p.distribution, count, p.theta, rng, options);
        return {
          chooser,
          choice: runKinds.length > 1 ? new WeightedChoice(weights) : null,
          code: Uint8Array.from(runKinds, (op) => kinds.indexOf(op)),
          role: Uint8Array.from(runKinds, (op) => (op === 'insert' ? INSERT : op === 'scan' ? SCAN : KEYED)),
        };
      }

      return opSource(ops, (b, i) => {
        if (left <= 0) mix = startPhase();
        left--;
        // 32 random bits are plenty to pick an operation kind, and cost half of next().
        const c = mix.choice === null ? 0 : mix.choice.pick(rng.u32() * 2.3283064365386963e-10);
        const role = mix.role[c];
        let keynum: number;
        if (role === INSERT) {
          keynum = space.inserted++;
          mix.chooser.grow?.(space.inserted);
        } else {
          keynum = mix.chooser.next();
        }
        b.kind[i] = mix.code[c] as number;
        b.key[i] = hashed ? fmix32(keynum) : keynum;
        b.ns[i] = 0;
        b.arg[i] = role === SCAN ? (scanRanks ? 1 + scanRanks.next() : 1 + rng.int(maxScanLength)) : 0;
      });
    },
  };
}
