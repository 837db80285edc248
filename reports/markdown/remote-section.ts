// The "Remote state" part of summary.md: a remote-state sweep's findings and each remote
// configuration beside its local baseline. Every string from the document goes through
// escapeMarkdownCell.

import { formatNumber } from '../../core/numbers.js';
import { escapeMarkdownCell as md } from '../escape.js';
import type { ReportModel } from '../model/report-model.js';
import { REMOTE_TEXT, fileCacheLabel, readsLabel, remoteFindings, remotePoints } from '../model/remote-sweep.js';

const n = (v: number | null | undefined, digits = 3): string => md(formatNumber(v, digits));

export function remoteMarkdown(model: ReportModel, table: (headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]) => string): string[] {
  const points = remotePoints(model);
  if (points.length === 0) return [];
  return [
    '### Remote state',
    '',
    md(REMOTE_TEXT),
    '',
    ...remoteFindings(points).map((f) => `- ${md(f)}`),
    '',
    table(
      ['workload (store)', 'file cache', 'reads', 'remote ops/s', 'local ops/s', 'relative', 'file cache hit ratio', 'read wait on the store (ms)'],
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
      points.map((p) => [
        md(`${p.workload} (${p.store})`),
        md(fileCacheLabel(p.fileCacheBytes)),
        md(readsLabel(p.readsInFlight)),
        n(p.throughput),
        n(p.localThroughput),
        n(p.relative, 2),
        n(p.fileCacheHitRatio, 2),
        n(p.remoteReadWaitMs),
      ]),
    ),
    '',
  ];
}
