// Database: opening RocksDB through the C API with options built by RocksDB's own options-string
// parser (rocksdb_get_options_from_string), or with a block cache shared by the instances of the
// process (shared-cache.h); statistics always enabled. And closing it, whichever way it ends.
#include "database.h"

#include "iterator.h"
#include "shared-cache.h"
#include "util.h"

// new Database(path, optionsString, { disableWAL, sync, perfLevel, sharedCache?: { key, capacity } })
// sharedCache: the block cache is the process's shared one under `key` (shared-cache.h), of
// `capacity` bytes, which must be the block cache the options string resolves to.
Database::Database(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Database>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsString()) {
    ThrowType(env, "Database(path: string, options: string, writeOptions?: object)");
    return;
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::string optionsString = info[1].As<Napi::String>().Utf8Value();
  bool disableWal = false;
  bool sync = false;
  bool shareCache = false;
  std::string cacheKey;
  size_t cacheCapacity = 0;
  if (info.Length() > 2 && info[2].IsObject()) {
    Napi::Object w = info[2].As<Napi::Object>();
    disableWal = w.Get("disableWAL").ToBoolean().Value();
    sync = w.Get("sync").ToBoolean().Value();
    // The perf context is per thread: this sets it for the JS thread, which runs every operation.
    Napi::Value level = w.Get("perfLevel");
    if (level.IsNumber()) rocksdb_set_perf_level(level.As<Napi::Number>().Int32Value());
    Napi::Value shared = w.Get("sharedCache");
    if (!shared.IsUndefined()) {
      Napi::Value key = env.Undefined();
      Napi::Value capacity = env.Undefined();
      if (shared.IsObject()) {
        key = shared.As<Napi::Object>().Get("key");
        capacity = shared.As<Napi::Object>().Get("capacity");
      }
      if (!key.IsString() || !capacity.IsNumber() || capacity.As<Napi::Number>().DoubleValue() < 1) {
        ThrowType(env, "Database: sharedCache must be { key: string, capacity: number >= 1 }");
        return;
      }
      shareCache = true;
      cacheKey = key.As<Napi::String>().Utf8Value();
      cacheCapacity = static_cast<size_t>(capacity.As<Napi::Number>().Int64Value());
    }
  }

  rocksdb_options_t* base = rocksdb_options_create();
  rocksdb_options_set_create_if_missing(base, 1);
  rocksdb_options_t* parsed = rocksdb_options_create();
  char* err = nullptr;
  rocksdb_get_options_from_string(base, optionsString.c_str(), parsed, &err);
  rocksdb_options_destroy(base);
  if (err != nullptr) {
    rocksdb_options_destroy(parsed);
    CloseAll();
    ThrowRocksError(env, err);
    return;
  }
  rocksdb_options_set_create_if_missing(parsed, 1);

  // The default column family's options: the parsed ones, or with a shared cache those RocksDB's
  // OPTIONS loader built around it (the DB options then come from the loader too).
  rocksdb_options_t* family = parsed;
  if (shareCache) {
    std::string error;
    rocksdb_cache_t* cache = AcquireSharedCache(cacheKey, cacheCapacity, &error);
    if (cache != nullptr) {
      sharedCacheKey_ = cacheKey;
      holdsSharedCache_ = true;
      std::string probe = path;
      while (probe.size() > 1 && probe.back() == '/') probe.pop_back();
      probe += ".options-probe";
      if (!LoadOptionsWithCache(probe, parsed, cache, cacheCapacity, &options_, &family, &error)) cache = nullptr;
    }
    rocksdb_options_destroy(parsed);
    if (cache == nullptr) {
      CloseAll();
      Napi::Error::New(env, error).ThrowAsJavaScriptException();
      return;
    }
    rocksdb_options_set_create_if_missing(options_, 1);
  } else {
    options_ = parsed;
  }
  rocksdb_options_enable_statistics(options_);

  // Opened with its one column family named, so that the default family's handle is ours
  // (batched multi-get and the *_cf calls need it).
  const char* names[1] = {"default"};
  const rocksdb_options_t* familyOptions[1] = {family};
  rocksdb_column_family_handle_t* handles[1] = {nullptr};
  db_ = rocksdb_open_column_families(options_, path.c_str(), 1, names, familyOptions, handles, &err);
  if (family != options_) rocksdb_options_destroy(family);
  if (err != nullptr) {
    db_ = nullptr;
    CloseAll();
    ThrowRocksError(env, err);
    return;
  }
  cf_ = handles[0];
  read_ = rocksdb_readoptions_create();
  write_ = rocksdb_writeoptions_create();
  rocksdb_writeoptions_disable_WAL(write_, disableWal ? 1 : 0);
  rocksdb_writeoptions_set_sync(write_, sync ? 1 : 0);
  flush_ = rocksdb_flushoptions_create();
  rocksdb_flushoptions_set_wait(flush_, 1);
  batch_ = rocksdb_writebatch_create();
}

Database::~Database() { CloseAll(); }

void Database::CloseAll() {
  // Iterators first: RocksDB requires them gone before the DB closes.
  for (IteratorWrap* it : std::unordered_set<IteratorWrap*>(iterators_)) it->Release();
  iterators_.clear();
  if (batch_ != nullptr) rocksdb_writebatch_destroy(batch_);
  batch_ = nullptr;
  if (cf_ != nullptr) rocksdb_column_family_handle_destroy(cf_);
  cf_ = nullptr;
  if (db_ != nullptr) rocksdb_close(db_);
  db_ = nullptr;
  if (read_ != nullptr) rocksdb_readoptions_destroy(read_);
  read_ = nullptr;
  if (write_ != nullptr) rocksdb_writeoptions_destroy(write_);
  write_ = nullptr;
  if (flush_ != nullptr) rocksdb_flushoptions_destroy(flush_);
  flush_ = nullptr;
  if (options_ != nullptr) rocksdb_options_destroy(options_);
  options_ = nullptr;
  // After the DB is closed: the last holder destroys the shared cache.
  if (holdsSharedCache_) ReleaseSharedCache(sharedCacheKey_);
  holdsSharedCache_ = false;
  if (!scratchRef_.IsEmpty()) scratchRef_.Reset();
  if (!slabRef_.IsEmpty()) slabRef_.Reset();
  slab_ = nullptr;
  slabLen_ = 0;
  scratch_ = nullptr;
  scratchLen_ = 0;
}

bool Database::CheckOpen(Napi::Env env) {
  if (db_ != nullptr) return true;
  Napi::Error::New(env, kClosedMessage).ThrowAsJavaScriptException();
  return false;
}

Napi::Value Database::Close(const Napi::CallbackInfo& info) {
  CloseAll();
  return info.Env().Undefined();
}

Napi::Value Database::IsClosedJs(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), db_ == nullptr);
}
