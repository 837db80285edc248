// Database: the point, batch and scan operations and the hot calls. Opening and closing live in
// db-open.cc; flush, compaction, checkpoints and statistics in db-upkeep.cc.
#include "database.h"

#include <cstring>
#include <vector>

#include "addon-data.h"
#include "iterator.h"
#include "util.h"

Napi::Function Database::Init(Napi::Env env) {
  return DefineClass(env, "Database",
                     {
                         InstanceMethod("setScratch", &Database::SetScratch),
                         InstanceMethod("get", &Database::Get),
                         InstanceMethod("getS", &Database::GetScratch),
                         InstanceMethod("setValueSlab", &Database::SetValueSlab),
                         InstanceMethod("hotPath", &Database::HotPath),
                         InstanceMethod("perfComparisons", &Database::PerfComparisons),
                         InstanceMethod("nativeLoop", &Database::NativeLoop),
                         InstanceMethod("put", &Database::Put),
                         InstanceMethod("del", &Database::Delete),
                         InstanceMethod("delS", &Database::DeleteScratch),
                         InstanceMethod("merge", &Database::Merge),
                         InstanceMethod("mergeS", &Database::MergeScratch),
                         InstanceMethod("multiGet", &Database::MultiGet),
                         InstanceMethod("batchPut", &Database::BatchPut),
                         InstanceMethod("batchDelete", &Database::BatchDelete),
                         InstanceMethod("batchMerge", &Database::BatchMerge),
                         InstanceMethod("batchClear", &Database::BatchClear),
                         InstanceMethod("batchWrite", &Database::BatchWrite),
                         InstanceMethod("scan", &Database::Scan),
                         InstanceMethod("iterator", &Database::NewIterator),
                         InstanceMethod("flush", &Database::Flush),
                         InstanceMethod("compactRange", &Database::CompactRange),
                         InstanceMethod("checkpoint", &Database::Checkpoint),
                         InstanceMethod("property", &Database::Property),
                         InstanceMethod("intProperty", &Database::IntProperty),
                         InstanceMethod("statistics", &Database::Statistics),
                         InstanceMethod("liveFiles", &Database::LiveFiles),
                         InstanceMethod("close", &Database::Close),
                         InstanceMethod("isClosed", &Database::IsClosedJs),
                     });
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
  char* err = nullptr;
  rocksdb_pinnableslice_t* slice = rocksdb_get_pinned_cf(db_, read_, cf_, key, keyLen, &err);
  if (err != nullptr) {
    if (slice != nullptr) rocksdb_pinnableslice_destroy(slice);
    ThrowRocksError(env, err);
    return env.Undefined();
  }
  if (slice == nullptr) return env.Undefined();
  size_t len = 0;
  const char* data = rocksdb_pinnableslice_value(slice, &len);
  Napi::Value out = CopyBytes(env, data, len);
  rocksdb_pinnableslice_destroy(slice);
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
  return env.Undefined();
}

// getSlab(offset) with the key in the scratch buffer: -1 when the key is missing; the value's
// length when it was copied into the slab at offset; -2 - length when it does not fit there
// (nothing copied: the caller gives a bigger slab and asks again).
Napi::Value Database::GetIntoSlab(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  size_t offset = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().Uint32Value() : 0;
  char* err = nullptr;
  rocksdb_pinnableslice_t* slice = rocksdb_get_pinned_cf(db_, read_, cf_, scratch_, scratchLen_, &err);
  if (err != nullptr) {
    if (slice != nullptr) rocksdb_pinnableslice_destroy(slice);
    ThrowRocksError(env, err);
    return env.Undefined();
  }
  if (slice == nullptr) return Napi::Number::New(env, -1);
  size_t len = 0;
  const char* data = rocksdb_pinnableslice_value(slice, &len);
  double result;
  if (slab_ != nullptr && offset <= slabLen_ && len <= slabLen_ - offset) {
    memcpy(slab_ + offset, data, len);
    result = static_cast<double>(len);
  } else {
    result = -2.0 - static_cast<double>(len);
  }
  rocksdb_pinnableslice_destroy(slice);
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
  rocksdb_perfcontext_t* ctx = rocksdb_perfcontext_create();
  double n = static_cast<double>(rocksdb_perfcontext_metric(ctx, rocksdb_user_key_comparison_count));
  if (info.Length() > 0 && info[0].ToBoolean().Value()) rocksdb_perfcontext_reset(ctx);
  rocksdb_perfcontext_destroy(ctx);
  return Napi::Number::New(env, n);
}

Napi::Value Database::GetIntoSlabBound(const Napi::CallbackInfo& info) {
  return static_cast<Database*>(info.Data())->GetIntoSlab(info);
}

Napi::Value Database::PutScratchBound(const Napi::CallbackInfo& info) {
  return static_cast<Database*>(info.Data())->PutScratch(info);
}

// Shared body of put/merge, with the key from an argument or the scratch buffer.
#define WRITE_BODY(call, keyExpr, keyLenExpr, valueIndex)                 \
  Napi::Env env = info.Env();                                             \
  if (!CheckOpen(env)) return env.Undefined();                            \
  const char* value;                                                      \
  size_t valueLen;                                                        \
  if (!BytesArg(info, valueIndex, &value, &valueLen)) return env.Undefined(); \
  char* err = nullptr;                                                    \
  call(db_, write_, cf_, keyExpr, keyLenExpr, value, valueLen, &err);     \
  if (err != nullptr) ThrowRocksError(env, err);                          \
  return env.Undefined();

