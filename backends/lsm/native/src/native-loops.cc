// nativeLoop: the get and put loops of `statebench overhead` written in C++, for its native
// baseline. Keys are encoded as backends/key-codec.ts encodes them (namespace big-endian, zero
// padding, key id big-endian), values come from the same pool, a hit is copied out as the
// getSlab path copies it, and each op is one RocksDB call: no JavaScript per op. The caller
// times the whole call; the difference to its JS raw loop is the cost of crossing into the addon.
#include <cstdint>
#include <cstring>
#include <vector>

#include "database.h"
#include "util.h"

// The namespace and the key id into `out`, whose padding (bytes 4 .. keySize - 8) is already zero
// and stays so, as the key codec's scratch buffer does.
static void EncodeKey(char* out, size_t keySize, double id, uint32_t ns) {
  const uint64_t k = static_cast<uint64_t>(id);
  out[0] = static_cast<char>(ns >> 24);
  out[1] = static_cast<char>(ns >> 16);
  out[2] = static_cast<char>(ns >> 8);
  out[3] = static_cast<char>(ns);
  for (size_t i = 0; i < 8; i++) out[keySize - 1 - i] = static_cast<char>(k >> (8 * i));
}

// nativeLoop(op: 'get' | 'put', keyIds: Float64Array, nss: Uint32Array (length a power of two),
//            values: Uint8Array (count x valueSize, count a power of two), valueSize, keySize)
// -> for get, the sum of the lengths read (a sink), for put 0.
Napi::Value Database::NativeLoop(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckOpen(env)) return env.Undefined();
  const char* usage = "nativeLoop(op: 'get' | 'put', keyIds: Float64Array, nss: Uint32Array, values: Uint8Array, valueSize: number, keySize: number)";
  std::string op;
  if (!StringArg(info, 0, usage, &op)) return env.Undefined();
  if (info.Length() < 6 || !info[1].IsTypedArray() || !info[2].IsTypedArray() || !info[4].IsNumber() || !info[5].IsNumber()) {
    ThrowType(env, usage);
    return env.Undefined();
  }
  Napi::TypedArray idsArr = info[1].As<Napi::TypedArray>();
  Napi::TypedArray nssArr = info[2].As<Napi::TypedArray>();
  if (idsArr.TypedArrayType() != napi_float64_array || nssArr.TypedArrayType() != napi_uint32_array) {
    ThrowType(env, usage);
    return env.Undefined();
  }
  const double* ids = idsArr.As<Napi::Float64Array>().Data();
  const size_t n = idsArr.ElementLength();
  const uint32_t* nss = nssArr.As<Napi::Uint32Array>().Data();
  const size_t nsMask = nssArr.ElementLength() - 1;
  const char* values;
  size_t valuesLen;
  if (!BytesArg(info, 3, &values, &valuesLen)) return env.Undefined();
  const size_t valueSize = info[4].As<Napi::Number>().Uint32Value();
  const size_t keySize = info[5].As<Napi::Number>().Uint32Value();
  if (keySize < 12 || valueSize == 0 || valuesLen < valueSize || nssArr.ElementLength() == 0) {
    ThrowType(env, usage);
    return env.Undefined();
  }
  const size_t valueMask = valuesLen / valueSize - 1;
  std::vector<char> key(keySize);
  rocksdb::Status s;
  double sink = 0;
  if (op == "get") {
    std::vector<char> slab(1 << 20);
    for (size_t i = 0; i < n; i++) {
      EncodeKey(key.data(), keySize, ids[i], nss[i & nsMask]);
      s = db_->Get(read_, cf_, rocksdb::Slice(key.data(), keySize), &pinned_);
      if (s.IsNotFound()) {
        s = rocksdb::Status::OK();
        continue;
      }
      if (!s.ok()) break;
      size_t len = pinned_.size();
      if (len <= slab.size()) memcpy(slab.data(), pinned_.data(), len);
      sink += static_cast<double>(len);
      pinned_.Reset();
    }
  } else if (op == "put") {
    for (size_t i = 0; i < n; i++) {
      EncodeKey(key.data(), keySize, ids[i], nss[i & nsMask]);
      s = db_->Put(write_, cf_, rocksdb::Slice(key.data(), keySize), rocksdb::Slice(values + (i & valueMask) * valueSize, valueSize));
      if (!s.ok()) break;
    }
  } else {
    ThrowType(env, usage);
    return env.Undefined();
  }
  if (!s.ok()) {
    ThrowRocksError(env, s);
    return env.Undefined();
  }
  return Napi::Number::New(env, sink);
}
