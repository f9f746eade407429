#pragma once
// Zip archives built in memory with libzip, for tests of the zip-based readers (DOCX, ODT). Every
// entry is deflate-compressed, as Word and LibreOffice write them, so a large entry of zeros
// makes a small zip bomb.

#include <zip.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace thematica::testing {

struct ZipEntry {
  std::string name;
  std::string content;
};

// An entry of `size` zero bytes: deflate packs 2 MB of them into about 2 kB.
inline ZipEntry zero_entry(std::string name, std::size_t size) {
  return ZipEntry{std::move(name), std::string(size, '\0')};
}

// The bytes of a zip archive holding `entries` in order. Throws std::runtime_error when libzip
// fails (a broken test, not a result to check).
inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = buffer ? zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &error) : nullptr;
  if (!zip) {
    std::string message =
        std::string("cannot create a zip in memory: ") + zip_error_strerror(&error);
    zip_error_fini(&error);
    if (buffer) zip_source_free(buffer);
    throw std::runtime_error(message);
  }
  zip_error_fini(&error);
  zip_source_keep(buffer);  // zip_close() would free it; the archive is read back from it below
  auto failure = [&](const char* what) {
    std::string message = std::string(what) + ": " + zip_strerror(zip);
    zip_discard(zip);
    zip_source_free(buffer);
    return std::runtime_error(message);
  };
  // The entries' bytes are only read at zip_close(), while `entries` is still alive.
  for (const auto& entry : entries) {
    zip_source_t* data = zip_source_buffer(zip, entry.content.data(), entry.content.size(), 0);
    if (!data) throw failure("zip_source_buffer");
    zip_int64_t index =
        zip_file_add(zip, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      throw failure("zip_file_add");
    }
    if (zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) != 0) {
      throw failure("zip_set_file_compression");
    }
  }
  if (zip_close(zip) != 0) throw failure("zip_close");

  if (zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    throw std::runtime_error("cannot read back the zip written in memory");
  }
  std::string out;
  char chunk[1 << 16];
  for (;;) {
    zip_int64_t n = zip_source_read(buffer, chunk, sizeof chunk);
    if (n < 0) {
      zip_source_close(buffer);
      zip_source_free(buffer);
      throw std::runtime_error("cannot read back the zip written in memory");
    }
    if (n == 0) break;
    out.append(chunk, static_cast<std::size_t>(n));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

}  // namespace thematica::testing
