// Database: the point, batch and scan operations and the hot calls. Opening and closing live in
// db-open.cc; flush, compaction, checkpoints and statistics in db-upkeep.cc.
#include "database.h"

#include <rocksdb/perf_context.h>

#include <cstring>
#include <vector>

#include "addon-data.h"
#include "iterator.h"
#include "util.h"

// The data methods a Database (on its default family) and a ColumnFamily (on its own) share.
std::vector<Napi::ClassPropertyDescriptor<Database>> Database::DataMethods() {
  return {
      InstanceMethod("setScratch", &Database::SetScratch),
      InstanceMethod("get", &Database::Get),
      InstanceMethod("getS", &Database::GetScratch),
      InstanceMethod("getAsyncS", &Database::GetAsyncScratch),
      InstanceMethod("getAsync", &Database::GetAsync),
      InstanceMethod("setValueSlab", &Database::SetValueSlab),
      InstanceMethod("hotPath", &Database::HotPath),
      InstanceMethod("put", &Database::Put),
      InstanceMethod("del", &Database::Delete),
      InstanceMethod("delS", &Database::DeleteScratch),
      InstanceMethod("merge", &Database::Merge),
      InstanceMethod("mergeS", &Database::MergeScratch),
      InstanceMethod("multiGet", &Database::MultiGet),
      InstanceMethod("batchPut", &Database::BatchPut),
      InstanceMethod("batchDelete", &Database::BatchDelete),
      InstanceMethod("batchMerge", &Database::BatchMerge),
      InstanceMethod("scan", &Database::Scan),
      InstanceMethod("iterator", &Database::NewIterator),
      InstanceMethod("flush", &Database::Flush),
      InstanceMethod("compactRange", &Database::CompactRange),
      InstanceMethod("property", &Database::Property),
      InstanceMethod("intProperty", &Database::IntProperty),
      InstanceMethod("isClosed", &Database::IsClosedJs),
  };
}

Napi::Function Database::Init(Napi::Env env) {
  std::vector<Napi::ClassPropertyDescriptor<Database>> methods = DataMethods();
  methods.insert(methods.end(), {
                                    InstanceMethod("perfComparisons", &Database::PerfComparisons),
                                    InstanceMethod("nativeLoop", &Database::NativeLoop),
                                    InstanceMethod("batchClear", &Database::BatchClear),
                                    InstanceMethod("batchWrite", &Database::BatchWrite),
                                    InstanceMethod("checkpoint", &Database::Checkpoint),
                                    InstanceMethod("statistics", &Database::Statistics),
                                    InstanceMethod("liveFiles", &Database::LiveFiles),
                                    InstanceMethod("memory", &Database::MemoryJs),
                                    InstanceMethod("startTrace", &Database::StartTraceJs),
                                    InstanceMethod("endTrace", &Database::EndTraceJs),
                                    InstanceMethod("remoteStats", &Database::RemoteStatsJs),
                                    InstanceMethod("startReads", &Database::StartReads),
                                    InstanceMethod("columnFamily", &Database::ColumnFamilyJs),
                                    InstanceMethod("columnFamilies", &Database::ColumnFamilies),
                                    InstanceMethod("setTtlTime", &Database::SetTtlTime),
                                    InstanceMethod("aggregatedIntProperty", &Database::AggregatedIntProperty),
                                    InstanceMethod("close", &Database::Close),
                                });
  return DefineClass(env, "Database", methods);
}


// The key scratch buffer (the key codec's): the *S methods read the key from it, so the hot
// path passes no key argument and inspects no typed array.
Napi::Value Database::SetScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* data;
  size_t len;
  if (!BytesArg(info, 0, &data, &len)) return env.Undefined();
  scratchRef_ = Napi::Persistent(info[0].As<Napi::Uint8Array>());
  scratch_ = data;
  scratchLen_ = len;
  return env.Undefined();
}

Napi::Value Database::DoGet(Napi::Env env, const char* key, size_t keyLen) {
  rocksdb::Status s = db_->Get(read_, cf_, rocksdb::Slice(key, keyLen), &pinned_);
  if (s.IsNotFound()) return env.Undefined();
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return env.Undefined();
  }
  Napi::Value out = CopyBytes(env, pinned_.data(), pinned_.size());
  pinned_.Reset();
  return out;
}

Napi::Value Database::Get(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  return DoGet(env, key, keyLen);
}

Napi::Value Database::GetScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  return DoGet(env, scratch_, scratchLen_);
}

