// Database upkeep and introspection: flush, compaction, checkpoints, properties, statistics, the
// live SST files and the memory the instance runs in. The data operations are in db.cc, opening
// and closing in db-open.cc.
#include <rocksdb/metadata.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>

#include <string>

#include "database.h"
#include "util.h"

// flush(): the Database's every column family, a ColumnFamily's own.
Napi::Value Database::Flush(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb::FlushOptions options;
  options.wait = true;
  rocksdb::Status s = isView_ ? db_->Flush(options, cf_) : db_->Flush(options, AllHandles());
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

// compactRange(start?: Uint8Array | null, end?: Uint8Array | null): null means open-ended; the
// Database's every column family, a ColumnFamily's own.
Napi::Value Database::CompactRange(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char *start = nullptr, *end = nullptr;
  size_t startLen = 0, endLen = 0;
  if (info.Length() > 0 && !info[0].IsNull() && !info[0].IsUndefined() && !BytesArg(info, 0, &start, &startLen))
    return env.Undefined();
  if (info.Length() > 1 && !info[1].IsNull() && !info[1].IsUndefined() && !BytesArg(info, 1, &end, &endLen))
    return env.Undefined();
  rocksdb::Slice startSlice(start, startLen), endSlice(end, endLen);
  std::vector<rocksdb::ColumnFamilyHandle*> handles = isView_ ? std::vector<rocksdb::ColumnFamilyHandle*>{cf_} : AllHandles();
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    rocksdb::Status s = db_->CompactRange(rocksdb::CompactRangeOptions(), handle, start ? &startSlice : nullptr, end ? &endSlice : nullptr);
    if (!s.ok()) {
      ThrowRocksError(env, s);
      break;
    }
  }
  return env.Undefined();
}

// checkpoint(dir: string, logSizeForFlush = 0): hard links to live SST files of every column
// family plus a fresh MANIFEST; 0 flushes the memtables first, so the checkpoint needs no WAL replay.
Napi::Value Database::Checkpoint(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string dir;
  if (!StringArg(info, 0, "checkpoint(dir: string, logSizeForFlush?: number)", &dir)) return env.Undefined();
  uint64_t logSize = info.Length() > 1 && info[1].IsNumber() ? info[1].As<Napi::Number>().Int64Value() : 0;
  rocksdb::Checkpoint* cp = nullptr;
  rocksdb::Status s = rocksdb::Checkpoint::Create(db_, &cp);
  if (s.ok()) s = cp->CreateCheckpoint(dir, logSize);
  delete cp;
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

Napi::Value Database::Property(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string name;
  if (!StringArg(info, 0, "property(name: string)", &name)) return env.Undefined();
  std::string value;
  if (!db_->GetProperty(cf_, name, &value)) return env.Null();
  return Napi::String::New(env, value);
}

Napi::Value Database::IntProperty(const Napi::CallbackInfo& info) { return ReadIntProperty(info, false); }

// intProperty(name) on this family, or (aggregated) summed over every family; null when RocksDB has none.
Napi::Value Database::ReadIntProperty(const Napi::CallbackInfo& info, bool aggregated) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string name;
  if (!StringArg(info, 0, aggregated ? "aggregatedIntProperty(name: string)" : "intProperty(name: string)", &name)) return env.Undefined();
  uint64_t value = 0;
  if (!(aggregated ? db_->GetAggregatedIntProperty(name, &value) : db_->GetIntProperty(cf_, name, &value))) return env.Null();
  return Napi::Number::New(env, static_cast<double>(value));
}

// The statistics text dump: every ticker ("name COUNT : n") and histogram
// ("name P50 : x P95 : ... COUNT : n SUM : s"), as Statistics::ToString prints them.
Napi::Value Database::Statistics(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!statistics_) return env.Null();
  return Napi::String::New(env, statistics_->ToString());
}

// liveFiles() -> [{ name, columnFamily, level, bytes, entries, deletions }]: every live SST file.
Napi::Value Database::LiveFiles(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::vector<rocksdb::LiveFileMetaData> files;
  db_->GetLiveFilesMetaData(&files);
  Napi::Array out = Napi::Array::New(env, files.size());
  for (size_t i = 0; i < files.size(); i++) {
    Napi::Object f = Napi::Object::New(env);
    f.Set("name", Napi::String::New(env, files[i].name));
    f.Set("columnFamily", Napi::String::New(env, files[i].column_family_name));
    f.Set("level", Napi::Number::New(env, files[i].level));
    f.Set("bytes", Napi::Number::New(env, static_cast<double>(files[i].size)));
    f.Set("entries", Napi::Number::New(env, static_cast<double>(files[i].num_entries)));
    f.Set("deletions", Napi::Number::New(env, static_cast<double>(files[i].num_deletions)));
    out.Set(i, f);
  }
  return out;
}

// memory() -> { blockCache: { capacity, usage, pinnedUsage, highPriPoolRatio } | null,
//               writeBufferManager: { bufferSize, memoryUsage, costToCache, shared } | null }
// read back from the open DB's own options (the column family's table factory, the DB's write
// buffer manager): what RocksDB runs with, whatever statebench asked for. A DB that made its
// write buffer manager from db_write_buffer_size reports it too (bufferSize 0: no limit).
Napi::Value Database::MemoryJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  Napi::Object out = Napi::Object::New(env);
  rocksdb::Options options = db_->GetOptions(cf_);
  const rocksdb::BlockBasedTableOptions* table =
      options.table_factory ? options.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>() : nullptr;
  if (table != nullptr && !table->no_block_cache && table->block_cache) {
    const rocksdb::Cache& cache = *table->block_cache;
    Napi::Object c = Napi::Object::New(env);
    c.Set("capacity", Napi::Number::New(env, static_cast<double>(cache.GetCapacity())));
    c.Set("usage", Napi::Number::New(env, static_cast<double>(cache.GetUsage())));
    c.Set("pinnedUsage", Napi::Number::New(env, static_cast<double>(cache.GetPinnedUsage())));
    c.Set("highPriPoolRatio", Napi::Number::New(env, HighPriPoolRatio(cache)));
    c.Set("shared", Napi::Boolean::New(env, holdsShared_));
    out.Set("blockCache", c);
  } else {
    out.Set("blockCache", env.Null());
  }
  std::shared_ptr<rocksdb::WriteBufferManager> wbm = db_->GetDBOptions().write_buffer_manager;
  if (wbm) {
    Napi::Object w = Napi::Object::New(env);
    w.Set("bufferSize", Napi::Number::New(env, static_cast<double>(wbm->buffer_size())));
    w.Set("memoryUsage", Napi::Number::New(env, static_cast<double>(wbm->memory_usage())));
    w.Set("costToCache", Napi::Boolean::New(env, wbm->cost_to_cache()));
    w.Set("shared", Napi::Boolean::New(env, holdsShared_ && wbm == memory_.writeBufferManager));
    out.Set("writeBufferManager", w);
  } else {
    out.Set("writeBufferManager", env.Null());
  }
  return out;
}
