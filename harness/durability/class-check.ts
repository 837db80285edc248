// The durability class a run of kills measured, against the one the backend claims for the
// configuration (Backend.durabilityClass). A process kill can tell two things apart: an
// acknowledged write lost (the class is none) or none lost in any round (at least process). It
// cannot show machine: power loss is not what it does.

import type { DurabilityClass } from '../../core/result/schema.js';

export interface ClassCheck {
  /** What the backend claims for these knobs; null when it does not say. */
  readonly claimed: DurabilityClass | null;
  /** 'none': a kill lost acknowledged writes; 'process': no round lost any (at least process); null: no verdict (rounds failed, or nothing acknowledged). */
  readonly measured: 'none' | 'process' | null;
  readonly verdict: 'agrees' | 'disagrees' | 'inconclusive';
  /** One plain sentence. */
  readonly text: string;
}

export interface KillTally {
  readonly rounds: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly roundsWithLoss: number;
  readonly errors: number;
}

export function checkClass(claimed: DurabilityClass | null, t: KillTally): ClassCheck {
  const measured = t.lost > 0 ? 'none' : t.errors > 0 || t.acknowledged === 0 ? null : 'process';
  if (measured === null) {
    const why = t.errors > 0 ? `${t.errors} of ${t.rounds} rounds failed` : 'no write was acknowledged';
    return { claimed, measured, verdict: 'inconclusive', text: `no measured class: ${why}` };
  }
  if (claimed === null) {
    return { claimed, measured, verdict: 'inconclusive', text: `measured ${describe(measured)}; the backend claims no class` };
  }
  if (measured === 'none' && claimed !== 'none') {
    return {
      claimed,
      measured,
      verdict: 'disagrees',
      text: `DISAGREES: claims ${claimed}, but a process kill lost ${t.lost.toLocaleString('en-US')} acknowledged writes in ${t.roundsWithLoss} of ${t.rounds} rounds`,
    };
  }
  if (measured === 'process' && claimed === 'none') {
    return {
      claimed,
      measured,
      verdict: 'disagrees',
      text: `DISAGREES: claims none, but no acknowledged write was lost in ${t.rounds} kills: these kills missed the window the class allows (a flush or checkpoint came first), or the claim is too cautious`,
    };
  }
  const text =
    claimed === 'machine' ? 'agrees as far as a kill can tell: nothing lost (that it survives power loss a kill cannot show)' : claimed === 'process' ? 'agrees: nothing lost to a process kill' : 'agrees: a process kill lost acknowledged writes';
  return { claimed, measured, verdict: 'agrees', text };
}

function describe(measured: 'none' | 'process'): string {
  return measured === 'none' ? 'none (acknowledged writes lost)' : 'at least process (nothing lost)';
}
