// The TTL compaction filter (ttl-filter.h): Flink's decisions on Flink's bytes.
#include "ttl-filter.h"

#include <algorithm>
#include <chrono>

namespace {

using Decision = rocksdb::CompactionFilter::Decision;
using ValueType = rocksdb::CompactionFilter::ValueType;

constexpr size_t kTimestampBytes = 8;
// Flink's default of state.backend.rocksdb.compaction.filter.query-time-after-num-entries: the
// filter takes the time again after this many entries.
constexpr int64_t kQueryTimeAfterNumEntries = 1000;

// A Java long as Flink's serializer writes it: big-endian.
int64_t ReadTimestamp(const char* p) {
  uint64_t v = 0;
  for (size_t i = 0; i < kTimestampBytes; i++) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return static_cast<int64_t>(v);
}

class FlinkTtlFilter : public rocksdb::CompactionFilter {
 public:
  FlinkTtlFilter(const TtlConfig& config, std::shared_ptr<TtlClock> clock, std::shared_ptr<TtlCounts> counts)
      : config_(config), clock_(std::move(clock)), counts_(std::move(counts)) {}

  ~FlinkTtlFilter() override {
    counts_->removed.fetch_add(removed_, std::memory_order_relaxed);
    counts_->trimmed.fetch_add(trimmed_, std::memory_order_relaxed);
  }

  const char* Name() const override { return "statebench.FlinkTtlFilter"; }

  // Flink's filter sees every entry whatever the snapshots (it returns true too).
  bool IgnoreSnapshots() const override { return true; }

  Decision FilterV2(int /*level*/, const rocksdb::Slice& /*key*/, ValueType type, const rocksdb::Slice& value,
                    std::string* newValue, std::string* /*skipUntil*/) const override {
    // RocksDB calls FilterV2 through a const pointer from the one thread of this filter's compaction.
    auto* self = const_cast<FlinkTtlFilter*>(this);
    self->RefreshTime();
    Decision d = Decision::kKeep;
    if (config_.state == TtlState::kList) {
      // Flink's list state is written by merges: whole values and merge operands both hold elements.
      if (type == ValueType::kValue || type == ValueType::kMergeOperand) d = DecideList(value, newValue);
    } else if (type == ValueType::kValue) {
      const size_t offset = config_.state == TtlState::kMap ? 1 : 0;
      // A value too short to hold a timestamp is kept, as Flink keeps it.
      if (value.size() >= offset + kTimestampBytes && Expired(ReadTimestamp(value.data() + offset))) d = Decision::kRemove;
    }
    if (d == Decision::kRemove) self->removed_++;
    if (d == Decision::kChangeValue) self->trimmed_++;
    return d;
  }

 private:
  void RefreshTime() {
    if (sinceQuery_ >= kQueryTimeAfterNumEntries) {
      now_ = clock_->Now();
      sinceQuery_ = 0;
    }
    sinceQuery_++;
  }

  // Flink's TtlUtils.expired: the last access plus the TTL, capped at Long.MAX_VALUE, not after now.
  bool Expired(int64_t timestamp) const {
    const int64_t ttl = timestamp > 0 ? std::min(std::numeric_limits<int64_t>::max() - timestamp, config_.ttlMs) : config_.ttlMs;
    return timestamp + ttl <= now_;
  }

  // Expired leading elements are cut; the entry goes when all are expired; the first live element
  // keeps the rest (Flink appends, so later elements were written later).
  Decision DecideList(const rocksdb::Slice& value, std::string* newValue) const {
    const size_t step = config_.listElementBytes;
    size_t offset = 0;
    while (offset < value.size() && value.size() - offset >= kTimestampBytes && Expired(ReadTimestamp(value.data() + offset))) {
      offset += step;
    }
    if (offset >= value.size()) return Decision::kRemove;
    if (offset == 0) return Decision::kKeep;
    newValue->assign(value.data() + offset, value.size() - offset);
    return Decision::kChangeValue;
  }

  const TtlConfig config_;
  const std::shared_ptr<TtlClock> clock_;
  const std::shared_ptr<TtlCounts> counts_;
  int64_t now_ = 0;
  int64_t sinceQuery_ = kQueryTimeAfterNumEntries;  // the first entry takes the time
  uint64_t removed_ = 0;
  uint64_t trimmed_ = 0;
};

}  // namespace

int64_t TtlClock::Now() const {
  const int64_t set = ms_.load(std::memory_order_relaxed);
  if (set != kWallClock) return set;
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::unique_ptr<rocksdb::CompactionFilter> FlinkTtlFilterFactory::CreateCompactionFilter(const rocksdb::CompactionFilter::Context& /*context*/) {
  return std::make_unique<FlinkTtlFilter>(config_, clock_, counts_);
}
