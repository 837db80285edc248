// statebench durability flags -> the configurations to test and the round settings.

import { resolveBackendSpecs } from '../../backends/registry.js';
import { UsageError } from '../../core/errors.js';
import type { FlagSpec, FlagsOf } from '../../core/flags.js';
import { parseCount, parseFlagDuration } from '../../core/parse-values.js';
import { planConfigurations, type Configuration } from '../plan/configurations.js';
import { parseSets } from '../plan/knob-sets.js';
import { parseSeed } from '../plan/order.js';

/** The durability command's flags, declared once: its yargs options and DurabilityFlags come from here. */
export const DURABILITY_FLAGS = {
  backend: { shape: 'list', alias: 'b', describe: 'Backends to test (heap, lmdb, lsm); required' },
  set: { shape: 'list', describe: 'Knob values: backend.knob=value[,value...]; several values make several configurations' },
  rounds: { shape: 'scalar', describe: 'Kills per configuration (default 5)' },
  seed: { shape: 'scalar', describe: 'Seed of the kill moments (default 42)' },
  killWithin: { shape: 'scalar', describe: 'Each kill lands at a random moment between a tenth of this and this after the writer is ready (default 1s)' },
  checkpointInterval: { shape: 'scalar', describe: "Heap: how often the writer checkpoints, the heap's only persistence (default 250ms)" },
  valueSize: { shape: 'scalar', describe: 'Bytes per value (default 100, at least 24)' },
  dataDir: { shape: 'text', describe: 'Where the writers keep their data (a fresh subdirectory, removed at the end)' },
} as const satisfies Record<string, FlagSpec>;

export type DurabilityFlags = FlagsOf<typeof DURABILITY_FLAGS>;

export interface DurabilityOptions {
  /** Each backend x every combination of its --set values (the plan's configurations). */
  readonly configurations: readonly Configuration[];
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
  // Every configuration is checked before the first round; a backend must be able to run here.
  const { configurations } = await planConfigurations({ backends, axes: parseSets(f.set ?? []), requireAvailable: true });
  const valueSize = f.valueSize !== undefined ? parseCount('value-size', f.valueSize) : DURABILITY_DEFAULTS.valueSize;
  return {
    configurations,
    rounds: f.rounds !== undefined ? parseCount('rounds', f.rounds) : DURABILITY_DEFAULTS.rounds,
    seed: parseSeed(f.seed, DURABILITY_DEFAULTS.seed),
    killWithinMs: f.killWithin !== undefined ? parseFlagDuration('kill-within', f.killWithin) : DURABILITY_DEFAULTS.killWithinMs,
    checkpointIntervalMs:
      f.checkpointInterval !== undefined ? parseFlagDuration('checkpoint-interval', f.checkpointInterval) : DURABILITY_DEFAULTS.checkpointIntervalMs,
    valueSize: Math.max(valueSize, 24),
    dataDir: f.dataDir ?? null,
  };
}
