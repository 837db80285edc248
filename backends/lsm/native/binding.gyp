{
  # The statebench RocksDB addon: node-addon-api (C++17) over RocksDB's C++ API (rocksdb/db.h ...),
  # linked against the system librocksdb. ROCKSDB_INCLUDE_DIR / ROCKSDB_LIB_DIR point it at a
  # user's own build (scripts/build-native.mjs passes them, or pkg-config's, as variables).
  "variables": {
    "rocksdb_include_dir%": "",
    "rocksdb_lib_dir%": ""
  },
  "targets": [
    {
      "target_name": "statebench_rocksdb",
      "sources": ["src/addon.cc", "src/db.cc", "src/db-open.cc", "src/db-upkeep.cc", "src/iterator.cc", "src/native-loops.cc", "src/shared-cache.cc", "src/column-families.cc", "src/ttl-filter.cc", "src/trace.cc", "src/remote-fs.cc", "src/read-pool.cc", "src/db-remote.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "libraries": ["-lrocksdb"],
      "conditions": [
        ["rocksdb_include_dir != ''", { "include_dirs": ["<(rocksdb_include_dir)"] }],
        ["rocksdb_lib_dir != ''", {
          "libraries": ["-L<(rocksdb_lib_dir)", "-Wl,-rpath,<(rocksdb_lib_dir)"]
        }]
      ]
    }
  ]
}
