// Entry point of a micro cell's child process: waits for its spec, runs the cell, sends progress
// lines and the result, then exits. One backend per process, so engines never share a process.

import type { MicroChildMessage, MicroParentMessage } from './messages.js';
import { runMicroCell } from './run-micro-cell.js';

let stopRequested = false;

function send(msg: MicroChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(msg, undefined, {}, () => resolve());
  });
}

// Ctrl-C reaches the whole process group: the parent decides; the child stops between tasks.
process.on('SIGINT', () => {
  stopRequested = true;
});

process.on('message', (raw: unknown) => {
  const msg = raw as MicroParentMessage;
  if (msg.type === 'stop') {
    stopRequested = true;
    return;
  }
  void (async () => {
    try {
      const { cell, state } = await runMicroCell(msg.spec, {
        onLine: (line) => void send({ type: 'line', line }),
        shouldStop: () => stopRequested,
      });
      await send({ type: 'done', cell, state });
    } catch (err) {
      await send({ type: 'crashed', message: err instanceof Error ? err.message : String(err) });
    }
    process.disconnect?.();
    process.exit(0);
  })();
});
