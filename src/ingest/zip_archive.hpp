#pragma once
// Read-only access to the parts of a zip-based file (DOCX, ODT, XLSX held in memory; a .qdpx read
// from disk). Entries are read by name into memory only, never written to disk, and everything
// read from one archive together is capped, so a zip bomb is refused instead of filling memory.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

struct zip;  // libzip's archive handle

namespace thematica {

class ZipArchive {
 public:
  // `bytes` must outlive the archive. `max_unpacked` caps the sum of all entries read.
  // Errors: kInvalidInput for an encrypted office file (OLE container), for anything that is not
  // a zip file, and for a truncated or damaged one; `what` names the format ("DOCX") in messages.
  static Result<ZipArchive> open(std::string_view bytes, std::string_view what,
                                 std::uint64_t max_unpacked);
  // The same, reading the archive from `path` as needed rather than holding it. Errors: as
  // above, and those of check_file().
  static Result<ZipArchive> open_file(const std::string& path, std::string_view what,
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

  // One entry read in pieces, for entries too large to hold whole. Move-only; the archive must
  // outlive it.
  class EntryReader {
   public:
    EntryReader(EntryReader&&) noexcept;
    ~EntryReader();
    // The next piece, or an empty view at the end. Errors: as read().
    Result<std::string_view> next();

   private:
    friend class ZipArchive;
    struct State;
    explicit EntryReader(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
  };
  // Nullopt when there is no such entry. Errors: as read().
  Result<std::optional<EntryReader>> open_entry(const std::string& name);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  static ZipArchive adopt(::zip* archive, std::string_view what, std::uint64_t max_unpacked);
  std::unique_ptr<Impl> impl_;
};

}  // namespace thematica
