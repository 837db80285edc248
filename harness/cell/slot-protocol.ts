// Between a threaded cell (threaded-cell.ts) and its slot workers (slot-worker.ts): what a worker
// is given, what it posts back, and the two shared flags (an Int32Array over a SharedArrayBuffer)
// that start every slot's run at once and stop them all.

import type { SlotContext } from '../../backends/types.js';
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { TracePoint } from './merge-slots.js';
import type { CellSpec } from './spec.js';

export const FLAG_GO = 0;
export const FLAG_STOP = 1;
export const FLAG_COUNT = 2;

export interface SlotData {
  readonly spec: CellSpec;
  readonly slot: SlotContext;
  readonly flags: SharedArrayBuffer;
}

export interface SlotTraces {
  readonly load?: readonly TracePoint[];
  readonly run?: readonly TracePoint[];
}

export type SlotMessage =
  | { readonly type: 'progress'; readonly progress: PhaseProgress }
  /** Loaded and warmed up: waiting at the start line. */
  | { readonly type: 'ready' }
  /** A phase ended (the cell streams the merged load as soon as every slot has loaded). */
  | { readonly type: 'phase'; readonly name: 'load' | 'run'; readonly result: PhaseResult; readonly trace: readonly TracePoint[] }
  | { readonly type: 'done'; readonly result: CellResult; readonly traces: SlotTraces }
  | { readonly type: 'crashed'; readonly message: string };
