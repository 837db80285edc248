// YCSB's core workloads A-F (brianfrankcooper/YCSB workloads/workloada..f). YCSB's
// requestdistribution=zipfian is its ScrambledZipfianGenerator (hot keys spread over the key
// space), so that is the default here; --distribution zipfian gives the unscrambled curve.
// Records are YCSB's 10 fields of 100 bytes, stored as one 1000-byte value.

import type { WorkloadDefinition } from '../types.js';
import { ycsbCore } from './core.js';

const YCSB_VALUE = { kind: 'constant', bytes: 1000 } as const;
const common = { source: 'ycsb', valueSize: YCSB_VALUE } as const;

export const YCSB_BUILTINS: readonly WorkloadDefinition[] = [
  ycsbCore({
    ...common,
    name: 'ycsb-a',
    description: 'YCSB A, update heavy: 50% read, 50% update, zipfian (session store)',
    proportions: { read: 0.5, update: 0.5 },
    distribution: 'scrambled-zipfian',
  }),
  ycsbCore({
    ...common,
    name: 'ycsb-b',
    description: 'YCSB B, read mostly: 95% read, 5% update, zipfian (photo tagging)',
    proportions: { read: 0.95, update: 0.05 },
    distribution: 'scrambled-zipfian',
  }),
  ycsbCore({
    ...common,
    name: 'ycsb-c',
    description: 'YCSB C, read only: 100% read, zipfian (profile cache)',
    proportions: { read: 1 },
    distribution: 'scrambled-zipfian',
  }),
  ycsbCore({
    ...common,
    name: 'ycsb-d',
    description: 'YCSB D, read latest: 95% read, 5% insert, newest records hottest (status updates)',
    proportions: { read: 0.95, insert: 0.05 },
    distribution: 'latest',
  }),
  ycsbCore({
    ...common,
    name: 'ycsb-e',
    description: 'YCSB E, short ranges: 95% scan of 1..100 records, 5% insert, zipfian (threaded conversations)',
    proportions: { scan: 0.95, insert: 0.05 },
    distribution: 'scrambled-zipfian',
    maxScanLength: 100,
    scanLengthDistribution: 'uniform',
  }),
  ycsbCore({
    ...common,
    name: 'ycsb-f',
    description: 'YCSB F, read-modify-write: 50% read, 50% read-modify-write, zipfian (user database)',
    proportions: { read: 0.5, 'read-modify-write': 0.5 },
    distribution: 'scrambled-zipfian',
  }),
];
