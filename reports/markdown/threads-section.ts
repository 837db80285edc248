// The "Threads" part of summary.md: per workload run with more than one thread, a table of
// configuration × threads with the throughput summed over the threads, the speed-up, p99 and each
// thread's share of the sum. Every string from the document goes through escapeMarkdownCell.

import { escapeMarkdownCell as md } from '../escape.js';
import { formatNumber } from '../../core/numbers.js';
import type { ReportModel } from '../model/report-model.js';
import { THREADS_TEXT, threadedWorkloads, unevenShare } from '../model/thread-scaling.js';

const n = (v: number | null | undefined): string => md(formatNumber(v));

export function threadsMarkdown(model: ReportModel, table: (headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]) => string): string[] {
  const workloads = threadedWorkloads(model);
  if (workloads.length === 0) return [];
  const out = ['### Threads', '', md(THREADS_TEXT), ''];
  for (const w of workloads) {
    out.push(`**${md(w.workload)}** at ${w.threadCounts.join(', ')} thread(s):`, '');
    const rows = w.lines.flatMap((line) =>
      line.points.map((p, i) => [
        i === 0 ? md(line.label) : '',
        String(p.threads),
        n(p.throughput),
        p.speedup === null ? '–' : `${n(p.speedup)}×`,
        n(p.p99Us),
        p.perThread.map((t) => {
          const share = t.share === null ? '–' : `${formatNumber(t.share * 100)} %`;
          return `#${t.thread} ${n(t.windowOpsPerSec)} (${unevenShare(t.share, p.threads) ? `**${md(share)}**` : md(share)})`;
        }).join('<br>') || '–',
      ]),
    );
    out.push(table(['configuration', 'threads', 'ops/s (sum)', 'speed-up', 'p99 µs', 'per thread: ops/s in the window (share)'], ['l', 'r', 'r', 'r', 'r', 'l'], rows), '');
  }
  return out;
}
