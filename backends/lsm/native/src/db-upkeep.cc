// Database upkeep and introspection: flush, compaction, checkpoints, properties, statistics and
// the live SST files. The data operations are in db.cc, opening and closing in db-open.cc.
#include "database.h"

#include <string>

#include "util.h"

Napi::Value Database::Flush(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  char* err = nullptr;
  rocksdb_flush_cf(db_, flush_, cf_, &err);
  if (err != nullptr) ThrowRocksError(env, err);
  return env.Undefined();
}

// compactRange(start?: Uint8Array | null, end?: Uint8Array | null): null means open-ended.
Napi::Value Database::CompactRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char *start = nullptr, *end = nullptr;
  size_t startLen = 0, endLen = 0;
  if (info.Length() > 0 && !info[0].IsNull() && !info[0].IsUndefined() && !BytesArg(info, 0, &start, &startLen))
    return env.Undefined();
  if (info.Length() > 1 && !info[1].IsNull() && !info[1].IsUndefined() && !BytesArg(info, 1, &end, &endLen))
    return env.Undefined();
  rocksdb_compact_range_cf(db_, cf_, start, startLen, end, endLen);
  return env.Undefined();
}

// checkpoint(dir: string, logSizeForFlush = 0): hard links to live SST files plus a fresh
// MANIFEST; 0 flushes the memtable first, so the checkpoint needs no WAL replay.
Napi::Value Database::Checkpoint(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string dir;
  if (!StringArg(info, 0, "checkpoint(dir: string, logSizeForFlush?: number)", &dir)) return env.Undefined();
  uint64_t logSize = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int64Value() : 0;
  char* err = nullptr;
  rocksdb_checkpoint_t* cp = rocksdb_checkpoint_object_create(db_, &err);
  if (err != nullptr) {
    ThrowRocksError(env, err);
    return env.Undefined();
  }
  rocksdb_checkpoint_create(cp, dir.c_str(), logSize, &err);
  rocksdb_checkpoint_object_destroy(cp);
  if (err != nullptr) ThrowRocksError(env, err);
  return env.Undefined();
}

Napi::Value Database::Property(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string name;
  if (!StringArg(info, 0, "property(name: string)", &name)) return env.Undefined();
  char* value = rocksdb_property_value_cf(db_, cf_, name.c_str());
  if (value == nullptr) return env.Null();
  Napi::String out = Napi::String::New(env, value);
  rocksdb_free(value);
  return out;
}

Napi::Value Database::IntProperty(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string name;
  if (!StringArg(info, 0, "intProperty(name: string)", &name)) return env.Undefined();
  uint64_t value = 0;
  if (rocksdb_property_int_cf(db_, cf_, name.c_str(), &value) != 0) return env.Null();
  return Napi::Number::New(env, static_cast<double>(value));
}

// The statistics text dump: every ticker ("name COUNT : n") and histogram
// ("name P50 : x P95 : ... COUNT : n SUM : s"); the C API of RocksDB 7.8 offers no other access.
Napi::Value Database::Statistics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  char* text = rocksdb_options_statistics_get_string(options_);
  if (text == nullptr) return env.Null();
  Napi::String out = Napi::String::New(env, text);
  rocksdb_free(text);
  return out;
}

// liveFiles() -> [{ name, level, bytes, entries, deletions }]: every live SST file.
Napi::Value Database::LiveFiles(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const rocksdb_livefiles_t* files = rocksdb_livefiles(db_);
  int n = rocksdb_livefiles_count(files);
  Napi::Array out = Napi::Array::New(env, n);
  for (int i = 0; i < n; i++) {
    Napi::Object f = Napi::Object::New(env);
    f.Set("name", Napi::String::New(env, rocksdb_livefiles_name(files, i)));
    f.Set("level", Napi::Number::New(env, rocksdb_livefiles_level(files, i)));
    f.Set("bytes", Napi::Number::New(env, static_cast<double>(rocksdb_livefiles_size(files, i))));
    f.Set("entries", Napi::Number::New(env, static_cast<double>(rocksdb_livefiles_entries(files, i))));
    f.Set("deletions", Napi::Number::New(env, static_cast<double>(rocksdb_livefiles_deletions(files, i))));
    out.Set(i, f);
  }
  rocksdb_livefiles_destroy(files);
  return out;
}
