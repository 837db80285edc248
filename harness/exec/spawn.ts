// The parent side of every child process: fork the one child entry (child.ts), send it its job,
// relay what it reports, and turn every way a child can end (its result, a crash message, a kill,
// an exit code, the tail of its stderr) into one outcome.

import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import { cellHeapExecArgv, looksOutOfMemory, outOfMemoryReason } from './heap-limit.js';
import { ACK_FD } from '../durability-child/spec.js';
import type { ChildMessage, JobKind, JobOf, JobResults, ParentMessage } from './jobs.js';

export interface JobHandlers {
  onProgress?(p: PhaseProgress): void;
  onPhase?(name: 'load' | 'run', result: PhaseResult): void;
  onLine?(line: string): void;
  /** A line on the acknowledgement pipe (durability writers). */
  onAck?(line: string): void;
}

/** How the child ended, whatever the outcome. */
export interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The job's own message when it threw. */
  readonly crash: string | null;
  readonly stderrTail: string;
  /** Every line of the acknowledgement pipe (empty for jobs without one). */
  readonly acks: readonly string[];
}

export type JobOutcome<R> = ChildEnd &
  (
    | { readonly status: 'done'; readonly result: R }
    /** Killed after the parent asked it to stop or killed it. */
    | { readonly status: 'interrupted' }
    /** `how`: killed by SIGNAL or exited with code N; `detail`: the crash message or stderr's last line. */
    | { readonly status: 'errored'; readonly how: string; readonly detail: string }
  );

export interface SpawnedJob<R> {
  readonly child: ChildProcess;
  readonly outcome: Promise<JobOutcome<R>>;
  /** Ask the job to stop at its next boundary and report what it measured. */
  stop(): void;
  /** Kill the child at once (SIGKILL). */
  kill(): void;
}

/** 'killed by SIGKILL: out of memory', from an errored outcome. */
export function describeEnd(o: { readonly how: string; readonly detail: string }): string {
  return `${o.how}${o.detail ? `: ${o.detail}` : ''}`;
}

export function lastLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

function childEntry(): { path: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (tests): the child needs the same loader.
    return { path: fileURLToPath(new URL('./child.ts', here)), execArgv: ['--import', 'tsx'] };
  }
  return { path: fileURLToPath(new URL('./child.js', here)), execArgv: [] };
}

// Durability children print nothing on stdout (the command's --json is there). The writer gets the
// acknowledgement pipe at ACK_FD, before the IPC channel (fork wants exactly one 'ipc', anywhere).
const STDIO: { readonly [K in JobKind]: StdioOptions } = {
  cell: ['ignore', 'inherit', 'pipe', 'ipc'],
  micro: ['ignore', 'inherit', 'pipe', 'ipc'],
  'durability-writer': ['ignore', 'ignore', 'pipe', 'pipe', 'ipc'],
  'durability-checker': ['ignore', 'ignore', 'pipe', 'ipc'],
};

export function spawnJob<K extends JobKind>(job: JobOf<K>, handlers: JobHandlers = {}): SpawnedJob<JobResults[K]> {
  const entry = childEntry();
  // --expose-gc: cells collect garbage between phases and tasks, outside every timed call. A run
  // cell gets the JS heap limit STATEBENCH_CELL_HEAP sets (heap-limit.ts).
  const heapLimit = job.kind === 'cell' ? cellHeapExecArgv() : [];
  const child = fork(entry.path, [], { execArgv: [...entry.execArgv, '--expose-gc', ...heapLimit], stdio: STDIO[job.kind], serialization: 'json' });
  let result: { value: JobResults[K] } | null = null;
  let crash: string | null = null;
  let stopRequested = false;
  let stderrTail = '';
  // Seen as it streams: V8's report can scroll out of the tail behind its native stack trace.
  let outOfMemory = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
    outOfMemory ||= looksOutOfMemory(stderrTail);
  });
  child.on('message', (raw: unknown) => {
    const msg = raw as ChildMessage;
    switch (msg.type) {
      case 'progress':
        return handlers.onProgress?.(msg.progress);
      case 'phase':
        return handlers.onPhase?.(msg.name, msg.result);
      case 'line':
        return handlers.onLine?.(msg.line);
      case 'done':
        result = { value: msg.result as JobResults[K] };
        return;
      case 'crashed':
        crash = msg.message;
        return;
    }
  });
  const acks: string[] = [];
  const pipe = job.kind === 'durability-writer' ? (child.stdio[ACK_FD] as NodeJS.ReadableStream) : null;
  const pipeDrained = pipe
    ? readLines(pipe, (line) => {
        acks.push(line);
        handlers.onAck?.(line);
      })
    : Promise.resolve();

  const outcome = new Promise<JobOutcome<JobResults[K]>>((resolve) => {
    let settled = false;
    const settle = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      const end: ChildEnd = { code, signal, crash, stderrTail, acks };
      if (result) return resolve({ ...end, status: 'done', result: result.value });
      if (stopRequested && signal) return resolve({ ...end, status: 'interrupted' });
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const detail = crash ?? (outOfMemory ? outOfMemoryReason(stderrTail) : lastLine(stderrTail));
      resolve({ ...end, status: 'errored', how, detail });
    };
    // A killed writer's last acknowledgements may still sit in the pipe when 'exit' fires.
    child.on('exit', (code, signal) => void pipeDrained.then(() => settle(code, signal)));
    child.on('error', (err) => {
      crash = crash ?? err.message;
      settle(null, null);
    });
  });

  child.send({ type: 'start', job } satisfies ParentMessage);
  return {
    child,
    outcome,
    stop: () => {
      stopRequested = true;
      if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
    },
    kill: () => {
      stopRequested = true;
      child.kill('SIGKILL');
    },
  };
}

/** Calls `onLine` with each whole line of `stream`; resolves once the stream has closed. */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  let partial = '';
  stream.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const l of parts) onLine(l);
  });
  return new Promise((resolve) => stream.on('close', () => resolve()));
}