// The value slab: a JS-owned buffer the *Slab reads copy values into, so that a hit costs one
// memcpy and a JS view instead of a native Buffer allocation (Node pools Buffer.allocUnsafe the
// same way). JS hands over a fresh slab when the current one is full.
Napi::Value Database::SetValueSlab(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* data;
  size_t len;
  if (!BytesArg(info, 0, &data, &len)) return env.Undefined();
  slabRef_ = Napi::Persistent(info[0].As<Napi::Uint8Array>());
  slab_ = const_cast<char*>(data);
  slabLen_ = len;
  // A value the last getSlab could not place: copied to the new slab's start; its length back.
  if (!hasOverflow_) return Napi::Number::New(env, -1);
  hasOverflow_ = false;
  if (overflow_.size() > slabLen_) return Napi::Number::New(env, -1);
  memcpy(slab_, overflow_.data(), overflow_.size());
  return Napi::Number::New(env, static_cast<double>(overflow_.size()));
}

// getSlab(offset) with the key in the scratch buffer: -1 when the key is missing; the value's
// length when it was copied into the slab at offset; -2 - length when it does not fit there
// (the value is kept: the caller gives a slab with room, and setValueSlab copies it there and
// returns its length). The value comes through the reused PinnableSlice: one copy, from the
// pinned block or the memtable, into the slab.
Napi::Value Database::GetIntoSlab(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  size_t offset = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().Uint32Value() : 0;
  hasOverflow_ = false;
  rocksdb::Status s = db_->Get(read_, cf_, rocksdb::Slice(scratch_, scratchLen_), &pinned_);
  if (s.IsNotFound()) return Napi::Number::New(env, -1);
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return env.Undefined();
  }
  size_t len = pinned_.size();
  double result;
  if (slab_ != nullptr && offset <= slabLen_ && len <= slabLen_ - offset) {
    memcpy(slab_ + offset, pinned_.data(), len);
    result = static_cast<double>(len);
  } else {
    overflow_.assign(pinned_.data(), len);
    hasOverflow_ = true;
    result = -2.0 - static_cast<double>(len);
  }
  pinned_.Reset();
  return Napi::Number::New(env, result);
}

// hotPath() -> { getSlab, putS }: the two hot calls, as functions that find their Database in
// the function's data pointer instead of unwrapping `this` (an instance method pays
// napi_unwrap's private-property lookup on every call: ~3 % of a memtable get in perf). They
// hold no reference to the Database: the caller keeps the Database object alive as long as it
// keeps these (LsmInstance holds both).
Napi::Value Database::HotPath(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("getSlab", Napi::Function::New(env, &Database::GetIntoSlabBound, "getSlab", this));
  out.Set("putS", Napi::Function::New(env, &Database::PutScratchBound, "putS", this));
  return out;
}

// perfComparisons(reset?) -> the user-key comparisons RocksDB's perf context counted on this
// thread (zero when perfLevel is 'disable'); reset: start counting from zero again.
Napi::Value Database::PerfComparisons(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  rocksdb::PerfContext* ctx = rocksdb::get_perf_context();
  double n = static_cast<double>(ctx->user_key_comparison_count);
  if (info.Length() > 0 && info[0].ToBoolean().Value()) ctx->Reset();
  return Napi::Number::New(env, n);
}

Napi::Value Database::GetIntoSlabBound(const Napi::CallbackInfo& info) {
  return static_cast<Database*>(info.Data())->GetIntoSlab(info);
}

Napi::Value Database::PutScratchBound(const Napi::CallbackInfo& info) {
  return static_cast<Database*>(info.Data())->PutScratch(info);
}

// Shared body of put/merge; the value is the argument `value`.
Napi::Value Database::WriteOne(Napi::Env env, bool merge, const char* key, size_t keyLen, const Napi::Value& value) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    ThrowType(env, "expected a Uint8Array argument");
    return env.Undefined();
  }
  Napi::Uint8Array bytes = value.As<Napi::Uint8Array>();
  rocksdb::Slice k(key, keyLen), v(reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength());
  rocksdb::Status s = merge ? db_->Merge(write_, cf_, k, v) : db_->Put(write_, cf_, k, v);
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

Napi::Value Database::Put(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  return WriteOne(env, false, key, keyLen, info[1]);
}

Napi::Value Database::PutScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  return WriteOne(env, false, scratch_, scratchLen_, info[0]);
}

Napi::Value Database::Merge(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  return WriteOne(env, true, key, keyLen, info[1]);
}

Napi::Value Database::MergeScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  return WriteOne(env, true, scratch_, scratchLen_, info[0]);
}

