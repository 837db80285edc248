// The emulated remote store of lsm.remote (remote-fs.h says the model).
#include "remote-fs.h"

#include <algorithm>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

bool IsSst(const std::string& name) {
  return name.size() >= 4 && name.compare(name.size() - 4, 4, ".sst") == 0;
}

// An SST file opened for reads: each read request the file cache does not serve waits on the store.
class RemoteReadFile : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  RemoteReadFile(std::unique_ptr<rocksdb::FSRandomAccessFile>&& target, std::shared_ptr<RemoteStore> store, std::string name)
      : FSRandomAccessFileOwnerWrapper(std::move(target)), store_(std::move(store)), name_(std::move(name)) {}

  rocksdb::IOStatus Read(uint64_t offset, size_t n, const rocksdb::IOOptions& options, rocksdb::Slice* result, char* scratch,
                         rocksdb::IODebugContext* dbg) const override {
    rocksdb::IOStatus s = target()->Read(offset, n, options, result, scratch, dbg);
    if (s.ok() && !store_->CacheHit(name_)) store_->Read(result->size());
    return s;
  }

  // One request per read, as an object store serves ranged GETs.
  rocksdb::IOStatus MultiRead(rocksdb::FSReadRequest* reqs, size_t num_reqs, const rocksdb::IOOptions& options,
                              rocksdb::IODebugContext* dbg) override {
    for (size_t i = 0; i < num_reqs; i++) {
      reqs[i].status = Read(reqs[i].offset, reqs[i].len, options, &reqs[i].result, reqs[i].scratch, dbg);
    }
    return rocksdb::IOStatus::OK();
  }

  // RocksDB asks for these only under ReadOptions::async_io, which statebench never sets; refused
  // rather than forwarded, which would read past the store.
  rocksdb::IOStatus ReadAsync(rocksdb::FSReadRequest&, const rocksdb::IOOptions&, std::function<void(const rocksdb::FSReadRequest&, void*)>,
                              void*, void**, rocksdb::IOHandleDeleter*, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::NotSupported("remote store: no async reads");
  }

 private:
  std::shared_ptr<RemoteStore> store_;
  std::string name_;
};

// An SST file being written (a flush or a compaction): each append waits on the store; the file
// enters the file cache when it is closed.
class RemoteWriteFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  RemoteWriteFile(std::unique_ptr<rocksdb::FSWritableFile>&& target, std::shared_ptr<RemoteStore> store, std::string name)
      : FSWritableFileOwnerWrapper(std::move(target)), store_(std::move(store)), name_(std::move(name)) {}

  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    return Charged(data.size(), target()->Append(data, options, dbg));
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options, const rocksdb::DataVerificationInfo& info,
                           rocksdb::IODebugContext* dbg) override {
    return Charged(data.size(), target()->Append(data, options, info, dbg));
  }
  rocksdb::IOStatus Close(const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->Close(options, dbg);
    if (s.ok() && !closed_) store_->Admit(name_, written_);
    closed_ = true;
    return s;
  }

 private:
  rocksdb::IOStatus Charged(size_t bytes, rocksdb::IOStatus s) {
    if (s.ok()) {
      store_->Write(bytes);
      written_ += bytes;
    }
    return s;
  }

  std::shared_ptr<RemoteStore> store_;
  std::string name_;
  uint64_t written_ = 0;
  bool closed_ = false;
};

class RemoteFileSystem : public rocksdb::FileSystemWrapper {
 public:
  RemoteFileSystem(const std::shared_ptr<rocksdb::FileSystem>& target, std::shared_ptr<RemoteStore> store)
      : FileSystemWrapper(target), store_(std::move(store)) {}

  const char* Name() const override { return "StatebenchRemoteFileSystem"; }

  rocksdb::IOStatus NewRandomAccessFile(const std::string& f, const rocksdb::FileOptions& opts,
                                        std::unique_ptr<rocksdb::FSRandomAccessFile>* r, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewRandomAccessFile(f, opts, r, dbg);
    if (s.ok() && IsSst(f)) r->reset(new RemoteReadFile(std::move(*r), store_, f));
    return s;
  }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& opts, std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewWritableFile(f, opts, r, dbg);
    if (s.ok() && IsSst(f)) r->reset(new RemoteWriteFile(std::move(*r), store_, f));
    return s;
  }

  rocksdb::IOStatus DeleteFile(const std::string& f, const rocksdb::IOOptions& options, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->DeleteFile(f, options, dbg);
    if (IsSst(f)) store_->Forget(f);
    return s;
  }

 private:
  std::shared_ptr<RemoteStore> store_;
};

}  // namespace

uint64_t RemoteStore::Wait(size_t bytes) {
  Clock::time_point start = Clock::now();
  Clock::time_point done;
  {
    std::lock_guard<std::mutex> lock(linkMutex_);
    Clock::time_point arrive = start + std::chrono::microseconds(static_cast<int64_t>(config_.latencyMicros));
    Clock::time_point begin = std::max(arrive, linkFree_);
    double transferMicros = config_.bytesPerSecond > 0 ? static_cast<double>(bytes) * 1e6 / config_.bytesPerSecond : 0;
    done = begin + std::chrono::microseconds(static_cast<int64_t>(transferMicros));
    if (config_.bytesPerSecond > 0) linkFree_ = done;
  }
  std::this_thread::sleep_until(done);
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
}

void RemoteStore::Read(size_t bytes) {
  readRequests_++;
  readBytes_ += bytes;
  readWait_ += Wait(bytes);
}

void RemoteStore::Write(size_t bytes) {
  writeRequests_++;
  writeBytes_ += bytes;
  writeWait_ += Wait(bytes);
}

bool RemoteStore::CacheHit(const std::string& name) {
  std::lock_guard<std::mutex> lock(cacheMutex_);
  auto it = cached_.find(name);
  if (it == cached_.end()) {
    misses_++;
    return false;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  hits_++;
  return true;
}

void RemoteStore::Admit(const std::string& name, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(cacheMutex_);
  if (bytes > config_.fileCacheBytes || cached_.count(name) != 0) return;
  while (cachedBytes_ + bytes > config_.fileCacheBytes && !lru_.empty()) {
    cachedBytes_ -= lru_.back().second;
    cached_.erase(lru_.back().first);
    lru_.pop_back();
    evictions_++;
  }
  lru_.emplace_front(name, bytes);
  cached_[name] = lru_.begin();
  cachedBytes_ += bytes;
}

void RemoteStore::Forget(const std::string& name) {
  std::lock_guard<std::mutex> lock(cacheMutex_);
  auto it = cached_.find(name);
  if (it == cached_.end()) return;
  cachedBytes_ -= it->second->second;
  lru_.erase(it->second);
  cached_.erase(it);
}

RemoteCounters RemoteStore::Counters() const {
  RemoteCounters c;
  c.readRequests = readRequests_;
  c.readBytes = readBytes_;
  c.writeRequests = writeRequests_;
  c.writeBytes = writeBytes_;
  c.fileCacheHits = hits_;
  c.fileCacheMisses = misses_;
  c.readWaitMicros = readWait_;
  c.writeWaitMicros = writeWait_;
  std::lock_guard<std::mutex> lock(cacheMutex_);
  c.fileCacheUsedBytes = cachedBytes_;
  c.fileCacheFiles = cached_.size();
  c.fileCacheEvictions = evictions_;
  return c;
}

std::shared_ptr<rocksdb::FileSystem> NewRemoteFileSystem(const std::shared_ptr<RemoteStore>& store) {
  return std::make_shared<RemoteFileSystem>(rocksdb::FileSystem::Default(), store);
}
