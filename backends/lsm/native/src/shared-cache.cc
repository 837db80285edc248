// The process-wide registry of shared block caches (shared-cache.h).
#include "shared-cache.h"

#include <map>
#include <mutex>

namespace {

struct Entry {
  rocksdb_cache_t* cache;
  size_t capacity;
  int references;
};

std::mutex registryMutex;
std::map<std::string, Entry> registry;

}  // namespace

rocksdb_cache_t* AcquireSharedCache(const std::string& key, size_t capacity, std::string* error) {
  std::lock_guard<std::mutex> lock(registryMutex);
  auto found = registry.find(key);
  if (found != registry.end()) {
    if (found->second.capacity != capacity) {
      *error = "shared block cache '" + key + "' has a capacity of " + std::to_string(found->second.capacity) +
               " bytes; this instance asks for " + std::to_string(capacity);
      return nullptr;
    }
    found->second.references++;
    return found->second.cache;
  }
  rocksdb_cache_t* cache = rocksdb_cache_create_lru(capacity);
  registry.emplace(key, Entry{cache, capacity, 1});
  return cache;
}

void ReleaseSharedCache(const std::string& key) {
  std::lock_guard<std::mutex> lock(registryMutex);
  auto found = registry.find(key);
  if (found == registry.end()) return;
  if (--found->second.references > 0) return;
  rocksdb_cache_destroy(found->second.cache);
  registry.erase(found);
}

std::vector<SharedCacheInfo> SharedCaches() {
  std::lock_guard<std::mutex> lock(registryMutex);
  std::vector<SharedCacheInfo> out;
  for (const auto& [key, e] : registry) {
    out.push_back({key, e.capacity, rocksdb_cache_get_usage(e.cache), rocksdb_cache_get_pinned_usage(e.cache), e.references});
  }
  return out;
}

// RocksDB's message (the C string freed).
static std::string Take(char* err) {
  std::string out(err);
  rocksdb_free(err);
  return out;
}

static void DestroyProbe(rocksdb_options_t* options, const std::string& dir) {
  char* err = nullptr;
  rocksdb_destroy_db(options, dir.c_str(), &err);
  if (err != nullptr) rocksdb_free(err);  // nothing there to destroy
}

bool LoadOptionsWithCache(const std::string& probeDir, rocksdb_options_t* parsed, rocksdb_cache_t* cache,
                          size_t capacity, rocksdb_options_t** dbOptions, rocksdb_options_t** familyOptions,
                          std::string* error) {
  *dbOptions = nullptr;
  *familyOptions = nullptr;
  DestroyProbe(parsed, probeDir);  // a probe left behind by a crash
  char* err = nullptr;
  rocksdb_t* probe = rocksdb_open(parsed, probeDir.c_str(), &err);
  if (err != nullptr) {
    *error = Take(err);
    DestroyProbe(parsed, probeDir);
    return false;
  }
  uint64_t resolved = 0;
  bool hasCache = rocksdb_property_int(probe, "rocksdb.block-cache-capacity", &resolved) == 0;
  rocksdb_close(probe);
  if (!hasCache || resolved != capacity) {
    *error = "shared block cache: the options resolve to " +
             (hasCache ? "a block cache of " + std::to_string(resolved) + " bytes" : std::string("no block cache")) +
             ", not the " + std::to_string(capacity) + " bytes asked to share";
    DestroyProbe(parsed, probeDir);
    return false;
  }
  rocksdb_env_t* env = rocksdb_create_default_env();
  rocksdb_options_t* loaded = nullptr;
  size_t families = 0;
  char** names = nullptr;
  rocksdb_options_t** loadedFamilies = nullptr;
  rocksdb_load_latest_options(probeDir.c_str(), env, false, cache, &loaded, &families, &names, &loadedFamilies, &err);
  rocksdb_env_destroy(env);
  DestroyProbe(parsed, probeDir);
  if (err != nullptr) {
    *error = Take(err);
    return false;
  }
  for (size_t i = 0; i < families; i++) {
    if (std::string(names[i]) == "default") *familyOptions = rocksdb_options_create_copy(loadedFamilies[i]);
  }
  rocksdb_load_latest_options_destroy(nullptr, names, loadedFamilies, families);
  if (*familyOptions == nullptr) {
    rocksdb_options_destroy(loaded);
    *error = "shared block cache: the probe's OPTIONS file has no default column family";
    return false;
  }
  *dbOptions = loaded;
  return true;
}
