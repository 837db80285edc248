// Flink's TTL cleanup in compaction (StateTtlConfig's cleanupInRocksdbCompactFilter): a RocksDB
// compaction filter that reads the 8-byte big-endian last-access timestamp Flink's TtlSerializer
// puts in front of a TTL value and drops the entry once timestamp + ttl <= now, as Flink's
// FlinkCompactionFilter (frocksdb, utilities/flink) decides (docs/references.md, "Flink's TTL
// cleanup in RocksDB"). Written from its behaviour, for RocksDB's C++ API; docs/lsm.md, "Column
// families and the TTL compaction filter", says what it models and what not.
//
// The time is not asked of JavaScript: a compaction runs on a RocksDB background thread, and a JS
// call from there would have to wait for the JS thread, which may itself be blocked in a RocksDB
// call waiting on that compaction (a write stall). Flink's filter asks a Java time provider over
// JNI every query-time-after-num-entries entries; here the JS side sets an atomic (TtlClock, one
// per database, Database.setTtlTime) and the filter reads it as often as Flink's asks.
#pragma once

#include <rocksdb/compaction_filter.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

// The current time the filters compare against, in milliseconds: what JS last set, or the wall
// clock until it sets one (Flink's default TtlTimeProvider is the processing-time clock).
class TtlClock {
 public:
  static constexpr int64_t kWallClock = std::numeric_limits<int64_t>::min();
  void Set(int64_t ms) { ms_.store(ms, std::memory_order_relaxed); }
  int64_t Now() const;

 private:
  std::atomic<int64_t> ms_{kWallClock};
};

// Which Flink state a column family holds, which says where the filter finds the timestamp.
enum class TtlState {
  kValue,  // ValueState, Reducing/AggregatingState: the value starts with the timestamp
  kMap,    // MapState: one entry per map entry, the timestamp after Flink's 1-byte null flag
  kList,   // ListState of fixed-length elements: each element starts with its own timestamp
};

struct TtlConfig {
  TtlState state = TtlState::kValue;
  int64_t ttlMs = 0;
  // kList: one element's bytes including the delimiter that separates it from the next (Flink's
  // element serializer length + 1).
  size_t listElementBytes = 0;

  bool operator==(const TtlConfig& o) const {
    return state == o.state && ttlMs == o.ttlMs && listElementBytes == o.listElementBytes;
  }
};

// What the filters of one column family decided, summed when each compaction's filter ends.
struct TtlCounts {
  std::atomic<uint64_t> removed{0};  // entries (or merge operands) dropped: kRemove
  std::atomic<uint64_t> trimmed{0};  // list values whose expired leading elements were cut: kChangeValue
};

// Set as a column family's compaction_filter_factory: one filter per (sub)compaction, so a filter
// keeps its own time and counts without locks.
class FlinkTtlFilterFactory : public rocksdb::CompactionFilterFactory {
 public:
  FlinkTtlFilterFactory(const TtlConfig& config, std::shared_ptr<TtlClock> clock)
      : config_(config), clock_(std::move(clock)) {}
  std::unique_ptr<rocksdb::CompactionFilter> CreateCompactionFilter(const rocksdb::CompactionFilter::Context& context) override;
  const char* Name() const override { return "statebench.FlinkTtlFilterFactory"; }

  const TtlConfig& Config() const { return config_; }
  const TtlCounts& Counts() const { return *counts_; }

 private:
  TtlConfig config_;
  std::shared_ptr<TtlClock> clock_;
  // Shared with the filters, which add their counts when their compaction ends.
  std::shared_ptr<TtlCounts> counts_ = std::make_shared<TtlCounts>();
};
