// A RocksDB iterator with optional lower/upper bounds, driven step by step from JS.
#pragma once

#include <napi.h>
#include <rocksdb/iterator.h>
#include <rocksdb/options.h>

#include <memory>
#include <string>

class Database;

class IteratorWrap : public Napi::ObjectWrap<IteratorWrap> {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit IteratorWrap(const Napi::CallbackInfo& info);
  ~IteratorWrap() override;

  // Called by the Database when it closes: the iterator must go before the DB does.
  void Release();

 private:
  bool CheckOpen(Napi::Env env);
  Napi::Value Seek(const Napi::CallbackInfo& info);
  Napi::Value SeekForPrev(const Napi::CallbackInfo& info);
  Napi::Value SeekToFirst(const Napi::CallbackInfo& info);
  Napi::Value SeekToLast(const Napi::CallbackInfo& info);
  Napi::Value Next(const Napi::CallbackInfo& info);
  Napi::Value Prev(const Napi::CallbackInfo& info);
  Napi::Value Valid(const Napi::CallbackInfo& info);
  Napi::Value Key(const Napi::CallbackInfo& info);
  Napi::Value Value(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  Database* owner_ = nullptr;
  Napi::ObjectReference ownerRef_;  // keeps the Database alive while this iterator lives
  std::unique_ptr<rocksdb::Iterator> it_;
  // Bounds are referenced by the read options, so their bytes and slices live here.
  std::string lower_;
  std::string upper_;
  rocksdb::Slice lowerSlice_;
  rocksdb::Slice upperSlice_;
};
