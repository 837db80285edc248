// The class a run of kills measured against the one the backend claims, and the table's words.
import { describe, expect, it } from 'vitest';
import { checkClass } from './class-check.js';
import type { ConfigurationResult, DurabilityResult } from './run-durability.js';
import { renderDurabilityTable } from './table.js';

const tally = (lost: number, o: { errors?: number; acknowledged?: number; roundsWithLoss?: number } = {}) => ({
  rounds: 5,
  acknowledged: o.acknowledged ?? 10_000,
  lost,
  roundsWithLoss: o.roundsWithLoss ?? (lost > 0 ? 3 : 0),
  errors: o.errors ?? 0,
});

describe('checkClass', () => {
  it('agrees when a claimed none loses writes, and when a claimed process or machine loses none', () => {
    expect(checkClass('none', tally(500))).toMatchObject({ measured: 'none', verdict: 'agrees' });
    expect(checkClass('process', tally(0))).toMatchObject({ measured: 'process', verdict: 'agrees', text: 'agrees: nothing lost to a process kill' });
    expect(checkClass('machine', tally(0)).text).toMatch(/^agrees as far as a kill can tell: .*power loss a kill cannot show/);
  });

  it('says plainly when a claimed process or machine lost acknowledged writes', () => {
    const c = checkClass('machine', tally(1234, { roundsWithLoss: 2 }));
    expect(c).toMatchObject({ claimed: 'machine', measured: 'none', verdict: 'disagrees' });
    expect(c.text).toBe('DISAGREES: claims machine, but a process kill lost 1,234 acknowledged writes in 2 of 5 rounds');
  });

  it('says plainly when a claimed none lost nothing', () => {
    const c = checkClass('none', tally(0));
    expect(c.verdict).toBe('disagrees');
    expect(c.text).toMatch(/^DISAGREES: claims none, but no acknowledged write was lost in 5 kills/);
  });

  it('gives no measured class when rounds failed or nothing was acknowledged, nor a verdict without a claim', () => {
    expect(checkClass('process', tally(0, { errors: 2 }))).toMatchObject({ measured: null, verdict: 'inconclusive', text: 'no measured class: 2 of 5 rounds failed' });
    expect(checkClass('process', tally(0, { acknowledged: 0 })).text).toBe('no measured class: no write was acknowledged');
    expect(checkClass(null, tally(0))).toMatchObject({ measured: 'process', verdict: 'inconclusive' });
  });
});

describe('the durability table', () => {
  const config = (knobs: Record<string, string>, claimed: 'none' | 'process', lost: number): ConfigurationResult => ({
    backend: 'lsm',
    knobs,
    rounds: 5,
    acknowledged: 10_000,
    lost,
    roundsWithLoss: lost > 0 ? 5 : 0,
    unacknowledgedPresent: 0,
    errors: 0,
    notes: { processKill: '', machineCrash: 'the WAL tail not yet fsynced' },
    durabilityClass: checkClass(claimed, tally(lost, { roundsWithLoss: lost > 0 ? 5 : 0 })),
    perRound: [],
  });

  it('shows the claimed and measured class per configuration, and a line for each disagreement', () => {
    const r: DurabilityResult = {
      seed: 42,
      killWithinMs: 1000,
      heapCheckpointIntervalMs: 250,
      killMomentsMs: [100, 200, 300, 400, 500],
      configurations: [config({}, 'process', 0), config({ walEnabled: 'false' }, 'process', 10_000)],
    };
    const out = renderDurabilityTable(r);
    expect(out).toMatch(/^configuration .* class claimed\s+measured\s+a machine crash would also lose$/m);
    expect(out).toMatch(/^lsm \(defaults\) .* 0\s+process\s+>= process\s+the WAL tail/m);
    expect(out).toMatch(/^lsm walEnabled=false .* 0\s+process\s+none\s+the WAL tail/m);
    expect(out).toContain('lsm walEnabled=false: DISAGREES: claims process, but a process kill lost 10,000 acknowledged writes in 5 of 5 rounds');
    expect(out).not.toContain('lsm (defaults): ');
  });
});
