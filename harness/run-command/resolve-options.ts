// From the run command's flags (and --config file) to ResolvedRunOptions, checking each value
// and naming the flag when one is wrong.

import { convertEngineTraces } from './engine-traces.js';
import { prepareOutDir } from '../exec/out-dir.js';
import { resolve as resolvePath } from 'node:path';
import { readFileSync } from 'node:fs';
import { flinkConfReader, resolveBackendSpecs } from '../../backends/registry.js';
import type { FlinkConfKnobs } from '../../backends/types.js';
import { UsageError } from '../../core/errors.js';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { parseCount, parseFlagDuration, parseNumber, parseWarmup } from '../../core/parse-values.js';
import { QUICK_PRESET, type ResolvedRunOptions } from '../plan/run-options.js';
import { defaultBackends } from '../plan/configurations.js';
import { parseSets } from '../plan/knob-sets.js';
import { parseSeed } from '../plan/order.js';
import { readSweepFile } from './sweep-file.js';
import { refuseKnobsTheBoundSizes, resolveTaskManagers, withManagedMemory } from './taskmanager-flag.js';
import type { TaskManagerModel } from '../plan/taskmanager.js';
import { resolveTuningFlags, RunConfigSchema, type RunFlags } from './run-flags.js';
import { parseSemantics, withSemantics } from '../plan/semantics.js';
import { cellHeapLimitMiB } from '../exec/heap-limit.js';
import { checkTheta } from '../../workloads/distributions/theta.js';

