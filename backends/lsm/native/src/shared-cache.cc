// The process-wide registry of shared block caches and write buffer managers (shared-cache.h).
#include "shared-cache.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>

namespace {

struct Entry {
  MemorySpec spec;
  Memory memory;
  int references;
};

std::mutex registryMutex;
std::map<std::string, Entry> registry;

std::string Describe(const MemorySpec& s) {
  std::ostringstream out;
  out << "a cache of " << s.cacheCapacity << " bytes (high-priority pool " << s.highPriPoolRatio << ")";
  if (s.writeBufferBytes > 0) {
    out << " and a write buffer manager of " << s.writeBufferBytes << " bytes" << (s.chargeToCache ? " charged to it" : "");
  }
  return out.str();
}

}  // namespace

Memory MakeMemory(const MemorySpec& spec) {
  Memory m;
  // As Flink's RocksDBMemoryControllerUtils.createCache: shard bits chosen by RocksDB, no strict limit.
  m.cache = rocksdb::NewLRUCache(rocksdb::LRUCacheOptions(spec.cacheCapacity, -1, false, spec.highPriPoolRatio));
  // Charged to the cache, a manager is made whatever its size (Flink makes one of 0 bytes for a
  // tiny M: no limit, still charged); uncharged, 0 bytes means none.
  if (spec.writeBufferBytes > 0 || spec.chargeToCache) {
    m.writeBufferManager = std::make_shared<rocksdb::WriteBufferManager>(
        spec.writeBufferBytes, spec.chargeToCache ? m.cache : std::shared_ptr<rocksdb::Cache>());
  }
  return m;
}

bool AcquireSharedMemory(const std::string& key, const MemorySpec& spec, Memory* out, std::string* error,
                         std::shared_ptr<rocksdb::Cache> cache) {
  std::lock_guard<std::mutex> lock(registryMutex);
  auto found = registry.find(key);
  if (found != registry.end()) {
    const MemorySpec& held = found->second.spec;
    if (held.cacheCapacity != spec.cacheCapacity) {
      *error = "shared block cache '" + key + "' has a capacity of " + std::to_string(held.cacheCapacity) +
               " bytes; this instance asks for " + std::to_string(spec.cacheCapacity);
      return false;
    }
    if (!(held == spec)) {
      *error = "shared memory '" + key + "' is " + Describe(held) + "; this instance asks for " + Describe(spec);
      return false;
    }
    found->second.references++;
    *out = found->second.memory;
    return true;
  }
  Memory made;
  if (cache) {
    made.cache = cache;
    if (spec.writeBufferBytes > 0 || spec.chargeToCache) {
      made.writeBufferManager = std::make_shared<rocksdb::WriteBufferManager>(
          spec.writeBufferBytes, spec.chargeToCache ? cache : std::shared_ptr<rocksdb::Cache>());
    }
  } else {
    made = MakeMemory(spec);
  }
  registry.emplace(key, Entry{spec, made, 1});
  *out = made;
  return true;
}

void ReleaseSharedMemory(const std::string& key) {
  std::lock_guard<std::mutex> lock(registryMutex);
  auto found = registry.find(key);
  if (found == registry.end()) return;
  if (--found->second.references > 0) return;
  registry.erase(found);
}

std::vector<SharedCacheInfo> SharedCaches() {
  std::lock_guard<std::mutex> lock(registryMutex);
  std::vector<SharedCacheInfo> out;
  for (const auto& [key, e] : registry) {
    const auto& wbm = e.memory.writeBufferManager;
    out.push_back({key, e.memory.cache->GetCapacity(), e.memory.cache->GetUsage(), e.memory.cache->GetPinnedUsage(),
                   e.references, wbm ? wbm->buffer_size() : 0, wbm ? wbm->memory_usage() : 0});
  }
  return out;
}

double HighPriPoolRatio(const rocksdb::Cache& cache) {
  std::string text = cache.GetPrintableOptions();
  const std::string label = "high_pri_pool_ratio:";
  size_t at = text.find(label);
  return at == std::string::npos ? std::nan("") : std::strtod(text.c_str() + at + label.size(), nullptr);
}
