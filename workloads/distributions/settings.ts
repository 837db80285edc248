// Distribution settings any workload takes as --param (hotspot's hot set, exponential's shape):
// recorded in the parameters when the distribution uses them or the user sets them.

import type { NumberRule } from '../settings.js';
import { settingNumber } from '../settings.js';
import type { WorkloadParams } from '../types.js';
import { CHOOSER_DEFAULTS, type ChooserOptions } from './chooser.js';

export interface ChooserSetting {
  readonly default: number;
  readonly distribution: string;
  readonly rule: NumberRule;
}

export const CHOOSER_SETTINGS: Readonly<Record<string, ChooserSetting>> = {
  hotsetFraction: { default: CHOOSER_DEFAULTS.hotsetFraction, distribution: 'hotspot', rule: { min: 0, max: 1 } },
  hotOpnFraction: { default: CHOOSER_DEFAULTS.hotOpnFraction, distribution: 'hotspot', rule: { min: 0, max: 1 } },
  exponentialPercentile: { default: CHOOSER_DEFAULTS.exponentialPercentile, distribution: 'exponential', rule: { above: 0, below: 100 } },
  exponentialFrac: { default: CHOOSER_DEFAULTS.exponentialFrac, distribution: 'exponential', rule: { above: 0 } },
};

/** The chooser options a workload's parameters ask for (defaults where unset). */
export function chooserOptions(p: WorkloadParams, capacity?: number): ChooserOptions {
  const get = (name: string): number =>
    p.extra[name] === undefined ? (CHOOSER_SETTINGS[name] as ChooserSetting).default : settingNumber(p.extra, name, (CHOOSER_SETTINGS[name] as ChooserSetting).rule);
  return {
    hotsetFraction: get('hotsetFraction'),
    hotOpnFraction: get('hotOpnFraction'),
    exponentialPercentile: get('exponentialPercentile'),
    exponentialFrac: get('exponentialFrac'),
    ...(capacity !== undefined ? { capacity } : {}),
  };
}