export function readRunConfig(path: string): Partial<RunFlags> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--config: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--config ${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = RunConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || (issue && 'keys' in issue ? (issue.keys as string[]).join(', ') : '');
    throw new UsageError(`--config ${path}: ${field ? `field '${field}': ` : ''}${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as Partial<RunFlags>;
}

/** Flags override the config file. */
export function mergeConfig(flags: RunFlags): RunFlags {
  if (!flags.config) return flags;
  const fromFile = readRunConfig(flags.config);
  const merged: Record<string, unknown> = { ...fromFile };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) merged[k] = v;
  return merged as RunFlags;
}

function parseParams(list: readonly string[]): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const raw of list) {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=(.+)$/.exec(raw.trim());
    if (!m) throw new UsageError(`--param '${raw}': expected name=value, e.g. --param scanLength=50`);
    const [, name, value] = m as unknown as [string, string, string];
    out[name] = value === 'true' ? true : value === 'false' ? false : Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}

/**
 * `confChanges`: Flink configuration keys set on top of the --flink-conf file (or of an empty one),
 * as if written there: tune's other TaskManagers (a managed fraction) derived exactly as the run's.
 */
export async function resolveRunOptions(input: RunFlags, confChanges: Readonly<Record<string, string>> = {}): Promise<ResolvedRunOptions> {
  const f = mergeConfig(input);
  cellHeapLimitMiB(); // a bad STATEBENCH_CELL_HEAP is bad input before any cell runs
  if (f.ops !== undefined && f.duration !== undefined) {
    throw new UsageError('--ops and --duration both given; choose one: --ops N bounds the run phase by operations, --duration T by time');
  }
  // --sweep FILE axes first: a --set of the same knob replaces them (later wins in parseSets).
  const sweep = readSweepFile(f.sweep);
  const sets = [...sweep.sets, ...(f.set ?? [])];
  // The one parse of --set text: the plan and the semantics read these axes.
  const axes = parseSets(sets);
  const fileGiven = f.flinkConf !== undefined;
  const confText = withConfChanges(fileGiven ? readConfText(f.flinkConf as string) : null, confChanges);
  const semantics = parseSemantics(f.semantics, QUICK_PRESET.semantics);
  // Under Flink's semantics every run is inside a TaskManager: Flink's stock one unless one is given.
  const taskManagers = resolveTaskManagers(f.taskmanagerMemory, confText, f.flinkConf, semantics === 'flink');
  refuseKnobsTheBoundSizes(axes, taskManagers, f.sweep, f.set ?? []);
  // Inside a TaskManager the Flink configuration reader bounds its backend by the slot's managed memory.
  const readFor = (tm: TaskManagerModel | null) => {
    const text = tm ? withManagedMemory(confText, tm) : confText;
    return text !== null ? readFlinkConf(text, f.flinkConf !== undefined ? `--flink-conf ${f.flinkConf}` : '--taskmanager-memory') : null;
  };
  const flinks = taskManagers.length > 0 ? taskManagers.map(readFor) : [readFor(null)];
  const flink = flinks[0] ?? null;
  // A file of Flink settings alone runs the backend that reads them; a TaskManager alone runs every backend.
  const setBackends = [...new Set([...axes.keys(), ...(flink && fileGiven ? [flink.backend] : [])])];
  const given = f.backend?.flatMap((b) => b.split(',')).map((b) => b.trim()).filter((b) => b !== '');
  // Plugins (a path or a package) load here and are known by their backend's name from now on.
  let backends = given ? await resolveBackendSpecs(given) : undefined;
  if (!backends || backends.length === 0) backends = setBackends.length > 0 ? setBackends : await defaultBackends();
  const named = (f.workload ?? [...QUICK_PRESET.workloads]).flatMap((w) => w.split(',')).map((w) => w.trim()).filter((w) => w !== '');
  if (named.length === 0) throw new UsageError('--workload: empty; name a workload (`statebench workloads` lists them)');
  // An engine's own trace (RocksDB's) becomes a CSV trace in the output directory, once, here.
  const traces = convertEngineTraces(named, () => prepareOutDir(f.out ?? QUICK_PRESET.out));
  const workloads = traces.workloads;
  const ops = f.ops !== undefined ? parseCount('ops', f.ops) : null;
  const durationMs = f.duration !== undefined ? parseFlagDuration('duration', f.duration) : null;
  const warmup = f.warmup !== undefined ? parseWarmup(f.warmup) : { ops: null, ms: QUICK_PRESET.warmupMs };
  const valueSize = f.valueSize !== undefined ? String(f.valueSize) : null;
  const checkpointIntervalMs = f.checkpointInterval !== undefined ? parseFlagDuration('checkpoint-interval', f.checkpointInterval) : null;
  // A Flink configuration's slots are the default thread count: a cell runs as one TaskManager.
  const threads = parseThreads(f.threads ?? sweep.threads ?? (flink?.taskSlots ? String(flink.taskSlots) : undefined));
  return {
    backends: [...new Set(backends)],
    workloads: [...new Set(workloads)],
    records: parseRecords(f.records ?? sweep.records ?? undefined),
    ops,
    durationMs,
    valueSize,
    keySize: f.keySize !== undefined ? parseCount('key-size', f.keySize, { min: 12 }) : QUICK_PRESET.keySize,
    distribution: f.distribution ?? null,
    theta: f.theta !== undefined ? checkTheta(f.theta) : null,
    compressibility: f.compressibility !== undefined ? parseNumber('compressibility', f.compressibility, { min: 0, max: 1 }) : null,
    seed: parseSeed(f.seed, QUICK_PRESET.seed),
    sets,
    axes,
    repeat: f.repeat !== undefined ? parseCount('repeat', f.repeat) : 1,
    warmupOps: warmup.ops,
    warmupMs: warmup.ms,
    // 'trace': each trace workload's own rate (its t_us times, times --param speed), found in the plan.
    targetRate: f.targetRate === undefined ? null : String(f.targetRate) === 'trace' ? 'trace' : parseNumber('target-rate', f.targetRate, { min: 1 }),
    intervalMs: f.interval !== undefined ? parseFlagDuration('interval', f.interval) : QUICK_PRESET.intervalMs,
    out: f.out ?? QUICK_PRESET.out,
    dataDir: f.dataDir ?? null,
    keepData: f.keepData ?? false,
    sampleEvery: f.sampleEvery !== undefined ? powerOfTwo('sample-every', parseCount('sample-every', f.sampleEvery)) : null,
    maxInFlight: f.maxInFlight !== undefined ? parseCount('max-in-flight', f.maxInFlight) : null,
    workloadSettings: parseParams(f.param ?? []),
    semantics,
    baseKnobs: await withSemantics(semantics, backends, axes, flink ? { [flink.backend]: flink.knobs } : {}),
    flinkConf: flink && fileGiven ? { path: f.flinkConf as string, memoryBudgetBytes: flink.memoryBudgetBytes, memoryBudgetScope: flink.memoryBudgetScope, warnings: flink.warnings } : null,
    taskManagers: await Promise.all(
      taskManagers.map(async (tm, i) => {
        const read = flinks[i] ?? null;
        // Each TaskManager's own knobs for the reader's backend (its managed memory), under the same semantics.
        return { ...tm, warnings: fileGiven ? [] : (read?.warnings ?? []), baseKnobs: await withSemantics(semantics, backends, axes, read ? { [read.backend]: read.knobs } : {}) };
      }),
    ),
    checkpointIntervalMs,
    threads,
    verify: f.verify ?? false,
    recordTrace: f.recordTrace !== undefined ? resolvePath(f.recordTrace) : null,
    engineTraceNotes: traces.notes,
    ...resolveTuningFlags(f),
  };
}

/** --records: one size, or a list of sizes (duplicates dropped, ascending) that becomes a sweep axis. */
export function parseRecords(raw: RunFlags['records']): number | number[] | null {
  if (raw === undefined) return null;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((r) => String(r).split(','));
  const sizes = [...new Set(items.map((r) => parseCount('records', r)))].sort((a, b) => a - b);
  return sizes.length === 1 ? (sizes[0] as number) : sizes;
}

/** The most threads a cell takes: well past any core count a TaskManager has, still a bound on a typo. */
const MAX_THREADS = 256;

/** --threads: one count, or a list of counts (duplicates dropped, ascending) that becomes a sweep axis; default 1. */
export function parseThreads(raw: RunFlags['threads']): number[] {
  if (raw === undefined) return [1];
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((r) => String(r).split(','));
  const counts = items.map((t) => {
    const text = t.trim();
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_THREADS) {
      throw new UsageError(`--threads: '${text}' is not valid; expected a whole number from 1 to ${MAX_THREADS}, or a list (1,2,4)`);
    }
    return Number(text);
  });
  return [...new Set(counts)].sort((a, b) => a - b);
}

function powerOfTwo(flag: string, n: number): number {
  if ((n & (n - 1)) !== 0) throw new UsageError(`--${flag}: ${n} is not valid; expected a power of two (1, 2, 4 ... 1024)`);
  return n;
}

function readConfText(path: string): string {
  if (!flinkConfReader()) throw new UsageError(`--flink-conf: no backend here reads a Flink configuration`);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--flink-conf: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The file's text with keys set on top (flat lines: Flink reads nested and flat keys alike); the text itself when none are. */
function withConfChanges(text: string | null, changes: Readonly<Record<string, string>>): string | null {
  if (Object.keys(changes).length === 0) return text;
  const conf = flattenFlinkConf(text ?? '');
  for (const [k, v] of Object.entries(changes)) conf.set(k, v);
  return [...conf].map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n') + '\n';
}

/** Flink's settings as the knobs of the backend that reads them (lsm: Flink's defaults and memory arithmetic); null when none does. */
function readFlinkConf(text: string, source: string): (FlinkConfKnobs & { backend: string }) | null {
  const reader = flinkConfReader();
  if (!reader) return null;
  try {
    return { ...reader.read(text), backend: reader.backend };
  } catch (err) {
    throw new UsageError(`${source}: ${(err as Error).message.split('\n')[0]}`);
  }
}
