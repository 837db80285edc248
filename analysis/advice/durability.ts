// Durability classes as the advice compares configurations (docs/durability.md): a faster
// configuration of a weaker class has bought some of its speed with what it may lose, so the
// advice ranks within a class and says so plainly when it compares across classes.

import type { DurabilityClass } from '../../core/result/schema.js';

const STRENGTH: Readonly<Record<DurabilityClass, number>> = { none: 0, process: 1, machine: 2 };

/** True when both classes are known and a keeps less than b. */
export function weaker(a: DurabilityClass | null, b: DurabilityClass | null): boolean {
  return a !== null && b !== null && STRENGTH[a] < STRENGTH[b];
}

/** What a backend of a class gives up to a stronger one, in words ("heap keeps nothing across a process exit"). */
export function whatItLoses(backend: string, c: DurabilityClass): string {
  if (c === 'none') return `${backend} keeps nothing across a process exit`;
  if (c === 'process') return `${backend} can lose its last acknowledged writes to a power loss (they are not fsynced before they are acknowledged)`;
  return `${backend} keeps every acknowledged write through a power loss`;
}

/** What an acknowledged write of a class survives on its own. */
export function whatItSurvives(c: DurabilityClass): string {
  return c === 'machine' ? 'a power loss' : c === 'process' ? 'a process kill' : 'nothing';
}
