// Remote SST storage, emulated (lsm.remote): a rocksdb::FileSystemWrapper that puts a database's
// SST files "on a remote store" while they stay on local disk. Every read or write request on an
// SST file that the local file cache does not hold waits, as db_bench's --simulate_hdd and the
// hybrid-FS emulations make it wait (a sleep), for the store's latency and for its bytes to pass
// the store's bandwidth. Other files (WAL, MANIFEST, OPTIONS, CURRENT, LOG) stay local, as
// ForSt keeps every file but .sst files on local disk (ForStFlinkFileSystem's file filter).
//
// The link: one per database, shared by every request of its threads (the get threads, the
// flush and compaction threads). A request's bytes start to flow once its latency has passed and
// the link has finished the bytes queued before them (first come, first served), so latencies
// overlap and bandwidth is shared by queueing: N concurrent reads of B bytes each take about
// latency + N x B / bandwidth, not N x latency.
//
// The file cache: whole SST files, LRU by bytes up to its capacity (ForSt's file cache on local
// disk). A file enters it when it is written (flushes and compactions write through it) and
// leaves it when evicted or deleted; a read of a file it holds waits for nothing (served at local
// speed, below RocksDB's block cache). statebench's model does not load a file back into the
// cache on a read miss: every read of an evicted file goes to the store.
#pragma once

#include <rocksdb/file_system.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

struct RemoteConfig {
  double latencyMicros = 0;
  double bytesPerSecond = 0;  // 0: no bandwidth limit
  uint64_t fileCacheBytes = 0;
};

// The counters of one remote store since open (Database.remoteStats()).
struct RemoteCounters {
  uint64_t readRequests = 0;
  uint64_t readBytes = 0;
  uint64_t writeRequests = 0;
  uint64_t writeBytes = 0;
  uint64_t fileCacheHits = 0;    // SST read requests served by the file cache
  uint64_t fileCacheMisses = 0;  // SST read requests that went to the store
  uint64_t readWaitMicros = 0;   // time threads waited on the store for reads, summed over threads
  uint64_t writeWaitMicros = 0;
  uint64_t fileCacheUsedBytes = 0;
  uint64_t fileCacheFiles = 0;
  uint64_t fileCacheEvictions = 0;
};

// The store, the link and the file cache of one database; thread-safe.
class RemoteStore {
 public:
  explicit RemoteStore(const RemoteConfig& config) : config_(config) {}

  // Waits as a remote read (write) of `bytes` would, and counts it.
  void Read(size_t bytes);
  void Write(size_t bytes);
  // True when the file cache holds the file (and marks it used): a read of it waits for nothing.
  bool CacheHit(const std::string& name);
  void Admit(const std::string& name, uint64_t bytes);
  void Forget(const std::string& name);
  RemoteCounters Counters() const;

 private:
  uint64_t Wait(size_t bytes);

  const RemoteConfig config_;
  std::mutex linkMutex_;
  std::chrono::steady_clock::time_point linkFree_{};
  mutable std::mutex cacheMutex_;
  // Most recently used first.
  std::list<std::pair<std::string, uint64_t>> lru_;
  std::unordered_map<std::string, std::list<std::pair<std::string, uint64_t>>::iterator> cached_;
  uint64_t cachedBytes_ = 0;
  uint64_t evictions_ = 0;
  std::atomic<uint64_t> readRequests_{0}, readBytes_{0}, writeRequests_{0}, writeBytes_{0};
  std::atomic<uint64_t> hits_{0}, misses_{0}, readWait_{0}, writeWait_{0};
};

// The FileSystem RocksDB opens with under lsm.remote: the default one, with .sst files remote.
std::shared_ptr<rocksdb::FileSystem> NewRemoteFileSystem(const std::shared_ptr<RemoteStore>& store);
