// Column families: Database.columnFamily(name, options) creates a family (or finds an open one)
// and returns its JS handle, a ColumnFamily: the Database's data methods on that family (database.h
// says how a view shares its root's DB and write batch). Flink keeps each state in a column family
// of its own, all with the same column family options; a TTL state's family has Flink's TTL
// compaction filter (ttl-filter.h), configured when the family is opened.
#include <rocksdb/db.h>

#include <cmath>
#include <string>
#include <vector>

#include "addon-data.h"
#include "database.h"
#include "family-options.h"
#include "iterator.h"
#include "util.h"

namespace {

constexpr const char* kFamilyOptionsUsage =
    "column family options must be { ttl?: { ms: number >= 0, state: 'value' | 'map' | 'list', listElementBytes?: number >= 9 "
    "(list: one element's bytes with its delimiter) } }";

constexpr double kMaxMs = 9007199254740991.0;  // Number.MAX_SAFE_INTEGER

Napi::Value Bad(Napi::Env env) {
  ThrowType(env, kFamilyOptionsUsage);
  return env.Undefined();
}

}  // namespace

bool ReadFamilyOptions(Napi::Env env, const Napi::Value& options, const std::shared_ptr<TtlClock>& clock,
                       std::shared_ptr<FlinkTtlFilterFactory>* out) {
  out->reset();
  if (options.IsUndefined() || options.IsNull()) return true;
  if (!options.IsObject()) return Bad(env), false;
  Napi::Value ttl = options.As<Napi::Object>().Get("ttl");
  if (ttl.IsUndefined()) return true;
  if (!ttl.IsObject()) return Bad(env), false;
  Napi::Object t = ttl.As<Napi::Object>();
  Napi::Value ms = t.Get("ms"), state = t.Get("state"), element = t.Get("listElementBytes");
  if (!ms.IsNumber() || ms.As<Napi::Number>().DoubleValue() < 0 || ms.As<Napi::Number>().DoubleValue() > kMaxMs || !state.IsString()) {
    return Bad(env), false;
  }
  TtlConfig config;
  config.ttlMs = ms.As<Napi::Number>().Int64Value();
  std::string name = state.As<Napi::String>().Utf8Value();
  if (name == "value") {
    config.state = TtlState::kValue;
  } else if (name == "map") {
    config.state = TtlState::kMap;
  } else if (name == "list") {
    config.state = TtlState::kList;
    // A timestamp and a delimiter at least; Flink filters lists of variable-length elements with a
    // Java callback per entry, which a native filter cannot make (docs/lsm.md).
    if (!element.IsNumber() || element.As<Napi::Number>().DoubleValue() < 9 || element.As<Napi::Number>().DoubleValue() > 1e9) {
      return Bad(env), false;
    }
    config.listElementBytes = static_cast<size_t>(element.As<Napi::Number>().Int64Value());
  } else {
    return Bad(env), false;
  }
  if (config.state != TtlState::kList && !element.IsUndefined()) return Bad(env), false;
  *out = std::make_shared<FlinkTtlFilterFactory>(config, clock);
  return true;
}

bool ReadFamilies(Napi::Env env, const Napi::Value& families, const std::shared_ptr<TtlClock>& clock,
                  std::map<std::string, std::shared_ptr<FlinkTtlFilterFactory>>* out) {
  if (families.IsUndefined()) return true;
  if (!families.IsObject()) {
    ThrowType(env, "Database: families must be { [name: string]: column family options }");
    return false;
  }
  Napi::Object o = families.As<Napi::Object>();
  Napi::Array names = o.GetPropertyNames();
  for (uint32_t i = 0; i < names.Length(); i++) {
    std::string name = names.Get(i).As<Napi::String>().Utf8Value();
    if (name == rocksdb::kDefaultColumnFamilyName) {
      ThrowType(env, "Database: families cannot name 'default' (the Database's own family, without a TTL filter)");
      return false;
    }
    if (!ReadFamilyOptions(env, o.Get(name), clock, &(*out)[name])) return false;
  }
  return true;
}

Napi::Function Database::InitColumnFamily(Napi::Env env) {
  std::vector<Napi::ClassPropertyDescriptor<Database>> methods = DataMethods();
  methods.insert(methods.end(), {
                                    InstanceMethod("name", &Database::NameJs),
                                    InstanceMethod("ttlFilterStats", &Database::TtlFilterStats),
                                });
  return DefineClass(env, "ColumnFamily", methods);
}

// new ColumnFamily(root, name), from columnFamily() only: the family is open in the root.
void Database::InitView(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  isView_ = true;
  if (info.Length() < 2 || !info[0].IsObject() || !info[1].IsString()) {
    ThrowType(env, "column families are opened by Database.columnFamily(name, options)");
    return;
  }
  Napi::Object rootObject = info[0].As<Napi::Object>();
  Database* root = Napi::ObjectWrap<Database>::Unwrap(rootObject);
  if (root == nullptr || root->isView_ || root->db_ == nullptr) {
    Napi::Error::New(env, kClosedMessage).ThrowAsJavaScriptException();
    return;
  }
  familyName_ = info[1].As<Napi::String>().Utf8Value();
  if (familyName_ == rocksdb::kDefaultColumnFamilyName) {
    cf_ = root->cf_;
  } else {
    auto f = root->families_.find(familyName_);
    if (f == root->families_.end()) {
      ThrowType(env, "column families are opened by Database.columnFamily(name, options)");
      return;
    }
    cf_ = f->second.handle;
    ttl_ = f->second.ttl;
  }
  db_ = root->db_;
  write_ = root->write_;
  batch_ = &root->ownBatch_;
  root_ = root;
  rootRef_ = Napi::Persistent(rootObject);
  root->views_.insert(this);
}

