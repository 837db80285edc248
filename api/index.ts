// statebench's programmatic API: what `import ... from 'statebench'` gives (package.json
// "exports"). The Backend contract and defineBackend for plugin authors; run, compare and report
// for programs that drive statebench; the result document's types, its zod schema and its JSON
// Schema. docs/api.md has a complete example.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendProblem } from '../backends/plugins.js';
import type { Backend } from '../backends/types.js';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS, type CompareOptions } from '../analysis/compare/compare.js';
import { parseThresholds } from '../analysis/compare/thresholds.js';
import type { Comparison } from '../analysis/compare/types.js';
import type { ResultDocument } from '../core/result/schema.js';
import { createProgress } from '../harness/exec/progress.js';
import type { RunFlags } from '../harness/run-command/run-flags.js';
import { resolveRunOptions } from '../harness/run-command/resolve-options.js';
import { formatNames, renderFormats, type ReportFile } from '../reports/formats.js';
import { runAndAdvise } from '../cli/run-pipeline.js';

export type {
  Backend,
  BackendDescription,
  BackendInstance,
  BackendTraits,
  BackendTuning,
  BatchOp,
  BottleneckKind,
  CheckpointInfo,
  CheckpointSemantics,
  CrashNotes,
  EngineReport,
  EngineSample,
  FinalStatsContext,
  FlinkConfKnobs,
  KnobRecord,
  KnobSpec,
  KnobType,
  KnobValue,
  MeasuredMemory,
  MemoryContext,
  MemoryEstimate,
  MoveContext,
  OpenContext,
  ResolvedKnobs,
  ScanEntry,
  SlotContext,
  BackgroundWork,
  TuneConfig,
  TuneMove,
  TuneRange,
} from '../backends/types.js';
export { BackendClosedError } from '../backends/types.js';
export type {
  CellOk,
  CellResult,
  CellStatus,
  DurabilityClass,
  Environment,
  LatencyUs,
  OperationResult,
  PhaseResult,
  Plan,
  Recommendation,
  Resources,
  ResultDocument,
  ThreadShare,
  TimePoint,
} from '../core/result/schema.js';
export { ResultDocumentSchema } from '../core/result/schema.js';
export type { Comparison, CompareOptions, ReportFile };

/** run's settings: the CLI's flags by their --config names; lists as a list or one string. */
export type RunOptions = Omit<RunFlags, 'backend' | 'workload' | 'set' | 'param'> & {
  readonly backend?: string | readonly string[];
  readonly workload?: string | readonly string[];
  readonly set?: string | readonly string[];
  readonly param?: string | readonly string[];
};

const list = (v: string | readonly string[] | undefined): string[] | undefined => (v === undefined ? undefined : typeof v === 'string' ? [v] : [...v]);

/**
 * Types a plugin backend and checks what statebench checks when it loads one (describe() gives a
 * name, availability, durability and knobs that each have a name and a type, once): a mistake
 * throws here, where the author sees it, rather than when a user runs the plugin.
 */
export function defineBackend<B extends Backend>(backend: B): B {
  const problem = backendProblem(backend);
  if (problem) throw new TypeError(`defineBackend: ${problem}`);
  return backend;
}

export interface RunHooks {
  /** Progress on stderr as the CLI shows it (default false: silent). */
  readonly progress?: boolean;
  /** Each cell as it finishes (results.jsonl has it already). */
  readonly onCell?: (cell: ResultDocument['cells'][number]) => void;
}

/**
 * Runs a plan, as `statebench run` with the same settings (`--config`'s names: backend, workload,
 * records, ops, duration, set ...), and returns the result document (also written to `out`,
 * default statebench-results/, with results.jsonl written cell by cell). Bad settings throw a
 * UsageError whose message names the setting, as the CLI prints it.
 */
export async function run(options: RunOptions = {}, hooks: RunHooks = {}): Promise<ResultDocument> {
  const { backend, workload, set, param, ...rest } = options;
  const flags: RunFlags = { ...rest };
  for (const [k, v] of [['backend', backend], ['workload', workload], ['set', set], ['param', param]] as const) {
    const l = list(v);
    if (l) flags[k] = l;
  }
  const resolved = await resolveRunOptions(flags);
  const outcome = await runAndAdvise(resolved, {
    progress: createProgress(process.stderr, hooks.progress !== true),
    handleSignals: false,
    ...(hooks.onCell ? { onCell: hooks.onCell } : {}),
  });
  return outcome.document;
}

export interface CompareSettings extends Partial<Omit<CompareOptions, 'thresholds'>> {
  /** As --threshold: '5%' for every metric, or 'p99=10%' per metric (default 5 %). */
  readonly threshold?: string | readonly string[];
}

/** The CI gate's comparison of two documents: a verdict per metric with its 95 % interval. */
export function compare(base: ResultDocument, head: ResultDocument, settings: CompareSettings = {}): Comparison {
  const { threshold, ...rest } = settings;
  const thresholds = parseThresholds(threshold === undefined ? [] : typeof threshold === 'string' ? [threshold] : threshold, 'threshold');
  return compareDocuments(base, head, { ...DEFAULT_COMPARE_OPTIONS, ...rest, thresholds });
}

/** The report formats: html, md, svg, json, bmf, gab. */
export const REPORT_FORMAT_NAMES: readonly string[] = formatNames();

/** Renders reports of a document in the named formats (files with a path and contents; nothing is written). */
export async function report(doc: ResultDocument, formats: readonly string[]): Promise<ReportFile[]> {
  const unknown = formats.filter((f) => !REPORT_FORMAT_NAMES.includes(f));
  if (unknown.length > 0) throw new TypeError(`report: unknown format ${unknown.join(', ')}; known: ${REPORT_FORMAT_NAMES.join(', ')}`);
  return renderFormats(doc, formats);
}

/** The result document's JSON Schema (draft 2020-12), as schema/results.schema.json ships it. */
export function resultDocumentJsonSchema(): object {
  // From dist/api/ (the package) or api/ (the sources under test): the nearest schema/ above.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 3; up++, dir = dirname(dir)) {
    const path = join(dir, 'schema', 'results.schema.json');
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as object;
  }
  throw new Error('statebench: schema/results.schema.json is missing from the package');
}
