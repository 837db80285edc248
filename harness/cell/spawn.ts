// The parent side of a cell: fork the child, send the spec, relay progress, and turn every way
// a child can end into a cell result. A child that dies (crash, kill -9, out of memory) yields
// an errored cell carrying the phases it had already reported.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { ChildMessage, ParentMessage } from './messages.js';
import type { CellSpec } from './spec.js';
import { describeSpecRef } from './spec-ref.js';

export interface SpawnedCell {
  readonly child: ChildProcess;
  readonly result: Promise<CellResult>;
  /** Ask the child to stop at its next interval boundary and report what it measured. */
  stop(): void;
  /** Kill the child at once. */
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

export function spawnCell(
  spec: CellSpec,
  onProgress?: (p: PhaseProgress) => void,
  onPhase?: (name: 'load' | 'run', result: PhaseResult) => void,
): SpawnedCell {
  const entry = childEntry();
  const child = fork(entry.path, [], {
    execArgv: [...entry.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'json',
  });
  const phases: { load?: PhaseResult; run?: PhaseResult } = {};
  let final: CellResult | null = null;
  let crashMessage: string | null = null;
  let stopRequested = false;
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });

  child.on('message', (raw: unknown) => {
    const msg = raw as ChildMessage;
    switch (msg.type) {
      case 'progress':
        onProgress?.(msg.progress);
        break;
      case 'phase':
        phases[msg.name] = msg.result;
        onPhase?.(msg.name, msg.result);
        break;
      case 'done':
        final = msg.cell;
        break;
      case 'crashed':
        crashMessage = msg.message;
        break;
    }
  });

  const result = new Promise<CellResult>((resolve) => {
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (settled) return;
      settled = true;
      if (final) return resolve(final);
      const base = describeSpecRef(spec);
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const detail = crashMessage ?? lastLine(stderrTail);
      const measured = { phases, engine: null, resources: null, checkpoints: [] };
      if (stopRequested && signal) {
        resolve({ ...base, status: 'interrupted', ...measured });
      } else {
        resolve({ ...base, status: 'errored', error: `cell process ${how}${detail ? `: ${detail}` : ''}`, ...measured });
      }
    };
    child.on('exit', finish);
    child.on('error', (err) => {
      crashMessage = crashMessage ?? err.message;
      finish(null, null);
    });
  });

  const msg: ParentMessage = { type: 'start', spec };
  child.send(msg);
  return {
    child,
    result,
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

function lastLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
