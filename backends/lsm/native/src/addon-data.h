// Per-environment state of the addon. The .so is loaded once per process, but each worker thread
// that requires it is its own napi environment: a JS function reference kept in a static would
// belong to whichever environment initialised last, and using it from another thread aborts the
// process. So each environment keeps its own, as napi instance data.
#pragma once

#include <napi.h>

struct AddonData {
  Napi::FunctionReference iteratorConstructor;
  Napi::FunctionReference columnFamilyConstructor;
};

inline AddonData* Data(Napi::Env env) { return env.GetInstanceData<AddonData>(); }
