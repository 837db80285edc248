// A command's flags declared once, as a table: each flag's alias, the shape of its value and its
// help. The yargs options, the type of the flags as given and, where a command reads a --config
// file, that file's schema are derived from the table, so a flag added there exists in all.

import { z } from 'zod';

/**
 * The shapes of flag values: text; a number users may write with units (a string on the command
 * line, a number or string in a file); one such value or a list of them (a sweep axis); a flag
 * given several times (or a list in a file); a switch.
 */
type FlagShape = 'text' | 'scalar' | 'scalars' | 'list' | 'switch';

export interface FlagSpec {
  readonly shape: FlagShape;
  readonly alias?: string;
  readonly describe: string;
  /** false: a command-line flag only, not a field of the --config file (--config itself). */
  readonly inConfig?: false;
}

interface ShapeValue {
  text: string;
  scalar: string | number;
  scalars: string | number | readonly (string | number)[];
  list: string[];
  switch: boolean;
}

/** The flags as yargs gives them: every value optional, strings where users type units. */
export type FlagsOf<T extends Readonly<Record<string, FlagSpec>>> = { -readonly [K in keyof T]?: ShapeValue[T[K]['shape']] };

/** A yargs option (structurally yargs' Options; core does not import yargs). */
interface YargsOption {
  readonly type: 'string' | 'boolean';
  readonly array?: true;
  readonly alias?: string;
  readonly describe: string;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The yargs options of a flag table, by flag name as typed (kebab-case), in the table's order. */
export function yargsOptionsOf(flags: Readonly<Record<string, FlagSpec>>): Record<string, YargsOption> {
  const out: Record<string, YargsOption> = {};
  for (const [name, f] of Object.entries(flags)) {
    out[kebab(name)] = {
      type: f.shape === 'switch' ? 'boolean' : 'string',
      ...(f.shape === 'list' ? { array: true } : {}),
      ...(f.alias !== undefined ? { alias: f.alias } : {}),
      describe: f.describe,
    };
  }
  return out;
}

const scalar = z.union([z.string(), z.number()]);
const SHAPE_SCHEMAS: Readonly<Record<FlagShape, z.ZodType>> = {
  text: z.string(),
  scalar,
  scalars: z.union([scalar, z.array(scalar).min(1)]),
  list: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])),
  switch: z.boolean(),
};

/** A --config file of the same settings as the flags (camelCase fields), strict: an unknown field is an error. */
export function configSchemaOf(flags: Readonly<Record<string, FlagSpec>>) {
  return z.strictObject(Object.fromEntries(Object.entries(flags).filter(([, f]) => f.inConfig !== false).map(([name, f]) => [name, SHAPE_SCHEMAS[f.shape].optional()])));
}

/**
 * Some flags of another command's table that mean the same here (calibrate runs what run runs),
 * declared once there; `describe` replaces the help of those whose role differs here.
 */
export function pickFlags<T extends Readonly<Record<string, FlagSpec>>, K extends keyof T & string>(
  table: T,
  names: readonly K[],
  describe: Partial<Record<K, string>> = {},
): { [P in K]: T[P] } {
  const out = {} as { [P in K]: T[P] };
  for (const name of names) {
    const help = describe[name];
    out[name] = (help === undefined ? table[name] : { ...table[name], describe: help }) as T[typeof name];
  }
  return out;
}
