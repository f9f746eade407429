#include "ingest/encoding.hpp"

#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace thematica {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Decodes with ICU, stopping at the first byte sequence the encoding does not define (ICU's
// default would silently substitute U+FFFD, and a researcher's quote must not change).
Result<std::string> convert_to_utf8(std::string_view bytes, const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(encoding.c_str(), &status));
  if (U_FAILURE(status)) {
    return failf(ErrorKind::kInvalidInput,
                 "unknown encoding '{}'; name one such as utf-8, windows-1252, latin1 or utf-16le",
                 encoding);
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> units(bytes.size() + 16);
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), bad, &bad_length, &ignored);
    auto offset = static_cast<std::size_t>(source - bytes.data()) -
                  static_cast<std::size_t>(std::max<int8_t>(bad_length, 0));
    return failf(ErrorKind::kInvalidInput,
                 "byte offset {}: not valid {} text; name the file's encoding with --encoding",
                 offset, encoding);
  }
  icu::UnicodeString decoded(units.data(), static_cast<int32_t>(target - units.data()));
  std::string utf8;
  decoded.toUTF8String(utf8);
  return utf8;
}

std::string guess_encoding(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  uchardet_handle_data(detector, bytes.data(), bytes.size());
  uchardet_data_end(detector);
  std::string guess = uchardet_get_charset(detector);
  uchardet_delete(detector);
  return guess;
}

Status refuse_binary(std::string_view utf8) {
  if (auto nul = utf8.find('\0'); nul != std::string_view::npos) {
    return failf(ErrorKind::kInvalidInput,
                 "looks like a binary file (a NUL character at offset {}); import text, DOCX, "
                 "ODT, PDF, HTML or Markdown",
                 nul);
  }
  return {};
}

Result<DecodedText> decoded(std::string utf8, std::string encoding, bool guessed) {
  TRY_STATUS(refuse_binary(utf8));
  TRY_STATUS(validate_utf8(utf8));  // a converter bug must not reach the text model
  return DecodedText{std::move(utf8), std::move(encoding), guessed};
}

Result<DecodedText> decode_utf16(std::string_view bytes, const char* encoding) {
  if (bytes.size() % 2 != 0) {
    return failf(ErrorKind::kInvalidInput,
                 "the file starts as {} but has an odd number of bytes: it is truncated", encoding);
  }
  TRY(utf8, convert_to_utf8(bytes, encoding));
  return decoded(std::move(utf8), encoding, false);
}

}  // namespace

Result<DecodedText> decode_text(std::string_view bytes, std::string_view encoding) {
  std::string wanted = ascii_lower(encoding);
  if (wanted == "utf-8" || wanted == "utf8") {
    if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    TRY_STATUS(validate_utf8(bytes));
    return decoded(std::string(bytes), "UTF-8", false);
  }
  if (wanted != "auto") {
    TRY(utf8, convert_to_utf8(bytes, std::string(encoding)));
    if (utf8.starts_with(kUtf8Bom)) utf8.erase(0, kUtf8Bom.size());
    return decoded(std::move(utf8), std::string(encoding), false);
  }
  if (bytes.starts_with(kUtf8Bom)) return decode_text(bytes.substr(kUtf8Bom.size()), "utf-8");
  if (bytes.starts_with(kUtf16LeBom)) return decode_utf16(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with(kUtf16BeBom)) return decode_utf16(bytes.substr(2), "UTF-16BE");
  auto valid = validate_utf8(bytes);
  if (valid) return decoded(std::string(bytes), "UTF-8", false);
  TRY_STATUS(refuse_binary(bytes));
  std::string guess = guess_encoding(bytes);
  if (guess.empty() || ascii_lower(guess) == "utf-8" || ascii_lower(guess) == "ascii") {
    return fail(ErrorKind::kInvalidInput,
                valid.error().message +
                    "; the encoding could not be detected: save the file as UTF-8 or name its "
                    "encoding with --encoding");
  }
  TRY(utf8, convert_to_utf8(bytes, guess));
  return decoded(std::move(utf8), guess, true);
}

}  // namespace thematica
