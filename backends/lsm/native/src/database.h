// The Database wrapper: one RocksDB instance through RocksDB's C++ API, every call synchronous on
// the JS thread.
//
// A column family's JS handle (Database.columnFamily, column-families.cc) is an instance of this
// same class made by the ColumnFamily constructor: a view that borrows its root's DB, writes into
// its root's write batch and runs the data methods on its own family's handle. The root owns the
// DB and every family handle; closing it detaches its views, which then fail as closed.
#pragma once

#include <napi.h>
#include <rocksdb/db.h>
#include <rocksdb/statistics.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "read-pool.h"
#include "remote-fs.h"
#include "shared-cache.h"
#include "ttl-filter.h"

class IteratorWrap;

class Database : public Napi::ObjectWrap<Database> {
 public:
  static Napi::Function Init(Napi::Env env);
  // The ColumnFamily class: the data methods of a Database on one column family (column-families.cc).
  static Napi::Function InitColumnFamily(Napi::Env env);
  static std::vector<Napi::ClassPropertyDescriptor<Database>> DataMethods();
  explicit Database(const Napi::CallbackInfo& info);
  ~Database() override;

  // Used by IteratorWrap.
  bool IsClosed() const { return db_ == nullptr; }
  rocksdb::DB* Handle() const { return db_; }
  rocksdb::ColumnFamilyHandle* Family() const { return cf_; }
  void Forget(IteratorWrap* it) { iterators_.erase(it); }
  void Remember(IteratorWrap* it) { iterators_.insert(it); }

 private:
  // A named column family of the root: its handle and, with a TTL, its compaction filter factory.
  struct NamedFamily {
    rocksdb::ColumnFamilyHandle* handle = nullptr;
    std::shared_ptr<FlinkTtlFilterFactory> ttl;
    Napi::ObjectReference view;  // weak: the JS handle columnFamily() last returned
  };

  // Every path that can fail frees what it allocated: CloseAll() is idempotent and also runs
  // from the destructor when the JS object is collected without close().
  void CloseAll();
  bool CheckOpen(Napi::Env env);
  void ReleaseBuffers();
  Napi::Value ReadIntProperty(const Napi::CallbackInfo& info, bool aggregated);
  // The view side of a column family's handle (column-families.cc).
  void InitView(const Napi::CallbackInfo& info);
  void DetachView();
  // Options of a family: the root's column family options, with a TTL filter when asked.
  rocksdb::ColumnFamilyOptions FamilyOptions(const std::shared_ptr<FlinkTtlFilterFactory>& ttl) const;
  // Every family handle of the root, the default one first.
  std::vector<rocksdb::ColumnFamilyHandle*> AllHandles() const;

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
  Napi::Value StartTraceJs(const Napi::CallbackInfo& info);  // trace.cc
  Napi::Value EndTraceJs(const Napi::CallbackInfo& info);    // trace.cc
  // column-families.cc
  Napi::Value ColumnFamilyJs(const Napi::CallbackInfo& info);
  Napi::Value ColumnFamilies(const Napi::CallbackInfo& info);
  Napi::Value SetTtlTime(const Napi::CallbackInfo& info);
  Napi::Value AggregatedIntProperty(const Napi::CallbackInfo& info);
  Napi::Value TtlFilterStats(const Napi::CallbackInfo& info);
  Napi::Value NameJs(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosedJs(const Napi::CallbackInfo& info);
  Napi::Value HotPath(const Napi::CallbackInfo& info);
  Napi::Value PerfComparisons(const Napi::CallbackInfo& info);
  Napi::Value NativeLoop(const Napi::CallbackInfo& info);  // native-loops.cc
  // db-remote.cc: the emulated remote store (lsm.remote) and the reads served off the JS thread.
  static bool ReadRemote(Napi::Env env, const Napi::Value& remote, RemoteConfig* out);
  Napi::Value RemoteStatsJs(const Napi::CallbackInfo& info);
  Napi::Value StartReads(const Napi::CallbackInfo& info);
  Napi::Value GetAsyncScratch(const Napi::CallbackInfo& info);
  Napi::Value GetAsync(const Napi::CallbackInfo& info);
  Napi::Value SubmitGet(Napi::Env env, const char* key, size_t keyLen, const Napi::Value& id);

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
  rocksdb::WriteBatch ownBatch_;
  // The root's own batch, for the root and each of its views: one batch across families.
  rocksdb::WriteBatch* batch_ = &ownBatch_;
  // Reused by every get: a value served from the block cache is pinned there, one from a memtable
  // is copied into its buffer, which keeps its capacity between calls (no allocation per get).
  rocksdb::PinnableSlice pinned_;
  Napi::Reference<Napi::Uint8Array> scratchRef_;
  const char* scratch_ = nullptr;
  size_t scratchLen_ = 0;
  Napi::Reference<Napi::Uint8Array> slabRef_;
  char* slab_ = nullptr;
  size_t slabLen_ = 0;
  // The value of the last getSlab that did not fit the slab's room, kept so that the next
  // setValueSlab copies it into the new slab (the get is not made twice).
  std::string overflow_;
  bool hasOverflow_ = false;
  std::unordered_set<IteratorWrap*> iterators_;
  // The root's, under lsm.remote: the store its SST files live on and the Env around it (RocksDB
  // holds a raw pointer to the Env: it outlives the DB). Null: every file local.
  std::shared_ptr<RemoteStore> remote_;
  std::unique_ptr<rocksdb::Env> remoteEnv_;
  // The root's, once startReads() ran: the get threads of the root and its views.
  std::unique_ptr<ReadPool> reads_;
  // The memory this instance was given besides its options string (shared-cache.h); the key of the
  // process-wide registry entry it holds, when it shares.
  Memory memory_;
  std::string sharedKey_;
  bool holdsShared_ = false;

  // The root's: its named families, the column family options each is opened with (the default
  // family's, as Flink gives every state the same), the time the TTL filters read, its views.
  std::map<std::string, NamedFamily> families_;
  rocksdb::ColumnFamilyOptions familyOptions_;
  std::shared_ptr<TtlClock> clock_ = std::make_shared<TtlClock>();
  std::unordered_set<Database*> views_;
  // A view's: its root (null once the root closed), the reference that keeps the root's JS object
  // alive, its family's name and TTL factory (null: none).
  bool isView_ = false;
  Database* root_ = nullptr;
  Napi::ObjectReference rootRef_;
  std::string familyName_;
  std::shared_ptr<FlinkTtlFilterFactory> ttl_;
};
