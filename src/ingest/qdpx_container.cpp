#include "ingest/qdpx_container.hpp"

#include <fstream>

#include <filesystem>

#include "core/ascii.hpp"
#include "ingest/file_bytes.hpp"

namespace thematica {
namespace {

namespace fs = std::filesystem;

// Whether an entry name stays inside the archive's folder when unpacked anywhere.
bool stays_inside(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find(':') != std::string_view::npos) {
    return false;
  }
  std::size_t at = 0;
  while (at <= name.size()) {
    auto slash = name.find('/', at);
    auto part =
        name.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    if (part == "..") return false;
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  return true;
}

bool is_archive_name(std::string_view name) {
  std::string lower = ascii_lower(name);
  return lower.ends_with(".zip") || lower.ends_with(".qdpx");
}

// "sources/x.txt" -> "x.txt" when the first folder is the sources folder (any case).
std::optional<std::string_view> in_sources(std::string_view name) {
  auto slash = name.find('/');
  if (slash == std::string_view::npos || !iequals_ascii(name.substr(0, slash), "sources")) {
    return std::nullopt;
  }
  return name.substr(slash + 1);
}

}  // namespace

QdpxContainer::QdpxContainer(QdpxContainer&&) noexcept = default;
QdpxContainer& QdpxContainer::operator=(QdpxContainer&&) noexcept = default;
QdpxContainer::~QdpxContainer() = default;

Result<QdpxContainer> QdpxContainer::open(const std::string& path, std::uint64_t max_bytes) {
  QdpxContainer c;
  c.path_ = path;
  c.budget_ = max_bytes;
  if (ascii_lower(fs::path(path).extension().string()) == ".qde") {
    TRY_STATUS(check_file(path, max_bytes));
    c.qde_name_ = fs::path(path).filename().string();
    std::error_code error;
    for (const auto& folder : fs::directory_iterator(
             fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path(),
             error)) {
      if (!folder.is_directory() || !iequals_ascii(folder.path().filename().string(), "sources")) {
        continue;
      }
      for (const auto& file : fs::directory_iterator(folder.path(), error)) {
        c.sources_[ascii_lower(file.path().filename().string())] = file.path().string();
      }
    }
    return c;
  }
  TRY(archive, ZipArchive::open_file(path, "REFI-QDA project", max_bytes));
  c.archive_ = std::make_unique<ZipArchive>(std::move(archive));
  std::uint64_t total = 0;
  for (const auto& entry : c.archive_->entries()) {
    if (!stays_inside(entry.name)) {
      return failf(ErrorKind::kInvalidInput,
                   "the project holds an entry whose path leaves its folder ({}); it is refused "
                   "rather than unpacked",
                   entry.name);
    }
    if (is_archive_name(entry.name)) {
      return failf(ErrorKind::kInvalidInput,
                   "the project holds another archive ({}); REFI-QDA projects hold their sources "
                   "directly, so it is refused",
                   entry.name);
    }
    total += entry.size;
    if (entry.name.find('/') == std::string::npos && ascii_lower(entry.name).ends_with(".qde")) {
      if (!c.qde_name_.empty()) {
        return failf(ErrorKind::kInvalidInput,
                     "the project holds two project files ({} and {}); a .qdpx has one",
                     c.qde_name_, entry.name);
      }
      c.qde_name_ = entry.name;
    } else if (auto file = in_sources(entry.name); file && !file->empty()) {
      c.sources_[ascii_lower(*file)] = entry.name;
    }
  }
  if (total > max_bytes) {
    return failf(ErrorKind::kInvalidInput,
                 "the project unpacks to {}, more than the limit of {}; it is refused as a "
                 "possible zip bomb; raise --max-size if it is genuine",
                 describe_size(total), describe_size(max_bytes));
  }
  if (c.qde_name_.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "the archive holds no project file (*.qde) at its root; is it a REFI-QDA "
                "project (.qdpx)?");
  }
  return c;
}

Result<QdpxContainer::Pieces> QdpxContainer::read_qde() {
  if (!archive_) {
    // A bare .qde on disk, read a piece at a time within the budget.
    TRY(size, check_file(path_, budget_));
    budget_ -= size;
    auto in = std::make_shared<std::ifstream>(path_, std::ios::binary);
    if (!*in) return failf(ErrorKind::kIo, "cannot read {}", path_);
    auto buffer = std::make_shared<std::string>(1 << 20, '\0');
    return Pieces([in, buffer, path = path_]() -> Result<std::string_view> {
      in->read(buffer->data(), static_cast<std::streamsize>(buffer->size()));
      if (in->bad()) return failf(ErrorKind::kIo, "cannot read {}", path);
      return std::string_view(buffer->data(), static_cast<std::size_t>(in->gcount()));
    });
  }
  TRY(reader, archive_->open_entry(qde_name_));
  if (!reader) {
    return failf(ErrorKind::kInvalidInput, "the project file {} cannot be read", qde_name_);
  }
  auto shared = std::make_shared<ZipArchive::EntryReader>(std::move(*reader));
  return Pieces([shared]() { return shared->next(); });
}

Result<std::string> QdpxContainer::read_disk_file(const std::string& path) {
  TRY(bytes, read_file_bytes(path, budget_));
  budget_ -= bytes.size();
  return bytes;
}

Result<std::string> QdpxContainer::read_source(std::string_view path, std::string_view base_path) {
  auto strip = [&](std::string_view scheme) {
    bool has = path.size() >= scheme.size() && iequals_ascii(path.substr(0, scheme.size()), scheme);
    if (has) path.remove_prefix(scheme.size());
    return has;
  };
  if (strip("absolute:///")) {
    // "C:/x" on Windows, "/Users/x" after the triple slash on other systems.
    bool drive = path.size() > 1 && path[1] == ':';
    return read_disk_file(drive ? std::string(path) : "/" + std::string(path));
  }
  if (strip("relative:///")) {
    fs::path base = base_path.empty() ? fs::path(path_).parent_path() : fs::path(base_path);
    return read_disk_file((base / fs::path(path)).string());
  }
  strip("internal://");
  if (path.find('/') != std::string_view::npos || path.find('\\') != std::string_view::npos ||
      path == "..") {
    return failf(ErrorKind::kInvalidInput,
                 "the source path '{}' leaves the sources folder; it is refused", path);
  }
  auto found = sources_.find(ascii_lower(path));
  if (found == sources_.end()) {
    return failf(ErrorKind::kNotFound,
                 "the source file '{}' is not in the project's sources "
                 "folder",
                 path);
  }
  if (!archive_) return read_disk_file(found->second);
  TRY(bytes, archive_->read(found->second));
  if (!bytes) return failf(ErrorKind::kNotFound, "the source file '{}' cannot be read", path);
  return std::move(*bytes);
}

}  // namespace thematica
