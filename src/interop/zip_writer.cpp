#include "interop/zip_writer.hpp"

#include <zip.h>

#include <cstdio>
#include <filesystem>

namespace thematica {

struct ZipWriter::Impl {
  zip_t* zip = nullptr;
  std::string path;
  std::string temporary;
  std::deque<std::string> contents;  // libzip reads them at zip_close
  ~Impl() {
    if (zip) {
      zip_discard(zip);
      std::remove(temporary.c_str());
    }
  }
};

ZipWriter::ZipWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipWriter::ZipWriter(ZipWriter&&) noexcept = default;
ZipWriter& ZipWriter::operator=(ZipWriter&&) noexcept = default;
ZipWriter::~ZipWriter() = default;

Result<ZipWriter> ZipWriter::create(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->temporary = path + ".part";
  int error = 0;
  impl->zip = zip_open(impl->temporary.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!impl->zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    return failf(ErrorKind::kIo, "cannot write {}: {}", path, why);
  }
  return ZipWriter(std::move(impl));
}

Status ZipWriter::add(const std::string& name, std::string bytes) {
  auto& kept = impl_->contents.emplace_back(std::move(bytes));
  zip_source_t* source = zip_source_buffer(impl_->zip, kept.data(), kept.size(), 0);
  if (!source || zip_file_add(impl_->zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
    if (source) zip_source_free(source);
    return failf(ErrorKind::kIo, "cannot add {} to {}: {}", name, impl_->path,
                 zip_strerror(impl_->zip));
  }
  return {};
}

Status ZipWriter::finish() {
  if (zip_close(impl_->zip) != 0) {
    return failf(ErrorKind::kIo, "cannot write {}: {}", impl_->path, zip_strerror(impl_->zip));
  }
  impl_->zip = nullptr;
  impl_->contents.clear();
  std::error_code error;
  std::filesystem::rename(impl_->temporary, impl_->path, error);
  if (error) {
    std::remove(impl_->temporary.c_str());
    return failf(ErrorKind::kIo, "cannot write {}: {}", impl_->path, error.message());
  }
  return {};
}

}  // namespace thematica
