// The jobs a child process runs, and the one message protocol between a parent and its child
// (IPC, JSON): the parent sends one `start` with the job, and may send `stop`; the child streams
// what its job reports and ends with `done` (the job's result) or `crashed` (the job threw).

import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import type { CellSpec } from '../cell/spec.js';
import type { CheckReport, CheckSpec, WriterSpec } from '../durability-child/spec.js';
import type { MicroCellSpec, MicroStateInfo } from '../micro/spec.js';
import type { PhaseProgress } from '../runner/phase.js';

export type Job =
  | { readonly kind: 'cell'; readonly spec: CellSpec }
  | { readonly kind: 'micro'; readonly spec: MicroCellSpec }
  | { readonly kind: 'durability-writer'; readonly spec: WriterSpec }
  | { readonly kind: 'durability-checker'; readonly spec: CheckSpec };

export type JobKind = Job['kind'];
export type JobOf<K extends JobKind> = Extract<Job, { readonly kind: K }>;

/** What each kind of job answers with `done`. A durability writer never answers: it writes until it is killed. */
export interface JobResults {
  readonly cell: CellResult;
  readonly micro: { readonly cell: CellResult; readonly state: MicroStateInfo | null };
  readonly 'durability-writer': never;
  readonly 'durability-checker': CheckReport;
}

export type ParentMessage = { readonly type: 'start'; readonly job: Job } | { readonly type: 'stop' };

export type ChildMessage =
  | { readonly type: 'progress'; readonly progress: PhaseProgress }
  | { readonly type: 'phase'; readonly name: 'load' | 'run'; readonly result: PhaseResult }
  | { readonly type: 'line'; readonly line: string }
  | { readonly type: 'done'; readonly result: JobResults[JobKind] }
  | { readonly type: 'crashed'; readonly message: string };
