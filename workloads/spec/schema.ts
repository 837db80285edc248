// The custom workload spec (`--workload my-mix.json`), checked with zod. Unknown fields are
// errors, so a typo never silently falls back to a default.
//
// {
//   "name": "my-mix", "description": "...",
//   "records": 100000, "ops": 1000000,
//   "operations": { "read": 0.7, "update": 0.2, "insert": 0.05, "scan": 0.05 },
//   "distribution": "zipfian", "theta": 0.99,
//   "valueSize": "uniform:100-1000", "compressibility": 0.5,
//   "scan": { "maxLength": 100, "lengthDistribution": "uniform" },
//   "hotspot": { "dataFraction": 0.2, "opnFraction": 0.8 },
//   "insertOrder": "ordered", "load": true,
//   "phases": [ { "ops": 50000, "operations": { "insert": 1 } }, { "operations": { "read": 1 }, "distribution": "latest" } ]
// }

import { z } from 'zod';
import { DISTRIBUTIONS } from '../distributions/index.js';
import { isTheta, THETA_ACCEPTED } from '../distributions/theta.js';

const fraction = z.number().min(0).max(1);

export const MixSchema = z
  .strictObject({
    read: z.number().min(0).optional(),
    update: z.number().min(0).optional(),
    insert: z.number().min(0).optional(),
    scan: z.number().min(0).optional(),
    'read-modify-write': z.number().min(0).optional(),
  })
  .refine((m) => Object.values(m).some((w) => (w ?? 0) > 0), { message: 'needs at least one operation with a positive proportion' });

const ValueSizeObject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), bytes: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('uniform'), min: z.number().int().min(1), max: z.number().int().min(1) }),
  z.strictObject({ kind: z.literal('zipfian'), min: z.number().int().min(1), max: z.number().int().min(1) }),
  z.strictObject({
    kind: z.literal('histogram'),
    buckets: z.array(z.strictObject({ bytes: z.number().int().min(1), weight: z.number().positive() })).min(1),
  }),
]);

export const PhaseSchema = z.strictObject({
  name: z.string().optional(),
  ops: z.number().int().min(1).optional(),
  operations: MixSchema,
  distribution: z.enum(DISTRIBUTIONS).optional(),
});

export const WorkloadSpecSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore').optional(),
    description: z.string().optional(),
    records: z.number().int().min(1).max(0x1_0000_0000).optional(),
    ops: z.number().int().min(1).optional(),
    operations: MixSchema.optional(),
    phases: z.array(PhaseSchema).min(1).optional(),
    distribution: z.enum(DISTRIBUTIONS).optional(),
    theta: z.number().refine(isTheta, `expected ${THETA_ACCEPTED}`).optional(),
    valueSize: z.union([z.string(), z.number().int().min(1), ValueSizeObject]).optional(),
    compressibility: fraction.optional(),
    scan: z
      .strictObject({
        maxLength: z.number().int().min(1).max(0xffffffff).optional(),
        lengthDistribution: z.enum(['uniform', 'zipfian']).optional(),
      })
      .optional(),
    hotspot: z.strictObject({ dataFraction: fraction.optional(), opnFraction: fraction.optional() }).optional(),
    insertOrder: z.enum(['hashed', 'ordered']).optional(),
    load: z.boolean().optional(),
  })
  .refine((s) => (s.operations === undefined) !== (s.phases === undefined), {
    message: 'give either "operations" (one mix) or "phases" (a list of mixes), exactly one of them',
  });

export type WorkloadSpec = z.infer<typeof WorkloadSpecSchema>;
