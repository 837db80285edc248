// statebench flink-memory: a Flink configuration's TaskManager memory, derived as Flink derives it
// (core/flink/), printed as the TaskManager logs it at start-up, with what each slot's state
// backend gets; --json gives the fields of Flink's REST API for a TaskManager's memory.

import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { humanReadable } from '../../core/flink/memory-size.js';
import { taskExecutorLogLines } from '../../core/flink/startup-log.js';
import { stateBackendMemoryPerSlot, type StateBackendMemory } from '../../core/flink/state-backend-memory.js';
import { taskManagerMemory } from '../../core/flink/taskmanager-memory.js';
import { printJson, printLine } from '../output.js';

interface Args {
  flinkConf: string;
  json: boolean;
}

function stateBackendLines(s: StateBackendMemory): string[] {
  const slots = `${s.numberOfTaskSlots} slot${s.numberOfTaskSlots === 1 ? '' : 's'}`;
  const lines = [
    `Per slot (${slots}): task heap ${humanReadable(s.slot.taskHeap)}, managed ${humanReadable(s.slot.managedMemory)}, network ${humanReadable(s.slot.networkMemory)}, task off-heap ${humanReadable(s.slot.taskOffHeap)}`,
    `  heap state backend: bounded by the task heap, ${humanReadable(s.heap.taskHeap)}${s.numberOfTaskSlots > 1 ? `, shared by the ${slots}` : ''}`,
  ];
  const r = s.rocksdb;
  if (r === null) {
    lines.push('  RocksDB: not bounded (state.backend.rocksdb.memory.managed is false and no fixed size is set)');
  } else {
    const from = r.source === 'managed' ? "the slot's managed memory" : `state.backend.rocksdb.memory.${r.source}`;
    lines.push(
      `  RocksDB: ${humanReadable(r.budget)} ${r.scope === 'slot' ? 'per slot' : `for the TaskManager, shared by the ${slots}`}, from ${from}`,
      `    shared LRU block cache: ${humanReadable(r.blockCacheCapacity)}, high-priority pool ratio ${r.highPriorityPoolRatio}`,
      `    write buffer manager:   ${humanReadable(r.writeBufferManagerCapacity)} (write-buffer-ratio ${r.writeBufferRatio}), charged to the cache`,
    );
  }
  return lines;
}

export const flinkMemoryCommand: CommandModule<object, Args> = {
  command: 'flink-memory',
  describe: "A Flink configuration's TaskManager memory, derived as Flink does, and what each slot's state backend gets",
  builder: (y: Argv) =>
    y
      .option('flink-conf', {
        type: 'string',
        demandOption: true,
        describe: 'A Flink configuration: config.yaml (Flink 2.x, nested) or flink-conf.yaml (1.x, flat)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: "Print {memoryConfiguration (Flink's REST fields, bytes), numberOfTaskSlots, log, slot, stateBackend} on stdout",
      }) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    let text: string;
    try {
      text = readFileSync(argv.flinkConf, 'utf8');
    } catch (err) {
      throw new UsageError(`--flink-conf: cannot read ${argv.flinkConf} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let tm: ReturnType<typeof taskManagerMemory>;
    let stateBackend: StateBackendMemory;
    try {
      const conf = flattenFlinkConf(text);
      tm = taskManagerMemory(conf);
      stateBackend = stateBackendMemoryPerSlot(conf, tm);
    } catch (err) {
      if (err instanceof UsageError) throw new UsageError(`--flink-conf ${argv.flinkConf}: ${err.message}`);
      throw err;
    }
    if (argv.json) {
      const { numberOfTaskSlots, slot, ...backends } = stateBackend;
      printJson({ memoryConfiguration: tm.memoryConfiguration, numberOfTaskSlots, log: tm.log, slot, stateBackend: backends });
      return;
    }
    for (const line of taskExecutorLogLines(tm)) printLine(line);
    printLine('');
    for (const line of stateBackendLines(stateBackend)) printLine(line);
  },
};
