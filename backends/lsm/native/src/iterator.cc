// IteratorWrap: seek / next / prev over a RocksDB iterator with optional bounds.
#include "iterator.h"

#include "database.h"
#include "util.h"

// The class of one environment; Database.iterator finds it in that environment's AddonData.
Napi::Function IteratorWrap::Init(Napi::Env env) {
  Napi::Function fn = DefineClass(env, "Iterator",
                                  {
                                      InstanceMethod("seek", &IteratorWrap::Seek),
                                      InstanceMethod("seekForPrev", &IteratorWrap::SeekForPrev),
                                      InstanceMethod("seekToFirst", &IteratorWrap::SeekToFirst),
                                      InstanceMethod("seekToLast", &IteratorWrap::SeekToLast),
                                      InstanceMethod("next", &IteratorWrap::Next),
                                      InstanceMethod("prev", &IteratorWrap::Prev),
                                      InstanceMethod("valid", &IteratorWrap::Valid),
                                      InstanceMethod("key", &IteratorWrap::Key),
                                      InstanceMethod("value", &IteratorWrap::Value),
                                      InstanceMethod("close", &IteratorWrap::Close),
                                  });
  return fn;
}

// Created by Database.iterator(lower, upper): new Iterator(db, lower | null, upper | null).
IteratorWrap::IteratorWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<IteratorWrap>(info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsObject()) {
    ThrowType(env, "iterators are created by Database.iterator(lower, upper)");
    return;
  }
  Napi::Object dbObject = info[0].As<Napi::Object>();
  Database* db = Napi::ObjectWrap<Database>::Unwrap(dbObject);
  if (db == nullptr || db->IsClosed()) {
    Napi::Error::New(env, kClosedMessage).ThrowAsJavaScriptException();
    return;
  }
  read_ = rocksdb_readoptions_create();
  const char* data;
  size_t len;
  if (info.Length() > 1 && !info[1].IsNull() && !info[1].IsUndefined()) {
    if (!BytesArg(info, 1, &data, &len)) return;
    lower_.assign(data, len);
    rocksdb_readoptions_set_iterate_lower_bound(read_, lower_.data(), lower_.size());
  }
  if (info.Length() > 2 && !info[2].IsNull() && !info[2].IsUndefined()) {
    if (!BytesArg(info, 2, &data, &len)) return;
    upper_.assign(data, len);
    rocksdb_readoptions_set_iterate_upper_bound(read_, upper_.data(), upper_.size());
  }
  owner_ = db;
  ownerRef_ = Napi::Persistent(dbObject);
  it_ = rocksdb_create_iterator_cf(db->Handle(), read_, db->Family());
  db->Remember(this);
}

IteratorWrap::~IteratorWrap() {
  if (owner_ != nullptr) owner_->Forget(this);
  Release();
  if (read_ != nullptr) rocksdb_readoptions_destroy(read_);
  read_ = nullptr;
  if (!ownerRef_.IsEmpty()) ownerRef_.Reset();
}

void IteratorWrap::Release() {
  if (it_ != nullptr) rocksdb_iter_destroy(it_);
  it_ = nullptr;
  owner_ = nullptr;
}

bool IteratorWrap::CheckOpen(Napi::Env env) {
  if (it_ != nullptr) return true;
  Napi::Error::New(env, "rocksdb: iterator is closed").ThrowAsJavaScriptException();
  return false;
}

Napi::Value IteratorWrap::Seek(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t len;
  if (!BytesArg(info, 0, &key, &len)) return env.Undefined();
  rocksdb_iter_seek(it_, key, len);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

Napi::Value IteratorWrap::SeekForPrev(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t len;
  if (!BytesArg(info, 0, &key, &len)) return env.Undefined();
  rocksdb_iter_seek_for_prev(it_, key, len);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

Napi::Value IteratorWrap::SeekToFirst(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb_iter_seek_to_first(it_);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

Napi::Value IteratorWrap::SeekToLast(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb_iter_seek_to_last(it_);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

Napi::Value IteratorWrap::Next(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (rocksdb_iter_valid(it_)) rocksdb_iter_next(it_);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

Napi::Value IteratorWrap::Prev(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (rocksdb_iter_valid(it_)) rocksdb_iter_prev(it_);
  return Napi::Boolean::New(env, rocksdb_iter_valid(it_) != 0);
}

// valid(): true when positioned on an entry; an iterator that stopped on an error throws it.
Napi::Value IteratorWrap::Valid(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (rocksdb_iter_valid(it_)) return Napi::Boolean::New(env, true);
  char* err = nullptr;
  rocksdb_iter_get_error(it_, &err);
  if (err != nullptr) {
    ThrowRocksError(env, err);
    return env.Undefined();
  }
  return Napi::Boolean::New(env, false);
}

Napi::Value IteratorWrap::Key(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!rocksdb_iter_valid(it_)) return env.Undefined();
  size_t len = 0;
  const char* data = rocksdb_iter_key(it_, &len);
  return CopyBytes(env, data, len);
}

Napi::Value IteratorWrap::Value(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!rocksdb_iter_valid(it_)) return env.Undefined();
  size_t len = 0;
  const char* data = rocksdb_iter_value(it_, &len);
  return CopyBytes(env, data, len);
}

// Frees everything native at once: the JS object may wait long for its finalizer (N-API runs
// finalizers from the event loop, which a synchronous benchmark loop does not turn).
Napi::Value IteratorWrap::Close(const Napi::CallbackInfo& info) {
  if (owner_ != nullptr) owner_->Forget(this);
  Release();
  if (read_ != nullptr) rocksdb_readoptions_destroy(read_);
  read_ = nullptr;
  lower_ = std::string();
  upper_ = std::string();
  if (!ownerRef_.IsEmpty()) ownerRef_.Reset();
  return info.Env().Undefined();
}
