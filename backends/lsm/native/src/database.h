// The Database wrapper: one RocksDB instance through RocksDB's C++ API, every call synchronous on
// the JS thread.
#pragma once

#include <napi.h>
#include <rocksdb/db.h>
#include <rocksdb/statistics.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "shared-cache.h"

class IteratorWrap;

class Database : public Napi::ObjectWrap<Database> {
 public:
  static Napi::Function Init(Napi::Env env);
  explicit Database(const Napi::CallbackInfo& info);
  ~Database() override;

  // Used by IteratorWrap.
  bool IsClosed() const { return db_ == nullptr; }
  rocksdb::DB* Handle() const { return db_; }
  rocksdb::ColumnFamilyHandle* Family() const { return cf_; }
  void Forget(IteratorWrap* it) { iterators_.erase(it); }
  void Remember(IteratorWrap* it) { iterators_.insert(it); }

 private:
  // Every path that can fail frees what it allocated: CloseAll() is idempotent and also runs
  // from the destructor when the JS object is collected without close().
  void CloseAll();
  bool CheckOpen(Napi::Env env);

  Napi::Value SetScratch(const Napi::CallbackInfo& info);
  Napi::Value Get(const Napi::CallbackInfo& info);
  Napi::Value GetScratch(const Napi::CallbackInfo& info);
  Napi::Value SetValueSlab(const Napi::CallbackInfo& info);
  Napi::Value GetIntoSlab(const Napi::CallbackInfo& info);
  Napi::Value Put(const Napi::CallbackInfo& info);
  Napi::Value PutScratch(const Napi::CallbackInfo& info);
  Napi::Value Delete(const Napi::CallbackInfo& info);
  Napi::Value DeleteScratch(const Napi::CallbackInfo& info);
  Napi::Value Merge(const Napi::CallbackInfo& info);
  Napi::Value MergeScratch(const Napi::CallbackInfo& info);
  Napi::Value MultiGet(const Napi::CallbackInfo& info);
  Napi::Value BatchPut(const Napi::CallbackInfo& info);
  Napi::Value BatchDelete(const Napi::CallbackInfo& info);
  Napi::Value BatchMerge(const Napi::CallbackInfo& info);
  Napi::Value BatchClear(const Napi::CallbackInfo& info);
  Napi::Value BatchWrite(const Napi::CallbackInfo& info);
  Napi::Value Scan(const Napi::CallbackInfo& info);
  Napi::Value NewIterator(const Napi::CallbackInfo& info);
  Napi::Value Flush(const Napi::CallbackInfo& info);
  Napi::Value CompactRange(const Napi::CallbackInfo& info);
  Napi::Value Checkpoint(const Napi::CallbackInfo& info);
  Napi::Value Property(const Napi::CallbackInfo& info);
  Napi::Value IntProperty(const Napi::CallbackInfo& info);
  Napi::Value Statistics(const Napi::CallbackInfo& info);
  Napi::Value LiveFiles(const Napi::CallbackInfo& info);
  Napi::Value MemoryJs(const Napi::CallbackInfo& info);  // db-upkeep.cc
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosedJs(const Napi::CallbackInfo& info);
  Napi::Value HotPath(const Napi::CallbackInfo& info);
  Napi::Value PerfComparisons(const Napi::CallbackInfo& info);
  Napi::Value NativeLoop(const Napi::CallbackInfo& info);  // native-loops.cc

  // The hot calls as plain functions carrying this Database in their data pointer (HotPath).
  static Napi::Value GetIntoSlabBound(const Napi::CallbackInfo& info);
  static Napi::Value PutScratchBound(const Napi::CallbackInfo& info);

  Napi::Value DoGet(Napi::Env env, const char* key, size_t keyLen);
  Napi::Value WriteOne(Napi::Env env, bool merge, const char* key, size_t keyLen, const Napi::Value& value);

  rocksdb::DB* db_ = nullptr;
  rocksdb::ColumnFamilyHandle* cf_ = nullptr;
  std::shared_ptr<rocksdb::Statistics> statistics_;
  rocksdb::ReadOptions read_;
  rocksdb::WriteOptions write_;
  rocksdb::WriteBatch batch_;
  // Reused by every get: a value served from the block cache is pinned there, one from a memtable
  // is copied into its buffer, which keeps its capacity between calls (no allocation per get).
  rocksdb::PinnableSlice pinned_;
  Napi::Reference<Napi::Uint8Array> scratchRef_;
  const char* scratch_ = nullptr;
  size_t scratchLen_ = 0;
  Napi::Reference<Napi::Uint8Array> slabRef_;
  char* slab_ = nullptr;
  size_t slabLen_ = 0;
  std::unordered_set<IteratorWrap*> iterators_;
  // The memory this instance was given besides its options string (shared-cache.h); the key of the
  // process-wide registry entry it holds, when it shares.
  Memory memory_;
  std::string sharedKey_;
  bool holdsShared_ = false;
};
