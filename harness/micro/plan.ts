// The cells of a micro run: backend x knob combination x repeat, each a child process.
// Knobs are checked here, before anything runs, so a bad --set exits 2 at once.

import { backendNames, loadAllBackends, loadBackend, resolveBackendSpecs } from '../../backends/registry.js';
import type { BackendDescription, ResolvedKnobs } from '../../backends/types.js';
import { UsageError } from '../../core/errors.js';
import { resolveKnobs, validateKnobSets } from '../../backends/resolve-knobs.js';
import { cartesian, parseSets } from '../run/sweep.js';
import type { MicroOptions } from './options.js';

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

async function chooseBackends(o: MicroOptions): Promise<BackendDescription[]> {
  if (o.backends === null) {
    const all = (await loadAllBackends()).map((b) => b.describe());
    return all.filter((d) => d.available && !d.testOnly);
  }
  const out: BackendDescription[] = [];
  for (const name of await resolveBackendSpecs(o.backends)) {
    const b = await loadBackend(name);
    if (!b) throw new UsageError(`--backend: unknown backend '${name}'; known: ${backendNames().join(', ')}`);
    out.push(b.describe());
  }
  return out;
}

export async function buildMicroPlan(o: MicroOptions): Promise<MicroPlan> {
  const descs = await chooseBackends(o);
  const descriptions = new Map(descs.map((d) => [d.name, d]));
  const sets = parseSets(o.sets);
  for (const name of sets.keys()) {
    if (!descriptions.has(name)) {
      throw new UsageError(`--set ${name}.…: backend '${name}' is not in this run's backends (${[...descriptions.keys()].join(', ')})`);
    }
  }
  const configs: { backend: string; label: string; knobs: ResolvedKnobs }[] = [];
  for (const d of descs) {
    for (const combo of cartesian(sets.get(d.name) ?? [])) {
      // An unavailable backend has its knobs checked too (its schema is known without the engine).
      const knobs = resolveKnobs(d, combo);
      const label = Object.entries(combo)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      configs.push({ backend: d.name, label, knobs });
    }
    // What only the engine can check (an options string RocksDB cannot parse ...): before any cell.
    validateKnobSets(await loadBackend(d.name), d.name, configs);
  }
  // Repeats interleaved (all configurations of repeat 0, then of repeat 1 ...), so drift over
  // the run spreads over every configuration rather than landing on one.
  const cells: MicroPlannedCell[] = [];
  for (let r = 0; r < o.repeat; r++) {
    for (const c of configs) {
      cells.push({
        id: `micro/${c.backend}${c.label ? `/${c.label}` : ''}/r${r}`,
        backend: c.backend,
        knobs: c.knobs,
        repeat: r,
        seed: o.seed,
      });
    }
  }
  return { backends: descs.map((d) => d.name), descriptions, cells };
}
