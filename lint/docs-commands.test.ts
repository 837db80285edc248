// The docs and the CLI agree: every `statebench ...` command in README.md and docs/*.md parses with
// the CLI's own strict parser (handlers replaced by nothing, so nothing runs): no unknown command,
// flag or argument; and every flag each command declares is named in a section of the docs headed
// by that command.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../cli/commands.js';
import { buildParser } from '../cli/parser.js';
import { commandSections, commandWords, extractCommands, type DocCommand } from './doc-commands.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = ['README.md', ...readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (doc: string): string => readFileSync(join(repo, doc), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<any, any>;
const commandName = (c: AnyCommand): string => String(c.command).split(' ')[0] as string;
const INERT: AnyCommand[] = COMMANDS.map((c) => ({ ...c, handler: () => undefined }));

/** The parser's complaint about these arguments, or null when it accepts them. */
async function parseError(args: readonly string[], commands: readonly AnyCommand[] = INERT): Promise<string | null> {
  try {
    // yargs reports a parse error by throwing, from the call itself or from the promise.
    await buildParser(args, commands).exitProcess(false).parseAsync();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
  }
}

interface DeclaredOptions {
  readonly key: Record<string, unknown>;
  readonly alias: Record<string, string[]>;
  readonly boolean: string[];
  readonly default: Record<string, unknown>;
}

