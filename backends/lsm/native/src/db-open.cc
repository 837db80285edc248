// Database: opening RocksDB with options built by RocksDB's own options-string parser
// (GetOptionsFromString), with the block cache and write buffer manager the open options ask for
// (the instance's own or the process's shared ones, shared-cache.h); statistics always enabled;
// every column family the directory holds, and those the open options name, opened with the same
// column family options. And closing it, whichever way it ends.
#include <rocksdb/convenience.h>
#include <rocksdb/perf_level.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "addon-data.h"
#include "database.h"
#include "family-options.h"
#include "iterator.h"
#include "util.h"

namespace {

// What the open options ask of the instance's memory besides its options string.
struct MemoryRequest {
  bool given = false;
  std::string key;  // empty: the instance's own
  MemorySpec spec;
  // sharedCache: the options string's block cache must be the capacity shared (it is replaced by
  // the shared one); memory: the cache replaces whatever the options string gives.
  bool mustMatchOptions = false;
  // sharedCache without highPriPoolRatio: the ratio is the options string's cache's.
  bool highPriFromOptions = false;
};

bool NumberIn(const Napi::Value& v, double low, double high) {
  return v.IsNumber() && v.As<Napi::Number>().DoubleValue() >= low && v.As<Napi::Number>().DoubleValue() <= high;
}

constexpr double kMaxBytes = 9007199254740991.0;  // Number.MAX_SAFE_INTEGER

// sharedCache: { key, capacity, highPriPoolRatio?, writeBufferBytes? }: the slots' one cache, of the
// capacity the options string resolves to, and optionally one write buffer manager (not charged).
bool ReadSharedCache(Napi::Env env, const Napi::Value& shared, MemoryRequest* out) {
  const char* usage =
      "Database: sharedCache must be { key: string, capacity: number >= 1, highPriPoolRatio?: number in [0, 1], "
      "writeBufferBytes?: number >= 0 }";
  if (!shared.IsObject()) return ThrowType(env, usage), false;
  Napi::Object o = shared.As<Napi::Object>();
  Napi::Value key = o.Get("key"), capacity = o.Get("capacity"), ratio = o.Get("highPriPoolRatio"), wbm = o.Get("writeBufferBytes");
  if (!key.IsString() || !NumberIn(capacity, 1, kMaxBytes) || (!ratio.IsUndefined() && !NumberIn(ratio, 0, 1)) ||
      (!wbm.IsUndefined() && !NumberIn(wbm, 0, kMaxBytes))) {
    return ThrowType(env, usage), false;
  }
  out->given = true;
  out->key = key.As<Napi::String>().Utf8Value();
  out->spec.cacheCapacity = static_cast<size_t>(capacity.As<Napi::Number>().Int64Value());
  if (!ratio.IsUndefined()) out->spec.highPriPoolRatio = ratio.As<Napi::Number>().DoubleValue();
  out->highPriFromOptions = ratio.IsUndefined();
  if (!wbm.IsUndefined()) out->spec.writeBufferBytes = static_cast<size_t>(wbm.As<Napi::Number>().Int64Value());
  out->mustMatchOptions = true;
  return true;
}

// memory: { key?, cacheCapacity, highPriPoolRatio, writeBufferBytes, chargeToCache }: RocksDB's memory
// bounded as Flink bounds it (lsm.boundedMemory), the instance's own or shared under key.
bool ReadMemory(Napi::Env env, const Napi::Value& memory, MemoryRequest* out) {
  const char* usage =
      "Database: memory must be { key?: string, cacheCapacity: number >= 0, highPriPoolRatio: number in [0, 1], "
      "writeBufferBytes: number >= 0, chargeToCache: boolean }";
  if (!memory.IsObject()) return ThrowType(env, usage), false;
  Napi::Object o = memory.As<Napi::Object>();
  Napi::Value key = o.Get("key"), capacity = o.Get("cacheCapacity"), ratio = o.Get("highPriPoolRatio"),
              wbm = o.Get("writeBufferBytes"), charge = o.Get("chargeToCache");
  // Any capacity, as Flink sizes the cache from any M (a tiny M makes a cache that holds nothing).
  if ((!key.IsUndefined() && !key.IsString()) || !NumberIn(capacity, 0, kMaxBytes) || !NumberIn(ratio, 0, 1) ||
      !NumberIn(wbm, 0, kMaxBytes) || !charge.IsBoolean()) {
    return ThrowType(env, usage), false;
  }
  out->given = true;
  if (key.IsString()) out->key = key.As<Napi::String>().Utf8Value();
  out->spec.cacheCapacity = static_cast<size_t>(capacity.As<Napi::Number>().Int64Value());
  out->spec.highPriPoolRatio = ratio.As<Napi::Number>().DoubleValue();
  out->spec.writeBufferBytes = static_cast<size_t>(wbm.As<Napi::Number>().Int64Value());
  out->spec.chargeToCache = charge.As<Napi::Boolean>().Value();
  return true;
}

// The block-based table options of parsed options, or null (another table format).
const rocksdb::BlockBasedTableOptions* TableOptions(const rocksdb::Options& options) {
  return options.table_factory ? options.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>() : nullptr;
}

}  // namespace

