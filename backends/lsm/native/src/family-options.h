// The options a column family is opened with from JS: { ttl?: { ms, state, listElementBytes? } },
// given to Database.columnFamily(name, options) or, per name, in the open options' families.
#pragma once

#include <napi.h>

#include <map>
#include <memory>
#include <string>

#include "ttl-filter.h"

// { ttl?: ... } or undefined: *out is the family's TTL filter factory (null: no TTL); false with
// a TypeError pending when the value is not one.
bool ReadFamilyOptions(Napi::Env env, const Napi::Value& options, const std::shared_ptr<TtlClock>& clock,
                       std::shared_ptr<FlinkTtlFilterFactory>* out);

// families: { [name]: { ttl?: ... } } or undefined.
bool ReadFamilies(Napi::Env env, const Napi::Value& families, const std::shared_ptr<TtlClock>& clock,
                  std::map<std::string, std::shared_ptr<FlinkTtlFilterFactory>>* out);
