#include "ingest/zip_archive.hpp"

#include <zip.h>

#include "ingest/file_bytes.hpp"

namespace thematica {
namespace {

// Word, Excel and LibreOffice save password-protected files as an OLE compound file.
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

}  // namespace

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  std::string what;
  std::uint64_t budget = 0;  // bytes still allowed to be unpacked
  std::uint64_t cap = 0;
  ~Impl() {
    if (zip) zip_discard(zip);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, std::string_view what,
                                    std::uint64_t max_unpacked) {
  if (bytes.starts_with(kOleMagic)) {
    return failf(ErrorKind::kInvalidInput,
                 "this {} is password-protected (or an old binary Office file); remove the "
                 "password, or save it as {} again, and import that copy",
                 what, what);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!zip) {
    if (source) zip_source_free(source);
    int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP && !bytes.starts_with("PK\x03\x04")) {
      return failf(ErrorKind::kInvalidInput, "the file is not a valid {} (it is not a zip archive)",
                   what);
    }
    return failf(ErrorKind::kInvalidInput,
                 "the {} file is damaged or truncated (its zip structure is broken)", what);
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->zip = zip;
  impl->what = what;
  impl->budget = max_unpacked;
  impl->cap = max_unpacked;
  return ZipArchive(std::move(impl));
}

std::vector<ZipArchive::Entry> ZipArchive::entries() const {
  std::vector<Entry> out;
  zip_int64_t count = zip_get_num_entries(impl_->zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
    if (!(stat.valid & ZIP_STAT_NAME)) continue;
    out.push_back(Entry{stat.name, (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0});
  }
  return out;
}

Result<std::optional<std::string>> ZipArchive::read(const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(impl_->zip, name.c_str(), 0, &stat) != 0) return std::optional<std::string>();
  auto too_big = [&] {
    return failf(ErrorKind::kInvalidInput,
                 "the {} unpacks to more than {} ({}); it is refused as a possible zip bomb; "
                 "raise --max-size if the file is genuine",
                 impl_->what, describe_size(impl_->cap), name);
  };
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > impl_->budget) return too_big();
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return failf(ErrorKind::kInvalidInput, "the {} is encrypted; remove its password first",
                 impl_->what);
  }
  zip_file_t* file = zip_fopen_index(impl_->zip, stat.index, 0);
  if (!file) {
    return failf(ErrorKind::kInvalidInput, "the {} is damaged: cannot open its part {}",
                 impl_->what, name);
  }
  // Read no more than the budget allows, whatever the header claims.
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      zip_fclose(file);
      return failf(ErrorKind::kInvalidInput, "the {} is damaged: its part {} cannot be unpacked",
                   impl_->what, name);
    }
    if (n == 0) break;
    if (static_cast<std::uint64_t>(n) > impl_->budget - out.size()) {
      zip_fclose(file);
      return too_big();
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  impl_->budget -= out.size();
  return std::optional<std::string>(std::move(out));
}

}  // namespace thematica
