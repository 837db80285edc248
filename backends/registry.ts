// The backends statebench knows: the built-in ones, listed explicitly, and plugins
// (backends/plugins.ts) loaded by `--backend ./module.js` or `--backend package`. Modules load
// lazily so that a backend whose native part is missing cannot stop the others from working;
// such a backend describes itself as unavailable, with the reason.
//
// What the harness, the tuner and the reports ask of a backend besides running it (its traits:
// memory estimate, crash notes, tune space, chart colour ...) comes from here, synchronously: a
// built-in backend's traits.ts (light: no engine loaded), or a plugin this process loaded. No code
// outside backends/ needs to know a backend by its name.

import type { Backend, BackendTraits, EngineTraceReader, FlinkConfKnobs, KnobSpec } from './types.js';
import { loadedPlugin, loadPlugin, loadRegisteredPlugin, looksLikeModule, registeredPlugins } from './plugins.js';
import { DELAY_TRAITS } from './delay/traits.js';
import { HEAP_TRAITS } from './heap/traits.js';
import { LMDB_TRAITS } from './lmdb/traits.js';
import { LSM_TRAITS } from './lsm/traits.js';
import { DELAY_KNOBS } from './delay/knobs.js';
import { HEAP_KNOBS } from './heap/knobs.js';
import { LMDB_KNOBS } from './lmdb/knobs.js';
import { LSM_KNOBS } from './lsm/knobs.js';

const LOADERS: Record<string, () => Promise<Backend>> = {
  heap: async () => (await import('./heap/backend.js')).heapBackend,
  lmdb: async () => (await import('./lmdb/backend.js')).lmdbBackend,
  delay: async () => (await import('./delay/backend.js')).delayBackend,
  lsm: async () => (await import('./lsm/backend.js')).lsmBackend,
};

// In the order messages list them (tune searches lsm or lmdb).
const TRAITS: Record<string, BackendTraits> = { lsm: LSM_TRAITS, lmdb: LMDB_TRAITS, heap: HEAP_TRAITS, delay: DELAY_TRAITS };

/** Built-in backends in TRAITS order, then the plugins known. */
function namesWithTraits(): string[] {
  return [...Object.keys(TRAITS), ...Object.keys(registeredPlugins())];
}

/** What a backend answers besides running (BackendTraits): a built-in's, or a loaded plugin's; undefined for a name unknown here. */
export function backendTraits(name: string): BackendTraits | undefined {
  return TRAITS[name] ?? loadedPlugin(name);
}

const KNOBS: Record<string, readonly KnobSpec[]> = { lsm: LSM_KNOBS, lmdb: LMDB_KNOBS, heap: HEAP_KNOBS, delay: DELAY_KNOBS };

/** A backend's knobs as it describes them, without loading a built-in engine; empty for a name unknown here. */
export function knobSpecsOf(name: string): readonly KnobSpec[] {
  return KNOBS[name] ?? loadedPlugin(name)?.describe().knobs ?? [];
}

/** Backends known here (built-in, and plugins loaded) that `statebench tune` can search. */
export function tunableBackends(): string[] {
  return namesWithTraits().filter((n) => backendTraits(n)?.tuning !== undefined);
}

/** The backend that reads --flink-conf, with its reader, or null when none does. */
export function flinkConfReader(): { readonly backend: string; read(text: string): FlinkConfKnobs } | null {
  for (const name of namesWithTraits()) {
    const read = backendTraits(name)?.flinkConf;
    if (read) return { backend: name, read };
  }
  return null;
}

/** The backend whose engine trace format `path` is in, with its reader; null when none recognises it. */
export function engineTraceReader(path: string): { readonly backend: string; readonly reader: EngineTraceReader } | null {
  for (const name of namesWithTraits()) {
    const reader = backendTraits(name)?.engineTrace;
    if (reader?.recognises(path)) return { backend: name, reader };
  }
  return null;
}

/** Built-in backends, then the plugins loaded so far. */
export function backendNames(): string[] {
  return [...Object.keys(LOADERS), ...Object.keys(registeredPlugins())];
}

export async function loadBackend(name: string): Promise<Backend | undefined> {
  const load = LOADERS[name];
  return load ? load() : loadRegisteredPlugin(name);
}

export async function loadAllBackends(): Promise<Backend[]> {
  const plugins = await Promise.all(Object.keys(registeredPlugins()).map((n) => loadRegisteredPlugin(n)));
  return [...(await Promise.all(Object.values(LOADERS).map((load) => load()))), ...plugins.filter((b): b is Backend => b !== undefined)];
}

/**
 * --backend values as backend names: a built-in name stays; a path or a package name loads that
 * plugin (once per process) and becomes the name its backend describes itself with. Anything
 * else stays as given, for the caller's "unknown backend" message.
 */
export async function resolveBackendSpecs(specs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const spec of specs) {
    if (LOADERS[spec] || !looksLikeModule(spec)) out.push(spec);
    else out.push((await loadPlugin(spec, Object.keys(LOADERS))).name);
  }
  return out;
}
