// statebench durability: every configuration for the same seeded kill moments, round by round,
// each round on a fresh data directory of the run's own (removed at the end). Not the cell loop
// (exec/execute-cells.ts): a round is two children in turn (a writer killed on purpose, then a
// checker) and yields a round, not a cell; there is nothing to skip, resume or stop at a boundary.

import { backendTraits, loadBackend } from '../../backends/registry.js';
import type { CrashNotes } from '../../backends/types.js';
import { createRng } from '../../core/rng.js';
import type { DurabilityClass } from '../../core/result/schema.js';
import { checkClass, type ClassCheck } from './class-check.js';
import { RunDataDir } from '../exec/data-dir.js';
import { crashNotes } from './crash-notes.js';
import type { Configuration } from '../plan/configurations.js';
import type { DurabilityOptions } from './options.js';
import { runRound, type RoundResult } from './round.js';

export interface ConfigurationResult {
  readonly backend: string;
  readonly knobs: Readonly<Record<string, string>>;
  readonly rounds: number;
  /** Summed over the rounds. */
  readonly acknowledged: number;
  readonly lost: number;
  readonly roundsWithLoss: number;
  readonly unacknowledgedPresent: number;
  readonly errors: number;
  readonly notes: CrashNotes;
  /** The class the backend claims for these knobs against the one the kills measured. */
  readonly durabilityClass: ClassCheck;
  readonly perRound: readonly RoundResult[];
}

export interface DurabilityResult {
  readonly seed: number;
  readonly killWithinMs: number;
  readonly heapCheckpointIntervalMs: number;
  readonly killMomentsMs: readonly number[];
  readonly configurations: readonly ConfigurationResult[];
}

const MAX_WRITES = 20_000_000;

export async function runDurability(o: DurabilityOptions, progress: (line: string) => void = () => undefined): Promise<DurabilityResult> {
  const rng = createRng(o.seed);
  const lo = o.killWithinMs / 10;
  const moments = Array.from({ length: o.rounds }, () => Math.round(lo + rng.next() * (o.killWithinMs - lo)));
  const data = new RunDataDir(o.dataDir);
  const configurations: ConfigurationResult[] = [];
  try {
    let n = 0;
    for (const c of o.configurations) {
      const claimed = (await loadBackend(c.backend))?.durabilityClass?.(c.knobs) ?? null;
      const perRound: RoundResult[] = [];
      for (const [r, killAfterMs] of moments.entries()) {
        const dir = data.cellDir(n++);
        const result = await runRound({
          backend: c.backend,
          knobs: c.knobs,
          dir,
          killAfterMs,
          keySize: 16,
          valueSize: o.valueSize,
          checkpointIntervalMs: backendTraits(c.backend)?.durableThroughCheckpoints ? o.checkpointIntervalMs : 0,
          maxInFlight: 64,
          maxWrites: MAX_WRITES,
          readyTimeoutMs: 30_000,
        });
        data.removeCell(dir);
        perRound.push(result);
        progress(
          `${label(c)} round ${r + 1}/${o.rounds}: killed after ${killAfterMs} ms, ${result.acknowledged} acknowledged, ${result.lost} lost${result.error ? ` (${result.error})` : ''}`,
        );
      }
      configurations.push(summarise(c, perRound, claimed));
    }
  } finally {
    data.removeAll();
  }
  return { seed: o.seed, killWithinMs: o.killWithinMs, heapCheckpointIntervalMs: o.checkpointIntervalMs, killMomentsMs: moments, configurations };
}

function summarise(c: Configuration, perRound: readonly RoundResult[], claimed: DurabilityClass | null): ConfigurationResult {
  const sum = (f: (r: RoundResult) => number): number => perRound.reduce((s, r) => s + f(r), 0);
  const tally = {
    rounds: perRound.length,
    acknowledged: sum((r) => r.acknowledged),
    lost: sum((r) => r.lost),
    roundsWithLoss: perRound.filter((r) => r.lost > 0).length,
    errors: perRound.filter((r) => r.error !== null).length,
  };
  return {
    backend: c.backend,
    knobs: { ...c.setKnobs },
    ...tally,
    unacknowledgedPresent: sum((r) => r.unacknowledgedPresent),
    notes: crashNotes(c.backend, c.knobs),
    durabilityClass: checkClass(claimed, tally),
    perRound,
  };
}

export function label(c: { backend: string; setKnobs?: Readonly<Record<string, string>>; knobs?: unknown }): string {
  const knobs = c.setKnobs ?? {};
  const k = Object.entries(knobs).map(([n, v]) => `${n}=${v}`).join(',');
  return `${c.backend}${k ? ` ${k}` : ' (defaults)'}`;
}
