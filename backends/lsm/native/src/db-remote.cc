// Database: the emulated remote store's open options and counters (lsm.remote, remote-fs.h), and
// the gets served off the JS thread (read-pool.h).
#include "database.h"
#include "util.h"

namespace {

constexpr double kMaxBytes = 9007199254740991.0;  // Number.MAX_SAFE_INTEGER

bool NonNegative(const Napi::Value& v) {
  return v.IsNumber() && v.As<Napi::Number>().DoubleValue() >= 0 && v.As<Napi::Number>().DoubleValue() <= kMaxBytes;
}

}  // namespace

// remote: { latencyMicros, bytesPerSecond, fileCacheBytes }, each a number >= 0 (bytesPerSecond 0: no limit).
bool Database::ReadRemote(Napi::Env env, const Napi::Value& remote, RemoteConfig* out) {
  const char* usage = "Database: remote must be { latencyMicros: number >= 0, bytesPerSecond: number >= 0, fileCacheBytes: number >= 0 }";
  if (!remote.IsObject()) return ThrowType(env, usage), false;
  Napi::Object o = remote.As<Napi::Object>();
  Napi::Value latency = o.Get("latencyMicros"), bandwidth = o.Get("bytesPerSecond"), cache = o.Get("fileCacheBytes");
  if (!NonNegative(latency) || !NonNegative(bandwidth) || !NonNegative(cache)) return ThrowType(env, usage), false;
  out->latencyMicros = latency.As<Napi::Number>().DoubleValue();
  out->bytesPerSecond = bandwidth.As<Napi::Number>().DoubleValue();
  out->fileCacheBytes = static_cast<uint64_t>(cache.As<Napi::Number>().Int64Value());
  return true;
}

// remoteStats() -> the remote store's counters since open, or null when every file is local.
Napi::Value Database::RemoteStatsJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!remote_) return env.Null();
  RemoteCounters c = remote_->Counters();
  Napi::Object out = Napi::Object::New(env);
  auto set = [&](const char* name, uint64_t v) { out.Set(name, Napi::Number::New(env, static_cast<double>(v))); };
  set("readRequests", c.readRequests);
  set("readBytes", c.readBytes);
  set("writeRequests", c.writeRequests);
  set("writeBytes", c.writeBytes);
  set("fileCacheHits", c.fileCacheHits);
  set("fileCacheMisses", c.fileCacheMisses);
  set("readWaitMicros", c.readWaitMicros);
  set("writeWaitMicros", c.writeWaitMicros);
  set("fileCacheUsedBytes", c.fileCacheUsedBytes);
  set("fileCacheFiles", c.fileCacheFiles);
  set("fileCacheEvictions", c.fileCacheEvictions);
  return out;
}

// startReads(onDone(id, value | undefined, error | undefined)): the root's get threads, once.
Napi::Value Database::StartReads(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (info.Length() < 1 || !info[0].IsFunction()) return ThrowType(env, "startReads(onDone: function)"), env.Undefined();
  if (reads_) return ThrowType(env, "startReads: the reads already started"), env.Undefined();
  reads_.reset(new ReadPool(env, info[0].As<Napi::Function>(), db_, read_));
  return env.Undefined();
}

// Submits a get of key on the root's get threads; the result comes to startReads' callback with id.
Napi::Value Database::SubmitGet(Napi::Env env, const char* key, size_t keyLen, const Napi::Value& id) {
  Database* root = isView_ ? root_ : this;
  if (!root->reads_) return ThrowType(env, "getAsync: call startReads first"), env.Undefined();
  root->reads_->Submit(env, cf_, key, keyLen, id.IsNumber() ? id.As<Napi::Number>().DoubleValue() : 0);
  return env.Undefined();
}

// getAsyncS(id): the key in the scratch buffer.
Napi::Value Database::GetAsyncScratch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  return SubmitGet(env, scratch_, scratchLen_, info[0]);
}

// getAsync(key, id): a key of its own (a Flink state's variable-length keys).
Napi::Value Database::GetAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* key;
  size_t keyLen;
  if (!BytesArg(info, 0, &key, &keyLen)) return env.Undefined();
  return SubmitGet(env, key, keyLen, info[1]);
}
