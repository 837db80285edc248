// Remote state against local (lsm.remote sweeps): each remote lsm configuration's throughput
// relative to its local baseline, against the reads kept in flight, one line per file cache size,
// one column per workload and store; a rule at 1 (local) and one at the finding's target.

import type { TopLevelSpec } from 'vega-lite';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { formatNumber } from '../../core/numbers.js';
import type { ReportModel } from '../model/report-model.js';
import { FINDING_TARGET, fileCacheLabel, readsLabel, remotePoints } from '../model/remote-sweep.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';

export function remoteSweepChart(model: ReportModel): Chart | null {
  const points = remotePoints(model);
  if (points.length === 0) return null;
  const rows = points.map((p) => ({
    column: `${p.workload} (${p.store})`,
    // Ordinal: 0 (synchronous reads) has a place on the axis, before 1.
    reads: p.readsInFlight === 0 ? 'sync' : String(p.readsInFlight),
    readsOrder: p.readsInFlight,
    cache: fileCacheLabel(p.fileCacheBytes),
    cacheOrder: p.fileCacheBytes,
    relative: p.relative,
    remote: p.throughput,
    local: p.localThroughput,
    hit: p.fileCacheHitRatio === null ? '–' : formatNumber(p.fileCacheHitRatio, 2),
    readsText: readsLabel(p.readsInFlight),
    repeats: `${p.remote.config.ok.length} of ${p.remote.config.cells.length} ok`,
  }));
  const x = { field: 'reads', type: 'ordinal', title: 'reads in flight (lsm.asyncReads)', sort: { field: 'readsOrder' }, axis: { labelAngle: 0 } };
  const y = { field: 'relative', type: 'quantitative', title: 'throughput relative to local lsm', scale: { zero: true } };
  const color = { field: 'cache', type: 'nominal', title: 'file cache', sort: { field: 'cacheOrder' } };
  const tooltip = [
    { field: 'column', type: 'nominal', title: 'workload (store)' },
    { field: 'cache', type: 'nominal', title: 'file cache' },
    { field: 'readsText', type: 'nominal', title: 'reads' },
    { field: 'relative', type: 'quantitative', title: 'relative to local', format: '.2f' },
    { field: 'remote', type: 'quantitative', title: 'remote ops/s', format: ',.0f' },
    { field: 'local', type: 'quantitative', title: 'local ops/s', format: ',.0f' },
    { field: 'hit', type: 'nominal', title: 'file cache hit ratio' },
    { field: 'repeats', type: 'nominal' },
  ];
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'column', type: 'nominal', title: 'workload (remote store)', sort: null } },
    spec: {
      width: 360,
      height: 220,
      layer: [
        { mark: { type: 'line', point: true }, encoding: { x, y, color, tooltip } },
        ...[1, FINDING_TARGET].map((at) => ({ mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { datum: at } } })),
      ],
    },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.remoteSweep,
    title: 'Remote state against local',
    caption:
      'Each remote lsm configuration (SST files on the emulated store) over its local baseline, run-phase throughput as a median over repeats, ' +
      `against the reads kept in flight, one line per file cache size; dashed rules at local (1) and at ${FINDING_TARGET} of local.`,
    spec,
  };
}
