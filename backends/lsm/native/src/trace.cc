// RocksDB's query traces. Writing: DB::StartTrace with RocksDB's file trace writer, ended by
// DB::EndTrace (Database.startTrace / endTrace). Reading: RocksDB's file trace reader, and the
// default replayer's Next, which decodes a record without executing it; a TraceRecord::Handler
// (called through the record's Accept, a virtual call: no type information needed, as the addon
// builds with -fno-rtti) turns each into CSV lines, a write batch's entries through a
// WriteBatch::Handler. Column family ids become the namespace column.
#include "trace.h"

#include <rocksdb/db.h>
#include <rocksdb/trace_reader_writer.h>
#include <rocksdb/trace_record.h>
#include <rocksdb/utilities/replayer.h>
#include <rocksdb/write_batch.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "database.h"
#include "util.h"

namespace {

class CsvOut {
 public:
  explicit CsvOut(std::FILE* f) : f_(f) {}
  uint64_t ops = 0;
  uint64_t reordered = 0;
  uint64_t skippedEmptyKey = 0;

  // The record's time since the trace's start, never going back (writes may be traced out of order).
  void SetTime(uint64_t us) {
    if (us < last_) {
      reordered++;
      us = last_;
    }
    last_ = us;
  }

  void Line(const char* op, uint32_t cf, const rocksdb::Slice& key, long long valueSize) {
    if (key.size() == 0) {
      skippedEmptyKey++;
      return;
    }
    static const char* kHex = "0123456789abcdef";
    hex_.assign("0x");
    for (size_t i = 0; i < key.size(); i++) {
      unsigned char c = static_cast<unsigned char>(key.data()[i]);
      hex_.push_back(kHex[c >> 4]);
      hex_.push_back(kHex[c & 15]);
    }
    if (valueSize >= 0) std::fprintf(f_, "%s,%s,%u,%lld,,%llu\n", op, hex_.c_str(), cf, valueSize, static_cast<unsigned long long>(last_));
    else std::fprintf(f_, "%s,%s,%u,,,%llu\n", op, hex_.c_str(), cf, static_cast<unsigned long long>(last_));
    ops++;
  }

 private:
  std::FILE* f_;
  std::string hex_;
  uint64_t last_ = 0;
};

// A write batch's entries as lines; a range delete or wide-column put has no trace op (counted).
class BatchLines : public rocksdb::WriteBatch::Handler {
 public:
  explicit BatchLines(CsvOut* out) : out_(out) {}
  uint64_t skipped = 0;
  rocksdb::Status PutCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    out_->Line("put", cf, key, static_cast<long long>(value.size() > 0 ? value.size() : 1));
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    out_->Line("delete", cf, key, -1);
    return rocksdb::Status::OK();
  }
  rocksdb::Status SingleDeleteCF(uint32_t cf, const rocksdb::Slice& key) override {
    out_->Line("delete", cf, key, -1);
    return rocksdb::Status::OK();
  }
  rocksdb::Status MergeCF(uint32_t cf, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    out_->Line("merge", cf, key, static_cast<long long>(value.size() > 0 ? value.size() : 1));
    return rocksdb::Status::OK();
  }
  rocksdb::Status DeleteRangeCF(uint32_t, const rocksdb::Slice&, const rocksdb::Slice&) override {
    skipped++;
    return rocksdb::Status::OK();
  }
  rocksdb::Status PutEntityCF(uint32_t, const rocksdb::Slice&, const rocksdb::Slice&) override {
    skipped++;
    return rocksdb::Status::OK();
  }
  void LogData(const rocksdb::Slice&) override {}

 private:
  CsvOut* out_;
};

class RecordLines : public rocksdb::TraceRecord::Handler {
 public:
  RecordLines(CsvOut* out, BatchLines* batch) : out_(out), batch_(batch) {}
  rocksdb::Status Handle(const rocksdb::WriteQueryTraceRecord& r, std::unique_ptr<rocksdb::TraceRecordResult>*) override {
    rocksdb::WriteBatch wb(r.GetWriteBatchRep().ToString());
    return wb.Iterate(batch_);
  }
  rocksdb::Status Handle(const rocksdb::GetQueryTraceRecord& r, std::unique_ptr<rocksdb::TraceRecordResult>*) override {
    out_->Line("get", r.GetColumnFamilyID(), r.GetKey(), -1);
    return rocksdb::Status::OK();
  }
  // A seek starts a scan; the trace does not record the Next calls after it, so its length is the replay's scanLength.
  rocksdb::Status Handle(const rocksdb::IteratorSeekQueryTraceRecord& r, std::unique_ptr<rocksdb::TraceRecordResult>*) override {
    out_->Line("scan", r.GetColumnFamilyID(), r.GetKey(), -1);
    return rocksdb::Status::OK();
  }
  rocksdb::Status Handle(const rocksdb::MultiGetQueryTraceRecord& r, std::unique_ptr<rocksdb::TraceRecordResult>*) override {
    std::vector<uint32_t> cfs = r.GetColumnFamilyIDs();
    std::vector<rocksdb::Slice> keys = r.GetKeys();
    for (size_t i = 0; i < keys.size() && i < cfs.size(); i++) out_->Line("get", cfs[i], keys[i], -1);
    return rocksdb::Status::OK();
  }

