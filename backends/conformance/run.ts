// Runs the contract points against one backend: each point on fresh directories, removed after.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveKnobs } from '../resolve-knobs.js';
import type { Backend, BackendInstance } from '../types.js';
import { CONTRACT_POINTS, ContractFailure, type ContractPoint } from './points.js';

export interface ConformanceOptions {
  /** Knob overrides for the suite (a small cache, sync writes ...). */
  readonly knobs?: Record<string, string>;
  readonly keySize?: number;
}

export type ConformanceResult =
  | { readonly id: string; readonly title: string; readonly status: 'pass' }
  | { readonly id: string; readonly title: string; readonly status: 'skip'; readonly why: string }
  | { readonly id: string; readonly title: string; readonly status: 'fail'; readonly expected: string; readonly got: string };

export async function runContractPoint(backend: Backend, point: ContractPoint, options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const desc = backend.describe();
  const base = { id: point.id, title: point.title };
  if (point.appliesTo && !point.appliesTo(desc)) return { ...base, status: 'skip', why: `does not apply to ${desc.name}` };
  if (point.id !== 'available' && !desc.available) return { ...base, status: 'skip', why: `${desc.name} is unavailable` };
  const knobs = resolveKnobs(desc, options.knobs ?? {});
  const ctx = { keySize: options.keySize ?? 16, seed: 1 };
  const dirs: string[] = [];
  const open: BackendInstance[] = [];
  const fresh = async (dir?: string): Promise<{ db: BackendInstance; dir: string }> => {
    const d = dir ?? mkdtempSync(join(tmpdir(), `statebench-conf-${desc.name}-`));
    if (!dir) dirs.push(d);
    const db = await backend.open(d, knobs, ctx);
    open.push(db);
    return { db, dir: d };
  };
  try {
    await point.run({ desc, fresh });
    return { ...base, status: 'pass' };
  } catch (err) {
    if (err instanceof ContractFailure) return { ...base, status: 'fail', expected: err.expected, got: err.got };
    return { ...base, status: 'fail', expected: 'no error', got: `an error: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    for (const db of open) {
      try {
        await db.close();
      } catch {
        /* closed by the point itself */
      }
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

export async function runConformance(backend: Backend, options: ConformanceOptions = {}): Promise<ConformanceResult[]> {
  const out: ConformanceResult[] = [];
  for (const point of CONTRACT_POINTS) out.push(await runContractPoint(backend, point, options));
  return out;
}
