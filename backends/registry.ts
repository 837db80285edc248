// The backends statebench knows, listed explicitly. Modules load lazily so that a backend whose
// native part is missing cannot stop the others from working; such a backend describes itself
// as unavailable, with the reason.

import type { Backend } from './types.js';

const LOADERS: Record<string, () => Promise<Backend>> = {
  heap: async () => (await import('./heap/backend.js')).heapBackend,
  lmdb: async () => (await import('./lmdb/backend.js')).lmdbBackend,
  delay: async () => (await import('./delay/backend.js')).delayBackend,
  lsm: async () => (await import('./lsm/backend.js')).lsmBackend,
};

export function backendNames(): string[] {
  return Object.keys(LOADERS);
}

export async function loadBackend(name: string): Promise<Backend | undefined> {
  const load = LOADERS[name];
  return load ? load() : undefined;
}

export async function loadAllBackends(): Promise<Backend[]> {
  return Promise.all(Object.values(LOADERS).map((load) => load()));
}
