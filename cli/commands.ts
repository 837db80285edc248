// Every CLI command, listed explicitly: one file per command in ./commands/.
import type { CommandModule } from 'yargs';
import { backendsCommand } from './commands/backends.js';
import { calibrateCommand } from './commands/calibrate.js';
import { compareCommand } from './commands/compare.js';
import { keysCommand } from './commands/keys.js';
import { microCommand } from './commands/micro.js';
import { overheadCommand } from './commands/overhead.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { workloadsCommand } from './commands/workloads.js';
import { tuneCommand } from './commands/tune.js';
import { mergeCommand } from './commands/merge.js';
import { durabilityCommand } from './commands/durability.js';
import { conformanceCommand } from './commands/conformance.js';
import { flinkMemoryCommand } from './commands/flink-memory.js';
import { historyCommand } from './commands/history.js';
import { traceCommand } from './commands/trace.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: readonly CommandModule<any, any>[] = [
  runCommand,
  backendsCommand,
  workloadsCommand,
  overheadCommand,
  microCommand,
  keysCommand,
  reportCommand,
  compareCommand,
  calibrateCommand,
  tuneCommand,
  mergeCommand,
  durabilityCommand,
  conformanceCommand,
  flinkMemoryCommand,
  historyCommand,
  traceCommand,
];
