// How advice counts each operation a document reports: the run phase's histograms are keyed by
// operation name, and each name is a point read, a scan, a write, or a read and a write. A
// document records each operation kind's action and write flag (Cell.operationKinds), and advice
// reads them from there. An older document records names only: those are the names statebench's
// workloads recorded then (YCSB, db_bench, Flink state), listed below, so a document made with an
// older catalogue reads as it did. A name in neither is read from its wording.

import type { Action } from '../../workloads/types.js';
import type { OperationKindRecord } from '../../core/result/schema.js';
import { currentOperationName } from '../../core/result/operation-names.js';

export interface OperationClass {
  /** Reads state: point reads, scans and the read half of read-modify-writes. */
  readonly read: boolean;
  readonly scan: boolean;
  readonly write: boolean;
}

/**
 * Each operation name statebench's workloads record, with its action and whether it writes, as
 * the workloads declare them (a test keeps the two equal), for documents without operationKinds;
 * an older document's renamed Flink operations are read under their names today (operation-names.ts).
 */
export const OPERATION_KINDS: Readonly<Record<string, { readonly action: Action; readonly writes: boolean }>> = {
  read: { action: 'get', writes: false },
  update: { action: 'put', writes: true },
  insert: { action: 'put', writes: true },
  scan: { action: 'scan', writes: false },
  'read-modify-write': { action: 'rmw', writes: true },
  write: { action: 'put', writes: true },
  seek: { action: 'scan', writes: false },
  delete: { action: 'delete', writes: true },
  // A trace's merge (docs/traces.md): a list-state append.
  merge: { action: 'append', writes: true },
  // The event-time operator workloads (tumbling, sliding, session windows; interval join).
  'element.late': { action: 'none', writes: false },
  'window.add': { action: 'rmw', writes: true },
  'window.add.more': { action: 'rmw', writes: true },
  'window.merge.put': { action: 'rmw', writes: true },
  'join.buffer.left': { action: 'rmw', writes: true },
  'join.buffer.right': { action: 'rmw', writes: true },
  'window.append': { action: 'append', writes: true },
  'window.append.more': { action: 'append', writes: true },
  'window.merge.append': { action: 'append', writes: true },
  'window.get': { action: 'get', writes: false },
  'window.merge.get': { action: 'get', writes: false },
  'merging-set.get': { action: 'get', writes: false },
  'merging-set.get.fire': { action: 'get', writes: false },
  'window.clear': { action: 'delete', writes: true },
  'window.merge.clear': { action: 'delete', writes: true },
  'merging-set.clear': { action: 'delete', writes: true },
  'join.cleanup.left': { action: 'delete', writes: true },
  'join.cleanup.right': { action: 'delete', writes: true },
  'merging-set.update': { action: 'put', writes: true },
  'join.probe.left': { action: 'iterate', writes: false },
  'join.probe.right': { action: 'iterate', writes: false },
  'timer.register': { action: 'timer-register', writes: true },
  'timer.register.cleanup': { action: 'timer-register', writes: true },
  'timer.delete': { action: 'timer-delete', writes: true },
  'timer.delete.cleanup': { action: 'timer-delete', writes: true },
  'timer.fire': { action: 'timer-fire', writes: true },
  // The Flink workloads' names since they say the Flink call they stand for.
  'value.get': { action: 'get', writes: false },
  'value.update': { action: 'put', writes: true },
  'list.add': { action: 'append', writes: true },
  'list.get': { action: 'get', writes: false },
  'map.put': { action: 'put', writes: true },
  'map.get': { action: 'get', writes: false },
  'map.iterate': { action: 'iterate', writes: false },
  'window.add.get': { action: 'get', writes: false },
  'window.add.put': { action: 'put', writes: true },
  'window.fire': { action: 'clear-namespace', writes: true },
  'value.get+update': { action: 'ttl-dedupe', writes: true },
};

const WRITE_NAME = /put|update|insert|write|delete|append|dedupe|clear|fire/;
const SCAN_NAME = /scan|seek|iterate|entries|keys|values/;

/** The class of operation `name`: from the document's recorded kinds when they name it, else the table above, else its wording. */
export function classifyOperation(name: string, recorded: readonly OperationKindRecord[] = []): OperationClass {
  const current = currentOperationName(name);
  const kind = recorded.find((k) => k.name === name) ?? (Object.hasOwn(OPERATION_KINDS, current) ? OPERATION_KINDS[current] : undefined);
  if (!kind) {
    const scan = SCAN_NAME.test(name);
    const write = WRITE_NAME.test(name);
    return { read: scan || !write, scan, write };
  }
  const scan = kind.action === 'scan' || kind.action === 'iterate';
  const rmw = kind.action === 'rmw' || kind.action === 'ttl-dedupe';
  // A timer fire polls the queue's head (a read) and removes it (a write).
  const read = rmw || scan || kind.action === 'get' || kind.action === 'multiget' || kind.action === 'timer-fire';
  return { read, scan, write: kind.writes };
}