/** The options a command declares, by their long names: its builder run on the CLI's parser. */
async function declaredOptions(command: AnyCommand): Promise<{ name: string; negatable: boolean }[]> {
  let captured: DeclaredOptions | null = null;
  const builder = command.builder as (y: Argv) => Argv;
  const spy: AnyCommand = {
    ...command,
    builder: (y: Argv) => {
      const built = builder(y);
      captured = (built as unknown as { getOptions(): DeclaredOptions }).getOptions();
      return built;
    },
    handler: () => undefined,
  };
  // Required flags are missing, so this parse fails after the builder has run, which is all it needs.
  await parseError([commandName(command)], [spy]);
  const options = captured as DeclaredOptions | null;
  if (!options) throw new Error(`the builder of ${commandName(command)} did not run`);
  const aliases = new Set(Object.values(options.alias).flat());
  const positionals = [...String(command.command).matchAll(/[<[]([a-z-]+)/g)].map((m) => m[1] as string);
  return Object.keys(options.key)
    .filter((k) => !aliases.has(k) && !['help', 'version', 'debug', '$0', ...positionals].includes(k))
    .map((name) => ({ name, negatable: options.boolean.includes(name) && options.default[name] === true }));
}

const commands: DocCommand[] = DOCS.flatMap((doc) => extractCommands(doc, read(doc)));

describe('the commands the docs show', () => {
  it('are found in code blocks and inline code', () => {
    expect(commands.length).toBeGreaterThan(50);
    expect(commands.some((c) => c.doc === 'README.md' && c.args[0] === 'run')).toBe(true);
  });

  it.each(DOCS)('in %s parse with the CLI in strict mode (an unknown command or flag names the doc and line)', async (doc) => {
    const failures: string[] = [];
    for (const c of commands.filter((x) => x.doc === doc)) {
      const error = await parseError(c.args);
      // Prose names commands in part (`statebench tune`, `statebench tune -b NAME`): what is
      // there must exist, what is left out is not checked.
      const mention = error !== null && /^(Missing required argument|Not enough non-option arguments)/.test(error);
      if (error !== null && !mention) failures.push(`${c.doc}:${c.line}: ${c.text}\n    ${error}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('fail the check when a flag or command does not exist', async () => {
    expect(await parseError(['overhead', '-b', 'heap', '--semantics', 'per-write'])).toMatch(/Unknown argument/);
    expect(await parseError(['tune', '-b', 'lsm', '-w', 'ycsb-a', '--eta', '3'])).toMatch(/Unknown argument/);
    expect(await parseError(['frobnicate'])).toMatch(/Unknown argument/);
    expect(await parseError(['compare', 'a', 'b', '--resamples', '2000', '--seed', '3'])).toBeNull();
  });
});

describe('reading commands out of Markdown', () => {
  it('takes usage notation as a user reads it', () => {
    expect(commandWords('durability --backend B [--set backend.knob=v1,v2 ...] [--json]   # note')).toEqual(['durability', '--backend', 'B', '--set', 'backend.knob=v1,v2', '--json']);
    expect(commandWords('compare a b --format text\\|md || true')).toEqual(['compare', 'a', 'b', '--format', 'text|md']);
    expect(commandWords('run --shard ${{ matrix.i }}/4 --out "my dir" > doc.json')).toEqual(['run', '--shard', 'X/4', '--out', 'my dir']);
  });

  it('finds commands in fenced blocks (with continuations), indented blocks and inline code', () => {
    const md = [
      'Run `statebench run -b heap`, or `npx statebench',
      'keys --top 3`.',
      '',
      '```sh',
      'statebench run -b lsm \\',
      '  --records 1000   # small',
      'echo statebench: not a command',
      '```',
      '',
      '    node bin/statebench.js overhead -b heap',
      '',
      '```yaml',
      '    BENCH: run -b lsm --repeat 5',
      '  run: node bin/statebench.js $BENCH --out base',
      '```',
    ].join('\n');
    expect(extractCommands('x.md', md).map((c) => [c.line, c.args.join(' ')])).toEqual([
      [1, 'run -b heap'],
      [1, 'keys --top 3'],
      [5, 'run -b lsm --records 1000'],
      [10, 'overhead -b heap'],
      [14, 'run -b lsm --repeat 5 --out base'],
    ]);
  });
});

describe('sections headed by a command', () => {
  it('run from the heading to the next heading of its level or above', () => {
    const md = ['# Top', '## Flags of `statebench tune` and statebench keys', '`--trials`', '### More', '`--top`', '## Other', '`--seed`'].join('\n');
    const sections = commandSections(md);
    expect([...sections.keys()]).toEqual(['tune', 'keys']);
    expect(sections.get('tune')?.join('\n')).toContain('--top');
    expect(sections.get('keys')?.join('\n')).not.toContain('--seed');
  });

  it('take a command name with a hyphen whole', () => {
    expect([...commandSections('### statebench flink-memory\n`--json`').keys()]).toEqual(['flink-memory']);
  });
});

describe('every flag of every command', () => {
  const sections = new Map<string, string[]>();
  for (const doc of DOCS) {
    for (const [name, bodies] of commandSections(read(doc))) sections.set(name, [...(sections.get(name) ?? []), ...bodies]);
  }

  it.each(COMMANDS.map((c) => [commandName(c), c] as const))('statebench %s: each flag is named in a section headed by the command', async (name, command) => {
    const text = (sections.get(name) ?? []).join('\n');
    expect(text, `no section of README.md or docs/*.md is headed "statebench ${name}"`).not.toBe('');
    const missing = (await declaredOptions(command)).filter((o) => !text.includes(`--${o.name}`) && !(o.negatable && text.includes(`--no-${o.name}`)));
    expect(missing.map((o) => `--${o.negatable ? 'no-' : ''}${o.name}`), `flags of statebench ${name} in no section headed by it`).toEqual([]);
  });
});

// Flags the docs name that belong to other tools: Node's and db_bench's.
const OTHER_TOOLS_FLAGS = new Set(['expose-gc', 'max-old-space-size', 'perf_level', 'simulate_hdd', 'simulate_hybrid_fs_file']);

describe('flags named on their own in inline code (`--flag`)', () => {
  it('are flags of a statebench command, or of a tool the doc names', async () => {
    const known = new Set(['help', 'version', 'debug', ...OTHER_TOOLS_FLAGS]);
    for (const command of COMMANDS) for (const o of await declaredOptions(command)) known.add(o.name);
    const unknown = DOCS.flatMap((doc) =>
      read(doc)
        .split('\n')
        .flatMap((line, i) => [...line.matchAll(/`--(?:no-)?([a-z][a-z0-9_-]*)/g)].map((m) => ({ flag: m[1] as string, where: `${doc}:${i + 1}` }))),
    ).filter((f) => !known.has(f.flag));
    expect(unknown.map((f) => `${f.where}: --${f.flag}`)).toEqual([]);
  });
});
