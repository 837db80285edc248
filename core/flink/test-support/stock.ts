// Flink's stock TaskManager (process size 1728m, one slot) as its log's "Final TaskExecutor Memory
// configuration" gives it, in the fields of Flink's REST API: what the stock fixtures must derive.
export const STOCK_MEMORY_CONFIGURATION = {
  frameworkHeap: 134217728,
  taskHeap: 402653174,
  frameworkOffHeap: 134217728,
  taskOffHeap: 0,
  networkMemory: 134217730,
  managedMemory: 536870920,
  jvmMetaspace: 268435456,
  jvmOverhead: 201326592,
  totalFlinkMemory: 1342177280,
  totalProcessMemory: 1811939328,
} as const;
