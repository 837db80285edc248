// The Pareto front of configurations: none other is at least as fast with at most the same p99
// and strictly better in one of them.

export interface TradeoffPoint {
  readonly throughput: number;
  readonly p99Us: number;
}

/** Indices of the points on the front (higher throughput and lower p99 are better). */
export function paretoFront(points: readonly TradeoffPoint[]): Set<number> {
  const front = new Set<number>();
  points.forEach((p, i) => {
    const dominated = points.some(
      (q, j) =>
        j !== i &&
        q.throughput >= p.throughput &&
        q.p99Us <= p.p99Us &&
        (q.throughput > p.throughput || q.p99Us < p.p99Us),
    );
    if (!dominated) front.add(i);
  });
  return front;
}
