// Knob values: parsed from text against a backend's knob schema, and resolved for one cell
// (every knob of the schema present, defaults filled in).

import type { Backend, BackendDescription, KnobSpec, KnobValue, ResolvedKnobs } from './types.js';
import { parseBool, parseDuration, parseSize } from '../core/units.js';

export class KnobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnobError';
  }
}

export function describeAccepted(spec: KnobSpec): string {
  switch (spec.type) {
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${(spec.allowed ?? []).join(', ')}`;
    case 'size':
      return spec.unit === 'bytes/s' ? 'a rate such as 200MiB/s, 1GiB/s (0: no limit)' : 'a size such as 4096, 64KiB, 64MiB, 1g';
    case 'duration':
      return 'a duration such as 500ms, 5s, 2m';
    case 'int':
      return `an integer${rangeText(spec)}`;
    case 'float':
      return `a number${rangeText(spec)}`;
    case 'string':
      return 'text';
  }
}

function rangeText(spec: KnobSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return ` >= ${spec.min}`;
  if (spec.max !== undefined) return ` <= ${spec.max}`;
  return '';
}

/** Parses one textual value for a knob; throws KnobError naming the knob and what is accepted. */
export function parseKnobValue(backend: string, spec: KnobSpec, raw: string): KnobValue {
  const bad = (): never => {
    throw new KnobError(`${backend}.${spec.name}: '${raw}' is not valid; expected ${describeAccepted(spec)}`);
  };
  let value: KnobValue | null;
  switch (spec.type) {
    case 'bool':
      value = parseBool(raw);
      break;
    case 'enum':
      value = (spec.allowed ?? []).find((a) => a.toLowerCase() === raw.trim().toLowerCase()) ?? null;
      break;
    case 'size':
      // A rate (unit bytes/s) may be written with its '/s': 200MiB/s.
      value = parseSize(spec.unit === 'bytes/s' ? raw.replace(/\/s\s*$/i, '') : raw);
      break;
    case 'duration':
      value = parseDuration(raw);
      break;
    case 'int':
      value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : null;
      break;
    case 'float':
      value = raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null;
      break;
    case 'string':
      value = raw;
      break;
  }
  if (value === null) return bad();
  if (typeof value === 'number') {
    if (spec.min !== undefined && value < spec.min) return bad();
    if (spec.max !== undefined && value > spec.max) return bad();
  }
  return value;
}

// Every KnobSpec field: the compiler fails here when KnobSpec gains one that is not listed.
const SPEC_FIELDS: Readonly<Record<keyof KnobSpec, true>> = { name: true, type: true, unit: true, default: true, allowed: true, min: true, max: true, help: true };

/** The published schema of knob records: their KnobSpec fields only, in the order written. */
export function knobSpecs(records: readonly KnobSpec[]): readonly KnobSpec[] {
  return records.map((r) => Object.fromEntries(Object.entries(r).filter(([field]) => field in SPEC_FIELDS)) as unknown as KnobSpec);
}

/** A knob's default, as its record has it; throws on an unknown name (a typo in the caller). */
export function knobDefault(records: readonly KnobSpec[], name: string): KnobValue | null {
  const spec = records.find((k) => k.name === name);
  if (!spec) throw new Error(`no knob '${name}' among ${records.map((k) => k.name).join(', ')}`);
  return spec.default;
}

export function findKnob(desc: BackendDescription, name: string): KnobSpec {
  const spec = desc.knobs.find((k) => k.name === name) ?? desc.knobs.find((k) => k.name.toLowerCase() === name.toLowerCase());
  if (!spec) {
    const names = desc.knobs.map((k) => k.name).join(', ');
    throw new KnobError(`unknown knob '${name}' for backend ${desc.name}; known knobs: ${names || '(none)'}`);
  }
  return spec;
}

/** Every knob of the schema, with the given textual values parsed and the rest at their defaults. */
export function resolveKnobs(desc: BackendDescription, given: Readonly<Record<string, string | KnobValue>>): ResolvedKnobs {
  const out: Record<string, KnobValue | null> = {};
  for (const spec of desc.knobs) out[spec.name] = spec.default;
  for (const [name, raw] of Object.entries(given)) {
    const spec = findKnob(desc, name);
    out[spec.name] = typeof raw === 'string' ? parseKnobValue(desc.name, spec, raw) : raw;
  }
  return out;
}

/**
 * The engine's own check of each distinct knob set (Backend.validateKnobs), before any cell
 * starts: a configuration the engine would refuse stops the command with exit 2 instead of
 * erroring its cells one by one.
 */
export function validateKnobSets(
  backend: Backend | undefined,
  name: string,
  configs: readonly { readonly backend: string; readonly knobs: ResolvedKnobs }[],
): void {
  if (backend?.validateKnobs === undefined) return;
  const seen = new Set<string>();
  for (const { backend: of, knobs } of configs) {
    if (of !== name) continue;
    // resolveKnobs writes every knob in the schema's order: equal sets serialise equally.
    const key = JSON.stringify(knobs);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      backend.validateKnobs(knobs);
    } catch (err) {
      // A plugin cannot import KnobError: whatever its check throws is its refusal of the knobs.
      if (err instanceof KnobError || !(err instanceof Error)) throw err;
      throw new KnobError(err.message);
    }
  }
}
