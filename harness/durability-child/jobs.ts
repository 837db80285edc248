// The durability jobs, each run in a child process of its own (exec/child.ts). The writer: open
// the backend, write keys 0, 1, 2 ... (values stamped with their key, version 1 and a checksum)
// and report on the acknowledgement pipe (ACK_FD) each write the backend has acknowledged, until
// killed; around a checkpoint, `p N` as it begins and `c N` once it is on disk (it holds writes
// 0 .. N-1). writeSync hands each line to the kernel before the next write starts, so whatever the
// parent reads was acknowledged before the kill. The checker: reopen the data and count the
// acknowledged writes that are gone or damaged.

import { writeSync } from 'node:fs';
import { loadBackend } from '../../backends/registry.js';
import type { BackendInstance } from '../../backends/types.js';
import { readElement, stampValue } from '../verify/value-codec.js';
import { ACK_FD, type CheckReport, type CheckSpec, type WriterSpec } from './spec.js';

const say = (line: string): void => {
  writeSync(ACK_FD, `${line}\n`);
};

async function open(spec: WriterSpec | CheckSpec): Promise<BackendInstance> {
  const backend = await loadBackend(spec.backend);
  if (!backend) throw new Error(`unknown backend ${spec.backend}`);
  return backend.open(spec.dir, spec.knobs, { keySize: spec.keySize, seed: 1 });
}

function payload(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 0xff);
}

const idle = (): Promise<never> => new Promise(() => setInterval(() => undefined, 60_000));

/** Writes until the parent kills it: never resolves. */
export async function runWriter(spec: WriterSpec): Promise<never> {
  const db = await open(spec);
  const body = payload(spec.valueSize);
  say('ready');
  if (db.writeMode === 'async') return writeAsync(db, spec, body);
  let lastCp = Date.now();
  for (let i = 0; i < spec.maxWrites; i++) {
    db.put(i, stampValue(body, i, 1));
    say(`a ${i + 1}`);
    if (spec.checkpointIntervalMs > 0 && (i & 255) === 255 && Date.now() - lastCp >= spec.checkpointIntervalMs) {
      say(`p ${i + 1}`);
      await db.checkpoint(spec.dir);
      say(`c ${i + 1}`);
      lastCp = Date.now();
    }
  }
  return idle();
}

/** Async writes (lmdb-js): acknowledged when their commit resolves; reported as the longest acknowledged prefix. */
async function writeAsync(db: BackendInstance, spec: WriterSpec, body: Uint8Array): Promise<never> {
  const putAsync = db.putAsync?.bind(db);
  if (!putAsync) throw new Error('async backend without putAsync');
  const done = new Uint8Array(spec.maxWrites);
  let prefix = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  for (let i = 0; i < spec.maxWrites; i++) {
    while (inFlight >= spec.maxInFlight) await new Promise<void>((r) => (wake = r));
    inFlight++;
    putAsync(i, stampValue(body, i, 1), 0).then(
      () => {
        done[i] = 1;
        const before = prefix;
        while (prefix < spec.maxWrites && done[prefix] === 1) prefix++;
        if (prefix !== before) say(`a ${prefix}`);
        inFlight--;
        const w = wake;
        wake = null;
        w?.();
      },
      (err: unknown) => {
        process.stderr.write(`write ${i} failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(3);
      },
    );
  }
  return idle();
}

export async function runChecker(spec: CheckSpec): Promise<CheckReport> {
  const t0 = performance.now();
  let db: BackendInstance;
  try {
    db = await open(spec);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { lost: spec.acknowledged, firstLost: spec.acknowledged > 0 ? 0 : null, unacknowledgedPresent: 0, openMs: performance.now() - t0, error: message };
  }
  const openMs = performance.now() - t0;
  let lost = 0;
  let firstLost: number | null = null;
  const intact = (key: number): boolean => {
    const v = db.get(key);
    if (v === undefined) return false;
    const e = readElement(v, 0);
    return typeof e !== 'string' && e.key === key && e.version === 1 && e.length === v.byteLength;
  };
  for (let key = 0; key < spec.acknowledged; key++) {
    if (intact(key)) continue;
    lost++;
    firstLost ??= key;
  }
  let extra = 0;
  while (intact(spec.acknowledged + extra)) extra++;
  await db.close();
  return { lost, firstLost, unacknowledgedPresent: extra, openMs, error: null };
}
