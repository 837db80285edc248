// Starts a durability child with fd 3 as a pipe, and collects its lines.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildSpec } from './spec.js';

function childEntry(): { path: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { path: fileURLToPath(new URL('./child.ts', here)), execArgv: ['--import', 'tsx'] };
  return { path: fileURLToPath(new URL('./child.js', here)), execArgv: [] };
}

export interface ChildEnd {
  readonly lines: readonly string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

export interface Child {
  readonly process: ChildProcess;
  /** Resolves at the first line equal to `line`; rejects on timeout or if the child ends first. */
  waitFor(line: string, timeoutMs: number): Promise<void>;
  /** Every line, once the child has exited and its pipe is drained. */
  readonly ended: Promise<ChildEnd>;
}

export function startChild(spec: ChildSpec): Child {
  const entry = childEntry();
  const proc = spawn(process.execPath, [...entry.execArgv, entry.path, JSON.stringify(spec)], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let stderr = '';
  let partial = '';
  proc.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const pipe = proc.stdio[3] as NodeJS.ReadableStream;
  pipe.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const l of parts) {
      lines.push(l);
      for (let j = waiters.length - 1; j >= 0; j--) {
        const w = waiters[j] as { line: string; resolve: () => void };
        if (w.line === l) {
          waiters.splice(j, 1);
          w.resolve();
        }
      }
    }
  });
  const pipeClosed = new Promise<void>((resolve) => pipe.on('close', () => resolve()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const ended: Promise<ChildEnd> = Promise.all([pipeClosed, exited]).then(([, e]) => ({ lines, ...e, stderr }));

  const waitFor = (line: string, timeoutMs: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (lines.includes(line)) return resolve();
      const why = (): string => (stderr ? `: ${lastLine(stderr)}` : '');
      const timer = setTimeout(() => reject(new Error(`the child did not say '${line}' within ${timeoutMs} ms${why()}`)), timeoutMs);
      waiters.push({
        line,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      void ended.then(() => {
        clearTimeout(timer);
        reject(new Error(`the child ended before saying '${line}'${why()}`));
      });
    });
  return { process: proc, waitFor, ended };
}

export function lastLine(s: string): string {
  const ls = s.trim().split('\n');
  return ls[ls.length - 1] ?? '';
}
