#pragma once
// The project's key file on disk: read with its passphrase and checked to belong to the project,
// and written durably beside where it will live.

#include <optional>
#include <string>

#include "interop/pseudonym_key.hpp"
#include "store/store.hpp"

namespace thematica {

struct KeyAccess {
  std::string path;
  std::string passphrase;
  KeyStrength strength = KeyStrength::kModerate;  // for a key written anew
};

// Reads a passphrase file: its first line, without the line break. Errors: kNotFound; kInvalidInput
// when it is empty.
Result<std::string> read_passphrase_file(const std::string& path);

// The key at `access.path`, or nothing when there is no file there yet. Errors: those of open_key;
// kInvalidInput when it is the key of another project.
Result<std::optional<PseudonymKey>> read_key(Store& store, const KeyAccess& access);
// Like read_key, but a missing file is an error (kNotFound).
Result<PseudonymKey> require_key(Store& store, const KeyAccess& access);

// Seals `key` and writes it to `path` durably, readable by its owner only.
Status write_key(const PseudonymKey& key, const KeyAccess& access, const std::string& path);

}  // namespace thematica
