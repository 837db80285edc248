// RocksDB's own query traces (DB::StartTrace): writing one around a cell (lsm.traceFile) and
// reading one into statebench's CSV trace format (trace.cc).
#pragma once

#include <napi.h>

// convertTrace(scratchDir, tracePath, csvPath) -> { ops, skipped, reordered }: the trace read
// with RocksDB's trace reader and replayer (Next and Accept decode each record; nothing is
// executed), written as CSV lines (docs/traces.md). The replayer needs a DB to be made by: an
// empty one is opened in scratchDir and closed again.
Napi::Value ConvertTraceJs(const Napi::CallbackInfo& info);
