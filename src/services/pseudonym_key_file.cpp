#include "services/pseudonym_key_file.hpp"

#include <filesystem>

#include "core/durable_file.hpp"
#include "ingest/file_bytes.hpp"

namespace thematica {
namespace {

constexpr std::uint64_t kMaxKeyBytes = std::uint64_t{1} << 30;

}  // namespace

Result<std::string> read_passphrase_file(const std::string& path) {
  TRY(bytes, read_file_bytes(path, 1 << 16));
  std::string line = bytes.substr(0, bytes.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) {
    return failf(ErrorKind::kInvalidInput,
                 "the passphrase file {} is empty; write the passphrase on its first line", path);
  }
  return line;
}

Result<std::optional<PseudonymKey>> read_key(Store& store, const KeyAccess& access) {
  std::error_code ec;
  if (!std::filesystem::exists(access.path, ec)) return std::optional<PseudonymKey>();
  TRY(bytes, read_file_bytes(access.path, kMaxKeyBytes));
  TRY(key, open_key(bytes, access.passphrase, access.path));
  TRY(guid, store.project_guid());
  if (key.project_guid != guid) {
    return failf(ErrorKind::kInvalidInput,
                 "{} is the key of another project ({}), not of this one ({}); give this "
                 "project's key file",
                 access.path, key.project_guid, guid);
  }
  return std::optional<PseudonymKey>(std::move(key));
}

Result<PseudonymKey> require_key(Store& store, const KeyAccess& access) {
  TRY(key, read_key(store, access));
  if (!key) {
    return failf(ErrorKind::kNotFound,
                 "there is no key file at {}; give the file "
                 "'pseudonymise apply' wrote",
                 access.path);
  }
  return std::move(*key);
}

Status write_key(const PseudonymKey& key, const KeyAccess& access, const std::string& path) {
  TRY(sealed, seal_key(key, access.passphrase, access.strength));
  return write_file_durably(path, sealed, true);
}

}  // namespace thematica
