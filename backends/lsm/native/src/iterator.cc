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
  rocksdb::ReadOptions read;
  const char* data;
  size_t len;
  if (info.Length() > 1 && !info[1].IsNull() && !info[1].IsUndefined()) {
    if (!BytesArg(info, 1, &data, &len)) return;
    lower_.assign(data, len);
    lowerSlice_ = rocksdb::Slice(lower_);
    read.iterate_lower_bound = &lowerSlice_;
  }
  if (info.Length() > 2 && !info[2].IsNull() && !info[2].IsUndefined()) {
    if (!BytesArg(info, 2, &data, &len)) return;
    upper_.assign(data, len);
    upperSlice_ = rocksdb::Slice(upper_);
    read.iterate_upper_bound = &upperSlice_;
  }
  owner_ = db;
  ownerRef_ = Napi::Persistent(dbObject);
  it_.reset(db->Handle()->NewIterator(read, db->Family()));
  db->Remember(this);
}

IteratorWrap::~IteratorWrap() {
  if (owner_ != nullptr) owner_->Forget(this);
  Release();
  if (!ownerRef_.IsEmpty()) ownerRef_.Reset();
}

void IteratorWrap::Release() {
  it_.reset();
  owner_ = nullptr;
}

bool IteratorWrap::CheckOpen(Napi::Env env) {
  if (it_) return true;
  Napi::Error::New(env, "rocksdb: iterator is closed").ThrowAsJavaScriptException();
  return false;
}

Napi::Value IteratorWrap::Seek(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t len;
  if (!BytesArg(info, 0, &key, &len)) return env.Undefined();
  it_->Seek(rocksdb::Slice(key, len));
  return Napi::Boolean::New(env, it_->Valid());
}

Napi::Value IteratorWrap::SeekForPrev(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t len;
  if (!BytesArg(info, 0, &key, &len)) return env.Undefined();
  it_->SeekForPrev(rocksdb::Slice(key, len));
  return Napi::Boolean::New(env, it_->Valid());
}

Napi::Value IteratorWrap::SeekToFirst(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  it_->SeekToFirst();
  return Napi::Boolean::New(env, it_->Valid());
}

Napi::Value IteratorWrap::SeekToLast(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  it_->SeekToLast();
  return Napi::Boolean::New(env, it_->Valid());
}

Napi::Value IteratorWrap::Next(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (it_->Valid()) it_->Next();
  return Napi::Boolean::New(env, it_->Valid());
}

Napi::Value IteratorWrap::Prev(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (it_->Valid()) it_->Prev();
  return Napi::Boolean::New(env, it_->Valid());
}

// valid(): true when positioned on an entry; an iterator that stopped on an error throws it.
Napi::Value IteratorWrap::Valid(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (it_->Valid()) return Napi::Boolean::New(env, true);
  rocksdb::Status s = it_->status();
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return env.Undefined();
  }
  return Napi::Boolean::New(env, false);
}

Napi::Value IteratorWrap::Key(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!it_->Valid()) return env.Undefined();
  rocksdb::Slice key = it_->key();
  return CopyBytes(env, key.data(), key.size());
}

Napi::Value IteratorWrap::Value(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!it_->Valid()) return env.Undefined();
  rocksdb::Slice value = it_->value();
  return CopyBytes(env, value.data(), value.size());
}

// Frees everything native at once: the JS object may wait long for its finalizer (N-API runs
// finalizers from the event loop, which a synchronous benchmark loop does not turn).
Napi::Value IteratorWrap::Close(const Napi::CallbackInfo& info) {
  if (owner_ != nullptr) owner_->Forget(this);
  Release();
  lower_ = std::string();
  upper_ = std::string();
  if (!ownerRef_.IsEmpty()) ownerRef_.Reset();
  return info.Env().Undefined();
}
