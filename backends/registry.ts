// The backends statebench knows: the built-in ones, listed explicitly, and plugins
// (backends/plugins.ts) loaded by `--backend ./module.js` or `--backend package`. Modules load
// lazily so that a backend whose native part is missing cannot stop the others from working;
// such a backend describes itself as unavailable, with the reason.

import type { Backend } from './types.js';
import { loadPlugin, loadRegisteredPlugin, looksLikeModule, registeredPlugins } from './plugins.js';

const LOADERS: Record<string, () => Promise<Backend>> = {
  heap: async () => (await import('./heap/backend.js')).heapBackend,
  lmdb: async () => (await import('./lmdb/backend.js')).lmdbBackend,
  delay: async () => (await import('./delay/backend.js')).delayBackend,
  lsm: async () => (await import('./lsm/backend.js')).lsmBackend,
};

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
