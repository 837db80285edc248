// YCSB's own workload files (the property format of workloads/workloada and friends), read into
// a CoreWorkload definition. Stock files work unchanged: keys we do not use (table,
// measurementtype ...) are named in one warning line on the definition, never dropped silently.

import { basename } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { isTheta, THETA_ACCEPTED } from '../distributions/theta.js';
import type { ValueSizeSpec, WorkloadDefinition } from '../types.js';
import { ycsbCore, type YcsbOp } from './core.js';
import { parseProperties } from './properties.js';

/** YCSB's requestdistribution names and ours (its "zipfian" is the scrambled generator). */
const REQUEST_DISTRIBUTIONS: Record<string, string> = {
  uniform: 'uniform',
  zipfian: 'scrambled-zipfian',
  latest: 'latest',
  hotspot: 'hotspot',
  sequential: 'sequential',
  exponential: 'exponential',
};

const PROPORTIONS: Record<string, YcsbOp> = {
  readproportion: 'read',
  updateproportion: 'update',
  insertproportion: 'insert',
  scanproportion: 'scan',
  readmodifywriteproportion: 'read-modify-write',
};

/** CoreWorkload's defaults for the proportions (YCSB CoreWorkload.java). */
const DEFAULT_PROPORTIONS: Record<YcsbOp, number> = {
  read: 0.95,
  update: 0.05,
  insert: 0,
  scan: 0,
  'read-modify-write': 0,
};

const USED = new Set([
  'recordcount',
  'operationcount',
  ...Object.keys(PROPORTIONS),
  'requestdistribution',
  'zipfianconstant',
  'hotspotdatafraction',
  'hotspotopnfraction',
  'maxscanlength',
  'scanlengthdistribution',
  'fieldcount',
  'fieldlength',
  'fieldlengthdistribution',
  'insertorder',
  // Records are one value here: reads always read all of it, writes always write all of it.
  'readallfields',
  'writeallfields',
  'workload',
]);

/** The workload classes whose files describe CoreWorkload's mix. */
const CORE_WORKLOAD = /(^|\.)CoreWorkload$/;

export function parseYcsbPropertyFile(text: string, path: string): WorkloadDefinition {
  const props = parseProperties(text);
  const file = basename(path);
  const fail = (key: string, why: string): never => {
    throw new UsageError(`--workload ${path}: ${key}=${props.get(key) ?? ''}: ${why}`);
  };
  const num = (key: string, rule: { integer?: boolean; min?: number; max?: number } = {}): number | undefined => {
    const raw = props.get(key);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) fail(key, 'expected a number');
    if (rule.integer && !Number.isInteger(n)) fail(key, 'expected a whole number');
    if (rule.min !== undefined && n < rule.min) fail(key, `expected at least ${rule.min}`);
    if (rule.max !== undefined && n > rule.max) fail(key, `expected at most ${rule.max}`);
    return n;
  };
  const choice = <T extends string>(key: string, choices: readonly T[]): T | undefined => {
    const raw = props.get(key)?.trim();
    if (raw === undefined) return undefined;
    if (!(choices as readonly string[]).includes(raw)) fail(key, `expected one of ${choices.join(', ')}`);
    return raw as T;
  };

  const workloadClass = props.get('workload');
  if (workloadClass !== undefined && !CORE_WORKLOAD.test(workloadClass.trim())) {
    fail('workload', 'only CoreWorkload files are supported');
  }

  const proportions: Partial<Record<YcsbOp, number>> = {};
  for (const [key, op] of Object.entries(PROPORTIONS)) proportions[op] = num(key, { min: 0 }) ?? DEFAULT_PROPORTIONS[op];

  const requested = props.get('requestdistribution')?.trim() ?? 'uniform';
  const distribution = REQUEST_DISTRIBUTIONS[requested];
  if (distribution === undefined) fail('requestdistribution', `expected one of ${Object.keys(REQUEST_DISTRIBUTIONS).join(', ')}`);

  const theta = num('zipfianconstant');
  if (theta !== undefined && !isTheta(theta)) fail('zipfianconstant', `expected ${THETA_ACCEPTED}`);

  const fieldCount = num('fieldcount', { integer: true, min: 1 }) ?? 10;
  const fieldLength = num('fieldlength', { integer: true, min: 1 }) ?? 100;
  const lengths = choice('fieldlengthdistribution', ['constant', 'uniform', 'zipfian'] as const) ?? 'constant';
  // A record is one value of all its fields; per-field lengths become a record length law
  // (uniform and zipfian fields summed are approximated by that law over the record length).
  const valueSize: ValueSizeSpec =
    lengths === 'constant'
      ? { kind: 'constant', bytes: fieldCount * fieldLength }
      : { kind: lengths, min: fieldCount, max: fieldCount * fieldLength };

  const unsupported = [...props.keys()].filter((k) => !USED.has(k));
  const warnings =
    unsupported.length > 0 ? [`workload file ${file}: ignoring keys statebench does not support: ${unsupported.join(', ')}`] : [];
  const ops = num('operationcount', { integer: true, min: 0 });
  const records = num('recordcount', { integer: true, min: 1 });
  const maxScanLength = num('maxscanlength', { integer: true, min: 1, max: 0xffffffff });
  const hotsetFraction = num('hotspotdatafraction', { min: 0, max: 1 });
  const hotOpnFraction = num('hotspotopnfraction', { min: 0, max: 1 });
  const scanLengthDistribution = choice('scanlengthdistribution', ['uniform', 'zipfian'] as const);
  const insertOrder = choice('insertorder', ['hashed', 'ordered'] as const);

  const mix = Object.entries(proportions)
    .filter(([, w]) => (w ?? 0) > 0)
    .map(([op, w]) => `${op} ${Math.round((w as number) * 1000) / 10}%`)
    .join(', ');
  return ycsbCore({
    name: file,
    description: `YCSB workload file ${file}: ${mix}, ${requested}`,
    source: 'file',
    proportions,
    distribution: distribution as string,
    maxScanLength: maxScanLength ?? 1000,
    ...(scanLengthDistribution ? { scanLengthDistribution } : {}),
    ...(insertOrder ? { insertOrder } : {}),
    ...(hotsetFraction !== undefined ? { hotsetFraction } : {}),
    ...(hotOpnFraction !== undefined ? { hotOpnFraction } : {}),
    ...(records !== undefined ? { records } : {}),
    ...(theta !== undefined ? { theta } : {}),
    valueSize,
    warnings,
    ...(ops !== undefined ? { ops } : {}),
  });
}
