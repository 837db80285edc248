// Resources a cell used, measured from the OS and the runtime (never estimated):
// peak RSS and CPU from getrusage, GC pauses from perf_hooks, process write bytes from
// /proc/self/io (Linux), the data directory's size on disk.

import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Resources } from '../../core/result/schema.js';
import { round3 } from '../../core/numbers.js';

/** Bytes this process caused to be written to storage (/proc/self/io write_bytes), or null. */
export function processWriteBytes(): number | null {
  try {
    const m = /^write_bytes:\s*(\d+)/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Allocated bytes on disk of everything under `dir` (blocks, not apparent sizes). */
export function diskUsageBytes(dir: string): number | null {
  try {
    let total = 0;
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        const s = lstatSync(p);
        if (s.isDirectory()) walk(p);
        else total += s.blocks > 0 ? s.blocks * 512 : s.size;
      }
    };
    walk(dir);
    return total;
  } catch {
    return null;
  }
}

/** Sums the duration of garbage collections while started. */
export class GcMeter {
  private totalMs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.totalMs += e.duration;
  });

  start(): this {
    this.observer.observe({ entryTypes: ['gc'] });
    return this;
  }

  stop(): number {
    // Deliver entries still buffered before disconnecting.
    for (const e of this.observer.takeRecords()) this.totalMs += e.duration;
    this.observer.disconnect();
    return round3(this.totalMs);
  }
}

export interface ResourceStart {
  readonly cpu: NodeJS.CpuUsage;
  readonly ioWrite: number | null;
  /** The process's resident memory before the engine opens: the harness's own share (Node, the harness, the value pool). */
  readonly rss: number;
}

export function startResources(): ResourceStart {
  return { cpu: process.cpuUsage(), ioWrite: processWriteBytes(), rss: process.memoryUsage.rss() };
}

export function peakRssBytes(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

/** Bytes this process wrote to storage since `start` (ResourceStart.ioWrite), or null when unknown. */
export function writeBytesSince(start: number | null): number | null {
  const end = processWriteBytes();
  return start === null || end === null ? null : end - start;
}

/** What a cell used since `res0`: the resources record of the result document. */
export function collectResources(res0: ResourceStart, gcPauseMs: number, diskBytes: number | null): Resources {
  const cpu = process.cpuUsage(res0.cpu);
  return {
    rssPeakBytes: peakRssBytes(),
    rssAtStartBytes: res0.rss,
    cpuUserMs: Math.round(cpu.user / 1000),
    cpuSysMs: Math.round(cpu.system / 1000),
    gcPauseMs,
    diskBytes,
    ioWriteBytes: writeBytesSince(res0.ioWrite),
  };
}
