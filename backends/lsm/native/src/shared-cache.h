// Block caches shared by the RocksDB instances of one process (lsm.sharedBlockCache): the slots of
// a cell run by N worker threads, as a Flink TaskManager's slots share its fixed-per-tm memory.
// The registry is process-wide (the addon's .so is loaded once per process, whatever the number of
// worker threads requiring it): a mutex and a map from a key (the cell's sharedDir) to the cache,
// its capacity and the instances holding it. The last instance to let go destroys the cache.
#pragma once

#include <rocksdb/c.h>

#include <cstddef>
#include <string>
#include <vector>

// The cache under `key`, created with `capacity` bytes when absent; its reference count is raised.
// nullptr with *error set when the key already holds a cache of another capacity.
rocksdb_cache_t* AcquireSharedCache(const std::string& key, size_t capacity, std::string* error);

// Lowers the key's reference count; at zero the cache is destroyed (RocksDB instances still using
// it keep it alive through their own references).
void ReleaseSharedCache(const std::string& key);

struct SharedCacheInfo {
  std::string key;
  size_t capacity;
  size_t usage;
  size_t pinnedUsage;
  int references;
};

std::vector<SharedCacheInfo> SharedCaches();

// RocksDB options as `parsed` (built by rocksdb_get_options_from_string) says, with `cache` as the
// block cache of the default column family. RocksDB 7.8's C API cannot reach into the table
// factory of a parsed options object; its OPTIONS-file loader can: `parsed` is opened once on a
// fresh probe database in `probeDir` (RocksDB writes its OPTIONS file), closed, and
// rocksdb_load_latest_options reads that file back with `cache` in place of every block-based
// table's block cache (LoadOptionsFromFile). The probe is destroyed. The probe also checks that
// the options resolve to a block cache of `capacity` bytes (rocksdb.block-cache-capacity), the
// size the shared cache was created with. On success *dbOptions and *familyOptions (the default
// column family's) are the caller's to destroy; on failure *error says why.
bool LoadOptionsWithCache(const std::string& probeDir, rocksdb_options_t* parsed, rocksdb_cache_t* cache,
                          size_t capacity, rocksdb_options_t** dbOptions, rocksdb_options_t** familyOptions,
                          std::string* error);