 private:
  CsvOut* out_;
  BatchLines* batch_;
};

// Fails the conversion: closes what is open and throws RocksDB's message with what was being done.
Napi::Value Fail(Napi::Env env, const std::string& what, const rocksdb::Status& s) {
  Napi::Error::New(env, "convertTrace: " + what + ": " + s.ToString()).ThrowAsJavaScriptException();
  return env.Undefined();
}

}  // namespace

Napi::Value ConvertTraceJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* usage = "convertTrace(scratchDir: string, tracePath: string, csvPath: string)";
  std::string scratch, tracePath, csvPath;
  if (!StringArg(info, 0, usage, &scratch) || !StringArg(info, 1, usage, &tracePath) || !StringArg(info, 2, usage, &csvPath)) return env.Undefined();

  std::unique_ptr<rocksdb::TraceReader> reader;
  rocksdb::Status s = rocksdb::NewFileTraceReader(rocksdb::Env::Default(), rocksdb::EnvOptions(), tracePath, &reader);
  if (!s.ok()) return Fail(env, "opening " + tracePath, s);
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::Open(options, scratch, &raw);
  if (!s.ok()) return Fail(env, "opening the scratch DB", s);
  std::unique_ptr<rocksdb::DB> db(raw);
  std::unique_ptr<rocksdb::Replayer> replayer;
  s = db->NewDefaultReplayer({db->DefaultColumnFamily()}, std::move(reader), &replayer);
  if (s.ok()) s = replayer->Prepare();
  if (!s.ok()) return Fail(env, "reading the header of " + tracePath, s);
  std::FILE* f = std::fopen(csvPath.c_str(), "w");
  if (f == nullptr) return Fail(env, "writing " + csvPath, rocksdb::Status::IOError(csvPath));
  std::fputs("op,key,ns,value_size,scan_length,t_us\n", f);
  CsvOut out(f);
  BatchLines batch(&out);
  RecordLines lines(&out, &batch);
  const uint64_t start = replayer->GetHeaderTimestamp();
  uint64_t unsupported = 0;
  for (;;) {
    std::unique_ptr<rocksdb::TraceRecord> record;
    s = replayer->Next(&record);
    if (s.IsIncomplete()) break;  // the trace's end
    if (s.IsNotSupported()) {
      unsupported++;  // a record type the replayer does not decode
      continue;
    }
    if (!s.ok()) break;
    if (!record) continue;
    out.SetTime(record->GetTimestamp() >= start ? record->GetTimestamp() - start : 0);
    s = record->Accept(&lines, nullptr);
    if (!s.ok()) break;
  }
  std::fclose(f);
  replayer.reset();
  db.reset();
  if (!s.ok() && !s.IsIncomplete()) return Fail(env, "reading " + tracePath, s);
  Napi::Object result = Napi::Object::New(env);
  result.Set("ops", Napi::Number::New(env, static_cast<double>(out.ops)));
  result.Set("skippedRangeDeletes", Napi::Number::New(env, static_cast<double>(batch.skipped)));
  result.Set("skippedEmptyKeys", Napi::Number::New(env, static_cast<double>(out.skippedEmptyKey)));
  result.Set("unsupportedRecords", Napi::Number::New(env, static_cast<double>(unsupported)));
  result.Set("reordered", Napi::Number::New(env, static_cast<double>(out.reordered)));
  return result;
}

// startTrace(path): DB::StartTrace with RocksDB's file trace writer; every query of this DB is
// traced until endTrace() (or close).
Napi::Value Database::StartTraceJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  std::string path;
  if (!StringArg(info, 0, "startTrace(path: string)", &path)) return env.Undefined();
  std::unique_ptr<rocksdb::TraceWriter> writer;
  rocksdb::Status s = rocksdb::NewFileTraceWriter(rocksdb::Env::Default(), rocksdb::EnvOptions(), path, &writer);
  if (s.ok()) s = db_->StartTrace(rocksdb::TraceOptions(), std::move(writer));
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}

Napi::Value Database::EndTraceJs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  rocksdb::Status s = db_->EndTrace();
  if (!s.ok()) ThrowRocksError(env, s);
  return env.Undefined();
}
