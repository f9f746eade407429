#include "ingest/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>

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
  tl::unexpected<Error> too_big(const std::string& name) const {
    return failf(ErrorKind::kInvalidInput,
                 "the {} unpacks to more than {} ({}); it is refused as a possible zip bomb; "
                 "raise --max-size if the file is genuine",
                 what, describe_size(cap), name);
  }
  ~Impl() {
    if (zip) zip_discard(zip);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

ZipArchive ZipArchive::adopt(zip_t* archive, std::string_view what, std::uint64_t max_unpacked) {
  auto impl = std::make_unique<Impl>();
  impl->zip = archive;
  impl->what = what;
  impl->budget = max_unpacked;
  impl->cap = max_unpacked;
  return ZipArchive(std::move(impl));
}

namespace {

// Opens the archive `source` reads (taking it over); `head` is its first bytes, for messages.
Result<zip_t*> open_zip(zip_source_t* source, zip_error_t& error, std::string_view head,
                        std::string_view what) {
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (zip) return zip;
  if (source) zip_source_free(source);
  if (head.starts_with(kOleMagic)) {
    return failf(ErrorKind::kInvalidInput,
                 "this {} is password-protected (or an old binary Office file); remove the "
                 "password, or save it as {} again, and import that copy",
                 what, what);
  }
  if (code == ZIP_ER_NOZIP && !head.starts_with("PK\x03\x04")) {
    return failf(ErrorKind::kInvalidInput, "the file is not a valid {} (it is not a zip archive)",
                 what);
  }
  return failf(ErrorKind::kInvalidInput,
               "the {} file is damaged or truncated (its zip structure is broken)", what);
}

}  // namespace

Result<ZipArchive> ZipArchive::open(std::string_view bytes, std::string_view what,
                                    std::uint64_t max_unpacked) {
  zip_error_t error;
  zip_error_init(&error);
  // An encrypted Office file is an OLE container that libzip might still misread.
  zip_source_t* source = bytes.starts_with(kOleMagic)
                             ? nullptr
                             : zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  TRY(zip, open_zip(source, error, bytes.substr(0, 8), what));
  return adopt(zip, what, max_unpacked);
}

Result<ZipArchive> ZipArchive::open_file(const std::string& path, std::string_view what,
                                         std::uint64_t max_unpacked) {
  TRY(size, check_file(path, max_unpacked));
  char head[8] = {};
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    (void)!std::fread(head, 1, sizeof head, f);
    std::fclose(f);
  }
  std::string_view first(head, std::min<std::uint64_t>(size, sizeof head));
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      first.starts_with(kOleMagic) ? nullptr : zip_source_file_create(path.c_str(), 0, -1, &error);
  TRY(zip, open_zip(source, error, first, what));
  return adopt(zip, what, max_unpacked);
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

struct ZipArchive::EntryReader::State {
  ZipArchive::Impl* archive = nullptr;
  zip_file_t* file = nullptr;
  std::string name;
  std::string buffer = std::string(1 << 20, '\0');
  ~State() {
    if (file) zip_fclose(file);
  }
};

ZipArchive::EntryReader::EntryReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipArchive::EntryReader::EntryReader(EntryReader&&) noexcept = default;
ZipArchive::EntryReader::~EntryReader() = default;

Result<std::string_view> ZipArchive::EntryReader::next() {
  zip_int64_t n = zip_fread(state_->file, state_->buffer.data(), state_->buffer.size());
  if (n < 0) {
    return failf(ErrorKind::kInvalidInput, "the {} is damaged: its part {} cannot be unpacked",
                 state_->archive->what, state_->name);
  }
  // Read no more than the budget allows, whatever the header claimed.
  auto size = static_cast<std::uint64_t>(n);
  if (size > state_->archive->budget) return state_->archive->too_big(state_->name);
  state_->archive->budget -= size;
  return std::string_view(state_->buffer.data(), static_cast<std::size_t>(size));
}

Result<std::optional<ZipArchive::EntryReader>> ZipArchive::open_entry(const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(impl_->zip, name.c_str(), 0, &stat) != 0) {
    return std::optional<EntryReader>();
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > impl_->budget) return impl_->too_big(name);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return failf(ErrorKind::kInvalidInput, "the {} is encrypted; remove its password first",
                 impl_->what);
  }
  auto state = std::make_unique<EntryReader::State>();
  state->archive = impl_.get();
  state->name = name;
  state->file = zip_fopen_index(impl_->zip, stat.index, 0);
  if (!state->file) {
    return failf(ErrorKind::kInvalidInput, "the {} is damaged: cannot open its part {}",
                 impl_->what, name);
  }
  return std::optional<EntryReader>(EntryReader(std::move(state)));
}

Result<std::optional<std::string>> ZipArchive::read(const std::string& name) {
  TRY(reader, open_entry(name));
  if (!reader) return std::optional<std::string>();
  std::string out;
  for (;;) {
    TRY(piece, reader->next());
    if (piece.empty()) break;
    out.append(piece);
  }
  return std::optional<std::string>(std::move(out));
}

}  // namespace thematica
