// --set backend.knob=v1[,v2...] parsed into axes per backend (once, where the flags are
// resolved), and the cartesian product of a backend's axes.

import { UsageError } from '../../core/errors.js';

export interface SweepAxis {
  readonly knob: string;
  readonly values: readonly string[];
}

/** The axes of every backend, by backend name, in the order given. */
export type KnobAxes = ReadonlyMap<string, readonly SweepAxis[]>;

/** Axes per backend, in the order given; a knob set twice keeps the later values. */
export function parseSets(sets: readonly string[]): Map<string, SweepAxis[]> {
  const out = new Map<string, SweepAxis[]>();
  for (const raw of sets) {
    const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)=(.*)$/s.exec(raw.trim());
    if (!m) {
      throw new UsageError(`--set '${raw}': expected backend.knob=value[,value...], e.g. --set lsm.writeBufferSize=4MiB,64MiB`);
    }
    const [, backend, knob, list] = m as unknown as [string, string, string, string];
    const values = list.split(',').map((v) => v.trim());
    if (values.some((v) => v === '')) throw new UsageError(`--set '${raw}': empty value in the list`);
    const axes = out.get(backend) ?? [];
    const existing = axes.findIndex((a) => a.knob === knob);
    if (existing >= 0) axes.splice(existing, 1);
    axes.push({ knob, values });
    out.set(backend, axes);
  }
  return out;
}

/** --set for commands that measure one configuration of one backend: one value per knob, that backend's knobs only. */
export function parseSingleSets(sets: readonly string[], backend: string): Record<string, string> {
  const knobs: Record<string, string> = {};
  for (const [name, axes] of parseSets(sets)) {
    if (name !== backend) throw new UsageError(`--set ${name}.…: only knobs of ${backend} apply here`);
    for (const a of axes) {
      if (a.values.length !== 1) throw new UsageError(`--set ${name}.${a.knob}: one value only here (no sweeps)`);
      knobs[a.knob] = a.values[0] as string;
    }
  }
  return knobs;
}

/** Every combination of the axes' values, as knob -> value maps (one empty map when no axes). */
export function cartesian(axes: readonly SweepAxis[]): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const axis of axes) {
    const next: Record<string, string>[] = [];
    for (const c of combos) for (const v of axis.values) next.push({ ...c, [axis.knob]: v });
    combos = next;
  }
  return combos;
}
