// Progress on stderr: a one-line bar redrawn in place on a TTY; plain lines every few seconds
// otherwise (CI logs). Never on stdout, which --json keeps for the document.

import type { PhaseProgress } from '../runner/phase.js';
import { formatWhole } from '../../core/numbers.js';

export interface ProgressSink {
  cellStarted(index: number, total: number, id: string): void;
  update(p: PhaseProgress): void;
  phaseFinished(phase: string, ops: number, durationMs: number, opsPerSec: number | null): void;
  cellFinished(id: string, status: string, opsPerSec: number | null): void;
  line(text: string): void;
}


export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressSink {
  const tty = stream.isTTY === true;
  let label = '';
  let lastPlain = 0;
  const PLAIN_EVERY_MS = 5000;
  const clear = (): void => {
    if (tty) stream.write('\r\x1b[2K');
  };
  return {
    cellStarted(index, total, id) {
      label = `[${index + 1}/${total}] ${id}`;
      if (quiet) return;
      clear();
      if (tty) stream.write(label);
      else stream.write(`${label}: started\n`);
      lastPlain = Date.now();
    },
    update(p) {
      if (quiet) return;
      const fraction =
        p.totalOps !== null && p.totalOps > 0 ? p.ops / p.totalOps : p.durationMs ? p.elapsedMs / p.durationMs : null;
      const pct = fraction !== null ? Math.min(100, Math.floor(fraction * 100)) : null;
      const etaS = fraction !== null && fraction > 0 ? Math.max(0, (p.elapsedMs / fraction - p.elapsedMs) / 1000) : null;
      const text = `${label} ${p.phase} ${pct !== null ? `${pct}% ` : ''}${formatWhole(p.ops)} ops ${formatWhole(p.opsPerSec)} ops/s${
        etaS !== null ? ` ETA ${etaS.toFixed(0)}s` : ''
      }`;
      if (tty) {
        const width = (stream.columns ?? 100) - 1;
        const filled = pct !== null ? Math.round((pct / 100) * 20) : 0;
        const bar = pct !== null ? `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ` : '';
        clear();
        stream.write(`${bar}${text}`.slice(0, width));
      } else if (Date.now() - lastPlain >= PLAIN_EVERY_MS) {
        stream.write(`${text}\n`);
        lastPlain = Date.now();
      }
    },
    phaseFinished(phase, ops, durationMs, opsPerSec) {
      if (quiet) return;
      const text = `${label} ${phase} done: ${formatWhole(ops)} ops in ${(durationMs / 1000).toFixed(1)}s${opsPerSec !== null ? `, ${formatWhole(opsPerSec)} ops/s` : ''}`;
      if (tty) {
        clear();
        stream.write(text.slice(0, (stream.columns ?? 100) - 1));
      } else {
        stream.write(`${text}\n`);
      }
    },
    cellFinished(id, status, opsPerSec) {
      if (quiet) return;
      clear();
      stream.write(`${label.split(' ')[0]} ${id}: ${status}${opsPerSec !== null ? `, ${formatWhole(opsPerSec)} ops/s` : ''}\n`);
    },
    line(text) {
      if (quiet) return;
      clear();
      stream.write(`${text}\n`);
    },
  };
}
