// The request distributions by name, and the factory the workloads and `statebench keys` use.

import { UsageError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { CHOOSER_DEFAULTS, type ChooserOptions, type KeyChooser } from './chooser.js';
import { ExponentialChooser } from './exponential.js';
import { HotspotChooser } from './hotspot.js';
import { LatestChooser } from './latest.js';
import { ScrambledZipfianChooser } from './scrambled-zipfian.js';
import { SequentialChooser } from './sequential.js';
import { UniformChooser } from './uniform.js';
import { ZipfianChooser } from './zipfian.js';
import { checkTheta } from './theta.js';

export type { ChooserOptions, KeyChooser } from './chooser.js';

export const DISTRIBUTIONS = [
  'uniform',
  'sequential',
  'zipfian',
  'scrambled-zipfian',
  'latest',
  'hotspot',
  'exponential',
] as const;

export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** Distributions whose shape theta sets. */
export const THETA_DISTRIBUTIONS: readonly DistributionName[] = ['zipfian', 'scrambled-zipfian', 'latest'];

export const DEFAULT_THETA = 0.99;

export function isDistribution(name: string): name is DistributionName {
  return (DISTRIBUTIONS as readonly string[]).includes(name);
}

export function checkDistribution(name: string, flag = '--distribution'): DistributionName {
  if (!isDistribution(name)) {
    throw new UsageError(`${flag}: '${name}' is not a distribution; accepted: ${DISTRIBUTIONS.join(', ')}`);
  }
  return name;
}

/** A key chooser over `records` keys (at least 1). */
export function createKeyChooser(
  name: string,
  records: number,
  theta: number,
  rng: Rng,
  options: ChooserOptions = {},
): KeyChooser {
  const count = Math.max(1, records);
  switch (checkDistribution(name)) {
    case 'uniform':
      return new UniformChooser(count, rng);
    case 'sequential':
      return new SequentialChooser(count);
    case 'zipfian':
      return new ZipfianChooser(count, checkTheta(theta), rng);
    case 'scrambled-zipfian':
      return new ScrambledZipfianChooser(count, checkTheta(theta), rng, options.capacity);
    case 'latest':
      return new LatestChooser(count, checkTheta(theta), rng);
    case 'hotspot':
      return new HotspotChooser(
        count,
        options.hotsetFraction ?? CHOOSER_DEFAULTS.hotsetFraction,
        options.hotOpnFraction ?? CHOOSER_DEFAULTS.hotOpnFraction,
        rng,
      );
    case 'exponential':
      return new ExponentialChooser(
        count,
        options.exponentialPercentile ?? CHOOSER_DEFAULTS.exponentialPercentile,
        options.exponentialFrac ?? CHOOSER_DEFAULTS.exponentialFrac,
        rng,
      );
  }
}
