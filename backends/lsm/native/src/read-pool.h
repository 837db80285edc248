// Reads off the JS thread (the runner's async reads): gets run on a pool of threads that grows to
// the number of reads in flight (the runner bounds those with --max-in-flight), so N reads that
// each wait on the remote store wait together. Results reach JS through one thread-safe function:
// the JS callback gets (id, value | undefined, error | undefined) per completed read, on the JS
// thread, in completion order.
#pragma once

#include <napi.h>
#include <rocksdb/db.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class ReadPool {
 public:
  ReadPool(Napi::Env env, Napi::Function onDone, rocksdb::DB* db, const rocksdb::ReadOptions& read);
  ~ReadPool();
  // JS thread. The key is copied.
  void Submit(Napi::Env env, rocksdb::ColumnFamilyHandle* cf, const char* key, size_t keyLen, double id);
  // JS thread: waits for the reads running now, drops those queued; no get runs after it returns.
  void Stop();

 private:
  struct Request {
    rocksdb::ColumnFamilyHandle* cf;
    std::string key;
    double id;
  };
  struct Completion {
    double id;
    bool found;
    std::string value;
    std::string error;  // empty: ok
  };

  void Work();
  void Deliver(Napi::Env env, Napi::Function onDone);

  rocksdb::DB* db_;
  rocksdb::ReadOptions read_;
  Napi::ThreadSafeFunction tsfn_;
  std::mutex doneMutex_;
  std::vector<Completion> done_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Request> queue_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stopping_ = false;
  // JS thread only: reads submitted and not yet delivered (the function keeps the event loop alive while > 0).
  size_t pending_ = 0;
};
