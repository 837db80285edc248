// Pairs the cells of two documents: same backend, same resolved knobs (canonical JSON), same
// workload (name and every parameter) and same thread count (--threads). A document's repeats of
// one configuration form a group; a group with no partner on the other side is listed, never dropped.

import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { GroupIdentity } from './types.js';

export interface CellGroup extends Omit<GroupIdentity, 'benchmark'> {
  readonly cells: CellResult[];
}

export interface GroupPair {
  readonly identity: GroupIdentity;
  readonly base: CellGroup;
  readonly head: CellGroup;
}

export interface Pairing {
  readonly pairs: GroupPair[];
  readonly unpaired: { side: 'base' | 'head'; identity: GroupIdentity; group: CellGroup }[];
}

/** Knobs left out of the pairing identity: `knob` (any backend) or `backend.knob`. */
export type IgnoredKnobs = readonly string[];

function pairingKnobs(cell: CellResult, ignored: IgnoredKnobs): CellResult['knobs'] {
  if (ignored.length === 0) return cell.knobs;
  const out: Record<string, CellResult['knobs'][string]> = {};
  for (const [k, v] of Object.entries(cell.knobs)) {
    if (!ignored.includes(k) && !ignored.includes(`${cell.backend}.${k}`)) out[k] = v;
  }
  return out;
}

/** A cell's worker threads: absent is one (documents from before --threads, one-thread cells). */
function cellThreads(cell: CellResult): number {
  return cell.threads ?? 1;
}

/**
 * The thread count joins the key only above one, so a one-thread cell keeps the key it had
 * before --threads existed (old documents pair with new one-thread cells, calibration files
 * still match) and a cell of N > 1 threads pairs only with cells of N threads.
 */
export function groupKey(cell: CellResult, ignored: IgnoredKnobs = []): string {
  const threads = cellThreads(cell);
  return canonicalJson({ backend: cell.backend, knobs: pairingKnobs(cell, ignored), workload: cell.workload, ...(threads > 1 ? { threads } : {}) });
}

export function groupCells(doc: ResultDocument, ignored: IgnoredKnobs = []): Map<string, CellGroup> {
  const groups = new Map<string, CellGroup>();
  for (const cell of doc.cells) {
    const key = groupKey(cell, ignored);
    let g = groups.get(key);
    if (!g) {
      const threads = cellThreads(cell);
      g = { key, backend: cell.backend, knobs: pairingKnobs(cell, ignored), workload: cell.workload, ...(threads > 1 ? { threads } : {}), cells: [] };
      groups.set(key, g);
    }
    g.cells.push(cell);
  }
  for (const g of groups.values()) g.cells.sort((a, b) => a.repeat - b.repeat);
  return groups;
}

export function pairDocuments(base: ResultDocument, head: ResultDocument, ignored: IgnoredKnobs = []): Pairing {
  const b = groupCells(base, ignored);
  const h = groupCells(head, ignored);
  const label = labeller([...b.values(), ...h.values()]);
  const pairs: GroupPair[] = [];
  const unpaired: Pairing['unpaired'] = [];
  for (const [key, group] of b) {
    const other = h.get(key);
    if (other) pairs.push({ identity: identity(group, label), base: group, head: other });
    else unpaired.push({ side: 'base', identity: identity(group, label), group });
  }
  for (const [key, group] of h) {
    if (!b.has(key)) unpaired.push({ side: 'head', identity: identity(group, label), group });
  }
  return { pairs, unpaired };
}

/** One document's groups with their labels (for reports of a single document: bmf, gab). */
export function describeGroups(doc: ResultDocument): { identity: GroupIdentity; group: CellGroup }[] {
  const groups = [...groupCells(doc).values()];
  const label = labeller(groups);
  return groups.map((group) => ({ identity: identity(group, label), group }));
}

/** The groups of several documents, one identity per key labelled across all of them (history's series). */
export function describeGroupsAcross(docs: readonly ResultDocument[], ignored: IgnoredKnobs = []): Map<string, GroupIdentity> {
  const byKey = new Map<string, CellGroup>();
  for (const doc of docs) for (const [key, group] of groupCells(doc, ignored)) if (!byKey.has(key)) byKey.set(key, group);
  const label = labeller([...byKey.values()]);
  return new Map([...byKey].map(([key, group]) => [key, identity(group, label)]));
}

function identity(g: CellGroup, label: (g: CellGroup) => string): GroupIdentity {
  return { key: g.key, benchmark: label(g), backend: g.backend, knobs: g.knobs, workload: g.workload, ...(g.threads !== undefined ? { threads: g.threads } : {}) };
}

/**
 * Labels name a group by backend and workload, plus the knobs and workload parameters whose
 * values differ among the groups of that backend and workload (a sweep's axes), so each label
 * is short and still tells the groups apart. A group of N > 1 threads ends in "threads=N"; a
 * one-thread group's label stays as it was before --threads (bmf and gab name benchmarks by it).
 */
function labeller(groups: readonly CellGroup[]): (g: CellGroup) => string {
  const varying = new Map<string, { knobs: Set<string>; params: Set<string> }>();
  const seen = new Map<string, { knobs: Map<string, string>; params: Map<string, string> }>();
  for (const g of groups) {
    const id = `${g.backend}/${g.workload.name}`;
    let v = varying.get(id);
    let s = seen.get(id);
    if (!v || !s) {
      v = { knobs: new Set(), params: new Set() };
      s = { knobs: new Map(), params: new Map() };
      varying.set(id, v);
      seen.set(id, s);
    }
    note(s.knobs, v.knobs, g.knobs);
    const { name: _name, ...params } = g.workload;
    note(s.params, v.params, params);
  }
  // A key missing from one group but present in another also varies.
  for (const g of groups) {
    const v = varying.get(`${g.backend}/${g.workload.name}`);
    const s = seen.get(`${g.backend}/${g.workload.name}`);
    if (!v || !s) continue;
    for (const k of s.knobs.keys()) if (!(k in g.knobs)) v.knobs.add(k);
    for (const k of s.params.keys()) if (!(k in g.workload)) v.params.add(k);
  }
  return (g) => {
    const id = `${g.backend}/${g.workload.name}`;
    const v = varying.get(id);
    const parts = [id];
    for (const k of [...(v?.knobs ?? [])].sort()) parts.push(`${k}=${show(g.knobs[k])}`);
    for (const k of [...(v?.params ?? [])].sort()) parts.push(`${k}=${show(g.workload[k])}`);
    if (g.threads !== undefined && g.threads > 1) parts.push(`threads=${g.threads}`);
    return parts.join(' ');
  };
}

function note(first: Map<string, string>, varying: Set<string>, values: Readonly<Record<string, unknown>>): void {
  for (const [k, value] of Object.entries(values)) {
    const text = canonicalJson(value);
    const prev = first.get(k);
    if (prev === undefined) first.set(k, text);
    else if (prev !== text) varying.add(k);
  }
}

function show(v: unknown): string {
  if (v === undefined) return '-';
  return typeof v === 'string' ? v : canonicalJson(v);
}
