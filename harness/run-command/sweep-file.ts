// --sweep FILE: a knob matrix per backend, JSON or YAML, expanded like --set lists (the plan takes
// the cartesian product per backend):
//
//   lsm:
//     writeBufferSize: [4MiB, 64MiB]
//     maxBackgroundJobs: [2, 4]
//   lmdb:
//     noSync: [true, false]
//
// A scalar is a one-value axis. Values are typed as on the command line (units allowed). A
// top-level `records: [100k, 1M]` sweeps the state size, as --records 100k,1M does; `threads: [1, 2]`
// the worker threads per cell, as --threads 1,2 does.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../core/errors.js';

export interface SweepFile {
  /** The knob axes as --set values. */
  readonly sets: string[];
  /** The state sizes as --records takes them ("100k,1M"), or null when the file has none. */
  readonly records: string | null;
  /** The thread counts as --threads takes them ("1,2"), or null when the file has none. */
  readonly threads: string | null;
}

export function parseSweep(doc: unknown, name: string): SweepFile {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError(`--sweep ${name}: expected a mapping of backend -> knob -> values, e.g. {"lsm": {"writeBufferSize": ["4MiB", "64MiB"]}}`);
  }
  const { records, threads, ...backends } = doc as Record<string, unknown>;
  return {
    sets: sweepToSets(backends, name),
    records: records === undefined ? null : valuesText(records, name, 'records').join(','),
    threads: threads === undefined ? null : valuesText(threads, name, 'threads').join(','),
  };
}

function valuesText(raw: unknown, name: string, what: string): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw new UsageError(`--sweep ${name}: ${what} has no values`);
  return values.map((v) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new UsageError(`--sweep ${name}: ${what}: values must be strings, numbers or booleans`);
    }
    const s = String(v);
    if (s.includes(',')) throw new UsageError(`--sweep ${name}: ${what}: value '${s}' contains a comma; not supported in a sweep`);
    return s;
  });
}

export function sweepToSets(doc: unknown, name: string): string[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UsageError(`--sweep ${name}: expected a mapping of backend -> knob -> values, e.g. {"lsm": {"writeBufferSize": ["4MiB", "64MiB"]}}`);
  }
  const sets: string[] = [];
  for (const [backend, knobs] of Object.entries(doc as Record<string, unknown>)) {
    if (knobs === null || typeof knobs !== 'object' || Array.isArray(knobs)) {
      throw new UsageError(`--sweep ${name}: '${backend}' must map knob names to value lists`);
    }
    for (const [knob, raw] of Object.entries(knobs as Record<string, unknown>)) {
      sets.push(`${backend}.${knob}=${valuesText(raw, name, `${backend}.${knob}`).join(',')}`);
    }
  }
  return sets;
}

export function readSweepFile(path: string | undefined): SweepFile {
  if (path === undefined) return { sets: [], records: null, threads: null };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--sweep: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text); // YAML is a superset of JSON: one parser reads both
  } catch (err) {
    throw new UsageError(`--sweep ${path}: not valid JSON or YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return parseSweep(doc, path);
}
