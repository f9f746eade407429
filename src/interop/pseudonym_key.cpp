#include "interop/pseudonym_key.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <cstring>
#include <nlohmann/json.hpp>

namespace thematica {
namespace {

using Json = nlohmann::ordered_json;

// Header: magic (8 bytes), Argon2id passes and memory (8 bytes each, little-endian), salt,
// nonce; then the sealed JSON. The whole header is authenticated with the content.
constexpr std::string_view kMagic{"THMKEY1\n", 8};
constexpr std::size_t kSaltSize = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kHeaderSize = kMagic.size() + 16 + kSaltSize + kNonceSize;
constexpr std::size_t kKeySize = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint64_t get_u64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (int i = 7; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

Result<std::array<unsigned char, kKeySize>> derive(std::string_view passphrase,
                                                   std::string_view salt, std::uint64_t passes,
                                                   std::uint64_t memory) {
  std::array<unsigned char, kKeySize> key{};
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), bytes_of(salt),
                    passes, static_cast<std::size_t>(memory), crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return failf(ErrorKind::kInternal,
                 "could not derive the key from the passphrase: Argon2id needs {} MiB of memory",
                 memory >> 20);
  }
  return key;
}

Json to_json(const PseudonymKey& key) {
  Json entities = Json::array();
  for (const auto& e : key.entities) {
    entities.push_back({{"category", e.category},
                        {"entity", e.entity},
                        {"pseudonym", e.pseudonym},
                        {"originals", e.originals}});
  }
  Json documents = Json::array();
  for (const auto& d : key.documents) {
    Json replacements = Json::array();
    for (const auto& r : d.replacements) replacements.push_back({r.start, r.end, r.original});
    documents.push_back({{"guid", d.guid}, {"sha256", d.sha256}, {"replacements", replacements}});
  }
  Json renames = Json::array();
  for (const auto& r : key.renames) renames.push_back({r.kind, r.original, r.pseudonym});
  return {{"format", "thematica-pseudonym-key"},
          {"version", 1},
          {"project", key.project_guid},
          {"brackets", key.brackets},
          {"entities", entities},
          {"documents", documents},
          {"renames", renames}};
}

PseudonymKey from_json(const Json& j) {
  PseudonymKey key;
  key.project_guid = j.at("project").get<std::string>();
  key.brackets = j.at("brackets").get<std::string>();
  for (const auto& e : j.at("entities")) {
    key.entities.push_back({e.at("category"), e.at("entity"), e.at("pseudonym"),
                            e.at("originals").get<std::vector<std::string>>()});
  }
  for (const auto& d : j.at("documents")) {
    KeyDocument doc{d.at("guid"), d.at("sha256"), {}};
    for (const auto& r : d.at("replacements")) {
      doc.replacements.push_back({r.at(0), r.at(1), r.at(2)});
    }
    key.documents.push_back(std::move(doc));
  }
  for (const auto& r : j.at("renames")) key.renames.push_back({r.at(0), r.at(1), r.at(2)});
  return key;
}

}  // namespace

Result<std::string> seal_key(const PseudonymKey& key, std::string_view passphrase,
                             KeyStrength strength) {
  if (sodium_init() < 0) return fail(ErrorKind::kInternal, "libsodium could not start");
  if (passphrase.empty()) return fail(ErrorKind::kInvalidInput, "the passphrase is empty");
  bool moderate = strength == KeyStrength::kModerate;
  std::uint64_t passes =
      moderate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  std::uint64_t memory =
      moderate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  std::string header(kMagic);
  put_u64(header, passes);
  put_u64(header, memory);
  std::string random(kSaltSize + kNonceSize, '\0');
  randombytes_buf(random.data(), random.size());
  header += random;
  TRY(derived, derive(passphrase, std::string_view(random).substr(0, kSaltSize), passes, memory));

  std::string plain = to_json(key).dump();
  std::string sealed(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long sealed_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(sealed.data()), &sealed_size, bytes_of(plain), plain.size(),
      bytes_of(header), header.size(), nullptr, bytes_of(random) + kSaltSize, derived.data());
  sodium_memzero(derived.data(), derived.size());
  sodium_memzero(plain.data(), plain.size());
  sealed.resize(sealed_size);
  return header + sealed;
}

Result<PseudonymKey> open_key(std::string_view bytes, std::string_view passphrase,
                              std::string_view file_name) {
  if (sodium_init() < 0) return fail(ErrorKind::kInternal, "libsodium could not start");
  if (!bytes.starts_with(kMagic)) {
    return failf(ErrorKind::kInvalidInput,
                 "{} is not a Thematica key file; give the file 'pseudonymise apply' wrote",
                 file_name);
  }
  if (bytes.size() < kHeaderSize + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return failf(ErrorKind::kCorrupt, "the key file {} is damaged: it is cut short", file_name);
  }
  std::uint64_t passes = get_u64(bytes.substr(kMagic.size()));
  std::uint64_t memory = get_u64(bytes.substr(kMagic.size() + 8));
  if (passes < crypto_pwhash_OPSLIMIT_MIN || passes > 16 || memory < crypto_pwhash_MEMLIMIT_MIN ||
      memory > (std::uint64_t{4} << 30)) {
    return failf(ErrorKind::kCorrupt, "the key file {} is damaged: its header is not valid",
                 file_name);
  }
  std::string_view header = bytes.substr(0, kHeaderSize);
  std::string_view salt = header.substr(kMagic.size() + 16, kSaltSize);
  std::string_view nonce = header.substr(kMagic.size() + 16 + kSaltSize, kNonceSize);
  std::string_view sealed = bytes.substr(kHeaderSize);
  TRY(derived, derive(passphrase, salt, passes, memory));
  std::string plain(sealed.size(), '\0');
  unsigned long long plain_size = 0;
  int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
      reinterpret_cast<unsigned char*>(plain.data()), &plain_size, nullptr, bytes_of(sealed),
      sealed.size(), bytes_of(header), header.size(), bytes_of(nonce), derived.data());
  sodium_memzero(derived.data(), derived.size());
  if (rc != 0) {
    return failf(ErrorKind::kInvalidInput,
                 "cannot open the key file {}: the passphrase is wrong, or the file was changed "
                 "after it was written",
                 file_name);
  }
  plain.resize(plain_size);
  try {
    auto key = from_json(Json::parse(plain));
    sodium_memzero(plain.data(), plain.size());
    return key;
  } catch (const Json::exception&) {
    sodium_memzero(plain.data(), plain.size());
    return failf(ErrorKind::kCorrupt, "the key file {} is damaged: its content is not readable",
                 file_name);
  }
}

}  // namespace thematica
