// The pool of get threads (read-pool.h).
#include "read-pool.h"

// More threads than any sensible --max-in-flight; a bound so that a runaway caller cannot spawn without end.
constexpr size_t kMaxThreads = 1024;

ReadPool::ReadPool(Napi::Env env, Napi::Function onDone, rocksdb::DB* db, const rocksdb::ReadOptions& read) : db_(db), read_(read) {
  tsfn_ = Napi::ThreadSafeFunction::New(env, onDone, "statebench-reads", 0, 1);
  tsfn_.Unref(env);
}

ReadPool::~ReadPool() { Stop(); }

void ReadPool::Submit(Napi::Env env, rocksdb::ColumnFamilyHandle* cf, const char* key, size_t keyLen, double id) {
  if (pending_++ == 0) tsfn_.Ref(env);
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back({cf, std::string(key, keyLen), id});
  if (queue_.size() > idle_ && threads_.size() < kMaxThreads) threads_.emplace_back([this] { Work(); });
  wake_.notify_one();
}

void ReadPool::Work() {
  rocksdb::PinnableSlice value;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    idle_++;
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    idle_--;
    if (stopping_) return;
    Request r = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    rocksdb::Status s = db_->Get(read_, r.cf, r.key, &value);
    Completion c{r.id, s.ok(), s.ok() ? value.ToString() : std::string(), s.ok() || s.IsNotFound() ? std::string() : s.ToString()};
    value.Reset();
    bool first;
    {
      std::lock_guard<std::mutex> g(doneMutex_);
      first = done_.empty();
      done_.push_back(std::move(c));
    }
    // One call drains every completion queued before it runs.
    if (first) {
      // Stop() aborts the function before the pool goes: a call still queued then never runs.
      tsfn_.NonBlockingCall([this](Napi::Env env, Napi::Function onDone) { Deliver(env, onDone); });
    }
    lock.lock();
  }
}

void ReadPool::Deliver(Napi::Env env, Napi::Function onDone) {
  std::vector<Completion> done;
  {
    std::lock_guard<std::mutex> g(doneMutex_);
    done.swap(done_);
  }
  pending_ -= done.size();
  if (pending_ == 0) tsfn_.Unref(env);
  for (const Completion& c : done) {
    Napi::Value value = c.found ? Napi::Buffer<char>::Copy(env, c.value.data(), c.value.size()).As<Napi::Value>() : env.Undefined();
    Napi::Value error = c.error.empty() ? env.Undefined() : Napi::String::New(env, c.error).As<Napi::Value>();
    onDone.Call({Napi::Number::New(env, c.id), value, error});
  }
}

void ReadPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
  threads_.clear();
  tsfn_.Abort();
}
