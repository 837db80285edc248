// The block cache and write buffer manager of an instance, and the process-wide registry of those
// shared by several instances (lsm.sharedBlockCache: the slots of a cell run by N worker threads,
// as a Flink TaskManager's slots share its fixed-per-tm memory). The registry is process-wide (the
// addon's .so is loaded once per process, whatever the number of worker threads requiring it): a
// mutex and a map from a key (the cell's sharedDir) to the cache, the write buffer manager, what
// they were made as, and the instances holding them. The last instance to let go drops them
// (RocksDB instances still open keep them alive through their own shared_ptrs).
#pragma once

#include <rocksdb/cache.h>
#include <rocksdb/write_buffer_manager.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

// What an instance's memory is made of. A cache of `cacheCapacity` bytes (0: the one the options
// string resolves to is kept, unshared) with a high-priority pool of `highPriPoolRatio`; a write
// buffer manager of `writeBufferBytes`, charged to that cache when `chargeToCache` (0 bytes: none,
// unless charged, when it is a manager without a limit).
struct MemorySpec {
  size_t cacheCapacity = 0;
  double highPriPoolRatio = 0.5;  // LRUCacheOptions' default
  size_t writeBufferBytes = 0;
  bool chargeToCache = false;

  bool operator==(const MemorySpec& o) const {
    return cacheCapacity == o.cacheCapacity && highPriPoolRatio == o.highPriPoolRatio &&
           writeBufferBytes == o.writeBufferBytes && chargeToCache == o.chargeToCache;
  }
};

struct Memory {
  std::shared_ptr<rocksdb::Cache> cache;
  std::shared_ptr<rocksdb::WriteBufferManager> writeBufferManager;  // null when the spec has none
};

// A cache and write buffer manager as `spec` says, for one instance alone.
Memory MakeMemory(const MemorySpec& spec);

// Those under `key`, made as `spec` says when absent (with `cache` as the cache when given: the one
// an options string built, whose other settings then carry over); the key's reference count is
// raised. False with *error set when the key already holds memory made otherwise.
bool AcquireSharedMemory(const std::string& key, const MemorySpec& spec, Memory* out, std::string* error,
                         std::shared_ptr<rocksdb::Cache> cache = nullptr);

// The high-priority pool ratio a cache reports in its printable options ("high_pri_pool_ratio:
// 0.100"); NaN when it prints none (not an LRU cache).
double HighPriPoolRatio(const rocksdb::Cache& cache);

// Lowers the key's reference count; at zero the registry drops the key.
void ReleaseSharedMemory(const std::string& key);

struct SharedCacheInfo {
  std::string key;
  size_t capacity;
  size_t usage;
  size_t pinnedUsage;
  int references;
  size_t writeBufferManagerBytes;  // 0: none shared
  size_t writeBufferManagerUsage;
};

std::vector<SharedCacheInfo> SharedCaches();
