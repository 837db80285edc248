// The parent side of a micro cell: fork the child entry, send the spec, relay its lines, and turn
// every way a child can end into a cell result (a child that dies yields an errored cell).

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CellResult } from '../../core/result/schema.js';
import type { MicroChildMessage, MicroParentMessage } from './messages.js';
import { microWorkloadRef, type MicroCellSpec, type MicroStateInfo } from './spec.js';

export interface SpawnedMicroCell {
  readonly child: ChildProcess;
  readonly result: Promise<{ cell: CellResult; state: MicroStateInfo | null }>;
  /** Ask the child to stop after its current task and report what it measured. */
  stop(): void;
  kill(): void;
}

function childEntry(): { path: string; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from TypeScript sources (tests): the child needs the same loader.
    return { path: fileURLToPath(new URL('./child.ts', here)), execArgv: ['--import', 'tsx'] };
  }
  return { path: fileURLToPath(new URL('./child.js', here)), execArgv: [] };
}

export function spawnMicroCell(spec: MicroCellSpec, onLine?: (line: string) => void): SpawnedMicroCell {
  const entry = childEntry();
  // --expose-gc: the cell collects garbage between tasks, outside every timed call.
  const child = fork(entry.path, [], {
    execArgv: [...entry.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'json',
  });
  let final: { cell: CellResult; state: MicroStateInfo | null } | null = null;
  let crashMessage: string | null = null;
  let stopRequested = false;
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });
  child.on('message', (raw: unknown) => {
    const msg = raw as MicroChildMessage;
    if (msg.type === 'line') onLine?.(msg.line);
    else if (msg.type === 'done') final = { cell: msg.cell, state: msg.state };
    else crashMessage = msg.message;
  });

  const result = new Promise<{ cell: CellResult; state: MicroStateInfo | null }>((resolve) => {
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      if (final) return resolve(final);
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const detail = crashMessage ?? lastLine(stderrTail);
      const base = {
        id: spec.id,
        backend: spec.backend,
        knobs: { ...spec.knobs },
        workload: microWorkloadRef(spec),
        repeat: spec.repeat,
        seed: spec.seed,
        startedAt: null,
        warnings: [],
        phases: {},
        engine: null,
        resources: null,
        checkpoints: [],
      };
      const cell: CellResult =
        stopRequested && signal
          ? { ...base, status: 'interrupted' }
          : {
              ...base,
              status: 'errored',
              // A message from the child says what failed; otherwise how the process ended is the news.
              error: crashMessage !== null ? `micro cell failed: ${crashMessage}` : `micro cell process ${how}${detail ? `: ${detail}` : ''}`,
            };
      resolve({ cell, state: null });
    };
    child.on('exit', finish);
    child.on('error', (err) => {
      crashMessage = crashMessage ?? err.message;
      finish(null, null);
    });
  });

  child.send({ type: 'start', spec } satisfies MicroParentMessage);
  return {
    child,
    result,
    stop: () => {
      stopRequested = true;
      if (child.connected) child.send({ type: 'stop' } satisfies MicroParentMessage);
    },
    kill: () => {
      stopRequested = true;
      child.kill('SIGKILL');
    },
  };
}

function lastLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
