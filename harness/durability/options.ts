// statebench durability flags -> the configurations to test and the round settings.

import { loadBackend, resolveBackendSpecs } from '../../backends/registry.js';
import type { ResolvedKnobs } from '../../backends/types.js';
import { UsageError } from '../../core/errors.js';
import { parseCount, parseFlagDuration, parseNumber } from '../../core/parse-values.js';
import { resolveKnobs, validateKnobSets } from '../../backends/resolve-knobs.js';
import { cartesian, parseSets } from '../run/sweep.js';

export interface DurabilityFlags {
  backend?: string[];
  set?: string[];
  rounds?: string | number;
  seed?: string | number;
  killWithin?: string | number;
  checkpointInterval?: string | number;
  valueSize?: string | number;
  dataDir?: string;
}

export interface DurabilityConfiguration {
  readonly backend: string;
  /** The knobs as set (--set), which tell configurations apart. */
  readonly setKnobs: Readonly<Record<string, string>>;
  readonly knobs: ResolvedKnobs;
}

export interface DurabilityOptions {
  readonly configurations: readonly DurabilityConfiguration[];
  readonly rounds: number;
  readonly seed: number;
  /** Each round's kill lands uniformly in [killWithinMs / 10, killWithinMs] after the writer is ready. */
  readonly killWithinMs: number;
  /** Heap: the writer checkpoints this often (the heap's only persistence). */
  readonly checkpointIntervalMs: number;
  readonly valueSize: number;
  readonly dataDir: string | null;
}

export const DURABILITY_DEFAULTS = { rounds: 5, seed: 42, killWithinMs: 1000, checkpointIntervalMs: 250, valueSize: 100 } as const;

export async function resolveDurabilityOptions(f: DurabilityFlags): Promise<DurabilityOptions> {
  const backends = await resolveBackendSpecs((f.backend ?? []).flatMap((b) => b.split(',')).map((b) => b.trim()).filter((b) => b !== ''));
  if (backends.length === 0) throw new UsageError('--backend: required; name one or more backends (heap, lmdb, lsm)');
  const axes = parseSets(f.set ?? []);
  for (const name of axes.keys()) {
    if (!backends.includes(name)) throw new UsageError(`--set ${name}.…: backend '${name}' is not among --backend (${backends.join(', ')})`);
  }
  const configurations: DurabilityConfiguration[] = [];
  for (const name of [...new Set(backends)]) {
    const backend = await loadBackend(name);
    if (!backend) throw new UsageError(`--backend: unknown backend '${name}'`);
    const desc = backend.describe();
    if (!desc.available) throw new UsageError(`--backend ${name}: unavailable (${desc.reason ?? 'no reason given'})`);
    for (const setKnobs of cartesian(axes.get(name) ?? [])) {
      configurations.push({ backend: name, setKnobs, knobs: resolveKnobs(desc, setKnobs) });
    }
    // What only the engine can check (an options string RocksDB cannot parse ...): before any round.
    validateKnobSets(backend, name, configurations);
  }
  const valueSize = f.valueSize !== undefined ? parseCount('value-size', f.valueSize) : DURABILITY_DEFAULTS.valueSize;
  return {
    configurations,
    rounds: f.rounds !== undefined ? parseCount('rounds', f.rounds) : DURABILITY_DEFAULTS.rounds,
    seed: f.seed !== undefined ? parseNumber('seed', f.seed, { min: -2147483648, max: 2147483647 }) | 0 : DURABILITY_DEFAULTS.seed,
    killWithinMs: f.killWithin !== undefined ? parseFlagDuration('kill-within', f.killWithin) : DURABILITY_DEFAULTS.killWithinMs,
    checkpointIntervalMs:
      f.checkpointInterval !== undefined ? parseFlagDuration('checkpoint-interval', f.checkpointInterval) : DURABILITY_DEFAULTS.checkpointIntervalMs,
    valueSize: Math.max(valueSize, 24),
    dataDir: f.dataDir ?? null,
  };
}