// new Database(path, optionsString, { disableWAL, sync, perfLevel, sharedCache?, memory?, families?, remote? })
Database::Database(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Database>(info) {
  Napi::Env env = info.Env();
  // The ColumnFamily class shares this constructor: a view of a root's family.
  if (info.IsConstructCall() && info.NewTarget().StrictEquals(Data(env)->columnFamilyConstructor.Value())) {
    InitView(info);
    return;
  }
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsString()) {
    ThrowType(env, "Database(path: string, options: string, writeOptions?: object)");
    return;
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  std::string optionsString = info[1].As<Napi::String>().Utf8Value();
  MemoryRequest request;
  std::map<std::string, std::shared_ptr<FlinkTtlFilterFactory>> asked;  // families: name -> TTL (null: none)
  if (info.Length() > 2 && info[2].IsObject()) {
    Napi::Object w = info[2].As<Napi::Object>();
    write_.disableWAL = w.Get("disableWAL").ToBoolean().Value();
    write_.sync = w.Get("sync").ToBoolean().Value();
    // The perf context is per thread: this sets it for the JS thread, which runs every operation.
    Napi::Value level = w.Get("perfLevel");
    if (level.IsNumber()) rocksdb::SetPerfLevel(static_cast<rocksdb::PerfLevel>(level.As<Napi::Number>().Int32Value()));
    Napi::Value shared = w.Get("sharedCache");
    Napi::Value memory = w.Get("memory");
    if (!shared.IsUndefined() && !memory.IsUndefined()) {
      ThrowType(env, "Database: give sharedCache or memory, not both");
      return;
    }
    if (!shared.IsUndefined() && !ReadSharedCache(env, shared, &request)) return;
    if (!memory.IsUndefined() && !ReadMemory(env, memory, &request)) return;
    if (!ReadFamilies(env, w.Get("families"), clock_, &asked)) return;
    Napi::Value remote = w.Get("remote");
    if (!remote.IsUndefined()) {
      RemoteConfig config;
      if (!ReadRemote(env, remote, &config)) return;
      remote_ = std::make_shared<RemoteStore>(config);
      remoteEnv_ = rocksdb::NewCompositeEnv(NewRemoteFileSystem(remote_));
    }
  }

  rocksdb::Options base;
  base.create_if_missing = true;
  rocksdb::ConfigOptions config;  // as the C API's rocksdb_get_options_from_string parses
  config.input_strings_escaped = false;
  config.ignore_unknown_options = false;
  rocksdb::Options options;
  rocksdb::Status s = rocksdb::GetOptionsFromString(config, base, optionsString, &options);
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return;
  }
  options.create_if_missing = true;
  if (remoteEnv_) options.env = remoteEnv_.get();

  if (request.given) {
    const rocksdb::BlockBasedTableOptions* table = TableOptions(options);
    if (request.mustMatchOptions) {
      bool hasCache = table != nullptr && !table->no_block_cache && table->block_cache != nullptr;
      size_t resolved = hasCache ? table->block_cache->GetCapacity() : 0;
      // The first slot's cache, as its options string built it, becomes the shared one: its
      // high-priority pool (and shard bits, strict limit) carry over; later slots must match it.
      if (hasCache && request.highPriFromOptions) {
        double ratio = HighPriPoolRatio(*table->block_cache);
        request.spec.highPriPoolRatio = std::isnan(ratio) ? -1 : ratio;  // -1: a cache without a pool
      }
      if (!hasCache || resolved != request.spec.cacheCapacity) {
        Napi::Error::New(env, "shared block cache: the options resolve to " +
                                  (hasCache ? "a block cache of " + std::to_string(resolved) + " bytes" : std::string("no block cache")) +
                                  ", not the " + std::to_string(request.spec.cacheCapacity) + " bytes asked to share")
            .ThrowAsJavaScriptException();
        return;
      }
    } else if (table == nullptr) {
      Napi::Error::New(env, "bounded memory: the options give no block-based table to hold the block cache").ThrowAsJavaScriptException();
      return;
    }
    std::string error;
    if (request.key.empty()) {
      memory_ = MakeMemory(request.spec);
    } else if (AcquireSharedMemory(request.key, request.spec, &memory_, &error,
                                   request.mustMatchOptions ? table->block_cache : nullptr)) {
      sharedKey_ = request.key;
      holdsShared_ = true;
    } else {
      Napi::Error::New(env, error).ThrowAsJavaScriptException();
      return;
    }
    // A new table factory around the cache, as Flink's setTableFormatConfig makes one.
    rocksdb::BlockBasedTableOptions withCache = *table;
    withCache.block_cache = memory_.cache;
    withCache.no_block_cache = false;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(withCache));
    if (memory_.writeBufferManager) options.write_buffer_manager = memory_.writeBufferManager;
  }
  statistics_ = rocksdb::CreateDBStatistics();
  options.statistics = statistics_;

  // Every family the directory holds (a restored checkpoint's too) and every family asked for
  // (created), each with the default family's options; RocksDB requires all existing ones named.
  familyOptions_ = rocksdb::ColumnFamilyOptions(options);
  std::vector<std::string> names;
  if (!rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(options), path, &names).ok()) names.clear();  // a new directory
  for (const auto& a : asked) {
    if (std::find(names.begin(), names.end(), a.first) == names.end()) names.push_back(a.first);
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors{{rocksdb::kDefaultColumnFamilyName, familyOptions_}};
  std::vector<std::shared_ptr<FlinkTtlFilterFactory>> ttls{nullptr};
  for (const std::string& name : names) {
    if (name == rocksdb::kDefaultColumnFamilyName) continue;
    auto a = asked.find(name);
    ttls.push_back(a == asked.end() ? nullptr : a->second);
    descriptors.emplace_back(name, FamilyOptions(ttls.back()));
  }
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  s = rocksdb::DB::Open(rocksdb::DBOptions(options), path, descriptors, &handles, &db_);
  if (!s.ok()) {
    db_ = nullptr;
    CloseAll();
    ThrowRocksError(env, s);
    return;
  }
  cf_ = handles[0];
  for (size_t i = 1; i < handles.size(); i++) {
    NamedFamily& f = families_[descriptors[i].name];
    f.handle = handles[i];
    f.ttl = ttls[i];
  }
}

