// Fills in and checks a workload's parameters. Bad input throws a UsageError naming the flag.

import { UsageError } from '../core/errors.js';
import { checkDistribution, DEFAULT_THETA } from './distributions/index.js';
import { checkTheta } from './distributions/theta.js';
import { knownSettingNames } from './catalogue.js';
import { CHOOSER_SETTINGS } from './distributions/settings.js';
import { settingNumber } from './settings.js';
import { checkValueSize } from './values.js';
import type { WorkloadDefinition, WorkloadParams, WorkloadParamsInput } from './types.js';

export const DEFAULT_RECORDS = 100_000;
export const DEFAULT_VALUE_SIZE = { kind: 'constant', bytes: 100 } as const;
/** db_bench's compression_ratio 0.5: values compress to half. */
export const DEFAULT_COMPRESSIBILITY = 0.5;
/** Key ids must fit the 32-bit namespaces and hashed orders; 4 billion keys is far past any run here. */
export const MAX_RECORDS = 0x1_0000_0000;

export function resolveParams(def: WorkloadDefinition, input: WorkloadParamsInput): WorkloadParams {
  const records = input.records ?? def.defaultRecords ?? DEFAULT_RECORDS;
  if (!Number.isInteger(records) || records < 1 || records > MAX_RECORDS) {
    throw new UsageError(`--records: ${records} is not valid; expected a whole number from 1 to ${MAX_RECORDS}`);
  }
  const distribution = checkDistribution(input.distribution ?? def.defaultDistribution);
  const theta = checkTheta(input.theta ?? def.defaultTheta ?? DEFAULT_THETA);
  const valueSize = checkValueSize(input.valueSize ?? def.defaultValueSize ?? DEFAULT_VALUE_SIZE);
  const compressibility = input.compressibility ?? def.defaultCompressibility ?? DEFAULT_COMPRESSIBILITY;
  if (!(compressibility >= 0 && compressibility <= 1)) {
    throw new UsageError(`--compressibility: ${compressibility} is not valid; expected a fraction from 0 to 1 (0.5: values compress to half)`);
  }
  const params: WorkloadParams = {
    records,
    distribution,
    theta,
    valueSize,
    compressibility,
    extra: resolveExtra(def, input.extra ?? {}, distribution),
  };
  def.validate?.(params);
  return params;
}

/**
 * One run may list several workloads with one set of --param settings, so a setting another
 * workload knows is left out for this one; a name no workload knows is a typo and an error.
 */
function resolveExtra(
  def: WorkloadDefinition,
  given: Readonly<Record<string, number | string | boolean>>,
  distribution: string,
): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = { ...def.extraDefaults };
  // Distribution settings: every workload takes them; recorded when they shape the keys.
  for (const [name, setting] of Object.entries(CHOOSER_SETTINGS)) {
    if (Object.hasOwn(out, name)) continue;
    if (Object.hasOwn(given, name)) out[name] = settingNumber(given, name, setting.rule);
    else if (setting.distribution === distribution) out[name] = setting.default;
  }
  const own = [...Object.keys(def.extraDefaults), ...Object.keys(CHOOSER_SETTINGS).filter((n) => !Object.hasOwn(def.extraDefaults, n))];
  for (const [name, raw] of Object.entries(given)) {
    if (Object.hasOwn(CHOOSER_SETTINGS, name) && !Object.hasOwn(def.extraDefaults, name)) continue;
    if (!Object.hasOwn(def.extraDefaults, name)) {
      if (knownSettingNames().has(name)) continue;
      const accepted = own.join(', ');
      throw new UsageError(`--param ${name}: no workload has this setting; ${def.name} accepts: ${accepted}`);
    }
    out[name] = coerce(name, raw, def.extraDefaults[name] as number | string | boolean);
  }
  for (const [name, setting] of Object.entries(CHOOSER_SETTINGS)) if (Object.hasOwn(out, name)) settingNumber(out, name, setting.rule);
  return out;
}

function coerce(name: string, raw: number | string | boolean, like: number | string | boolean): number | string | boolean {
  if (typeof like === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) throw new UsageError(`--param ${name}=${String(raw)}: expected a number`);
    return n;
  }
  if (typeof like === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new UsageError(`--param ${name}=${String(raw)}: expected true or false`);
  }
  return String(raw);
}
