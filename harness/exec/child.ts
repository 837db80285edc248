// Entry point of every child process statebench forks (spawn.ts): it waits for its one job, runs
// it, streams what the job reports to the parent, sends the result, and exits. One job per
// process, so a native engine's crash, leak or kill stays inside the job.

import type { PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { ChildMessage, Job, JobKind, JobOf, JobResults, ParentMessage } from './jobs.js';

interface JobContext {
  send(msg: ChildMessage): void;
  shouldStop(): boolean;
}

// Each kind loads only its own code (a run cell does not load tinybench, a durability writer
// neither the runner).
const RUNNERS: { readonly [K in JobKind]: (job: JobOf<K>, c: JobContext) => Promise<JobResults[K]> } = {
  cell: async ({ spec }, c) => {
    const events = {
      onProgress: (progress: PhaseProgress) => c.send({ type: 'progress', progress }),
      onPhase: (name: 'load' | 'run', result: PhaseResult) => c.send({ type: 'phase', name, result }),
      shouldStop: c.shouldStop,
    };
    // --threads: the slots run in worker threads of this process (threaded-cell.ts).
    return (spec.threads ?? 1) > 1 ? (await import('../cell/threaded-cell.js')).runThreadedCell(spec, events) : (await import('../cell/run-cell.js')).runCell(spec, events);
  },
  micro: async ({ spec }, c) =>
    (await import('../micro/run-micro-cell.js')).runMicroCell(spec, {
      onLine: (line) => c.send({ type: 'line', line }),
      shouldStop: c.shouldStop,
    }),
  'durability-writer': async ({ spec }) => (await import('../durability-child/jobs.js')).runWriter(spec),
  'durability-checker': async ({ spec }) => (await import('../durability-child/jobs.js')).runChecker(spec),
};

let stopRequested = false;
let ending = false;

function send(msg: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

async function run(job: Job): Promise<void> {
  const runner = RUNNERS[job.kind] as (job: Job, c: JobContext) => Promise<JobResults[JobKind]>;
  try {
    const result = await runner(job, { send: (msg) => void send(msg), shouldStop: () => stopRequested });
    await send({ type: 'done', result });
  } catch (err) {
    await send({ type: 'crashed', message: err instanceof Error ? err.message : String(err) });
  }
  // The message says how the job went; the exit code stays 0 (the parent reads the message).
  ending = true;
  process.disconnect?.();
  process.exit(0);
}

// Ctrl-C in a terminal reaches the whole process group: the parent decides; the job only stops
// at its next boundary (an interval, a micro task) and reports what it measured.
process.on('SIGINT', () => {
  stopRequested = true;
});

// The parent is gone (killed, or ended without waiting): nobody reads what this job measures.
process.on('disconnect', () => {
  if (!ending) process.exit(1);
});

process.on('message', (raw: unknown) => {
  const msg = raw as ParentMessage;
  if (msg.type === 'stop') stopRequested = true;
  else if (msg.type === 'start') void run(msg.job);
});