Database::~Database() { CloseAll(); }

void Database::CloseAll() {
  if (isView_) {
    DetachView();
    return;
  }
  // No get runs on another thread past this point.
  if (reads_) reads_->Stop();
  reads_.reset();
  // Iterators first, the views' too: RocksDB requires them gone before the DB closes.
  for (Database* view : std::unordered_set<Database*>(views_)) view->DetachView();
  views_.clear();
  for (IteratorWrap* it : std::unordered_set<IteratorWrap*>(iterators_)) it->Release();
  iterators_.clear();
  ownBatch_.Clear();
  pinned_.Reset();
  for (auto& f : families_) {
    if (db_ != nullptr && f.second.handle != nullptr) db_->DestroyColumnFamilyHandle(f.second.handle);
    if (!f.second.view.IsEmpty()) f.second.view.Reset();
  }
  families_.clear();
  if (db_ != nullptr && cf_ != nullptr) db_->DestroyColumnFamilyHandle(cf_);
  cf_ = nullptr;
  delete db_;
  db_ = nullptr;
  remoteEnv_.reset();
  remote_.reset();
  // After the DB is closed: the last holder drops the shared cache and write buffer manager.
  memory_ = Memory();
  if (holdsShared_) ReleaseSharedMemory(sharedKey_);
  holdsShared_ = false;
  ReleaseBuffers();
}

// The JS buffers the *S and *Slab calls use: let go, so a closed handle keeps no JS memory alive.
void Database::ReleaseBuffers() {
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