Napi::Value Database::Delete(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  rocksdb::Status s = db_->Delete(write_, cf_, rocksdb::Slice(key, keyLen));
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

Napi::Value Database::DeleteScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb::Status s = db_->Delete(write_, cf_, rocksdb::Slice(scratch_, scratchLen_));
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

// multiGet(packedKeys: Uint8Array, keySize: number) -> (Buffer | undefined)[]
Napi::Value Database::MultiGet(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* packed;
  size_t packedLen;
  if (!BytesArg(info, 0, &packed, &packedLen)) return env.Undefined();
  if (info.Length() < 2 || !info[1].IsNumber()) {
    ThrowType(env, "multiGet(packedKeys, keySize)");
    return env.Undefined();
  }
  size_t keySize = info[1].As<Napi::Number>().Uint32Value();
  if (keySize == 0 || packedLen % keySize != 0) {
    ThrowType(env, "multiGet: packed keys length is not a multiple of the key size");
    return env.Undefined();
  }
  size_t n = packedLen / keySize;
  std::vector<rocksdb::Slice> keys(n);
  std::vector<rocksdb::PinnableSlice> values(n);
  std::vector<rocksdb::Status> statuses(n);
  for (size_t i = 0; i < n; i++) keys[i] = rocksdb::Slice(packed + i * keySize, keySize);
  db_->MultiGet(read_, cf_, n, keys.data(), values.data(), statuses.data(), false);
  Napi::Array out = Napi::Array::New(env, n);
  for (size_t i = 0; i < n; i++) {
    if (statuses[i].IsNotFound()) continue;
    if (!statuses[i].ok()) {
      ThrowRocksError(env, statuses[i]);
      return env.Undefined();
    }
    out.Set(i, CopyBytes(env, values[i].data(), values[i].size()));
  }
  return out;
}

// Shared body of the batch calls: key at 0 and, with a value, value at 1.
#define BATCH_ARGS(withValue)                                                             \
  Napi::Env env = info.Env();                                                             \
  if (!CheckOpen(env)) return env.Undefined();                                            \
  const char *key, *value = nullptr;                                                      \
  size_t keyLen, valueLen = 0;                                                            \
  if (!BytesArg(info, 0, &key, &keyLen) || (withValue && !BytesArg(info, 1, &value, &valueLen))) \
    return env.Undefined();

Napi::Value Database::BatchPut(const Napi::CallbackInfo& info) {
  BATCH_ARGS(true)
  batch_->Put(cf_, rocksdb::Slice(key, keyLen), rocksdb::Slice(value, valueLen));
  return env.Undefined();
}

Napi::Value Database::BatchMerge(const Napi::CallbackInfo& info) {
  BATCH_ARGS(true)
  batch_->Merge(cf_, rocksdb::Slice(key, keyLen), rocksdb::Slice(value, valueLen));
  return env.Undefined();
}

Napi::Value Database::BatchDelete(const Napi::CallbackInfo& info) {
  BATCH_ARGS(false)
  batch_->Delete(cf_, rocksdb::Slice(key, keyLen));
  return env.Undefined();
}

#undef BATCH_ARGS

Napi::Value Database::BatchClear(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  batch_->Clear();
  return env.Undefined();
}

// Writes the pending batch atomically and clears it, whether the write succeeded or not.
Napi::Value Database::BatchWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb::Status s = db_->Write(write_, batch_);
  batch_->Clear();
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

// scan(lower: Uint8Array, upper: Uint8Array, limit: number) -> [k0, v0, k1, v1, ...]
// Keys in [lower, upper), ascending; one native call for the whole range.
Napi::Value Database::Scan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char *lower, *upper;
  size_t lowerLen, upperLen;
  if (!BytesArg(info, 0, &lower, &lowerLen) || !BytesArg(info, 1, &upper, &upperLen)) return env.Undefined();
  if (info.Length() < 3 || !info[2].IsNumber()) {
    ThrowType(env, "scan(lower, upper, limit)");
    return env.Undefined();
  }
  int64_t limit = info[2].As<Napi::Number>().Int64Value();
  // Bound bytes must outlive the iterator; the typed arrays stay alive for this call.
  rocksdb::Slice lowerSlice(lower, lowerLen), upperSlice(upper, upperLen);
  rocksdb::ReadOptions ro;
  ro.iterate_lower_bound = &lowerSlice;
  ro.iterate_upper_bound = &upperSlice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_));
  Napi::Array out = Napi::Array::New(env);
  uint32_t n = 0;
  it->Seek(lowerSlice);
  for (int64_t i = 0; i < limit && it->Valid(); i++) {
    rocksdb::Slice k = it->key(), v = it->value();
    out.Set(n++, CopyBytes(env, k.data(), k.size()));
    out.Set(n++, CopyBytes(env, v.data(), v.size()));
    it->Next();
  }
  rocksdb::Status s = it->status();
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return env.Undefined();
  }
  return out;
}

Napi::Value Database::NewIterator(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  Napi::Value lower = info.Length() > 0 ? info[0] : env.Null();
  Napi::Value upper = info.Length() > 1 ? info[1] : env.Null();
  return Data(env)->iteratorConstructor.New({Value(), lower, upper});
}
