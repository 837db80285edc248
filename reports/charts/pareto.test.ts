import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto.js';

describe('paretoFront', () => {
  it('keeps the points no other point beats on both throughput and p99', () => {
    const points = [
      { throughput: 100, p99Us: 10 }, // front: fastest
      { throughput: 50, p99Us: 2 }, // front: lowest p99
      { throughput: 80, p99Us: 5 }, // front: between
      { throughput: 70, p99Us: 6 }, // dominated by 80/5
      { throughput: 100, p99Us: 12 }, // dominated by 100/10 (same speed, worse tail)
    ];
    expect([...paretoFront(points)].sort()).toEqual([0, 1, 2]);
  });

  it('keeps both of two identical points', () => {
    expect(paretoFront([{ throughput: 1, p99Us: 1 }, { throughput: 1, p99Us: 1 }]).size).toBe(2);
  });
});
