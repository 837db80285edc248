import { describe, expect, it } from 'vitest';
import type { Standing } from './race.js';
import { reasonsFor } from './reasons.js';
import { spaceFor, type Config, type SearchSpace } from './space.js';

const space = spaceFor('lsm', false) as SearchSpace;
const standing = (index: number, gainPct: number, rounds = 2): Standing => ({ index, meanLogRatio: Math.log(1 + gainPct / 100), rounds, dropped: null });
const stage = (name: string, control: number, entrants: number[], standings: Standing[]) => ({ name, control, entrants, race: { standings } });

describe("the reason for each of the best's changes", () => {
  const candidates: { origin: string; knobs: Config }[] = [
    { origin: 'defaults', knobs: {} },
    { origin: 'cache misses: bloom filter 10 bits/key', knobs: { bloomBitsPerKey: 10 } },
    { origin: 'sampled', knobs: { blockSize: 16384, compression: 'lz4' } },
    { origin: 'step compression=lz4', knobs: { bloomBitsPerKey: 10, compression: 'lz4' } },
  ];
  const stages = [
    stage('facts', 0, [1, 2], [standing(0, 12.5, 3), standing(1, -4)]),
    stage('steps', 1, [3], [standing(0, 6, 3)]),
  ];
  const found = [{ kind: 'cache misses' as const, score: 0.5, fact: 'block-cache hit ratio 61.0 % at the end of the run phase' }];

  it('names the bottleneck that points at a key and the race in which the key alone was measured', () => {
    const reasons = reasonsFor(space, candidates, stages, 3, found);
    expect(reasons.bloomBitsPerKey).toBe('bloomBitsPerKey 10: cache misses: block-cache hit ratio 61.0 % at the end of the run phase; +12.5 % over its control in the facts race (cache misses: bloom filter 10 bits/key, 3 rounds)');
    // compression: first changed with blockSize in a sample (not alone), then alone in the steps: the step is the evidence.
    expect(reasons.compression).toBe('compression lz4: +6.0 % over its control in the steps race (step compression=lz4, 3 rounds)');
  });

  it('says when a key was only measured together with others', () => {
    const reasons = reasonsFor(space, candidates, [stages[0] as (typeof stages)[number]], 2, []);
    expect(reasons.blockSize).toBe('blockSize 16384: -4.0 % over its control in the facts race (sampled, 2 rounds), together with compression lz4: not measured alone');
  });

  it('gives none when the defaults stand', () => {
    expect(reasonsFor(space, candidates, stages, 0, found)).toEqual({});
  });
});
