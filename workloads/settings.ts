// Reading workload-specific settings (`--param name=value`) with checks that name the setting.

import { UsageError } from '../core/errors.js';

type Extra = Readonly<Record<string, number | string | boolean>>;

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** Exclusive bounds. */
  readonly above?: number;
  readonly below?: number;
  readonly integer?: boolean;
}

function describe(rule: NumberRule): string {
  const parts: string[] = [rule.integer ? 'an integer' : 'a number'];
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  if (rule.below !== undefined) parts.push(`< ${rule.below}`);
  return parts.join(' ');
}

export function settingNumber(extra: Extra, name: string, rule: NumberRule = {}): number {
  const v = extra[name];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  const ok =
    Number.isFinite(n) &&
    (!rule.integer || Number.isInteger(n)) &&
    (rule.min === undefined || n >= rule.min) &&
    (rule.max === undefined || n <= rule.max) &&
    (rule.above === undefined || n > rule.above) &&
    (rule.below === undefined || n < rule.below);
  if (!ok) throw new UsageError(`--param ${name}=${String(v)}: expected ${describe(rule)}`);
  return n;
}

export function settingChoice<T extends string>(extra: Extra, name: string, choices: readonly T[]): T {
  const v = String(extra[name]);
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--param ${name}=${v}: expected one of ${choices.join(', ')}`);
  }
  return v as T;
}
