// Module entry: exports Database, Iterator and the RocksDB version the addon was built against.
#include <napi.h>
#include <rocksdb/version.h>

#include <string>

#include "database.h"
#include "iterator.h"

static Napi::Object InitAddon(Napi::Env env, Napi::Object exports) {
  exports.Set("Database", Database::Init(env));
  exports.Set("Iterator", IteratorWrap::Init(env));
  std::string version = std::to_string(ROCKSDB_MAJOR) + "." + std::to_string(ROCKSDB_MINOR) + "." +
                        std::to_string(ROCKSDB_PATCH);
  exports.Set("rocksdbVersion", Napi::String::New(env, version));
  return exports;
}

NODE_API_MODULE(statebench_rocksdb, InitAddon)
