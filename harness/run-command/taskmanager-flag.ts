// --taskmanager-memory SIZE[,SIZE...], and a --flink-conf file's own TaskManager sizes: the
// emulated Flink TaskManagers a run's cells run in (two or more sizes are a sweep axis) (docs/taskmanager.md, "Running inside a TaskManager"), derived
// as Flink derives it (core/flink). The flag is taskmanager.memory.process.size and wins over the
// file's process or Flink size; the file's other taskmanager.memory.* keys and
// taskmanager.numberOfTaskSlots apply either way.

import { UsageError } from '../../core/errors.js';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { FLINK_MEMORY_SIZE, humanReadable, parseFlinkMemorySize } from '../../core/flink/memory-size.js';
import { stateBackendMemoryPerSlot } from '../../core/flink/state-backend-memory.js';
import { taskManagerMemory } from '../../core/flink/taskmanager-memory.js';
import type { TaskManagerModel } from '../plan/taskmanager.js';
import type { KnobAxes } from '../plan/knob-sets.js';
import { backendTraits } from '../../backends/registry.js';

const PROCESS_SIZE = 'taskmanager.memory.process.size';
const FLINK_SIZE = 'taskmanager.memory.flink.size';
const MANAGED_SIZE = 'taskmanager.memory.managed.size';

/** The file sizes a TaskManager (Flink's three ways: process size, Flink size, or task heap and managed size). */
function sizesTaskManager(conf: ReadonlyMap<string, string>): boolean {
  return conf.has(PROCESS_SIZE) || conf.has(FLINK_SIZE) || (conf.has('taskmanager.memory.task.heap.size') && conf.has(MANAGED_SIZE));
}

/** Flink's stock TaskManager (its shipped configuration's taskmanager.memory.process.size): a run's TaskManager when nothing sizes one. */
export const STOCK_TASKMANAGER = '1728m';

/** --taskmanager-memory none: no TaskManager, each engine with its own memory defaults. */
const NONE = 'none';

/**
 * The TaskManagers of --taskmanager-memory (one size or a list: ascending, duplicates dropped) and
 * the --flink-conf file's text; the file's own when the flag is absent; when neither sizes one,
 * Flink's stock TaskManager if `stockByDefault` (--semantics flink), else none. `none`: none.
 */
export function resolveTaskManagers(flag: string | undefined, confText: string | null, source: string | undefined, stockByDefault: boolean): TaskManagerModel[] {
  if (flag?.trim().toLowerCase() === NONE) return [];
  if (flag === undefined) {
    const tm = resolveTaskManager(undefined, confText, source) ?? (stockByDefault ? resolveTaskManager(STOCK_TASKMANAGER, confText, source) : null);
    return tm ? [tm] : [];
  }
  const sizes = flag.split(',').map((s) => s.trim());
  if (sizes.some((s) => s.toLowerCase() === NONE)) throw new UsageError(`--taskmanager-memory: '${flag}' mixes none with sizes; none stands alone (no TaskManager), a list takes sizes only (1728m,4g); compare with a run of its own under --taskmanager-memory none`);
  if (sizes.some((s) => s === '')) throw new UsageError(`--taskmanager-memory: '${flag}' is not valid; expected ${FLINK_MEMORY_SIZE}, a list of them (1728m,4g), or none`);
  const byBytes = new Map<number, TaskManagerModel>();
  for (const size of sizes) {
    const tm = resolveTaskManager(size, confText, source) as TaskManagerModel;
    if (!byBytes.has(tm.processBytes)) byBytes.set(tm.processBytes, tm);
  }
  return [...byBytes.values()].sort((a, b) => a.processBytes - b.processBytes);
}

/**
 * The TaskManager of one --taskmanager-memory size (`flag`) and the --flink-conf file's text (`confText`),
 * or null when neither sizes one. `source` names the file in errors.
 */
function resolveTaskManager(flag: string | undefined, confText: string | null, source: string | undefined): TaskManagerModel | null {
  const conf = flattenFlinkConf(confText ?? '');
  let from = `--flink-conf ${source ?? ''}`;
  if (flag !== undefined) {
    const text = flag.trim();
    if (parseFlinkMemorySize(text) === null) throw new UsageError(`--taskmanager-memory: '${flag}' is not valid; expected ${FLINK_MEMORY_SIZE}, the TaskManager's process size (taskmanager.memory.process.size), or none`);
    conf.set(PROCESS_SIZE, text);
    // Flink takes the Flink size before the process size: the flag is the process size, so it goes.
    conf.delete(FLINK_SIZE);
    from = '--taskmanager-memory';
  } else if (!sizesTaskManager(conf)) {
    return null;
  }
  try {
    const tm = taskManagerMemory(conf);
    const memory = stateBackendMemoryPerSlot(conf, tm);
    const processBytes = tm.memoryConfiguration.totalProcessMemory;
    const given = conf.get(PROCESS_SIZE)?.trim();
    return { processSize: given !== undefined && conf.get(FLINK_SIZE) === undefined ? given : humanReadable(processBytes).split(' ')[0] as string, processBytes, slots: tm.numberOfTaskSlots, memory };
  } catch (err) {
    throw new UsageError(`${from}: ${(err as Error).message}`);
  }
}

/**
 * The Flink configuration the backend that reads one (BackendTraits.flinkConf) is given inside the
 * TaskManager: the file as written, with the TaskManager's managed memory when the file does not
 * size it, so that Flink's memory arithmetic bounds that backend by its slot's managed memory.
 */
export function withManagedMemory(confText: string | null, tm: TaskManagerModel): string {
  const text = confText ?? '';
  const conf = flattenFlinkConf(text);
  const lines: string[] = [];
  if (!conf.has(MANAGED_SIZE)) lines.push(`${MANAGED_SIZE}: ${tm.memory.slot.managedMemory * tm.slots}`);
  if (!conf.has('taskmanager.numberOfTaskSlots')) lines.push(`taskmanager.numberOfTaskSlots: ${tm.slots}`);
  return lines.length === 0 ? text : `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`;
}

/**
 * Refuses a --set or --sweep of a knob a TaskManager's bound sizes in its place (lsm.blockCacheSize
 * under a slot's managed memory): Flink ignores such a size and warns; here the user hears it
 * before any cell runs, rather than measure a knob that did nothing.
 */
export function refuseKnobsTheBoundSizes(axes: KnobAxes, taskManagers: readonly TaskManagerModel[], sweepFile: string | undefined, setFlags: readonly string[]): void {
  const tm = taskManagers[0];
  if (tm === undefined) return;
  for (const [backend, list] of axes) {
    const traits = backendTraits(backend);
    const sized = new Set((traits?.sizedByTaskManagerBound ?? []).map((k) => k.toLowerCase()));
    const knob = list.find((a) => sized.has(a.knob.toLowerCase()))?.knob;
    if (knob === undefined || !taskManagers.some((t) => traits?.taskManagerBound?.(t.memory))) continue;
    const name = `${backend}.${knob}`;
    // The flag that set it: --set wins over the --sweep file (parseSets keeps the later).
    const flag = sweepFile !== undefined && !setFlags.some((s) => s.trim().toLowerCase().startsWith(`${name.toLowerCase()}=`)) ? `--sweep ${sweepFile}` : '--set';
    throw new UsageError(
      `${flag} ${name}: the run is inside a ${tm.processSize} TaskManager, whose managed memory sizes ${backend}'s cache and write buffers in its place (as Flink ignores a block cache size when memory is managed); give --taskmanager-memory none to set it yourself`,
    );
  }
}
