#pragma once
// The key of a pseudonymised project: which originals each pseudonym stands for, and where in
// each document they were replaced, so an authorised user can look originals up or restore them.
// It lives in a file of its own, away from the project and its exports, encrypted with a
// passphrase: Argon2id (libsodium's crypto_pwhash) derives the key from it, and
// XChaCha20-Poly1305 encrypts the content and authenticates it with the header, so a wrong
// passphrase, a damaged file and a changed one are all refused. The format is in
// docs/pseudonymisation.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thematica {

struct KeyEntity {
  std::string category;                // "person", "place" ... (identifier category names)
  std::string entity;                  // as PseudonymEntry::entity
  std::string pseudonym;               // "[P03]"
  std::vector<std::string> originals;  // every form it replaced, as written: "Priya", "Raman's"
};

struct KeyReplacement {
  std::uint64_t start = 0;  // code points of the pseudonymised text: where the pseudonym is
  std::uint64_t end = 0;
  std::string original;
};

struct KeyDocument {
  std::string guid;
  std::string sha256;  // of the pseudonymised text, to see that it has not changed since
  std::vector<KeyReplacement> replacements;  // by position
};

// A name outside the texts that was replaced: a case's name, a speaker label.
struct KeyRename {
  std::string kind;  // "case", "speaker"
  std::string original;
  std::string pseudonym;
};

struct PseudonymKey {
  std::string project_guid;
  std::string brackets = "[]";
  std::vector<KeyEntity> entities;
  std::vector<KeyDocument> documents;
  std::vector<KeyRename> renames;
};

// How costly the passphrase is to guess: Argon2id with libsodium's "moderate" limits (256 MiB,
// 3 passes), as it recommends for keys kept at rest; "interactive" (64 MiB, 2 passes) for tests.
enum class KeyStrength { kModerate, kInteractive };

// The file's bytes. Errors: kInvalidInput for an empty passphrase; kInternal when the machine
// cannot spare the memory Argon2id needs.
Result<std::string> seal_key(const PseudonymKey& key, std::string_view passphrase,
                             KeyStrength strength = KeyStrength::kModerate);

// Errors (messages name `file_name`): kInvalidInput when the bytes are not a key file, and for a
// wrong passphrase (or content changed since it was sealed, which cannot be told apart);
// kCorrupt for a key file cut short or with a damaged header.
Result<PseudonymKey> open_key(std::string_view bytes, std::string_view passphrase,
                              std::string_view file_name);

}  // namespace thematica
