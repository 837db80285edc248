// From the micro command's flags to MicroOptions, checking each value and naming the flag
// when one is wrong (UsageError: one line, exit 2).

import { MAX_KEY_SIZE, MIN_KEY_SIZE } from '../../backends/key-codec.js';
import { UsageError } from '../../core/errors.js';
import { parseCount } from '../../core/parse-values.js';
import { parseDuration } from '../../core/units.js';
import { MICRO_OPS, parseOps } from '../micro/ops.js';
import type { FlagSpec, FlagsOf } from '../../core/flags.js';
import type { MicroTaskSettings } from '../micro/spec.js';
import { parseSets } from '../plan/knob-sets.js';
import type { MicroPlanInput } from '../plan/micro-cells.js';
import { parseSeed } from '../plan/order.js';
import { DATA_DIR_FLAG, KEY_SIZE_FLAG, SWEEP_SET_FLAG } from '../plan/shared-flags.js';

/** The micro command's flags, declared once: its yargs options and MicroFlags come from here. */
export const MICRO_FLAGS = {
  backend: { shape: 'list', alias: 'b', describe: 'Backends (heap, lmdb, lsm; comma lists allowed); default: every available one' },
  ops: { shape: 'list', describe: `Operations (comma lists allowed); default all: ${MICRO_OPS.join(', ')}` },
  records: { shape: 'scalar', alias: 'n', describe: 'Records preloaded before the tasks, at least 100 (default 100000)' },
  time: { shape: 'scalar', describe: 'Time budget per task: milliseconds of timed calls (default 1000; 2s also accepted)' },
  warmup: { shape: 'scalar', describe: 'Warm-up budget per task in milliseconds; 0 for none (default 250)' },
  valueSize: { shape: 'scalar', describe: 'Value size in bytes (default 100)' },
  keySize: KEY_SIZE_FLAG,
  seed: { shape: 'scalar', describe: 'Seed of the key draws and values (default 42)' },
  repeat: { shape: 'scalar', alias: 'r', describe: 'Run every backend N times, each in a new process (compare needs 4 or more; 3 with --method bootstrap)' },
  set: SWEEP_SET_FLAG,
  out: { shape: 'text', alias: 'o', describe: 'Output directory (default statebench-micro)' },
  dataDir: DATA_DIR_FLAG,
} as const satisfies Record<string, FlagSpec>;

/** The flags as yargs gives them (strings where users type units). */
export type MicroFlags = FlagsOf<typeof MICRO_FLAGS>;

export interface MicroOptions extends MicroTaskSettings, MicroPlanInput {
  /** --set as given, for the result document (axes: the same parsed once). */
  readonly sets: readonly string[];
  readonly out: string;
  readonly dataDir: string | null;
}

export const MICRO_DEFAULTS = {
  records: 100_000,
  timeMs: 1000,
  warmupMs: 250,
  valueSize: 100,
  keySize: 16,
  seed: 42,
  out: 'statebench-micro',
} as const;

/** Milliseconds: a bare number is milliseconds here (the flags say ms); units accepted (2s, 500ms). */
export function parseMs(flag: string, raw: unknown, opts: { allowZero?: boolean } = {}): number {
  const text = String(raw).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text);
  const ok = ms !== null && Number.isFinite(ms) && (opts.allowZero ? ms >= 0 : ms > 0);
  if (!ok) {
    throw new UsageError(`--${flag}: '${text}' is not valid; expected milliseconds${opts.allowZero ? ' (0 for none)' : ''} such as 500 or a duration such as 2s`);
  }
  return ms;
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function resolveMicroOptions(f: MicroFlags): MicroOptions {
  const backends = splitList(f.backend);
  if (f.backend !== undefined && backends.length === 0) throw new UsageError('--backend: empty; name backends such as heap,lmdb,lsm');
  return {
    backends: backends.length > 0 ? [...new Set(backends)] : null,
    ops: parseOps(f.ops),
    records: f.records !== undefined ? parseCount('records', f.records, { min: 100 }) : MICRO_DEFAULTS.records,
    timeMs: f.time !== undefined ? parseMs('time', f.time) : MICRO_DEFAULTS.timeMs,
    warmupMs: f.warmup !== undefined ? parseMs('warmup', f.warmup, { allowZero: true }) : MICRO_DEFAULTS.warmupMs,
    valueSize: f.valueSize !== undefined ? parseCount('value-size', f.valueSize, { min: 1 }) : MICRO_DEFAULTS.valueSize,
    keySize: f.keySize !== undefined ? keySize(f.keySize) : MICRO_DEFAULTS.keySize,
    seed: parseSeed(f.seed, MICRO_DEFAULTS.seed),
    repeat: f.repeat !== undefined ? parseCount('repeat', f.repeat) : 1,
    sets: f.set ?? [],
    axes: parseSets(f.set ?? []),
    out: f.out ?? MICRO_DEFAULTS.out,
    dataDir: f.dataDir ?? null,
  };
}

function keySize(raw: unknown): number {
  const n = parseCount('key-size', raw, { min: MIN_KEY_SIZE });
  if (n > MAX_KEY_SIZE) throw new UsageError(`--key-size: ${n} is not valid; expected a whole number from ${MIN_KEY_SIZE} to ${MAX_KEY_SIZE}`);
  return n;
}
