// Runs the built CLI (dist/, built by `npm test` before vitest) as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/statebench.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function startCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; detached?: boolean } = {}): {
  child: ChildProcess;
  done: Promise<CliResult>;
  stderrSoFar: () => string;
} {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderrSoFar: () => stderr };
}

export function runCliProcess(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return startCli(args, opts).done;
}

export async function waitFor(pred: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Ctrl-C as a terminal sends it (to the whole process group of a `detached` run), a second after its first load ended. */
export async function interruptAfterLoad(run: ReturnType<typeof startCli>): Promise<CliResult> {
  await waitFor(() => run.stderrSoFar().includes('load done'), 30_000);
  await new Promise((r) => setTimeout(r, 1000));
  process.kill(-(run.child.pid as number), 'SIGINT');
  return run.done;
}
