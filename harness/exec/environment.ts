// The environment fingerprint stored in every result document.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import type { Environment } from '../../core/result/schema.js';
import type { ClockInfo } from '../recorder/clock.js';

/** The file system type of the mount holding `dir`, from /proc/mounts (longest prefix wins). */
export function fileSystemType(dir: string): string | null {
  try {
    const full = resolve(dir);
    let best: { mount: string; type: string } | null = null;
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (!mount || !type) continue;
      const m = mount.replace(/\\040/g, ' ');
      if ((full === m || full.startsWith(m.endsWith('/') ? m : `${m}/`)) && (!best || m.length > best.mount.length)) {
        best = { mount: m, type };
      }
    }
    return best?.type ?? null;
  } catch {
    return null;
  }
}

export function gitCommit(cwd = process.cwd()): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export function collectEnvironment(opts: {
  engines: Record<string, string | null>;
  dataDir: string | null;
  clock: ClockInfo;
}): Environment {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.platform()}`,
    kernel: os.release(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    engines: opts.engines,
    dataDir: opts.dataDir,
    fsType: opts.dataDir ? fileSystemType(opts.dataDir) : null,
    gitCommit: gitCommit(),
    hostname: os.hostname(),
    clock: { source: opts.clock.source, resolutionNs: opts.clock.resolutionNs, overheadNs: opts.clock.overheadNs },
  };
}
