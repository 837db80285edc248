// Messages between the micro command and a micro cell's child process (IPC, JSON).
import type { CellResult } from '../../core/result/schema.js';
import type { MicroCellSpec, MicroStateInfo } from './spec.js';

export type MicroParentMessage = { readonly type: 'start'; readonly spec: MicroCellSpec } | { readonly type: 'stop' };

export type MicroChildMessage =
  | { readonly type: 'line'; readonly line: string }
  | { readonly type: 'done'; readonly cell: CellResult; readonly state: MicroStateInfo | null }
  | { readonly type: 'crashed'; readonly message: string };
