// Module entry: exports Database, Iterator (ColumnFamily is reached through Database.columnFamily), the RocksDB version the addon was built against, two
// checks of options by RocksDB's own parsers that open no database (the planner runs them before
// any cell starts), and the process's shared block caches. Runs once per napi environment (the
// main thread and each worker thread that requires the addon): what an environment needs of its
// own is its AddonData (addon-data.h); only the shared-cache registry is process-wide.
#include <napi.h>
#include <rocksdb/convenience.h>
#include <rocksdb/utilities/options_util.h>
#include <rocksdb/version.h>

#include <string>
#include <vector>

#include "addon-data.h"
#include "database.h"
#include "iterator.h"
#include "shared-cache.h"
#include "trace.h"
#include "util.h"

// RocksDB's message as a JS string, or null when the status is OK.
static Napi::Value ErrorOrNull(Napi::Env env, const rocksdb::Status& s) {
  if (s.ok()) return env.Null();
  return Napi::String::New(env, s.ToString());
}

// parseOptions(optionsString): null when GetOptionsFromString accepts it (the parser the Database
// constructor uses, configured as there), else RocksDB's message.
static Napi::Value ParseOptions(const Napi::CallbackInfo& info) {
  std::string text;
  if (!StringArg(info, 0, "parseOptions(options: string)", &text)) return info.Env().Undefined();
  rocksdb::ConfigOptions config;
  config.input_strings_escaped = false;
  config.ignore_unknown_options = false;
  rocksdb::Options parsed;
  return ErrorOrNull(info.Env(), rocksdb::GetOptionsFromString(config, rocksdb::Options(), text, &parsed));
}

// loadOptionsDir(dir): null when RocksDB's OPTIONS-file parser (LoadLatestOptions) accepts the
// newest OPTIONS-NNNNNN file in dir, else RocksDB's message. No database is opened.
static Napi::Value LoadOptionsDir(const Napi::CallbackInfo& info) {
  std::string dir;
  if (!StringArg(info, 0, "loadOptionsDir(dir: string)", &dir)) return info.Env().Undefined();
  rocksdb::ConfigOptions config;
  config.ignore_unknown_options = false;
  rocksdb::DBOptions dbOptions;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  return ErrorOrNull(info.Env(), rocksdb::LoadLatestOptions(config, dir, &dbOptions, &families));
}

// sharedCaches() -> [{ key, capacity, usage, pinnedUsage, references, writeBufferManagerBytes,
// writeBufferManagerUsage }]: the block caches (and write buffer managers) shared in this process
// (lsm.sharedBlockCache), whichever thread opened the instances holding them.
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
    c.Set("writeBufferManagerBytes", Napi::Number::New(env, static_cast<double>(caches[i].writeBufferManagerBytes)));
    c.Set("writeBufferManagerUsage", Napi::Number::New(env, static_cast<double>(caches[i].writeBufferManagerUsage)));
    out.Set(i, c);
  }
  return out;
}

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  // Freed by napi when the environment goes (a worker thread exits).
  AddonData* data = new AddonData();
  env.SetInstanceData(data);
  // Before any Database: its constructor tells a column family's view by this constructor.
  data->columnFamilyConstructor = Napi::Persistent(Database::InitColumnFamily(env));
  exports.Set("Database", Database::Init(env));
  Napi::Function iterator = IteratorWrap::Init(env);
  data->iteratorConstructor = Napi::Persistent(iterator);
  exports.Set("Iterator", iterator);
  exports.Set("parseOptions", Napi::Function::New(env, ParseOptions, "parseOptions"));
  exports.Set("loadOptionsDir", Napi::Function::New(env, LoadOptionsDir, "loadOptionsDir"));
  exports.Set("sharedCaches", Napi::Function::New(env, SharedCachesJs, "sharedCaches"));
  exports.Set("convertTrace", Napi::Function::New(env, ConvertTraceJs, "convertTrace"));
  std::string version = std::to_string(ROCKSDB_MAJOR) + "." + std::to_string(ROCKSDB_MINOR) + "." +
                        std::to_string(ROCKSDB_PATCH);
  exports.Set("rocksdbVersion", Napi::String::New(env, version));
  return exports;
}

NODE_API_MODULE(statebench_rocksdb, InitAddon)
