// The run flags of sweeps and tuning (--sweep, --memory-budget, --shard, --resume,
// --verify-advice), resolved into the extra fields of ResolvedRunOptions.

import { parseMemoryBudget } from '../budget/parse-budget.js';
import type { ResolvedTuningOptions } from '../plan/run-options.js';
import { parseShard } from '../plan/shard.js';
import { parseCount } from '../../core/parse-values.js';

export interface TuningFlags {
  sweep?: string;
  memoryBudget?: string | number;
  shard?: string;
  resume?: string;
  verifyAdvice?: boolean;
  verifyRepeats?: string | number;
}

/** Repeats per side when a recommendation is verified: 5 is the fewest the Mann-Whitney interval needs at 95 %. */
export const DEFAULT_VERIFY_REPEATS = 5;

export function resolveTuningFlags(f: TuningFlags): ResolvedTuningOptions {
  return {
    memoryBudgetBytes: parseMemoryBudget(f.memoryBudget),
    shard: parseShard(f.shard),
    resume: f.resume ?? null,
    verifyAdvice: f.verifyAdvice ?? false,
    verifyRepeats: f.verifyRepeats !== undefined ? parseCount('verify-repeats', f.verifyRepeats, { min: 2 }) : DEFAULT_VERIFY_REPEATS,
  };
}
