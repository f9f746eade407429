#pragma once
// Read-only access to the parts of a zip-based office file (DOCX, ODT, XLSX) held in memory.
// Entries are read by name into memory only, never written to disk, and everything read from one
// archive together is capped, so a zip bomb is refused instead of filling memory.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thematica {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. `max_unpacked` caps the sum of all entries read.
  // Errors: kInvalidInput for an encrypted office file (OLE container), for anything that is not
  // a zip file, and for a truncated or damaged one; `what` names the format ("DOCX") in messages.
  static Result<ZipArchive> open(std::string_view bytes, std::string_view what,
                                 std::uint64_t max_unpacked);
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  struct Entry {
    std::string name;
    std::uint64_t size = 0;  // uncompressed, as the archive's directory states it
  };
  // Every entry, in the archive's order.
  std::vector<Entry> entries() const;

  // The entry's bytes, or nullopt when there is no such entry. Errors: kInvalidInput when the
  // entry is encrypted or damaged, or when reading it would pass the cap.
  Result<std::optional<std::string>> read(const std::string& name);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thematica
