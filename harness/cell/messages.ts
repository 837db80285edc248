// Messages between the parent and a cell's child process (over the IPC channel).
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { CellSpec } from './spec.js';

export type ParentMessage = { readonly type: 'start'; readonly spec: CellSpec } | { readonly type: 'stop' };

export type ChildMessage =
  | { readonly type: 'progress'; readonly progress: PhaseProgress }
  | { readonly type: 'phase'; readonly name: 'load' | 'run'; readonly result: PhaseResult }
  | { readonly type: 'done'; readonly cell: CellResult }
  | { readonly type: 'crashed'; readonly message: string };
