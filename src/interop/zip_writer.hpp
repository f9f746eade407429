#pragma once
// Writes a zip archive (a .qdpx) with libzip. Entries are deflated at a fast level (an exchange
// file of a large project is written in seconds, not minutes, for a slightly larger file). Each
// entry's bytes go to a staging file beside the target as soon as they are given, so a large
// archive is never held in memory; the archive itself is written to a temporary file and renamed
// over the target only when complete, so a failed export never leaves a truncated file where the
// user expects one. Entries carry a fixed date, so equal content gives a byte-identical archive.
// Not thread-safe.

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace thematica {

class ZipWriter {
 public:
  // Errors: kIo naming the path when the temporary file or staging folder cannot be created.
  static Result<ZipWriter> create(const std::string& path);
  ZipWriter(ZipWriter&&) noexcept;
  ZipWriter& operator=(ZipWriter&&) noexcept;
  ~ZipWriter();  // discards an archive that was not finished, and its staging files

  // Adds an entry. Errors: kIo.
  Status add(const std::string& name, std::string_view bytes);
  // Streams one entry in pieces: begin(), append() as often as needed, commit(). add() may be
  // called in between; one streamed entry at a time. Errors: kIo.
  Status begin(const std::string& name);
  Status append(std::string_view bytes);
  Status commit();
  // Writes the archive and moves it into place. Errors: kIo.
  Status finish();

 private:
  struct Impl;
  explicit ZipWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thematica
