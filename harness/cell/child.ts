// Entry point of a cell's child process: waits for its spec, runs the cell, streams progress
// and each finished phase to the parent, then sends the cell result and exits.
// One native engine per process, so a crash or a leak stays inside the cell.

import { runCell } from './run-cell.js';
import type { ChildMessage, ParentMessage } from './messages.js';

let stopRequested = false;

function send(msg: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

// Ctrl-C in a terminal reaches the whole process group: the parent decides, the child only stops
// at the next interval boundary and reports what it measured.
process.on('SIGINT', () => {
  stopRequested = true;
});

process.on('message', (raw: unknown) => {
  const msg = raw as ParentMessage;
  if (msg.type === 'stop') {
    stopRequested = true;
    return;
  }
  if (msg.type === 'start') {
    void (async () => {
      try {
        const cell = await runCell(msg.spec, {
          onProgress: (progress) => void send({ type: 'progress', progress }),
          onPhase: (name, result) => void send({ type: 'phase', name, result }),
          shouldStop: () => stopRequested,
        });
        await send({ type: 'done', cell });
      } catch (err) {
        await send({ type: 'crashed', message: err instanceof Error ? err.message : String(err) });
      }
      process.disconnect?.();
      process.exit(0);
    })();
  }
});
