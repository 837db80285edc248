// A cell inside the emulated Flink TaskManager (--taskmanager-memory, docs/taskmanager.md): the
// bound of its backend's state, and the check the harness makes when the engine cannot hold the
// bound itself (the heap backend, whose state a JVM keeps on its task heap).
//
// The check counts the JS heap in use (process.memoryUsage().heapUsed, less what it was before the
// load: the harness's own value pool, recorders and the engine's empty structures are the
// harness's, as Flink's framework heap is Flink's) plus the bytes of the values the engine holds:
// a value a JVM keeps in a byte[] on its heap is a Uint8Array here, whose bytes are outside V8's
// heap, so V8's heap limit alone does not bound the state. The engine counts its own values
// (BackendInstance.heldValueBytes); an engine that does not is charged the growth of the
// process's ArrayBuffers. The check runs only where the runner already pauses (each interval
// boundary, where the engine is sampled, and after each phase), never per operation, so the state
// may pass the bound by up to an interval's growth before the cell stops. Garbage is not state: as
// a JVM collects fully before it throws OutOfMemoryError, a figure over the bound is taken again
// after a full collection (the cell's process runs with --expose-gc), as is the figure before the
// load.

import type { BackendInstance, TaskManagerBound } from '../../backends/types.js';
import { humanReadable } from '../../core/flink/memory-size.js';
import type { CellMemory } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

/** What a cell's child needs of the TaskManager: its name, its slots and the bound of the cell's backend. */
export interface CellTaskManager {
  readonly processSize: string;
  readonly slots: number;
  readonly bound: TaskManagerBound | null;
}

/** The cell's `memory` field of the result document. */
export function cellMemory(tm: CellTaskManager): CellMemory {
  return { taskManager: tm.processSize, slots: tm.slots, bound: tm.bound === null ? null : { kind: tm.bound.kind, bytes: tm.bound.bytes } };
}

interface Usage {
  readonly heap: number;
  readonly values: number;
}

/** A full collection where the process exposes one (the cell's child does). */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** The harness-side check of a task heap bound, from the moment it is made (after the backend opened). */
export class TaskHeapCheck {
  private readonly base: Usage;
  private readonly limit: number;

  /**
   * `threads`: the cell's worker threads; each runs in its own V8 isolate and holds its share of
   * the state, so each is held to its share of the one task heap.
   */
  constructor(
    private readonly tm: CellTaskManager & { readonly bound: TaskManagerBound },
    private readonly threads: number,
    private readonly instance: BackendInstance,
  ) {
    this.limit = Math.floor(tm.bound.bytes / threads);
    collect();
    this.base = this.usage();
  }

  private usage(): Usage {
    const m = process.memoryUsage();
    return { heap: m.heapUsed, values: this.instance.heldValueBytes?.() ?? m.arrayBuffers };
  }

  /** The state's bytes now: the heap's growth since before the load, and the values' bytes (their growth, when the process's ArrayBuffers stand in). */
  private state(): number {
    const u = this.usage();
    return u.heap - this.base.heap + u.values - (this.instance.heldValueBytes ? 0 : this.base.values);
  }

  /** Throws the cell's error when the state has outgrown the task heap. */
  check(where: string): void {
    if (this.state() <= this.limit) return;
    collect();
    const state = this.state();
    if (state <= this.limit) return;
    const share = this.threads > 1 ? `, this thread's 1/${this.threads} of it ${formatBytes(this.limit)}` : '';
    throw new Error(
      `out of memory in a ${this.tm.processSize} TaskManager: heap state needs ${formatBytes(state)} or more (${where}), the task heap is ${humanReadable(this.tm.bound.bytes)}${share} ` +
        `(its values' bytes and the JS heap's growth since before the load, when the process held ${formatBytes(this.base.heap)} of JS heap)`,
    );
  }
}

/** The check for a cell whose bound the harness holds; null when the engine holds it or nothing bounds it. */
export function taskHeapCheck(tm: CellTaskManager | undefined, threads: number, instance: BackendInstance): TaskHeapCheck | null {
  if (!tm || !tm.bound || !tm.bound.checkedByHarness) return null;
  return new TaskHeapCheck({ ...tm, bound: tm.bound }, threads, instance);
}
