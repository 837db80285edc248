// The configurations of a command: each backend x every combination of its --set values, with
// the knobs resolved against the backend's schema and checked by the engine, before anything
// runs (a bad value exits 2 at once). run, micro, durability and tune all come through here.

import { backendNames, loadAllBackends, loadBackend } from '../../backends/registry.js';
import type { Backend, BackendDescription, KnobValue, ResolvedKnobs } from '../../backends/types.js';
import { UsageError } from '../../core/errors.js';
import { resolveKnobs, validateKnobSets } from '../../backends/resolve-knobs.js';
import { cartesian, type KnobAxes } from './knob-sets.js';

/** Knobs under every configuration of a backend, by backend: text as typed, or typed values (tune). */
export type BaseKnobs = Readonly<Record<string, Readonly<Record<string, string | KnobValue>>>>;

export interface Configuration {
  readonly backend: string;
  /** The knobs as set (--set), which tell configurations apart in cell ids. */
  readonly setKnobs: Readonly<Record<string, string>>;
  readonly knobs: ResolvedKnobs;
}

export interface ConfigurationRequest {
  /** Backend names, resolved (plugins loaded), in the order the cells take. */
  readonly backends: readonly string[];
  readonly axes: KnobAxes;
  readonly baseKnobs?: BaseKnobs;
  /** Refuse an unavailable backend (durability); otherwise its cells are skipped when they run. */
  readonly requireAvailable?: boolean;
}

export interface Configurations {
  readonly configurations: readonly Configuration[];
  readonly descriptions: ReadonlyMap<string, BackendDescription>;
}

/** The backends a command runs when none is named: every available one that is not a test double. */
export async function defaultBackends(): Promise<string[]> {
  const all = (await loadAllBackends()).map((b) => b.describe());
  return all.filter((d) => d.available && !d.testOnly).map((d) => d.name);
}

export async function planConfigurations(r: ConfigurationRequest): Promise<Configurations> {
  const backends = [...new Set(r.backends)];
  const descriptions = new Map<string, BackendDescription>();
  const loaded = new Map<string, Backend>();
  for (const name of backends) {
    const backend = await loadBackend(name);
    if (!backend) throw new UsageError(`--backend: unknown backend '${name}'; known: ${backendNames().join(', ')}`);
    const desc = backend.describe();
    if (r.requireAvailable && !desc.available) throw new UsageError(`--backend ${name}: unavailable (${desc.reason ?? 'no reason given'})`);
    descriptions.set(name, desc);
    loaded.set(name, backend);
  }
  for (const name of r.axes.keys()) {
    if (!backends.includes(name)) {
      throw new UsageError(`--set ${name}.…: backend '${name}' is not in this run's backends (${backends.join(', ')})`);
    }
  }
  const configurations: Configuration[] = [];
  for (const [name, desc] of descriptions) {
    for (const setKnobs of cartesian(r.axes.get(name) ?? [])) {
      // An unavailable backend has its knobs checked too (its schema is known without the engine).
      configurations.push({ backend: name, setKnobs, knobs: resolveKnobs(desc, { ...(r.baseKnobs?.[name] ?? {}), ...setKnobs }) });
    }
  }
  // What only the engine can check (an options string RocksDB cannot parse ...): before any cell.
  for (const [name, backend] of loaded) validateKnobSets(backend, name, configurations);
  return { configurations, descriptions };
}
