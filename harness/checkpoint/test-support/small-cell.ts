// A small cell spec for tests that run cells in this process.
import { loadBackend } from '../../../backends/registry.js';
import { resolveKnobs } from '../../../backends/resolve-knobs.js';
import type { CellSpec } from '../../cell/spec.js';
import { tempDir } from '../../../core/test-support/temp-dir.js';

export async function smallCell(backend: string, workload: string, extra: Partial<CellSpec> & { set?: Record<string, string> } = {}): Promise<CellSpec> {
  const b = await loadBackend(backend);
  if (!b) throw new Error(`no backend ${backend}`);
  const { set, ...rest } = extra;
  return {
    id: `${backend}/${workload}#0`,
    backend,
    knobs: resolveKnobs(b.describe(), set ?? {}),
    setKnobs: set ?? {},
    workload,
    workloadParams: { records: 2000 },
    ops: null,
    durationMs: 600,
    warmupOps: null,
    warmupMs: null,
    keySize: 16,
    targetRate: null,
    intervalMs: 100,
    seed: 7,
    repeat: 0,
    dataDir: tempDir(`sb-${backend}-`),
    sampleEvery: null,
    maxInFlight: null,
    ...rest,
  };
}
