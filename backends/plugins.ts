// Backends from outside statebench: `--backend ./path/to/store.js` or `--backend some-package`
// loads a module whose default export (or named export `backend`) implements the Backend
// contract (backends/types.ts). The module is checked when it loads: a module that does not
// load, exports no backend, or describes itself wrongly is refused in one line naming it.
//
// A loaded plugin is known by the name it describes itself with (`--set leveldb.x=...`). Its
// module path travels to every child process statebench starts in an environment variable,
// so a cell, a micro task or a durability round loads the same module by that name.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import type { Backend, BackendTraits, KnobType } from './types.js';

/** Name -> absolute module path of the plugins this process (or its parent) loaded. */
export const PLUGINS_ENV = 'STATEBENCH_PLUGINS';

const KNOB_TYPES: readonly KnobType[] = ['int', 'float', 'size', 'duration', 'bool', 'enum', 'string'];
const NAME = /^[a-z][a-z0-9-]*$/;
/** A file name a module path ends with. */
const MODULE_FILE = /\.(m?js|cjs|ts)$/;

export function registeredPlugins(): Record<string, string> {
  const raw = process.env[PLUGINS_ENV];
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The plugins this process loaded, by name: what the registry answers for them synchronously. */
const loaded = new Map<string, Backend>();

/** A plugin this process has loaded (loadPlugin, loadRegisteredPlugin), or undefined. */
export function loadedPlugin(name: string): Backend | undefined {
  return loaded.get(name);
}

function register(name: string, modulePath: string): void {
  process.env[PLUGINS_ENV] = JSON.stringify({ ...registeredPlugins(), [name]: modulePath });
}

/** A --backend value that names a module rather than a backend: a path, or a package name. */
export function looksLikeModule(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || spec.startsWith('.') || MODULE_FILE.test(spec) || spec.startsWith('@');
}

/** The absolute path of a plugin module: a file (relative to cwd), or a package resolved from cwd. */
function resolveModule(spec: string, cwd: string): string {
  const isPath = spec.startsWith('.') || isAbsolute(spec) || MODULE_FILE.test(spec);
  if (isPath) {
    const abs = resolve(cwd, spec);
    if (!existsSync(abs)) throw new UsageError(`--backend ${spec}: no such file (${abs}); give a path to a module that exports a backend, or a package name`);
    return abs;
  }
  try {
    return createRequire(join(cwd, 'package.json')).resolve(spec);
  } catch {
    throw new UsageError(`--backend ${spec}: not a built-in backend, and no package '${spec}' is installed here (npm install it, or give a path such as ./store.js)`);
  }
}

/** What is wrong with an export claimed to be a backend, or null. */
export function backendProblem(candidate: unknown): string | null {
  if (candidate === null || typeof candidate !== 'object') return 'exports no backend (a default export, or an export named `backend`, with describe() and open())';
  const b = candidate as Partial<Backend>;
  if (typeof b.describe !== 'function') return 'its backend has no describe() function';
  if (typeof b.open !== 'function') return 'its backend has no open() function';
  let desc: ReturnType<Backend['describe']>;
  try {
    desc = b.describe();
  } catch (err) {
    return `describe() threw: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (!desc || typeof desc !== 'object') return 'describe() returned no description';
  if (typeof desc.name !== 'string' || !NAME.test(desc.name)) return `describe().name must be lowercase letters, digits and dashes (got ${JSON.stringify(desc.name)})`;
  if (typeof desc.available !== 'boolean') return `describe().available must be true or false (${desc.name})`;
  if (typeof desc.durable !== 'boolean') return `describe().durable must be true or false (${desc.name})`;
  if (!Array.isArray(desc.knobs)) return `describe().knobs must be a list (${desc.name})`;
  const seen = new Set<string>();
  for (const k of desc.knobs) {
    const name = (k as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') return `a knob of ${desc.name} has no name`;
    if (seen.has(name)) return `knob '${name}' of ${desc.name} is described twice`;
    seen.add(name);
    if (!KNOB_TYPES.includes(k.type)) return `knob '${name}' of ${desc.name} has no valid type (got ${JSON.stringify(k.type)}; one of ${KNOB_TYPES.join(', ')})`;
    if (k.type === 'enum' && (!Array.isArray(k.allowed) || k.allowed.length === 0)) return `enum knob '${name}' of ${desc.name} lists no allowed values`;
  }
  return traitsProblem(b, desc.name);
}

const TRAIT_FUNCTIONS = ['estimateMemory', 'measuredMemory', 'engineMemory', 'crashNotes', 'flinkConf', 'taskManagerBound'] as const;

/** What is wrong with the optional members a backend answers for itself with (BackendTraits), or null. */
function traitsProblem(b: BackendTraits, name: string): string | null {
  for (const member of TRAIT_FUNCTIONS) {
    if (b[member] !== undefined && typeof b[member] !== 'function') return `${member} of ${name} must be a function`;
  }
  if (b.chartColour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(String(b.chartColour))) return `chartColour of ${name} must be a colour such as #4e79a7 (got ${JSON.stringify(b.chartColour)})`;
  const t = b.tuning;
  if (t !== undefined && (t === null || !Array.isArray(t.records) || typeof t.pasteForms !== 'function')) {
    return `tuning of ${name} needs records (its knobs, each with a tune range) and a pasteForms function`;
  }
  return null;
}

/**
 * Loads a plugin module and registers it under its backend's name.
 * @param builtIns names the plugin may not take
 */
export async function loadPlugin(spec: string, builtIns: readonly string[], cwd: string = process.cwd()): Promise<{ name: string; backend: Backend }> {
  const path = resolveModule(spec, cwd);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new UsageError(`--backend ${spec}: the module did not load: ${first}`);
  }
  const candidate = mod.backend ?? mod.default;
  const problem = backendProblem(candidate);
  if (problem) throw new UsageError(`--backend ${spec}: ${problem}`);
  const backend = candidate as Backend;
  const name = backend.describe().name;
  if (builtIns.includes(name)) throw new UsageError(`--backend ${spec}: its backend is named '${name}', as a built-in backend is; give it another name`);
  register(name, path);
  loaded.set(name, backend);
  return { name, backend };
}

/** Loads a plugin a parent process registered, by its backend's name. */
export async function loadRegisteredPlugin(name: string): Promise<Backend | undefined> {
  const path = registeredPlugins()[name];
  if (!path) return undefined;
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const backend = (mod.backend ?? mod.default) as Backend;
  loaded.set(name, backend);
  return backend;
}
