// What run and micro set up before their first cell: the run's own data directory, and the
// environment record (engines as their backends describe them, the clock, the data's file system),
// with a warning when the data would sit in memory.

import type { BackendDescription } from '../../backends/types.js';
import type { Environment } from '../../core/result/schema.js';
import { measureClock } from '../recorder/clock.js';
import { RunDataDir } from './data-dir.js';
import { collectEnvironment } from './environment.js';

export interface RunSetup {
  readonly data: RunDataDir;
  readonly environment: Environment;
  readonly warnings: readonly string[];
}

export function setUpRun(descriptions: ReadonlyMap<string, BackendDescription>, dataDirParent: string | null): RunSetup {
  const engines: Record<string, string | null> = {};
  for (const [name, d] of descriptions) engines[name] = d.version ? `${d.engine} ${d.version}` : d.engine;
  const data = new RunDataDir(dataDirParent);
  const environment = collectEnvironment({ engines, dataDir: data.root, clock: measureClock() });
  const warnings =
    environment.fsType === 'tmpfs'
      ? [`data directory ${data.root} is on tmpfs (memory): disk-backed engines will look faster than on a disk; use --data-dir`]
      : [];
  return { data, environment, warnings };
}
