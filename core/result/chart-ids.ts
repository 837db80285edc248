// The chart ids of the HTML report that recommendations point at as evidence: part of the result
// document (Recommendation.evidence[].chart), so the advice that writes them and the report that
// draws the charts share one list.

/** The ids recommendations refer to in evidence[].chart (knob sweeps add "-<backend>-<knob>"). */
export const CHART_IDS = {
  throughput: 'throughput',
  latencySpectrum: 'latency-spectrum',
  timeline: 'timeline',
  knobSweep: 'knob-sweep',
  tradeoff: 'tradeoff',
  amplification: 'amplification',
  micro: 'micro',
  scaling: 'scaling',
  threadScaling: 'thread-scaling',
  remoteSweep: 'remote-sweep',
  ttlCleanup: 'ttl-cleanup',
} as const;
