// The cells of a micro run: backend x knob combination x repeat, each a child process. The
// configurations come from the one planner (configurations.ts), so a bad --set exits 2 at once.

import { resolveBackendSpecs } from '../../backends/registry.js';
import type { BackendDescription, ResolvedKnobs } from '../../backends/types.js';
import { defaultBackends, planConfigurations } from './configurations.js';
import type { KnobAxes } from './knob-sets.js';

/** What the micro plan reads of the micro options. */
export interface MicroPlanInput {
  /** Backend names as given; null: every available, non-test backend. */
  readonly backends: readonly string[] | null;
  readonly axes: KnobAxes;
  readonly repeat: number;
  readonly seed: number;
}

export interface MicroPlannedCell {
  readonly id: string;
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly repeat: number;
  readonly seed: number;
}

export interface MicroPlan {
  readonly backends: readonly string[];
  readonly descriptions: ReadonlyMap<string, BackendDescription>;
  readonly cells: readonly MicroPlannedCell[];
}

export async function buildMicroPlan(o: MicroPlanInput): Promise<MicroPlan> {
  const { configurations, descriptions } = await planConfigurations({ backends: o.backends !== null ? await resolveBackendSpecs(o.backends) : await defaultBackends(), axes: o.axes });
  // Repeats interleaved (all configurations of repeat 0, then of repeat 1 ...), so drift over
  // the run spreads over every configuration rather than landing on one; every repeat on the
  // same seed (tinybench's tasks draw their keys from it).
  const cells: MicroPlannedCell[] = [];
  for (let r = 0; r < o.repeat; r++) {
    for (const c of configurations) {
      const label = Object.entries(c.setKnobs)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      cells.push({ id: `micro/${c.backend}${label ? `/${label}` : ''}/r${r}`, backend: c.backend, knobs: c.knobs, repeat: r, seed: o.seed });
    }
  }
  return { backends: [...descriptions.keys()], descriptions, cells };
}