Napi::Value Database::Put(const Napi::CallbackInfo& info) {
  const char* key;
  size_t keyLen;
  if (db_ != nullptr && !BytesArg(info, 0, &key, &keyLen)) return info.Env().Undefined();
  WRITE_BODY(rocksdb_put_cf, key, keyLen, 1)
}

Napi::Value Database::PutScratch(const Napi::CallbackInfo& info) {
  WRITE_BODY(rocksdb_put_cf, scratch_, scratchLen_, 0)
}

Napi::Value Database::Merge(const Napi::CallbackInfo& info) {
  const char* key;
  size_t keyLen;
  if (db_ != nullptr && !BytesArg(info, 0, &key, &keyLen)) return info.Env().Undefined();
  WRITE_BODY(rocksdb_merge_cf, key, keyLen, 1)
}

Napi::Value Database::MergeScratch(const Napi::CallbackInfo& info) {
  WRITE_BODY(rocksdb_merge_cf, scratch_, scratchLen_, 0)
}

#undef WRITE_BODY

Napi::Value Database::Delete(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  char* err = nullptr;
  rocksdb_delete_cf(db_, write_, cf_, key, keyLen, &err);
  if (err != nullptr) ThrowRocksError(env, err);
  return env.Undefined();
}

Napi::Value Database::DeleteScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  char* err = nullptr;
  rocksdb_delete_cf(db_, write_, cf_, scratch_, scratchLen_, &err);
  if (err != nullptr) ThrowRocksError(env, err);
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
  std::vector<const char*> keys(n);
  std::vector<size_t> sizes(n, keySize);
  std::vector<rocksdb_pinnableslice_t*> values(n, nullptr);
  std::vector<char*> errs(n, nullptr);
  for (size_t i = 0; i < n; i++) keys[i] = packed + i * keySize;
  rocksdb_batched_multi_get_cf(db_, read_, cf_, n, keys.data(), sizes.data(), values.data(), errs.data(), false);
  char* firstErr = nullptr;
  Napi::Array out = Napi::Array::New(env, n);
  for (size_t i = 0; i < n; i++) {
    if (errs[i] != nullptr) {
      if (firstErr == nullptr) firstErr = errs[i];
      else rocksdb_free(errs[i]);
    } else if (values[i] != nullptr && firstErr == nullptr) {
      size_t len = 0;
      const char* data = rocksdb_pinnableslice_value(values[i], &len);
      out.Set(i, CopyBytes(env, data, len));
    }
    if (values[i] != nullptr) rocksdb_pinnableslice_destroy(values[i]);
  }
  if (firstErr != nullptr) {
    ThrowRocksError(env, firstErr);
    return env.Undefined();
  }
  return out;
}

Napi::Value Database::BatchPut(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char *key, *value;
  size_t keyLen, valueLen;
  if (!BytesArg(info, 0, &key, &keyLen) || !BytesArg(info, 1, &value, &valueLen)) return env.Undefined();
  rocksdb_writebatch_put_cf(batch_, cf_, key, keyLen, value, valueLen);
  return env.Undefined();
}

Napi::Value Database::BatchMerge(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char *key, *value;
  size_t keyLen, valueLen;
  if (!BytesArg(info, 0, &key, &keyLen) || !BytesArg(info, 1, &value, &valueLen)) return env.Undefined();
  rocksdb_writebatch_merge_cf(batch_, cf_, key, keyLen, value, valueLen);
  return env.Undefined();
}

Napi::Value Database::BatchDelete(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  rocksdb_writebatch_delete_cf(batch_, cf_, key, keyLen);
  return env.Undefined();
}

Napi::Value Database::BatchClear(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb_writebatch_clear(batch_);
  return env.Undefined();
}

// Writes the pending batch atomically and clears it, whether the write succeeded or not.
Napi::Value Database::BatchWrite(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  char* err = nullptr;
  rocksdb_write(db_, write_, batch_, &err);
  rocksdb_writebatch_clear(batch_);
  if (err != nullptr) ThrowRocksError(env, err);
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
  rocksdb_readoptions_t* ro = rocksdb_readoptions_create();
  rocksdb_readoptions_set_iterate_lower_bound(ro, lower, lowerLen);
  rocksdb_readoptions_set_iterate_upper_bound(ro, upper, upperLen);
  rocksdb_iterator_t* it = rocksdb_create_iterator_cf(db_, ro, cf_);
  Napi::Array out = Napi::Array::New(env);
  uint32_t n = 0;
  rocksdb_iter_seek(it, lower, lowerLen);
  for (int64_t i = 0; i < limit && rocksdb_iter_valid(it); i++) {
    size_t kl = 0, vl = 0;
    const char* k = rocksdb_iter_key(it, &kl);
    const char* v = rocksdb_iter_value(it, &vl);
    out.Set(n++, CopyBytes(env, k, kl));
    out.Set(n++, CopyBytes(env, v, vl));
    rocksdb_iter_next(it);
  }
  char* err = nullptr;
  rocksdb_iter_get_error(it, &err);
  rocksdb_iter_destroy(it);
  rocksdb_readoptions_destroy(ro);
  if (err != nullptr) {
    ThrowRocksError(env, err);
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
