// Module entry: exports Database, Iterator, the RocksDB version the addon was built against, two
// checks of options by RocksDB's own parsers that open no database (the planner runs them before
// any cell starts), and the process's shared block caches. Runs once per napi environment (the
// main thread and each worker thread that requires the addon): what an environment needs of its
// own is its AddonData (addon-data.h); only the shared-cache registry is process-wide.
#include <napi.h>
#include <rocksdb/c.h>
#include <rocksdb/version.h>

#include <string>
#include <vector>

#include "addon-data.h"
#include "database.h"
#include "iterator.h"
#include "shared-cache.h"
#include "util.h"

// RocksDB's message as a JS string (the C string freed), or null when there was none.
static Napi::Value ErrorOrNull(Napi::Env env, char* err) {
  if (err == nullptr) return env.Null();
  std::string message(err);
  rocksdb_free(err);
  return Napi::String::New(env, message);
}

// parseOptions(optionsString): null when rocksdb_get_options_from_string accepts it (the parser
// the Database constructor uses), else RocksDB's message.
static Napi::Value ParseOptions(const Napi::CallbackInfo& info) {
  std::string text;
  if (!StringArg(info, 0, "parseOptions(options: string)", &text)) return info.Env().Undefined();
  rocksdb_options_t* base = rocksdb_options_create();
  rocksdb_options_t* parsed = rocksdb_options_create();
  char* err = nullptr;
  rocksdb_get_options_from_string(base, text.c_str(), parsed, &err);
  rocksdb_options_destroy(parsed);
  rocksdb_options_destroy(base);
  return ErrorOrNull(info.Env(), err);
}

// loadOptionsDir(dir): null when RocksDB's OPTIONS-file parser (rocksdb_load_latest_options)
// accepts the newest OPTIONS-NNNNNN file in dir, else RocksDB's message. No database is opened.
static Napi::Value LoadOptionsDir(const Napi::CallbackInfo& info) {
  std::string dir;
  if (!StringArg(info, 0, "loadOptionsDir(dir: string)", &dir)) return info.Env().Undefined();
  rocksdb_env_t* env = rocksdb_create_default_env();
  // A cache for the loader to attach to the table options it builds (it dereferences the one given).
  rocksdb_cache_t* cache = rocksdb_cache_create_lru(1 << 20);
  rocksdb_options_t* dbOptions = nullptr;
  size_t families = 0;
  char** names = nullptr;
  rocksdb_options_t** familyOptions = nullptr;
  char* err = nullptr;
  rocksdb_load_latest_options(dir.c_str(), env, false, cache, &dbOptions, &families, &names, &familyOptions, &err);
  if (err == nullptr) rocksdb_load_latest_options_destroy(dbOptions, names, familyOptions, families);
  rocksdb_cache_destroy(cache);
  rocksdb_env_destroy(env);
  return ErrorOrNull(info.Env(), err);
}

// sharedCaches() -> [{ key, capacity, usage, pinnedUsage, references }]: the block caches shared
// in this process (lsm.sharedBlockCache), whichever thread opened the instances holding them.
static Napi::Value SharedCachesJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::vector<SharedCacheInfo> caches = SharedCaches();
  Napi::Array out = Napi::Array::New(env, caches.size());
  for (size_t i = 0; i < caches.size(); i++) {
    Napi::Object c = Napi::Object::New(env);
    c.Set("key", Napi::String::New(env, caches[i].key));
    c.Set("capacity", Napi::Number::New(env, static_cast<double>(caches[i].capacity)));
    c.Set("usage", Napi::Number::New(env, static_cast<double>(caches[i].usage)));
    c.Set("pinnedUsage", Napi::Number::New(env, static_cast<double>(caches[i].pinnedUsage)));
    c.Set("references", Napi::Number::New(env, caches[i].references));
    out.Set(i, c);
  }
  return out;
}

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  // Freed by napi when the environment goes (a worker thread exits).
  AddonData* data = new AddonData();
  env.SetInstanceData(data);
  exports.Set("Database", Database::Init(env));
  Napi::Function iterator = IteratorWrap::Init(env);
  data->iteratorConstructor = Napi::Persistent(iterator);
  exports.Set("Iterator", iterator);
  exports.Set("parseOptions", Napi::Function::New(env, ParseOptions, "parseOptions"));
  exports.Set("loadOptionsDir", Napi::Function::New(env, LoadOptionsDir, "loadOptionsDir"));
  exports.Set("sharedCaches", Napi::Function::New(env, SharedCachesJs, "sharedCaches"));
  std::string version = std::to_string(ROCKSDB_MAJOR) + "." + std::to_string(ROCKSDB_MINOR) + "." +
                        std::to_string(ROCKSDB_PATCH);
  exports.Set("rocksdbVersion", Napi::String::New(env, version));
  return exports;
}

NODE_API_MODULE(statebench_rocksdb, InitAddon)