// The root closed (or this view is collected): nothing of the root is used after this.
void Database::DetachView() {
  for (IteratorWrap* it : std::unordered_set<IteratorWrap*>(iterators_)) it->Release();
  iterators_.clear();
  pinned_.Reset();
  if (root_ != nullptr) root_->views_.erase(this);
  root_ = nullptr;
  db_ = nullptr;
  cf_ = nullptr;
  batch_ = &ownBatch_;
  ttl_.reset();
  if (!rootRef_.IsEmpty()) rootRef_.Reset();
  ReleaseBuffers();
}

rocksdb::ColumnFamilyOptions Database::FamilyOptions(const std::shared_ptr<FlinkTtlFilterFactory>& ttl) const {
  rocksdb::ColumnFamilyOptions options = familyOptions_;
  if (ttl) options.compaction_filter_factory = ttl;
  return options;
}

std::vector<rocksdb::ColumnFamilyHandle*> Database::AllHandles() const {
  std::vector<rocksdb::ColumnFamilyHandle*> handles{cf_};
  for (const auto& f : families_) handles.push_back(f.second.handle);
  return handles;
}

// columnFamily(name, options?) -> ColumnFamily: the family, created with the Database's column
// family options (and the TTL filter options ask for) when the DB lacks it. A family already open
// keeps the TTL it was opened with: options asking for another are refused, since RocksDB sets a
// family's compaction filter when it opens the family (reopen with the open options' families).
Napi::Value Database::ColumnFamilyJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string name;
  if (!StringArg(info, 0, "columnFamily(name: string, options?: { ttl?: ... })", &name)) return env.Undefined();
  std::shared_ptr<FlinkTtlFilterFactory> ttl;
  Napi::Value options = info.Length() > 1 ? info[1] : env.Undefined();
  if (!ReadFamilyOptions(env, options, clock_, &ttl)) return env.Undefined();
  if (name == rocksdb::kDefaultColumnFamilyName) {
    if (ttl) {
      ThrowType(env, "columnFamily: the default column family has no TTL filter; give a TTL state a family of its own");
      return env.Undefined();
    }
    return Data(env)->columnFamilyConstructor.New({Value(), Napi::String::New(env, name)});
  }
  auto found = families_.find(name);
  if (found != families_.end()) {
    const std::shared_ptr<FlinkTtlFilterFactory>& open = found->second.ttl;
    bool same = !ttl ? (options.IsUndefined() || !open) : (open && open->Config() == ttl->Config());
    if (!same) {
      Napi::Error::New(env, "columnFamily: '" + name + "' is open " + (open ? "with another TTL filter" : "without a TTL filter") +
                                "; a family's TTL is set when it opens: name it in the open options' families")
          .ThrowAsJavaScriptException();
      return env.Undefined();
    }
    if (!found->second.view.IsEmpty() && !found->second.view.Value().IsEmpty()) return found->second.view.Value();
  } else {
    rocksdb::ColumnFamilyHandle* handle = nullptr;
    rocksdb::Status s = db_->CreateColumnFamily(FamilyOptions(ttl), name, &handle);
    if (!s.ok()) {
      ThrowRocksError(env, s);
      return env.Undefined();
    }
    NamedFamily& f = families_[name];
    f.handle = handle;
    f.ttl = ttl;
  }
  Napi::Object view = Data(env)->columnFamilyConstructor.New({Value(), Napi::String::New(env, name)});
  if (env.IsExceptionPending()) return env.Undefined();
  families_[name].view = Napi::Weak(view);
  return view;
}

// columnFamilies() -> every family of the open DB, 'default' first.
Napi::Value Database::ColumnFamilies(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  Napi::Array out = Napi::Array::New(env, families_.size() + 1);
  out.Set(0u, Napi::String::New(env, rocksdb::kDefaultColumnFamilyName));
  uint32_t i = 1;
  for (const auto& f : families_) out.Set(i++, Napi::String::New(env, f.first));
  return out;
}

// setTtlTime(ms | null): the time every TTL filter of this DB compares against, in milliseconds;
// null: the wall clock again.
Napi::Value Database::SetTtlTime(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (info.Length() > 0 && info[0].IsNull()) {
    clock_->Set(TtlClock::kWallClock);
  } else if (info.Length() > 0 && info[0].IsNumber() && std::abs(info[0].As<Napi::Number>().DoubleValue()) <= kMaxMs) {
    clock_->Set(info[0].As<Napi::Number>().Int64Value());
  } else {
    ThrowType(env, "setTtlTime(ms: number | null)");
  }
  return env.Undefined();
}

// aggregatedIntProperty(name) -> RocksDB's GetAggregatedIntProperty: the property summed over every
// column family; null when RocksDB cannot aggregate it. RocksDB 7.8 sums DB-wide properties too.
Napi::Value Database::AggregatedIntProperty(const Napi::CallbackInfo& info) { return ReadIntProperty(info, true); }

// ttlFilterStats() -> { removed, trimmed } counted by this family's TTL filter in the compactions
// that ended since the family opened; null without a TTL filter.
Napi::Value Database::TtlFilterStats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  if (!ttl_) return env.Null();
  Napi::Object out = Napi::Object::New(env);
  out.Set("removed", Napi::Number::New(env, static_cast<double>(ttl_->Counts().removed.load())));
  out.Set("trimmed", Napi::Number::New(env, static_cast<double>(ttl_->Counts().trimmed.load())));
  return out;
}

Napi::Value Database::NameJs(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), familyName_); }
