// Small helpers shared by the wrappers: argument checks and RocksDB status conversion.
#pragma once

#include <napi.h>
#include <rocksdb/status.h>

#include <string>

// RocksDB's status message (Status::ToString, what the C API's error strings are) as the JS error.
inline void ThrowRocksError(Napi::Env env, const rocksdb::Status& status) {
  Napi::Error::New(env, status.ToString()).ThrowAsJavaScriptException();
}

inline void ThrowType(Napi::Env env, const char* message) {
  Napi::TypeError::New(env, message).ThrowAsJavaScriptException();
}

// Reads a Uint8Array argument; false (with a TypeError pending) when it is not one.
inline bool BytesArg(const Napi::CallbackInfo& info, size_t index, const char** data, size_t* len) {
  if (index >= info.Length() || !info[index].IsTypedArray()) {
    ThrowType(info.Env(), "expected a Uint8Array argument");
    return false;
  }
  Napi::TypedArray arr = info[index].As<Napi::TypedArray>();
  if (arr.TypedArrayType() != napi_uint8_array) {
    ThrowType(info.Env(), "expected a Uint8Array argument");
    return false;
  }
  Napi::Uint8Array bytes = arr.As<Napi::Uint8Array>();
  *data = reinterpret_cast<const char*>(bytes.Data());
  *len = bytes.ByteLength();
  return true;
}

// Reads a string argument; false (with a TypeError naming `usage` pending) when it is not one.
inline bool StringArg(const Napi::CallbackInfo& info, size_t index, const char* usage, std::string* out) {
  if (index >= info.Length() || !info[index].IsString()) {
    ThrowType(info.Env(), usage);
    return false;
  }
  *out = info[index].As<Napi::String>().Utf8Value();
  return true;
}

inline Napi::Value CopyBytes(Napi::Env env, const char* data, size_t len) {
  return Napi::Buffer<char>::Copy(env, data, len);
}

constexpr const char* kClosedMessage = "rocksdb: operation on a closed database";
