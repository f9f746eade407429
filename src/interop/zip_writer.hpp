#pragma once
// Writes a zip archive (a .qdpx) with libzip. Entries are deflated; the archive is written to a
// temporary file beside the target and renamed over it only when complete, so a failed export
// never leaves a truncated file where the user expects one.

#include <deque>
#include <memory>
#include <string>

#include "core/error.hpp"

namespace thematica {

class ZipWriter {
 public:
  // Errors: kIo naming the path when the temporary file cannot be created.
  static Result<ZipWriter> create(const std::string& path);
  ZipWriter(ZipWriter&&) noexcept;
  ZipWriter& operator=(ZipWriter&&) noexcept;
  ~ZipWriter();  // discards an archive that was not finished

  // Adds an entry; its bytes are kept until finish().
  Status add(const std::string& name, std::string bytes);
  // Writes the archive and moves it into place. Errors: kIo.
  Status finish();

 private:
  struct Impl;
  explicit ZipWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thematica
