#pragma once
// The files of a REFI-QDA project: a .qdpx archive (one *.qde at its root and a sources folder,
// matched ignoring case, as exporters spell it "sources" or "Sources"), or a bare .qde file with
// its sources folder beside it. Checked as a whole before anything is read: an entry whose path
// would leave the archive's folder, an archive inside the archive, or a total unpacked size over
// the cap is refused.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ingest/zip_archive.hpp"

namespace thematica {

// REFI-QDA allows an internal file up to 2^31-1 bytes; a project unpacks to at most this much
// unless the user raises the cap.
inline constexpr std::uint64_t kDefaultMaxProjectBytes = 4ull << 30;

class QdpxContainer {
 public:
  // Opens `path` (.qdpx, or .qde). `max_bytes` caps the archive, and everything read from it.
  // Errors (kInvalidInput unless said): a missing file (kNotFound); not a zip; an entry that
  // escapes the folder, a nested archive, a total over the cap; no .qde or more than one.
  static Result<QdpxContainer> open(const std::string& path, std::uint64_t max_bytes);
  QdpxContainer(QdpxContainer&&) noexcept;
  QdpxContainer& operator=(QdpxContainer&&) noexcept;
  ~QdpxContainer();

  // The project.qde (whatever its name) in pieces, so a large project is never held whole: each
  // call returns the next piece, an empty view at the end. The container must outlive it.
  // Errors: kInvalidInput when it cannot be read or passes the cap; kIo.
  using Pieces = std::function<Result<std::string_view>()>;
  Result<Pieces> read_qde();
  const std::string& qde_name() const { return qde_name_; }

  // The bytes of the file a source's path names: "internal://NAME" or a bare "NAME" (in the
  // sources folder), "relative:///PATH" (against `base_path`, or the project file's folder when
  // there is none) or "absolute:///PATH" (on this machine). Errors: kNotFound naming the path;
  // kInvalidInput for a path that would leave the sources folder.
  Result<std::string> read_source(std::string_view path, std::string_view base_path);

 private:
  QdpxContainer() = default;

  Result<std::string> read_disk_file(const std::string& path);

  std::string path_;                     // the .qdpx or .qde
  std::unique_ptr<ZipArchive> archive_;  // empty for a bare .qde
  std::string qde_name_;
  std::map<std::string, std::string> sources_;  // lower-case file name -> entry or disk path
  std::uint64_t budget_ = 0;
};

}  // namespace thematica
