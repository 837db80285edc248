// Reads a custom JSON workload spec into a definition; errors name the file and the field.

import { basename } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../../core/errors.js';
import type { ValueSizeSpec, WorkloadDefinition } from '../types.js';
import { checkValueSize, parseValueSize } from '../values.js';
import { ycsbCore, type Proportions } from '../ycsb/core.js';
import { WorkloadSpecSchema, type WorkloadSpec } from './schema.js';

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(top level)';
}

function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid spec';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${fieldPath(issue.path)}.` : '';
    return `${issue.keys.map((k) => where + k).join(', ')}: unknown field`;
  }
  return `${fieldPath(issue.path)}: ${issue.message}`;
}

function valueSizeOf(spec: WorkloadSpec, path: string): ValueSizeSpec | undefined {
  const v = spec.valueSize;
  if (v === undefined) return undefined;
  try {
    if (typeof v === 'number') return checkValueSize({ kind: 'constant', bytes: v }, 'valueSize');
    if (typeof v === 'string') return parseValueSize(v);
    return checkValueSize(v, 'valueSize');
  } catch (err) {
    throw new UsageError(`--workload ${path}: valueSize: ${(err as Error).message.replace(/^[^:]*: /, '')}`);
  }
}

function describeMix(m: Proportions): string {
  const total = Object.values(m).reduce((a: number, w) => a + (w ?? 0), 0);
  return Object.entries(m)
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([op, w]) => `${Math.round(((w as number) / total) * 1000) / 10}% ${op}`)
    .join(', ');
}

export function parseWorkloadSpec(text: string, path: string): WorkloadDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--workload ${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = WorkloadSpecSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--workload ${path}: ${firstIssue(parsed.error)}`);
  const spec = parsed.data;
  const name = spec.name ?? basename(path).replace(/\.json$/i, '');
  const phases = spec.phases?.map((ph) => ({
    proportions: ph.operations as Proportions,
    ...(ph.distribution ? { distribution: ph.distribution } : {}),
    ...(ph.ops !== undefined ? { ops: ph.ops } : {}),
  }));
  const distribution = spec.distribution ?? 'uniform';
  const summary = phases
    ? `${phases.length} phases: ${phases.map((ph) => describeMix(ph.proportions)).join(' | ')}`
    : describeMix(spec.operations as Proportions);
  const valueSize = valueSizeOf(spec, path);
  return ycsbCore({
    name,
    description: spec.description ?? `custom spec ${basename(path)}: ${summary}, ${distribution}`,
    source: 'custom',
    proportions: (spec.operations ?? {}) as Proportions,
    ...(phases ? { phases } : {}),
    distribution,
    ...(spec.load !== undefined ? { load: spec.load } : {}),
    ...(spec.scan?.maxLength !== undefined ? { maxScanLength: spec.scan.maxLength } : {}),
    ...(spec.scan?.lengthDistribution ? { scanLengthDistribution: spec.scan.lengthDistribution } : {}),
    ...(spec.insertOrder ? { insertOrder: spec.insertOrder } : {}),
    ...(spec.hotspot?.dataFraction !== undefined ? { hotsetFraction: spec.hotspot.dataFraction } : {}),
    ...(spec.hotspot?.opnFraction !== undefined ? { hotOpnFraction: spec.hotspot.opnFraction } : {}),
    ...(spec.records !== undefined ? { records: spec.records } : {}),
    ...(spec.ops !== undefined ? { ops: spec.ops } : {}),
    ...(valueSize ? { valueSize } : {}),
    ...(spec.theta !== undefined ? { theta: spec.theta } : {}),
    ...(spec.compressibility !== undefined ? { compressibility: spec.compressibility } : {}),
  });
}
